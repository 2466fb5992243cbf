import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import type { Result } from '../../services/call'
import type { MemberView } from '../../../types/models'
import { MeetingCard } from '../../components/MeetingCard'
import { MonthCalendar, type DayMark } from '../../components/MonthCalendar'
import { SessionGate } from '../../containers/SessionGate'
import { StateView } from '../../components/StateView'
import { Button } from '../../components/ui'
import { myStatusKind } from '../../display/meeting-display'
import { ORGANISERS, mayCall } from '../../domain/permissions'
import { nextMonth, relativeDay } from '../../domain/relative-day'
import { calendarDay, daysInMonth, formatDateZh, shanghaiDate } from '../../domain/time'
import { useRemote } from '../../hooks/use-remote'
import { call } from '../../services/call'
import './index.scss'
import { now } from '../../services/clock'
import { useRefreshOnReturn } from '../../hooks/use-refresh-on-return'

const MONTHS_AHEAD = 3
/** How far the calendar pages from this month, either way. */
const CALENDAR_RANGE_MONTHS = 12
const PAST_SHOWN = 5

type ListedMeeting = Result<'meeting.list'>['meetings'][number]

async function loadMonths(firstMonth: string) {
  const months = [firstMonth]
  while (months.length < MONTHS_AHEAD) months.push(nextMonth(months[months.length - 1]))
  return Promise.all(months.map((month) => call('schedule.month', { month })))
}

/** The month's 主题党日, 党费缴纳日 and meeting days as calendar marks. */
async function loadCalendar(month: string): Promise<Record<string, DayMark[]>> {
  const [schedule, list] = await Promise.all([
    call('schedule.month', { month }),
    call('meeting.list', { from: `${month}-01`, to: `${month}-${String(daysInMonth(month)).padStart(2, '0')}` }),
  ])
  const marks: Record<string, DayMark[]> = {}
  const add = (date: string, mark: DayMark) => {
    const day = (marks[date] ??= [])
    if (!day.includes(mark)) day.push(mark)
  }
  add(schedule.themeDay.date, 'theme')
  add(schedule.duesDay.date, 'dues')
  for (const m of list.meetings) {
    if (m.status === 'cancelled') continue
    const date = shanghaiDate(m.startAt)
    // The generated 主题党日 is already marked as such.
    if (!(m.type === 'theme_day' && date === schedule.themeDay.date)) add(date, 'meeting')
  }
  return marks
}

const monthsBetween = (a: string, b: string) => calendarDay(`${b}-01`).diff(calendarDay(`${a}-01`), 'month')

interface ListProps {
  title: string
  meetings: ListedMeeting[]
  today: string
  now: Date
  /** "今天", "明天"… beside each, for meetings still ahead. */
  relative?: boolean
}

function MeetingList({ title, meetings, today, now, relative }: ListProps) {
  return (
    <View>
      <Text className='section-title'>{title}</Text>
      {meetings.map((m) => (
        <MeetingCard
          key={m.id}
          meeting={m}
          status={myStatusKind(m, m.myStatus, now)}
          relative={relative ? relativeDay(today, shanghaiDate(m.startAt)) : undefined}
          onClick={() => Taro.navigateTo({ url: `/pages/meeting-detail/index?id=${encodeURIComponent(m.id)}` })}
        />
      ))}
    </View>
  )
}

