import { useState } from 'react'
import type { MemberView } from '../../../types/models'
import type { DayMark } from '../../components/MonthCalendar'
import { LEADERSHIP, ORGANISERS, mayCall } from '../../domain/permissions'
import { nextMonth } from '../../domain/relative-day'
import { calendarDay, daysInMonth, shanghaiDate } from '../../domain/time'
import { useRefreshOnReturn } from '../../hooks/use-refresh-on-return'
import { usePullToReload } from '../../hooks/use-pull-to-reload'
import { useRemote } from '../../hooks/use-remote'
import { call, type Result } from '../../services/call'
import { now } from '../../services/clock'

const MONTHS_AHEAD = 3
/** How far the calendar pages from this month, either way. */
const CALENDAR_RANGE_MONTHS = 12

export type ListedMeeting = Result<'meeting.list'>['meetings'][number]

/** schedule.month for a few months from `firstMonth`. */
export async function loadMonths(firstMonth: string) {
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
const prevMonth = (month: string) => calendarDay(`${month}-01`).subtract(1, 'month').format('YYYY-MM')

/** 会议: the meetings ahead and behind, the calendar's month, and the fixed days of the next months. */
export function useMeetings(member: MemberView) {
  const today = shanghaiDate(now())
  const thisMonth = today.slice(0, 7)
  const [month, setMonth] = useState(thisMonth)
  const list = useRemote(() => call('meeting.list', {}), [])
  const calendar = useRemote(() => loadCalendar(month), [month])
  const months = useRemote(() => loadMonths(thisMonth), [thisMonth])
  const leads = mayCall(LEADERSHIP, member.roles)
  const leave = useRemote(() => call('leave.pending', {}), [], leads)

  // Coming back from a meeting or the form: show what changed without a skeleton.
  useRefreshOnReturn(() => {
    list.refresh()
    calendar.refresh()
    if (leads) leave.refresh()
  })
  usePullToReload(list, calendar, months, ...(leads ? [leave] : []))

  const at = now()
  const all = list.data?.meetings ?? []
  const ended = (m: ListedMeeting) => Date.parse(m.endAt) < at.getTime()
  const offset = monthsBetween(thisMonth, month)
  const waiting = new Map<string, number>()
  for (const l of leave.data?.leaves ?? []) waiting.set(l.meetingId, (waiting.get(l.meetingId) ?? 0) + 1)
  return {
    today,
    at,
    list,
    all,
    upcoming: all.filter((m) => !ended(m)).sort((a, b) => Date.parse(a.startAt) - Date.parse(b.startAt)),
    past: all.filter(ended).sort((a, b) => Date.parse(b.startAt) - Date.parse(a.startAt)),
    calendar,
    month,
    prev: offset > -CALENDAR_RANGE_MONTHS ? () => setMonth(prevMonth(month)) : undefined,
    next: offset < CALENDAR_RANGE_MONTHS ? () => setMonth(nextMonth(month)) : undefined,
    months,
    canCreate: mayCall(ORGANISERS, member.roles),
    /** The leadership's undecided leave requests of a meeting (0 for members). */
    pendingLeaveOf: (meetingId: string) => waiting.get(meetingId) ?? 0,
  }
}
