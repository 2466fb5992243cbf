/**
 * How a meeting and a member's standing read on screen: the time as people say it, one status
 * word per meeting, and the server's validation message without the field name it starts with.
 */
import type { MyMeetingStatus } from '../../types/views'
import type { AttendanceStatus, Meeting } from '../../types/models'
import { CHECKIN_OPENS_BEFORE_MIN, windowState } from '../domain/meetings'
import { formatDateZh, inShanghai } from '../domain/time'

/** A status a screen shows: an attendance status, or where a member stands before it has one. */
export type StatusKind =
  | AttendanceStatus
  | 'pending'
  | 'open'
  | 'upcoming'
  | 'leave_pending'
  | 'leave_refused'
  | 'cancelled'
  | 'not_invited'

export const STATUS_LABELS: Record<StatusKind, string> = {
  present: '已签到',
  late: '迟到',
  leave: '请假',
  absent: '缺席',
  makeup: '补签',
  pending: '未签到',
  open: '可签到',
  upcoming: '待参加',
  leave_pending: '请假待批',
  leave_refused: '请假未批准',
  cancelled: '已取消',
  not_invited: '无需参加',
}

/** The one word for my standing at a meeting, as lists and the detail page show it. */
export function myStatusKind(
  meeting: Pick<Meeting, 'status' | 'startAt' | 'endAt'>,
  my: Pick<MyMeetingStatus, 'invited' | 'status' | 'leave'>,
  now: Date,
): StatusKind {
  if (meeting.status === 'cancelled') return 'cancelled'
  if (my.status) return my.status
  if (!my.invited) return 'not_invited'
  if (my.leave?.state === 'pending') return 'leave_pending'
  const phase = windowState(meeting, now)
  if (phase === 'open') return 'open'
  if (phase === 'closed') return 'absent'
  return my.leave?.state === 'refused' ? 'leave_refused' : 'upcoming'
}

/** "14:00" in Shanghai. */
export function clockTime(instant: string): string {
  return inShanghai(instant).format('HH:mm')
}

/** When check-in opens for a meeting, "13:30". */
export function checkinOpensAt(startAt: string): string {
  return clockTime(new Date(Date.parse(startAt) - CHECKIN_OPENS_BEFORE_MIN * 60_000).toISOString())
}

/** "12月25日（周五）14:00–16:00", or both dates when a meeting runs past midnight. */
export function formatMeetingTime(startAt: string, endAt: string): string {
  const start = inShanghai(startAt)
  const end = inShanghai(endAt)
  const startDay = start.format('YYYY-MM-DD')
  const endDay = end.format('YYYY-MM-DD')
  const head = `${formatDateZh(startDay)}${start.format('HH:mm')}`
  return startDay === endDay ? `${head}–${end.format('HH:mm')}` : `${head} 至 ${formatDateZh(endDay)}${end.format('HH:mm')}`
}
