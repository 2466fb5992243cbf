import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import type { Result } from '../../services/call'
import { ChoiceList } from '../../components/ChoiceList'
import { FormError, FormField } from '../../components/FormField'
import { PhotoField } from '../../containers/PhotoField'
import { SessionGate } from '../../containers/SessionGate'
import { Input, Progress } from '../../components/ui'
import { hoursPercent, weekLabel, weekSpan } from '../../display/study-display'
import { useXuexiReport } from '../../features/study/use-xuexi-report'
import { ActionBar, RemoteCard } from '../../features/study/views'
import './index.scss'
import { COLORS } from '../../styles/colors'

type Weeks = Result<'xuexi.mine'>

function WeekRow({ w, target, today }: { w: Weeks['weeks'][number]; target: number; today: string }) {
  const reached = w.points !== null && w.points >= target
  const label = weekLabel(w.week, today)
  return (
    <View className='xuexi__week' data-week={w.week}>
      <View className='xuexi__week-head'>
        <View className='xuexi__week-name'>
          <Text className='xuexi__week-label'>{label}</Text>
          {label !== weekSpan(w.week) ? <Text className='muted'>{weekSpan(w.week)}</Text> : null}
        </View>
        {w.points === null ? (
          <Text className='xuexi__none'>未上报</Text>
        ) : (
          <View className='xuexi__week-value'>
            <Text className='xuexi__points'>{w.points}</Text>
            <Text className='muted'> / {target} 分</Text>
            {reached ? <Text className='xuexi__tag'>达标</Text> : null}
          </View>
        )}
      </View>
      {w.points !== null ? <Progress percent={hoursPercent(w.points, target)} color={reached ? COLORS.present : COLORS.primary} strokeWidth='6' /> : null}
    </View>
  )
}

function WeekRows({ data, today }: { data: Weeks; today: string }) {
  const weeks = [...data.weeks].sort((a, b) => (a.week < b.week ? 1 : -1))
  return (
    <View>
      {weeks.map((w) => (
        <WeekRow key={w.week} w={w} target={data.target} today={today} />
      ))}
    </View>
  )
}

function Xuexi() {
  const x = useXuexiReport()
  const { values, today, weeks, reported, mine } = x

  usePullDownRefresh(() => {
    mine.reload()
    Taro.stopPullDownRefresh()
  })

  const pointsHint = reported !== null ? `这一周已上报 ${reported} 分，再次提交会改为新的数字。` : '打开学习强国“我的”→“学习积分”，填写这一周获得的积分。'
  return (
    <View className='page page--actions xuexi'>
      <View className='card xuexi__intro'>
        <Text className='xuexi__intro-text'>学习强国没有开放数据接口，这里的积分由您自己按学习强国里显示的数字上报，支部只作统计参考，不作排名。</Text>
        {mine.data ? <Text className='muted'>每周目标 {mine.data.target} 分</Text> : null}
      </View>
      <FormField label='上报哪一周'>
        <ChoiceList options={weeks.map((w) => `${weekLabel(w, today)}（${weekSpan(w)}）`)} chosen={[weeks.indexOf(values.week)]} onToggle={(i) => x.set('week', weeks[i])} letters={false} />
      </FormField>
      <FormField label={`${weekLabel(values.week, today)}的学习强国积分`} hint={pointsHint} error={x.fieldError}>
        <Input className='field__input' type='number' value={values.points} onChange={(v) => x.set('points', v)} placeholder='例如 150' />
      </FormField>
      <View className='field'>
        <PhotoField label='积分截图（可不加）' value={values.photo} onChange={(p) => x.set('photo', p)} />
      </View>
      <FormError text={x.formError} />
      <Text className='section-title'>最近几周</Text>
      <RemoteCard className='xuexi__weeks' remote={mine} rows={4} isEmpty={mine.data?.weeks.length === 0} empty={{ title: '还没有上报记录', hint: '上报后，每周的积分会和目标一起列在这里。' }}>
        {mine.data ? <WeekRows data={mine.data} today={today} /> : null}
      </RemoteCard>
      <ActionBar text={reported !== null ? '更新上报' : '上报'} busy={x.busy} onClick={x.submit} />
    </View>
  )
}

export default function XuexiPage() {
  return <SessionGate>{() => <Xuexi />}</SessionGate>
}
