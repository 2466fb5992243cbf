/** The meeting form's values and rules, apart from any screen: what it starts with, checks and sends. */
import type { MeetingView } from '../../../types/views'
import type { MeetingScope, MeetingType, MemberView } from '../../../types/models'
import { LIMITS } from '../../domain/limits'
import { MEETING_TYPE_LABELS } from '../../domain/meetings'
import { effectiveRoles } from '../../domain/permissions'
import { inShanghai } from '../../domain/time'
import type { Problem } from '../../hooks/use-action-form'
import type { Payload } from '../../services/call'

const MAX = LIMITS.meeting

export interface MeetingFormValues {
  type: MeetingType
  title: string
  /** YYYY-MM-DD, Shanghai; null until chosen. */
  date: string | null
  /** HH:mm, start and end. */
  time: { start: string; end: string }
  location: string
  agenda: string
  scope: MeetingScope
}

/** A 党小组长 who is not also in the leadership may only hold their own group's 党小组会. */
export function onlyGroupMeetings(member: MemberView): boolean {
  const roles = effectiveRoles(member.roles)
  return !roles.has('secretary') && !roles.has('committee')
}

/** The scope a type starts with: 支委会 → committee, 党小组会 → my group, otherwise everyone. */
export function defaultScope(type: MeetingType, member: MemberView): MeetingScope {
  if (type === 'committee') return { kind: 'committee' }
  if (type === 'group' && member.groupId) return { kind: 'group', groupId: member.groupId }
  return { kind: 'branch' }
}

export const scopeKey = (s: MeetingScope) => (s.kind === 'group' ? `group:${s.groupId}` : s.kind)

export function blankMeeting(member: MemberView): MeetingFormValues {
  const type: MeetingType = onlyGroupMeetings(member) ? 'group' : 'branch_assembly'
  return { type, title: '', date: null, time: { start: '14:30', end: '16:30' }, location: '', agenda: '', scope: defaultScope(type, member) }
}

export function fromMeeting(m: MeetingView): MeetingFormValues {
  const start = inShanghai(m.startAt)
  return {
    type: m.type,
    title: m.title,
    date: start.format('YYYY-MM-DD'),
    time: { start: start.format('HH:mm'), end: inShanghai(m.endAt).format('HH:mm') },
    location: m.location ?? '',
    agenda: m.agenda ?? '',
    scope: m.scope,
  }
}

/** Every problem, one per field, so all the red words show at once. */
export function meetingProblems(f: MeetingFormValues): Problem[] {
  const found: Array<Problem | false> = [
    !f.title.trim() ? { field: 'title', message: '请填写会议名称' } : false,
    f.title.trim().length > MAX.title && { field: 'title', message: `会议名称不能超过 ${MAX.title} 个字` },
    !f.date && { field: 'date', message: '请选择会议日期' },
    f.time.end <= f.time.start && { field: 'time', message: '结束时间应晚于开始时间' },
    f.location.trim().length > MAX.location && { field: 'location', message: `地点不能超过 ${MAX.location} 个字` },
    f.agenda.trim().length > MAX.agenda && { field: 'agenda', message: `议程不能超过 ${MAX.agenda} 个字` },
    f.scope.kind === 'group' && !f.scope.groupId && { field: 'scope', message: '请选择参会的党小组' },
  ]
  return found.filter((p): p is Problem => Boolean(p))
}

/** What meeting.create sends (an empty location or agenda is left out). */
export function meetingFields(f: MeetingFormValues): Payload<'meeting.create'> {
  const location = f.location.trim()
  const agenda = f.agenda.trim()
  return {
    type: f.type,
    title: f.title.trim(),
    startAt: `${f.date}T${f.time.start}:00+08:00`,
    endAt: `${f.date}T${f.time.end}:00+08:00`,
    ...(location ? { location } : {}),
    ...(agenda ? { agenda } : {}),
    scope: f.scope,
  }
}

/** The types a member may hold: a group leader only 党小组会. */
export const typesFor = (member: MemberView): MeetingType[] =>
  onlyGroupMeetings(member) ? ['group'] : (Object.keys(MEETING_TYPE_LABELS) as MeetingType[])

/**
 * The scopes on offer: the leadership may hold a meeting for the branch, the committee or any
 * 党小组; a group leader only for their own. Editing a meeting of another group keeps that group.
 */
export function scopesFor(member: MemberView, groups: Array<{ id: string }>, current: MeetingScope): MeetingScope[] {
  const scopes: MeetingScope[] = onlyGroupMeetings(member)
    ? member.groupId
      ? [{ kind: 'group', groupId: member.groupId }]
      : []
    : [{ kind: 'branch' }, { kind: 'committee' }, ...groups.map((g) => ({ kind: 'group' as const, groupId: g.id }))]
  if (current.kind === 'group' && !scopes.some((s) => scopeKey(s) === scopeKey(current))) scopes.push(current)
  return scopes
}
