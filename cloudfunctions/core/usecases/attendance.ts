/** Attendance as the organiser and the member see it: every invited member counted once. */
import type { Payload, Result } from '../actions'
import type { AttendanceRow } from '../../../types/views'
import type { AttendanceStatus, Meeting } from '../../../types/models'
import { inScope, isInvited, memberStatus } from '../../../src/domain/meetings'
import { inShanghai } from '../../../src/domain/time'
import { requireMember, type Context } from '../context'
import { branchSettings } from '../records/settings'
import { completeAwards } from './checkin'
import { groupNames, loadManagedMeeting, membersAtMeeting, toView } from './meeting-support'

export async function attendanceGet(ctx: Context, p: Payload<'attendance.get'>): Promise<Result<'attendance.get'>> {
  const organiser = requireMember(ctx)
  return attendanceOf(ctx, await loadManagedMeeting(ctx, organiser, p.meetingId))
}

/** A meeting's attendance as attendance.get answers it, for whoever may see it (the minutes use it too). */
export async function attendanceOf(ctx: Context, meeting: Meeting): Promise<Result<'attendance.get'>> {
  const [members, records, allLeaves, audit, names, branch] = await Promise.all([
    membersAtMeeting(ctx, meeting),
    ctx.storage.find('attendance', { meetingId: meeting.id }),
    ctx.storage.find('leaves', { meetingId: meeting.id }),
    ctx.storage.find('meetingAudit', { meetingId: meeting.id }, { orderBy: [['at', 'asc']] }),
    groupNames(ctx, meeting.branchId),
    ctx.storage.get('branches', meeting.branchId),
  ])
  const now = ctx.clock.now()
  await completeAwards(ctx.storage, meeting, branchSettings(branch, now), records)
  const leaves = allLeaves.filter((l) => l.state !== 'withdrawn')
  const recordOf = new Map(records.map((r) => [r.memberId, r]))
  const leaveOf = new Map(leaves.map((l) => [l.memberId, l]))
  const started = now.getTime() >= Date.parse(meeting.startAt)
  const counts: Record<AttendanceStatus | 'pending', number> = { present: 0, late: 0, leave: 0, absent: 0, makeup: 0, pending: 0 }
  const rows: AttendanceRow[] = []
  // Everyone on the roll at the start and in scope, plus anyone with a record (e.g. a member
  // moved out of the group afterwards).
  for (const m of members) {
    const record = recordOf.get(m.id)
    if (!inScope(m, meeting.scope) && !record) continue
    const leave = leaveOf.get(m.id)
    // Before the start nobody is absent yet (未签到); while it runs, whoever has not arrived is absent so far.
    const status = memberStatus(record, leave, meeting, now) ?? (started ? 'absent' : 'pending')
    counts[status] += 1
    rows.push({
      memberId: m.id,
      name: m.name,
      groupId: m.groupId,
      status,
      ...(record ? { checkedInAt: record.checkedInAt } : {}),
      ...(record?.reason ? { reason: record.reason } : {}),
      ...(leave ? { leave: { state: leave.state, reason: leave.reason, leaveId: leave.id } } : {}),
    })
  }
  const nameOf = new Map(members.map((m) => [m.id, m.name]))
  return {
    meeting: toView(meeting, names),
    expected: rows.length,
    ...counts,
    members: rows,
    // A member who came after all needs no decision.
    pendingLeaves: leaves
      .filter((l) => l.state === 'pending' && !recordOf.has(l.memberId))
      .map((l) => ({ leaveId: l.id, memberId: l.memberId, name: nameOf.get(l.memberId) ?? '', reason: l.reason, requestedAt: l.requestedAt })),
    audit: audit.map((a) => ({ action: a.action, memberId: a.memberId, name: nameOf.get(a.memberId) ?? '', by: a.by, byName: nameOf.get(a.by) ?? '', at: a.at, detail: a.detail, reason: a.reason })),
  }
}

export async function attendanceMine(ctx: Context, p: Payload<'attendance.mine'>): Promise<Result<'attendance.mine'>> {
  const member = requireMember(ctx)
  const now = ctx.clock.now()
  const year = p.year ?? inShanghai(now).year()
  const [meetings, records, leaves] = await Promise.all([
    ctx.storage.find(
      'meetings',
      { branchId: member.branchId, status: 'scheduled', startAt: { $gte: `${year}-01-01T00:00:00+08:00`, $lte: `${year}-12-31T23:59:59+08:00` } },
      { orderBy: [['startAt', 'desc']] },
    ),
    ctx.storage.find('attendance', { memberId: member.id }),
    ctx.storage.find('leaves', { memberId: member.id }),
  ])
  const recordOf = new Map(records.map((r) => [r.meetingId, r]))
  const leaveOf = new Map(leaves.map((l) => [l.meetingId, l]))
  const items: Result<'attendance.mine'>['items'] = []
  let attended = 0
  let leave = 0
  let absent = 0
  for (const m of meetings) {
    // Held means ended: an approved leave for next week or a check-in to the meeting still running
    // must not count yet (memberStatus gives both a status before the end).
    if (now.getTime() <= Date.parse(m.endAt)) continue
    const record = recordOf.get(m.id)
    if (!isInvited(member, m.scope) && !record) continue
    const status = memberStatus(record, leaveOf.get(m.id), m, now)
    if (!status) continue
    if (status === 'leave') leave += 1
    else if (status === 'absent') absent += 1
    else attended += 1
    items.push({ meetingId: m.id, title: m.title, type: m.type, startAt: m.startAt, status })
  }
  const held = items.length
  return { year, held, attended, leave, absent, rate: held ? Math.round((attended / held) * 1000) / 1000 : null, items }
}
