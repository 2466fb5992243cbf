import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import type { MemberView } from '../../../types/models'
import { DayCard } from '../../components/DayCard'
import { MeetingCard } from '../../components/MeetingCard'
import { RemindMe } from '../../containers/RemindMe'
import { SessionGate } from '../../containers/SessionGate'
import { StateView } from '../../components/StateView'
import { Progress } from '../../components/ui'
import { myStatusKind } from '../../display/meeting-display'
import { yuan } from '../../display/money'
import { nextMonth, relativeDay } from '../../domain/relative-day'
import { addDays, shanghaiDate } from '../../domain/time'
import { useRemote } from '../../hooks/use-remote'
import { call } from '../../services/call'
import './index.scss'
import { now } from '../../services/clock'

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

/** The next meeting I am expected at (or running now), if any in the coming weeks. */
async function loadNextMeeting(today: string) {
  const { meetings } = await call('meeting.list', { from: today, to: addDays(today, 45) })
  const at = now().getTime()
  return meetings.find((m) => m.status === 'scheduled' && m.myStatus.invited && Date.parse(m.endAt) >= at) ?? null
}

function Home({ member }: { member: MemberView }) {
  const today = shanghaiDate(now())
  const next = useRemote(() => loadNextMeeting(today), [today])
  const schedule = useRemote(() => loadUpcoming(today), [today])
  const dues = useRemote(() => call('dues.mine', {}), [])
  const notices = useRemote(() => call('notice.list', {}), [])
  const points = useRemote(() => call('points.mine', {}), [])
  const isSecretary = member.roles.includes('secretary')
  const isOrganiser = isSecretary || member.roles.includes('deputy') || member.roles.includes('committee')

  usePullDownRefresh(() => {
    for (const r of [next, schedule, dues, notices, points]) r.reload()
    Taro.stopPullDownRefresh()
  })

  const thisMonth = dues.data?.months.find((m) => m.month === today.slice(0, 7))
  return (
    <View className='page home'>
      <View className='home__greeting'>
        <Text className='home__name'>{member.name}，您好</Text>
        <Text className='home__branch'>
          {member.branchName}
          {member.groupName ? ` · ${member.groupName}` : ''}
        </Text>
      </View>

      <Text className='section-title'>下一次会议</Text>
      <StateView
        remote={next}
        rows={2}
        isEmpty={next.data === null}
        empty={{ title: '近期没有需要参加的会议', hint: '新的会议安排会显示在这里，也可以在“会议”里查看全部。' }}
      >
        {next.data ? (
          <MeetingCard
            meeting={next.data}
            status={myStatusKind(next.data, next.data.myStatus, now())}
            relative={relativeDay(today, shanghaiDate(next.data.startAt))}
            onClick={() => Taro.navigateTo({ url: `/pages/meeting-detail/index?id=${next.data!.id}` })}
          />
        ) : null}
      </StateView>

      <Text className='section-title'>近期安排</Text>
      <StateView remote={schedule}>
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

      <Text className='section-title'>本月党费</Text>
      <View className='card home__dues' onClick={() => Taro.navigateTo({ url: '/pages/dues/index' })} role='button'>
        <StateView remote={dues} rows={1}>
          {dues.data ? (
            <View className='home__dues-row'>
              <View className='home__dues-main'>
                <Text className='home__dues-amount'>{dues.data.amount !== null ? `${yuan(dues.data.amount)} 元` : '待核定'}</Text>
                <Text className='muted'>{thisMonth?.paid ? `${thisMonth.paidAt} 已缴` : '点这里登记缴纳'}</Text>
              </View>
              <Text className={thisMonth?.paid ? 'home__paid' : 'home__unpaid'}>{thisMonth?.paid ? '已缴' : '未缴'}</Text>
            </View>
          ) : null}
        </StateView>
      </View>

      <Text className='section-title'>通知</Text>
      <View className='card'>
        <StateView
          remote={notices}
          rows={2}
          isEmpty={notices.data?.notices.length === 0}
          empty={{ title: '暂无通知', hint: '主题党日、党费缴纳日和会议的提醒都会在这里列出，收不到微信消息也不会错过。' }}
        >
          {notices.data?.notices.slice(0, 5).map((n) => (
            <View className='home__notice' key={n.id}>
              <Text className='home__notice-title'>{n.title}</Text>
              <Text className='muted'>{n.body}</Text>
            </View>
          ))}
        </StateView>
      </View>

      <Text className='section-title'>今年学时</Text>
      <View className='card'>
        <StateView remote={points} rows={2}>
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
            </View>
          ) : null}
        </StateView>
      </View>

      {isOrganiser ? (
        <View className='home__shortcuts'>
          {isSecretary ? (
            <View className='home__shortcut' role='button' onClick={() => Taro.navigateTo({ url: '/pages/dues/index' })}>
              党费登记表
            </View>
          ) : null}
          <View className='home__shortcut' role='button' onClick={() => Taro.navigateTo({ url: '/pages/reach/index' })}>
            谁收不到提醒
          </View>
        </View>
      ) : null}

      <View className='home__remind'>
        <RemindMe kinds={['meeting_reminder', 'dues_reminder']} />
      </View>
    </View>
  )
}

export default function IndexPage() {
  return <SessionGate>{(member) => <Home member={member} />}</SessionGate>
}
