/** 请假: a member asks before the meeting with a reason; the secretary or committee decide. */
import type { Payload, Result } from '../actions'
import type { Leave } from '../../../types/models'
import { isInvited } from '../../../src/domain/meetings'
import { canManageMeeting } from '../../../src/domain/permissions'
import { toShanghaiIso } from '../../../src/domain/time'
import { requireMember, type Context } from '../context'
import { AppError } from '../errors'
import { attendanceId, leaveId } from '../records/ids'
import { recordOnce } from '../records/record-once'
import { loadMeeting } from './meeting-support'

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
  if (existing && existing.state !== 'refused') return { leaveId: existing.id, state: existing.state }
  if (existing) {
    // Asking again after a refusal: the new reason goes back to the reviewers.
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
  const meeting = await loadMeeting(ctx, reviewer, leave.meetingId)
  if (!canManageMeeting(reviewer, meeting)) throw new AppError('FORBIDDEN', '仅支部书记或支委可以审批请假')
  const state = p.approve ? 'approved' : 'refused'
  if (leave.state !== state) {
    await ctx.storage.update('leaves', leave.id, { state, reviewedBy: reviewer.id, reviewedAt: toShanghaiIso(ctx.clock.now()) })
  }
  return { state }
}
