/** 请假: a member asks before the meeting with a reason; the secretary or committee decide. */
import type { Payload, Result } from '../actions'
import type { Leave, LeaveState } from '../../../types/models'
import { isInvited } from '../../../src/domain/meetings'
import { canManageMeeting } from '../../../src/domain/permissions'
import { toShanghaiIso } from '../../../src/domain/time'
import { requireMember, type Context } from '../context'
import { AppError } from '../errors'
import { attendanceId, leaveId } from '../records/ids'
import { recordOnce } from '../records/record-once'
import { branchSettings } from '../records/settings'
import { fixWindowEnd, loadMeeting, writeMeetingAudit } from './meeting-support'

const DECIDED: Record<LeaveState, string> = { pending: '待审批', approved: '已批准', refused: '未批准', withdrawn: '已撤回' }

export async function leaveRequest(ctx: Context, p: Payload<'leave.request'>): Promise<Result<'leave.request'>> {
  const member = requireMember(ctx)
  const id = leaveId(p.meetingId, member.id)
  const [meeting, existing, record] = await Promise.all([
    loadMeeting(ctx, member, p.meetingId),
    ctx.storage.get('leaves', id),
    ctx.storage.get('attendance', attendanceId(p.meetingId, member.id)),
  ])
  if (meeting.status === 'cancelled') throw new AppError('CONFLICT', '会议已取消，无需请假')
  if (!isInvited(member, meeting.scope)) throw new AppError('NOT_INVITED', '您不在本次会议的参会范围内')
  if (record) throw new AppError('CONFLICT', '您已经签到了，无需请假')
  const now = ctx.clock.now()
  if (now.getTime() >= Date.parse(meeting.startAt)) {
    throw new AppError('CONFLICT', '会议已经开始，不能在手机上请假了，请直接联系书记')
  }
  if (existing && (existing.state === 'pending' || existing.state === 'approved')) return { leaveId: existing.id, state: existing.state }
  if (existing) {
    // Asking again after a refusal or a withdrawal: the new reason goes back to the reviewers.
    await ctx.storage.update('leaves', id, { reason: p.reason, state: 'pending', requestedAt: toShanghaiIso(now), reviewedBy: null, reviewedAt: null })
    return { leaveId: id, state: 'pending' }
  }
  const leave: Leave = {
    id,
    branchId: member.branchId,
    meetingId: meeting.id,
    memberId: member.id,
    reason: p.reason,
    state: 'pending',
    requestedAt: toShanghaiIso(now),
    reviewedBy: null,
    reviewedAt: null,
  }
  const { record: first } = await recordOnce(ctx.storage, 'leaves', leave)
  return { leaveId: id, state: first.state }
}

export async function leaveReview(ctx: Context, p: Payload<'leave.review'>): Promise<Result<'leave.review'>> {
  const reviewer = requireMember(ctx)
  const leave = await ctx.storage.get('leaves', p.leaveId)
  if (!leave || leave.branchId !== reviewer.branchId) throw new AppError('NOT_FOUND', '找不到这条请假申请')
  const [meeting, branch] = await Promise.all([loadMeeting(ctx, reviewer, leave.meetingId), ctx.storage.get('branches', reviewer.branchId)])
  if (!canManageMeeting(reviewer, meeting)) throw new AppError('FORBIDDEN', '仅支部书记或支委可以审批请假')
  if (leave.memberId === reviewer.id) throw new AppError('FORBIDDEN', '不能审批自己的请假，请由其他支委审批')
  const state = p.approve ? 'approved' : 'refused'
  if (leave.state === state) return { state }
  if (leave.state !== 'pending') throw new AppError('CONFLICT', `这条请假${DECIDED[leave.state]}，不能再改`)
  const now = ctx.clock.now()
  const settings = branchSettings(branch, now)
  if (now.getTime() > fixWindowEnd(meeting, settings)) {
    throw new AppError('CONFLICT', `会议结束已超过 ${settings.fixWindowDays} 天，不能再审批请假`)
  }
  // Compare-and-set on the request as read: of concurrent decisions the first wins, and a later
  // one answers what is stored (the same decision) or CONFLICT (a different one).
  const decided = await ctx.storage.updateWhere('leaves', leave.id, { state: 'pending', requestedAt: leave.requestedAt }, {
    set: { state, reviewedBy: reviewer.id, reviewedAt: toShanghaiIso(now) },
  })
  if (!decided) {
    const stored = await ctx.storage.get('leaves', leave.id)
    if (stored?.state === state) return { state }
    throw new AppError('CONFLICT', `这条请假${DECIDED[stored?.state ?? 'withdrawn']}，不能再改`)
  }
  await writeMeetingAudit(ctx, reviewer, now, {
    meetingId: meeting.id,
    memberId: leave.memberId,
    action: 'leave.review',
    detail: p.approve ? '批准请假' : '不批准请假',
    reason: p.reason ?? leave.reason,
  })
  return { state }
}

