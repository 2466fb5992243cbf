import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { MemberView } from '../../../types/models'
import type { Result } from '../../services/call'
import { MeetingCard } from '../../components/MeetingCard'
import { MonthCalendar } from '../../components/MonthCalendar'
import { Section } from '../../components/Section'
import { OneErrorBlock, StateView } from '../../components/StateView'
import { Button } from '../../components/ui'
import { PageRoute } from '../../containers/PageRoute'
import { myStatusKind } from '../../display/meeting-display'
import { relativeDay } from '../../domain/relative-day'
import { formatDateZh, shanghaiDate } from '../../domain/time'
import { useMeetings, type ListedMeeting } from '../../features/meetings/use-meetings'
import './index.scss'

const PAST_SHOWN = 5

interface ListProps {
  title: string
  meetings: ListedMeeting[]
  today: string
  now: Date
  /** "今天", "明天"… beside each, for meetings still ahead. */
  relative?: boolean
  pendingLeaveOf: (meetingId: string) => number
}

function MeetingList({ title, meetings, today, now, relative, pendingLeaveOf }: ListProps) {
  return (
    <View>
      <Text className='section-title'>{title}</Text>
      {meetings.map((m) => (
        <MeetingCard
          key={m.id}
          meeting={m}
          status={myStatusKind(m, m.myStatus, now)}
          relative={relative ? relativeDay(today, shanghaiDate(m.startAt)) : undefined}
          pendingLeave={pendingLeaveOf(m.id)}
          onClick={() => Taro.navigateTo({ url: `/pages/meeting-detail/index?id=${encodeURIComponent(m.id)}` })}
        />
      ))}
    </View>
  )
}

/** The meetings that have ended: the latest five, and the rest on request. */
function Past({ past, today, now, pendingLeaveOf }: Pick<ListProps, 'today' | 'now' | 'pendingLeaveOf'> & { past: ListedMeeting[] }) {
  const [showAll, setShowAll] = useState(false)
  if (!past.length) return null
  return (
    <View>
      <MeetingList title='已结束' meetings={showAll ? past : past.slice(0, PAST_SHOWN)} today={today} now={now} pendingLeaveOf={pendingLeaveOf} />
      {past.length > PAST_SHOWN && !showAll ? (
        <View className='meetings__more' onClick={() => setShowAll(true)} role='button'>
          显示更早的 {past.length - PAST_SHOWN} 场
        </View>
      ) : null}
    </View>
  )
}

function FixedDays({ month, today }: { month: Result<'schedule.month'>; today: string }) {
  const days = [
    { label: '主题党日', day: month.themeDay },
    { label: '党费缴纳日', day: month.duesDay },
  ]
  return (
    <View className='card meetings__month'>
      <Text className='meetings__month-title'>{Number(month.month.slice(5))}月</Text>
      {days.map(({ label, day }) => (
        <View className='meetings__row' key={label}>
          <Text className='meetings__label'>{label}</Text>
          <View className='meetings__when'>
            <Text className={day.date < today ? 'meetings__date meetings__date--past' : 'meetings__date'}>{formatDateZh(day.date)}</Text>
            <Text className='meetings__relative'>{relativeDay(today, day.date)}</Text>
          </View>
          {day.shifted ? <Text className='meetings__note'>遇法定节假日，由 {formatDateZh(day.ruleDate)} 提前</Text> : null}
        </View>
      ))}
      {!month.holidayDataKnown ? <Text className='meetings__note'>该年节假日安排尚未公布，日期未按节假日调整</Text> : null}
    </View>
  )
}

/** 会议: upcoming and past meetings with my status, a month calendar, and the fixed monthly days. */
function Meetings({ member }: { member: MemberView }) {
  const m = useMeetings(member)
  const hint = m.canCreate ? '点下方“新建会议”安排一次会议，支部党员会在这里看到。' : '支部安排会议后会显示在这里。'
  return (
    <View className={m.canCreate ? 'page page--actions meetings' : 'page meetings'}>
      <OneErrorBlock>
        <StateView remote={m.list} rows={5} isEmpty={m.all.length === 0} empty={{ title: '近两个月没有会议', hint }}>
          {m.upcoming.length ? (
            <MeetingList title='即将召开' meetings={m.upcoming} today={m.today} now={m.at} relative pendingLeaveOf={m.pendingLeaveOf} />
          ) : (
            <View className='card meetings__none'>
              <Text className='muted'>近期没有安排会议。</Text>
            </View>
          )}
          <Past past={m.past} today={m.today} now={m.at} pendingLeaveOf={m.pendingLeaveOf} />
        </StateView>
        <Section title='月历' remote={m.calendar} rows={6}>
          {m.calendar.data ? <MonthCalendar month={m.month} today={m.today} marks={m.calendar.data} onPrev={m.prev} onNext={m.next} /> : null}
        </Section>
        <Text className='section-title'>每月固定安排</Text>
        <StateView remote={m.months} rows={6}>
          {m.months.data?.map((month) => <FixedDays key={month.month} month={month} today={m.today} />)}
        </StateView>
      </OneErrorBlock>
      <Text className='muted meetings__footer'>默认每月第4个周五；支部可调整规则或单独改某个月。</Text>
      {m.canCreate ? (
        <View className='action-bar'>
          <Button block type='primary' className='action-bar__main' onClick={() => Taro.navigateTo({ url: '/pages/meeting-edit/index' })}>
            新建会议
          </Button>
        </View>
      ) : null}
    </View>
  )
}

export default function MeetingsPage() {
  return <PageRoute render={({ member }) => <Meetings member={member} />} />
}