/** 会议: upcoming and past meetings with my status, a month calendar, and the fixed monthly days. */
function Meetings({ member }: { member: MemberView }) {
  const today = shanghaiDate(now())
  const thisMonth = today.slice(0, 7)
  const [month, setMonth] = useState(thisMonth)
  const [showAllPast, setShowAllPast] = useState(false)
  const list = useRemote(() => call('meeting.list', {}), [])
  const calendar = useRemote(() => loadCalendar(month), [month])
  const months = useRemote(() => loadMonths(thisMonth), [thisMonth])
  const canCreate = mayCall(ORGANISERS, member.roles)

  // Coming back from a meeting or the form: show what changed without a skeleton.
  useRefreshOnReturn(() => {
    list.refresh()
    calendar.refresh()
  })

  usePullDownRefresh(() => {
    list.reload()
    calendar.reload()
    months.reload()
    Taro.stopPullDownRefresh()
  })

  const at = now()
  const all = list.data?.meetings ?? []
  const ended = (m: ListedMeeting) => Date.parse(m.endAt) < at.getTime()
  const upcoming = all.filter((m) => !ended(m)).sort((a, b) => Date.parse(a.startAt) - Date.parse(b.startAt))
  const past = all.filter(ended).sort((a, b) => Date.parse(b.startAt) - Date.parse(a.startAt))
  const offset = monthsBetween(thisMonth, month)

  return (
    <View className={canCreate ? 'page page--actions meetings' : 'page meetings'}>
      <StateView
        remote={list}
        rows={5}
        isEmpty={all.length === 0}
        empty={{
          title: '近两个月没有会议',
          hint: canCreate ? '点下方“新建会议”安排一次会议，支部党员会在这里看到。' : '支部安排会议后会显示在这里。',
        }}
      >
        {upcoming.length ? (
          <MeetingList title='即将召开' meetings={upcoming} today={today} now={at} relative />
        ) : (
          <View className='card meetings__none'>
            <Text className='muted'>近期没有安排会议。</Text>
          </View>
        )}
        {past.length ? (
          <View>
            <MeetingList title='已结束' meetings={showAllPast ? past : past.slice(0, PAST_SHOWN)} today={today} now={at} />
            {past.length > PAST_SHOWN && !showAllPast ? (
              <View className='meetings__more' onClick={() => setShowAllPast(true)} role='button'>
                显示更早的 {past.length - PAST_SHOWN} 场
              </View>
            ) : null}
          </View>
        ) : null}
      </StateView>

      <Text className='section-title'>月历</Text>
      <View className='card'>
        <StateView remote={calendar} rows={6}>
          {calendar.data ? (
            <MonthCalendar
              month={month}
              today={today}
              marks={calendar.data}
              onPrev={offset > -CALENDAR_RANGE_MONTHS ? () => setMonth(calendarDay(`${month}-01`).subtract(1, 'month').format('YYYY-MM')) : undefined}
              onNext={offset < CALENDAR_RANGE_MONTHS ? () => setMonth(nextMonth(month)) : undefined}
            />
          ) : null}
        </StateView>
      </View>

      <Text className='section-title'>每月固定安排</Text>
      <StateView remote={months} rows={6}>
        {months.data?.map((m) => (
          <View className='card meetings__month' key={m.month}>
            <Text className='meetings__month-title'>{Number(m.month.slice(5))}月</Text>
            {[
              { label: '主题党日', day: m.themeDay },
              { label: '党费缴纳日', day: m.duesDay },
            ].map(({ label, day }) => (
              <View className='meetings__row' key={label}>
                <Text className='meetings__label'>{label}</Text>
                <View className='meetings__when'>
                  <Text className={day.date < today ? 'meetings__date meetings__date--past' : 'meetings__date'}>{formatDateZh(day.date)}</Text>
                  <Text className='meetings__relative'>{relativeDay(today, day.date)}</Text>
                </View>
                {day.shifted ? <Text className='meetings__note'>遇法定节假日，由 {formatDateZh(day.ruleDate)} 提前</Text> : null}
              </View>
            ))}
            {!m.holidayDataKnown ? <Text className='meetings__note'>该年节假日安排尚未公布，日期未按节假日调整</Text> : null}
          </View>
        ))}
      </StateView>
      <Text className='muted meetings__footer'>默认每月第4个周五；支部可调整规则或单独改某个月。</Text>

      {canCreate ? (
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
  return <SessionGate>{(member) => <Meetings member={member} />}</SessionGate>
}
