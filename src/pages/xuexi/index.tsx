import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { Result } from '../../services/call'
import { ChoiceList } from '../../components/ChoiceList'
import { FormError, FormField } from '../../components/FormField'
import { PhotoField } from '../../containers/PhotoField'
import { SessionGate } from '../../containers/SessionGate'
import { StateView } from '../../components/StateView'
import { Button, Input, Progress } from '../../components/ui'
import { withoutFieldPrefix } from '../../display/meeting-display'
import { weekStart } from '../../domain/study'
import { hoursPercent, weekLabel, weekSpan } from '../../display/study-display'
import { addDays, shanghaiDate } from '../../domain/time'
import { useRemote } from '../../hooks/use-remote'
import { ApiError, call } from '../../services/call'
import { now } from '../../services/clock'
import { photoForUpload, PhotoError, type PickedPhoto } from '../../services/photo'
import './index.scss'

const POINTS_MAX = 5000

type Weeks = Result<'xuexi.mine'>

function WeekRows({ data, today }: { data: Weeks; today: string }) {
  const weeks = [...data.weeks].sort((a, b) => (a.week < b.week ? 1 : -1))
  return (
    <View>
      {weeks.map((w) => {
        const reached = w.points !== null && w.points >= data.target
        return (
          <View key={w.week} className='xuexi__week' data-week={w.week}>
            <View className='xuexi__week-head'>
              <View className='xuexi__week-name'>
                <Text className='xuexi__week-label'>{weekLabel(w.week, today)}</Text>
                {weekLabel(w.week, today) !== weekSpan(w.week) ? <Text className='muted'>{weekSpan(w.week)}</Text> : null}
              </View>
              {w.points === null ? (
                <Text className='xuexi__none'>未上报</Text>
              ) : (
                <View className='xuexi__week-value'>
                  <Text className='xuexi__points'>{w.points}</Text>
                  <Text className='muted'> / {data.target} 分</Text>
                  {reached ? <Text className='xuexi__tag'>达标</Text> : null}
                </View>
              )}
            </View>
            {w.points !== null ? <Progress percent={hoursPercent(w.points, data.target)} color={reached ? '#17753A' : '#C8161D'} strokeWidth='6' /> : null}
          </View>
        )
      })}
    </View>
  )
}

function Xuexi() {
  const today = shanghaiDate(now())
  const thisWeek = weekStart(today)
  const lastWeek = addDays(thisWeek, -7)
  const mine = useRemote(() => call('xuexi.mine', {}), [])
  const [week, setWeek] = useState(thisWeek)
  const [points, setPoints] = useState('')
  const [photo, setPhoto] = useState<PickedPhoto | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [serverError, setServerError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  usePullDownRefresh(() => {
    mine.reload()
    Taro.stopPullDownRefresh()
  })

  const reported = mine.data?.weeks.find((w) => w.week === week)?.points ?? null
  // Start from what was reported for the chosen week, so a correction starts from the old figure.
  useEffect(() => {
    setPoints(reported === null ? '' : String(reported))
    setError(null)
  }, [week, reported])

  async function submit() {
    if (busy) return
    const n = Number(points)
    if (!points.trim() || !Number.isInteger(n) || n < 0) {
      setError('请填写学习强国里显示的积分（整数）')
      return
    }
    if (n > POINTS_MAX) {
      setError(`积分不能大于 ${POINTS_MAX}`)
      return
    }
    setError(null)
    setServerError(null)
    setBusy(true)
    try {
      const screenshot = photo ? await photoForUpload(photo, 'xuexi') : undefined
      const r = await call('xuexi.report', { week, points: n, ...(screenshot ? { screenshot } : {}) })
      setPhoto(null)
      Taro.showToast({ title: r.report.points >= r.target ? '已上报，本周达标' : '已上报', icon: 'success' })
      await mine.refresh()
    } catch (err) {
      const message =
        err instanceof ApiError ? withoutFieldPrefix(err.message) : err instanceof PhotoError ? err.message : '没有上报成功，请重试'
      setServerError(message)
      Taro.showToast({ title: message, icon: 'none', duration: 3000 })
    } finally {
      setBusy(false)
    }
  }

  const weeks = [thisWeek, lastWeek]
  return (
    <View className='page page--actions xuexi'>
      <View className='card xuexi__intro'>
        <Text className='xuexi__intro-text'>
          学习强国没有开放数据接口，这里的积分由您自己按学习强国里显示的数字上报，支部只作统计参考，不作排名。
        </Text>
        {mine.data ? <Text className='muted'>每周目标 {mine.data.target} 分</Text> : null}
      </View>

      <FormField label='上报哪一周'>
        <ChoiceList
          options={weeks.map((w) => `${weekLabel(w, today)}（${weekSpan(w)}）`)}
          chosen={[weeks.indexOf(week)]}
          onToggle={(i) => setWeek(weeks[i])}
          letters={false}
        />
      </FormField>

      <FormField
        label={`${weekLabel(week, today)}的学习强国积分`}
        hint={reported !== null ? `这一周已上报 ${reported} 分，再次提交会改为新的数字。` : '打开学习强国“我的”→“学习积分”，填写这一周获得的积分。'}
        error={error}
      >
        <Input
          className='field__input'
          type='number'
          value={points}
          onChange={(v) => {
            setPoints(v)
            setError(null)
            setServerError(null)
          }}
          placeholder='例如 150'
        />
      </FormField>

      <View className='field'>
        <PhotoField label='积分截图（可不加）' value={photo} onChange={setPhoto} />
      </View>

      <FormError text={serverError} />

      <Text className='section-title'>最近几周</Text>
      <View className='card xuexi__weeks'>
        <StateView
          remote={mine}
          rows={4}
          isEmpty={mine.data?.weeks.length === 0}
          empty={{ title: '还没有上报记录', hint: '上报后，每周的积分会和目标一起列在这里。' }}
        >
          {mine.data ? <WeekRows data={mine.data} today={today} /> : null}
        </StateView>
      </View>

      <View className='action-bar'>
        <Button block type='primary' className='action-bar__main' loading={busy} onClick={submit}>
          {reported !== null ? '更新上报' : '上报'}
        </Button>
      </View>
    </View>
  )
}

export default function XuexiPage() {
  return <SessionGate>{() => <Xuexi />}</SessionGate>
}
