/**
 * Meeting rules shared by the cloud functions and the app: who is invited, when check-in is
 * open, and what each member's status is.
 */
import type {
  Attendance,
  AttendanceStatus,
  Leave,
  Meeting,
  MeetingScope,
  MeetingType,
  Member,
} from '../../types/models'

export const MEETING_TYPE_LABELS: Record<MeetingType, string> = {
  branch_assembly: '支部党员大会',
  committee: '支委会',
  group: '党小组会',
  lecture: '党课',
  theme_day: '主题党日',
  life_meeting: '组织生活会',
  other: '其他活动',
}

/** Check-in opens this long before the start. */
export const CHECKIN_OPENS_BEFORE_MIN = 30

export function checkinWindow(m: Pick<Meeting, 'startAt' | 'endAt'>) {
  const start = Date.parse(m.startAt)
  return { opensAt: start - CHECKIN_OPENS_BEFORE_MIN * 60_000, startsAt: start, closesAt: Date.parse(m.endAt) }
}

export type WindowState = 'not_yet' | 'open' | 'closed'

export function windowState(m: Pick<Meeting, 'startAt' | 'endAt'>, now: Date): WindowState {
  const w = checkinWindow(m)
  const t = now.getTime()
  if (t < w.opensAt) return 'not_yet'
  if (t > w.closesAt) return 'closed'
  return 'open'
}

const LEADERSHIP = new Set(['secretary', 'deputy', 'committee'])

export function isLeadership(member: Pick<Member, 'roles'>): boolean {
  return member.roles.some((r) => LEADERSHIP.has(r))
}

/** Whether an active member is expected at a meeting of this scope. */
export function isInvited(member: Pick<Member, 'roles' | 'groupId' | 'active'>, scope: MeetingScope): boolean {
  return member.active && inScope(member, scope)
}

/** Whether a meeting of this scope is for this member, whether or not they are still on the roll. */
export function inScope(member: Pick<Member, 'roles' | 'groupId'>, scope: MeetingScope): boolean {
  switch (scope.kind) {
    case 'branch':
      return true
    case 'committee':
      return isLeadership(member)
    case 'group':
      return member.groupId === scope.groupId
  }
}

export function scopeLabel(scope: MeetingScope, groupName?: string | null): string {
  if (scope.kind === 'branch') return '全体党员'
  if (scope.kind === 'committee') return '支委会成员'
  return groupName ?? '党小组'
}

/** The status a scan at `now` earns: on time until the start, late after it. */
export function scanStatus(m: Pick<Meeting, 'startAt'>, now: Date): 'present' | 'late' {
  return now.getTime() > Date.parse(m.startAt) ? 'late' : 'present'
}

/**
 * A member's status: a check-in record wins (they came), then an approved leave; otherwise
 * absent once the meeting has ended, and null while it can still be attended.
 */
export function memberStatus(
  record: Pick<Attendance, 'status'> | null | undefined,
  leave: Pick<Leave, 'state'> | null | undefined,
  meeting: Pick<Meeting, 'endAt'>,
  now: Date,
): AttendanceStatus | null {
  if (record) return record.status
  if (leave?.state === 'approved') return 'leave'
  return now.getTime() > Date.parse(meeting.endAt) ? 'absent' : null
}

/** The study points a check-in earns, by meeting type (a branch setting; these are the defaults). */
export const DEFAULT_MEETING_POINTS: Record<MeetingType, number> = {
  branch_assembly: 2,
  committee: 1,
  group: 1,
  lecture: 2,
  theme_day: 2,
  life_meeting: 2,
  other: 1,
}

/** 学时 for attending, in tenths: one 学时 per hour of meeting, at most 4 学时. */
export function meetingStudyTenths(m: Pick<Meeting, 'startAt' | 'endAt'>): number {
  const minutes = Math.max(0, (Date.parse(m.endAt) - Date.parse(m.startAt)) / 60_000)
  return Math.min(40, Math.round(minutes / 6))
}