export async function leaveWithdraw(ctx: Context, p: Payload<'leave.withdraw'>): Promise<Result<'leave.withdraw'>> {
  const member = requireMember(ctx)
  const leave = await ctx.storage.get('leaves', p.leaveId)
  if (!leave || leave.memberId !== member.id) throw new AppError('NOT_FOUND', '找不到这条请假申请')
  if (leave.state === 'withdrawn') return { state: 'withdrawn' }
  const withdrawn = await ctx.storage.updateWhere('leaves', leave.id, { state: 'pending', requestedAt: leave.requestedAt }, { set: { state: 'withdrawn' } })
  if (withdrawn) return { state: 'withdrawn' }
  const stored = await ctx.storage.get('leaves', leave.id)
  if (stored?.state === 'withdrawn') return { state: 'withdrawn' }
  throw new AppError('CONFLICT', `这条请假${DECIDED[stored?.state ?? leave.state]}，不能撤回`)
}

/**
 * Pending requests the caller may still decide: of meetings they manage, not cancelled, inside the
 * fix window, from members who have not checked in since (those need no decision). Oldest first.
 */
export async function leavePending(ctx: Context): Promise<Result<'leave.pending'>> {
  const me = requireMember(ctx)
  const now = ctx.clock.now()
  const [leaves, branch] = await Promise.all([
    ctx.storage.find('leaves', { branchId: me.branchId, state: 'pending' }, { orderBy: [['requestedAt', 'asc']] }),
    ctx.storage.get('branches', me.branchId),
  ])
  if (leaves.length === 0) return { leaves: [] }
  const settings = branchSettings(branch, now)
  const [meetings, members, records] = await Promise.all([
    ctx.storage.find('meetings', { id: { $in: [...new Set(leaves.map((l) => l.meetingId))] } }),
    ctx.storage.find('members', { id: { $in: [...new Set(leaves.map((l) => l.memberId))] } }),
    ctx.storage.find('attendance', { id: { $in: leaves.map((l) => attendanceId(l.meetingId, l.memberId)) } }),
  ])
  const meetingOf = new Map(meetings.map((m) => [m.id, m]))
  const nameOf = new Map(members.map((m) => [m.id, m.name]))
  const came = new Set(records.map((r) => r.id))
  return {
    leaves: leaves.flatMap((l) => {
      const m = meetingOf.get(l.meetingId)
      const open = m && m.status === 'scheduled' && canManageMeeting(me, m) && now.getTime() <= fixWindowEnd(m, settings)
      if (!open || l.memberId === me.id || came.has(attendanceId(l.meetingId, l.memberId))) return []
      return [{ leaveId: l.id, meetingId: m.id, meetingTitle: m.title, startAt: m.startAt, memberId: l.memberId, name: nameOf.get(l.memberId) ?? '', reason: l.reason, requestedAt: l.requestedAt }]
    }),
  }
}
