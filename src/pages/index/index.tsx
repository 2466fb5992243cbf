import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { MemberView } from '../../../types/models'
import { DayCard } from '../../components/DayCard'
import { MeetingCard } from '../../components/MeetingCard'
import { Section } from '../../components/Section'
import { OneErrorBlock, StateView } from '../../components/StateView'
import { ArrowRight, Progress } from '../../components/ui'
import { PageRoute } from '../../containers/PageRoute'
import { HomeBoard } from '../../containers/HomeBoard'
import { RemindMe } from '../../containers/RemindMe'
import { RecordsOverview } from '../../containers/RecordsOverview'
import { myStatusKind } from '../../display/meeting-display'
import { yuan } from '../../display/money'
import { relativeDay } from '../../domain/relative-day'
import { shanghaiDate } from '../../domain/time'
import { useHome, type HomeModel } from '../../features/home/use-home'
import { now } from '../../services/clock'
import './index.scss'
import { COLORS } from '../../styles/colors'

const go = (url: string) => () => Taro.navigateTo({ url })

function NextMeeting({ next, today }: Pick<HomeModel, 'next' | 'today'>) {
  const m = next.data
  return (
    <>
      <Text className='section-title'>下一次会议</Text>
      <StateView
        remote={next}
        rows={2}
        isEmpty={m === null}
        empty={{ title: '近期没有需要参加的会议', hint: '新的会议安排会显示在这里，也可以在“会议”里查看全部。' }}
      >
        {m ? (
          <MeetingCard
            meeting={m}
            status={myStatusKind(m, m.myStatus, now())}
            relative={relativeDay(today, shanghaiDate(m.startAt))}
            onClick={go(`/pages/meeting-detail/index?id=${m.id}`)}
          />
        ) : null}
      </StateView>
    </>
  )
}

function Upcoming({ schedule, today }: Pick<HomeModel, 'schedule' | 'today'>) {
  const s = schedule.data
  return (
    <>
      <Text className='section-title'>近期安排</Text>
      <StateView remote={schedule}>
        {s ? (
          <View>
            <DayCard label='主题党日' day={s.themeDay} relative={relativeDay(today, s.themeDay.date)} />
            <DayCard label='党费缴纳日' day={s.duesDay} relative={relativeDay(today, s.duesDay.date)} />
            {!s.holidayDataKnown ? <Text className='muted home__note'>明年的法定节假日安排尚未公布，日期暂未按节假日调整。</Text> : null}
          </View>
        ) : null}
      </StateView>
    </>
  )
}

function Dues({ dues, thisMonth }: Pick<HomeModel, 'dues' | 'thisMonth'>) {
  return (
    <Section title='本月党费' remote={dues} rows={1} className='home__dues' onClick={go('/pages/dues/index')}>
      {dues.data ? (
        <View className='home__dues-row'>
          <View className='home__dues-main'>
            <Text className='home__dues-amount'>{dues.data.amount !== null ? `${yuan(dues.data.amount)} 元` : '待核定'}</Text>
            <Text className='muted'>{thisMonth?.paid ? `${thisMonth.paidAt} 已缴` : '点这里登记缴纳'}</Text>
          </View>
          <Text className={thisMonth?.paid ? 'home__paid' : 'home__unpaid'}>{thisMonth?.paid ? '已缴' : '未缴'}</Text>
        </View>
      ) : null}
    </Section>
  )
}

function Notices({ notices }: Pick<HomeModel, 'notices'>) {
  return (
    <Section
      title='通知'
      remote={notices}
      rows={2}
      isEmpty={notices.data?.notices.length === 0}
      empty={{ title: '暂无通知', hint: '主题党日、党费缴纳日和会议的提醒都会在这里列出，收不到微信消息也不会错过。' }}
    >
      {notices.data?.notices.slice(0, 5).map((n) => (
        <View className='home__notice' key={n.id} role='button' onClick={go(n.page)}>
          <View className='home__notice-main'>
            <Text className='home__notice-title'>{n.title}</Text>
            <Text className='muted'>{n.body}</Text>
          </View>
          <ArrowRight className='home__notice-arrow' />
        </View>
      ))}
    </Section>
  )
}

