import type { Payload, Result } from '../actions'
import type { MeetingFields, MyMeetingStatus } from '../../../types/views'
import type { Attendance, Leave, Meeting, MeetingScope, Member } from '../../../types/models'
import { isInvited, memberStatus } from '../../../src/domain/meetings'
import { canCreateMeeting, canManageMeeting, GROUP_LEADER_CREATE_DENIED } from '../../../src/domain/permissions'
import { addDays, inShanghai, shanghaiDate, toShanghaiIso } from '../../../src/domain/time'
import { requireMember, type Context } from '../context'
import { AppError, invalidInput } from '../errors'
import { attendanceId, ledgerKeys, leaveId, newId } from '../records/ids'
import { reverse } from '../records/ledger'
import { groupNames, loadManagedMeeting, loadMeeting, toView } from './meeting-support'
import { ensureThemeDays } from './theme-days'
import { meetingByPosterKey, POSTER_KEY_RE } from './posters'

const MAX_DURATION_H = 12
const LIST_DEFAULT_DAYS = 60
const LIST_MAX_DAYS = 400

/**
 * Times normalised to +08:00 so that stored strings sort and compare as instants. A start given
 * now lies between a year back (recording a meeting held earlier) and two years ahead: anything
 * else is a typo that would put the meeting out of every year's record. A start left as it was
 * (an old meeting's title corrected) is not checked again.
 */
function checkTimes(startAt: string, endAt: string, now: Date, startGiven: boolean): { startAt: string; endAt: string } {
  const start = Date.parse(startAt)
  const end = Date.parse(endAt)
  if (startGiven && start < inShanghai(now).subtract(1, 'year').valueOf()) throw invalidInput('startAt', '开始时间不能早于一年前')
  if (startGiven && start > inShanghai(now).add(2, 'year').valueOf()) throw invalidInput('startAt', '开始时间不能晚于两年后')
  if (end <= start) throw invalidInput('endAt', '结束时间应晚于开始时间')
  if (end - start > MAX_DURATION_H * 3600_000) throw invalidInput('endAt', `会议不能超过 ${MAX_DURATION_H} 小时`)
  return { startAt: toShanghaiIso(start), endAt: toShanghaiIso(end) }
}

/** The scope a meeting gets when none is given: 支委会 → committee, 党小组会 → the organiser's group. */
function resolveScope(fields: Pick<MeetingFields, 'type' | 'scope'>, member: Member): MeetingScope {
  if (fields.scope) return fields.scope
  if (fields.type === 'committee') return { kind: 'committee' }
  if (fields.type === 'group') {
    if (!member.groupId) throw invalidInput('scope', '党小组会需要指定党小组（scope.groupId）')
    return { kind: 'group', groupId: member.groupId }
  }
  return { kind: 'branch' }
}

async function checkScope(ctx: Context, member: Member, scope: MeetingScope): Promise<Map<string, string>> {
  const names = await groupNames(ctx, member.branchId)
  if (scope.kind === 'group' && !names.has(scope.groupId)) {
    throw invalidInput('scope.groupId', '本支部没有这个党小组')
  }
  return names
}

export async function meetingCreate(ctx: Context, p: Payload<'meeting.create'>): Promise<Result<'meeting.create'>> {
  const member = requireMember(ctx)
  const scope = resolveScope(p, member)
  if (!canCreateMeeting(member, { type: p.type, scope })) throw new AppError('FORBIDDEN', GROUP_LEADER_CREATE_DENIED)
  const times = checkTimes(p.startAt, p.endAt, ctx.clock.now(), true)
  const names = await checkScope(ctx, member, scope)
  const at = ctx.clock.now()
  const now = toShanghaiIso(at)
  const meeting: Meeting = {
    id: newId('m', at),
    branchId: member.branchId,
    type: p.type,
    title: p.title,
    ...times,
    location: p.location || null,
    agenda: p.agenda || null,
    scope,
    status: 'scheduled',
    cancelReason: null,
    themeMonth: null,
    createdBy: member.id,
    createdAt: now,
    updatedAt: now,
  }
  await ctx.storage.insert('meetings', meeting)
  return { meeting: toView(meeting, names) }
}

export async function meetingUpdate(ctx: Context, p: Payload<'meeting.update'>): Promise<Result<'meeting.update'>> {
  const member = requireMember(ctx)
  const current = await loadManagedMeeting(ctx, member, p.meetingId)
  if (current.status === 'cancelled') throw new AppError('CONFLICT', '会议已取消，不能再修改')
  const type = p.type ?? current.type
  const scope = p.scope ?? (p.type && p.type !== current.type ? resolveScope({ type }, member) : current.scope)
  if (!canManageMeeting(member, { branchId: member.branchId, type, scope })) throw new AppError('FORBIDDEN', GROUP_LEADER_CREATE_DENIED)
  const times = checkTimes(p.startAt ?? current.startAt, p.endAt ?? current.endAt, ctx.clock.now(), p.startAt !== undefined && Date.parse(p.startAt) !== Date.parse(current.startAt))
  const names = await checkScope(ctx, member, scope)
  const patch = {
    type,
    scope,
    ...times,
    title: p.title ?? current.title,
    location: p.location === undefined ? current.location : p.location || null,
    agenda: p.agenda === undefined ? current.agenda : p.agenda || null,
    updatedAt: toShanghaiIso(ctx.clock.now()),
  }
  await ctx.storage.update('meetings', current.id, patch)
  return { meeting: toView({ ...current, ...patch }, names) }
}

