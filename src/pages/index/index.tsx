import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import type { MemberView } from '../../../types/models'
import { DayCard } from '../../components/DayCard'
import { SessionGate } from '../../components/SessionGate'
import { StateView } from '../../components/StateView'
import { Progress } from '../../components/ui'
import { nextMonth, relativeDay } from '../../domain/relative-day'
import { shanghaiDate } from '../../domain/time'
import { useRemote } from '../../hooks/use-remote'
import { call } from '../../services/call'
import './index.scss'

/** This month's day if it is still ahead, otherwise next month's. */
async function loadUpcoming(today: string) {
  const month = today.slice(0, 7)
  const [now, next] = await Promise.all([call('schedule.month', { month }), call('schedule.month', { month: nextMonth(month) })])
  return {
    themeDay: now.themeDay.date >= today ? now.themeDay : next.themeDay,
    duesDay: now.duesDay.date >= today ? now.duesDay : next.duesDay,
    holidayDataKnown: now.holidayDataKnown && next.holidayDataKnown,
  }
}

function Home({ member }: { member: MemberView }) {
  const today = shanghaiDate(new Date())
  const schedule = useRemote(() => loadUpcoming(today), [today])
  const points = useRemote(() => call('points.mine', {}), [])

  usePullDownRefresh(() => {
    schedule.reload()
    points.reload()
    Taro.stopPullDownRefresh()
  })

  return (
    <View className='page home'>
      <View className='home__greeting'>
        <Text className='home__name'>{member.name}，您好</Text>
        <Text className='home__branch'>
          {member.branchName}
          {member.groupName ? ` · ${member.groupName}` : ''}
        </Text>
      </View>

      <Text className='section-title'>近期安排</Text>
      <StateView
        status={schedule.status}
        errorMessage={schedule.error?.message}
        errorCode={schedule.error?.code}
        onRetry={schedule.reload}
      >
        {schedule.data ? (
          <View>
            <DayCard label='主题党日' day={schedule.data.themeDay} relative={relativeDay(today, schedule.data.themeDay.date)} />
            <DayCard label='党费缴纳日' day={schedule.data.duesDay} relative={relativeDay(today, schedule.data.duesDay.date)} />
            {!schedule.data.holidayDataKnown ? (
              <Text className='muted home__note'>明年的法定节假日安排尚未公布，日期暂未按节假日调整。</Text>
            ) : null}
          </View>
        ) : null}
      </StateView>

      <Text className='section-title'>今年学时</Text>
      <View className='card'>
        <StateView status={points.status} errorMessage={points.error?.message} errorCode={points.error?.code} onRetry={points.reload} rows={2}>
          {points.data ? (
            <View>
              <View className='home__hours'>
                <Text className='big-number'>{points.data.studyHours}</Text>
                <Text className='home__target'> / {points.data.targetHours} 学时</Text>
              </View>
              <Progress
                percent={Math.min(100, Math.round((points.data.studyHours / points.data.targetHours) * 100))}
                color='#C8161D'
                strokeWidth='8'
              />
              <Text className='muted home__note'>参加会议、自学和测试都会计入学时。</Text>
            </View>
          ) : null}
        </StateView>
      </View>
    </View>
  )
}

export default function IndexPage() {
  return <SessionGate>{(member) => <Home member={member} />}</SessionGate>
}