function Hours({ points }: Pick<HomeModel, 'points'>) {
  const p = points.data
  return (
    <Section title='今年学时' remote={points} rows={2}>
      {p ? (
        <View>
          <View className='home__hours'>
            <Text className='big-number'>{p.studyHours}</Text>
            <Text className='home__target'> / {p.targetHours} 学时</Text>
          </View>
          <Progress percent={Math.min(100, Math.round((p.studyHours / p.targetHours) * 100))} color={COLORS.primary} strokeWidth='8' />
        </View>
      ) : null}
    </Section>
  )
}

/** The leadership's undecided leave as a count; one meeting's open at its attendance page, several at 会议. */
function PendingLeave({ leave }: { leave: NonNullable<HomeModel['leave']> }) {
  const leaves = leave.data?.leaves ?? []
  // A count, not a card to wait for: nothing until there is something to decide (a failure is still told).
  if (leave.status !== 'error' && leaves.length === 0) return null
  const meetings = [...new Set(leaves.map((l) => l.meetingId))]
  const open = () =>
    meetings.length === 1 ? Taro.navigateTo({ url: `/pages/attendance/index?id=${encodeURIComponent(meetings[0])}` }) : Taro.switchTab({ url: '/pages/meetings/index' })
  return (
    <Section title='待审批' remote={leave} rows={1} className='home__pending' onClick={open}>
      <View className='home__pending-row'>
        <Text className='home__pending-words'>请假申请</Text>
        <Text className='home__badge'>{leaves.length} 条</Text>
        <ArrowRight className='home__notice-arrow' />
      </View>
    </Section>
  )
}

function Shortcuts({ isSecretary }: { isSecretary: boolean }) {
  return (
    <View className='home__shortcuts'>
      {isSecretary ? (
        <View className='home__shortcut' role='button' onClick={go('/pages/roster/index')}>
          支部名册
        </View>
      ) : null}
      {isSecretary ? (
        <View className='home__shortcut' role='button' onClick={go('/pages/dues/index')}>
          党费登记表
        </View>
      ) : null}
      {isSecretary ? (
        <View className='home__shortcut' role='button' onClick={go('/pages/calendar-settings/index')}>
          日程与提醒
        </View>
      ) : null}
      <View className='home__shortcut' role='button' onClick={go('/pages/reach/index')}>
        谁收不到提醒
      </View>
    </View>
  )
}

function Home({ member }: { member: MemberView }) {
  const home = useHome(member)
  return (
    <View className='page home'>
      <View className='home__greeting'>
        <Text className='home__name'>{member.name}，您好</Text>
        <Text className='home__branch'>
          {member.branchName}
          {member.groupName ? ` · ${member.groupName}` : ''}
        </Text>
      </View>
      <OneErrorBlock>
        {home.leave ? <PendingLeave leave={home.leave} /> : null}
        <NextMeeting next={home.next} today={home.today} />
        {home.isOrganiser ? <RecordsOverview /> : null}
        <Upcoming schedule={home.schedule} today={home.today} />
        <Dues dues={home.dues} thisMonth={home.thisMonth} />
        <HomeBoard member={member} />
        <Notices notices={home.notices} />
        <Hours points={home.points} />
      </OneErrorBlock>
      {home.isOrganiser ? <Shortcuts isSecretary={home.isSecretary} /> : null}
      <View className='home__remind'>
        <RemindMe kinds={['meeting_reminder', 'dues_reminder']} />
      </View>
    </View>
  )
}

export default function IndexPage() {
  return <PageRoute render={({ member }) => <Home member={member} />} />
}