export async function meetingCancel(ctx: Context, p: Payload<'meeting.cancel'>): Promise<Result<'meeting.cancel'>> {
  const member = requireMember(ctx)
  const current = await loadManagedMeeting(ctx, member, p.meetingId)
  const now = ctx.clock.now()
  if (current.status !== 'cancelled' && now.getTime() > Date.parse(current.endAt)) {
    throw new AppError('CONFLICT', '会议已经结束，不能取消；如记录有误，请逐条更正')
  }
  const patch = { status: 'cancelled' as const, cancelReason: p.reason, updatedAt: toShanghaiIso(now) }
  if (current.status !== 'cancelled') await ctx.storage.update('meetings', current.id, patch)
  // Check-ins while it ran earned points; a repeated cancel finds them reversed already.
  const records = await ctx.storage.find('attendance', { meetingId: current.id })
  if (records.length) {
    const awards = await ctx.storage.find('ledger', { id: { $in: records.map((r) => ledgerKeys.attendance(r.id).id) } })
    await reverse(ctx.storage, awards, member.id, now, `会议取消：${current.title}`)
  }
  const names = await groupNames(ctx, member.branchId)
  return { meeting: toView(current.status === 'cancelled' ? current : { ...current, ...patch }, names) }
}

function myStatus(member: Member, meeting: Meeting, record: Attendance | null, leave: Leave | null, now: Date): MyMeetingStatus {
  const invited = isInvited(member, meeting.scope)
  return {
    invited,
    status: invited || record ? memberStatus(record, leave, meeting, now) : null,
    checkedInAt: record?.checkedInAt ?? null,
    // A withdrawn request is kept in the record but is no request: the member may ask again.
    leave: leave && leave.state !== 'withdrawn' ? { state: leave.state, reason: leave.reason, leaveId: leave.id } : null,
  }
}

export async function meetingList(ctx: Context, p: Payload<'meeting.list'>): Promise<Result<'meeting.list'>> {
  const member = requireMember(ctx)
  const now = ctx.clock.now()
  const today = shanghaiDate(now)
  const from = p.from ?? addDays(today, -LIST_DEFAULT_DAYS)
  const to = p.to ?? addDays(today, LIST_DEFAULT_DAYS)
  if (to < from) throw invalidInput('to', '结束日期不能早于开始日期')
  if (addDays(from, LIST_MAX_DAYS) < to) throw invalidInput('to', `一次最多查询 ${LIST_MAX_DAYS} 天`)

  await ensureThemeDays(ctx, member.branchId, today, from, to)
  const [meetings, names] = await Promise.all([
    ctx.storage.find(
      'meetings',
      { branchId: member.branchId, startAt: { $gte: `${from}T00:00:00+08:00`, $lte: `${to}T23:59:59+08:00` } },
      { orderBy: [['startAt', 'asc']], limit: 500 },
    ),
    groupNames(ctx, member.branchId),
  ])
  const visible = meetings.filter((m) => isInvited(member, m.scope) || canManageMeeting(member, m))
  const ids = visible.map((m) => m.id)
  const [records, leaves] = ids.length
    ? await Promise.all([
        ctx.storage.find('attendance', { memberId: member.id, meetingId: { $in: ids } }),
        ctx.storage.find('leaves', { memberId: member.id, meetingId: { $in: ids } }),
      ])
    : [[], []]
  const recordOf = new Map(records.map((r) => [r.meetingId, r]))
  const leaveOf = new Map(leaves.map((l) => [l.meetingId, l]))
  return {
    meetings: visible.map((m) => ({
      ...toView(m, names),
      myStatus: myStatus(member, m, recordOf.get(m.id) ?? null, leaveOf.get(m.id) ?? null, now),
    })),
  }
}

export async function meetingGet(ctx: Context, p: Payload<'meeting.get'>): Promise<Result<'meeting.get'>> {
  const member = requireMember(ctx)
  // A printed poster's 小程序码 names the meeting by its poster key; the page then moves to its id.
  const posterMeeting = POSTER_KEY_RE.test(p.meetingId) ? await meetingByPosterKey(ctx, member.branchId, p.meetingId) : null
  const meetingId = posterMeeting?.id ?? p.meetingId
  const [meeting, record, leave, names] = await Promise.all([
    posterMeeting ?? loadMeeting(ctx, member, meetingId),
    ctx.storage.get('attendance', attendanceId(meetingId, member.id)),
    ctx.storage.get('leaves', leaveId(meetingId, member.id)),
    groupNames(ctx, member.branchId),
  ])
  const canManage = canManageMeeting(member, meeting)
  // A meeting outside one's scope (a 支委会 for a plain member) is not theirs to read, as the list hides it.
  if (!canManage && !record && !isInvited(member, meeting.scope)) throw new AppError('NOT_FOUND', '找不到这次会议，可能已被删除')
  return {
    meeting: toView(meeting, names),
    myStatus: myStatus(member, meeting, record, leave, ctx.clock.now()),
    canManage,
  }
}
