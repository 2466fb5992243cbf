/**
 * 补学: a member absent from, or on leave from, a 支部党员大会 or 党课 owes a make-up study of that
 * meeting's materials within 7 days; the secretary sees who still owes one.
 */
import type { Payload, Result } from '../actions'
import type { MakeupStudy, Meeting, Member } from '../../../types/models'
import { isInvited, meetingStudyTenths } from '../../../src/domain/meetings'
import { MAKEUP_AWARD_POINTS, MAKEUP_DAYS, MAKEUP_TYPES } from '../../../src/domain/study'
import { formatDateZh, shanghaiDate, toShanghaiIso } from '../../../src/domain/time'
import { requireMember, type Context } from '../context'
import { AppError } from '../errors'
import { attendanceId, ledgerKeys, makeupId } from '../records/ids'
import { ledgerRow, recordWithAward } from '../records/ledger'
import { branchMembers, loadMeeting } from './meeting-support'

/** Tasks stay listed this long after their meeting, done or not. */
const LOOKBACK_DAYS = 60

const deadlineOf = (m: Meeting) => toShanghaiIso(Date.parse(m.endAt) + MAKEUP_DAYS * 86400_000)
const isMakeupType = (m: Meeting) => (MAKEUP_TYPES as readonly string[]).includes(m.type)

async function endedMeetings(ctx: Context, branchId: string): Promise<Meeting[]> {
  const now = ctx.clock.now().getTime()
  const meetings = await ctx.storage.find('meetings', {
    branchId,
    status: 'scheduled',
    type: { $in: [...MAKEUP_TYPES] },
    startAt: { $gte: toShanghaiIso(now - LOOKBACK_DAYS * 86400_000), $lte: toShanghaiIso(now) },
  })
  return meetings.filter((m) => Date.parse(m.endAt) < now)
}

export async function makeupMine(ctx: Context): Promise<Result<'makeup.mine'>> {
  const me = requireMember(ctx)
  const meetings = (await endedMeetings(ctx, me.branchId)).filter((m) => isInvited(me, m.scope))
  const ids = meetings.map((m) => m.id)
  const [records, done, cleared] = ids.length
    ? await Promise.all([
        ctx.storage.find('attendance', { memberId: me.id, meetingId: { $in: ids } }),
        ctx.storage.find('makeups', { memberId: me.id, meetingId: { $in: ids } }),
        ctx.storage.find('makeupClearances', { memberId: me.id, meetingId: { $in: ids } }),
      ])
    : [[], [], []]
  // A 补学 the secretary cleared (makeup.clear) is no longer owed.
  const attended = new Set([...records, ...cleared].map((r) => r.meetingId))
  const doneAt = new Map(done.map((d) => [d.meetingId, d.completedAt]))
  const now = ctx.clock.now().getTime()
  return {
    tasks: meetings
      .filter((m) => !attended.has(m.id))
      .sort((a, b) => a.endAt.localeCompare(b.endAt))
      .map((m) => ({
        meetingId: m.id,
        title: m.title,
        type: m.type,
        endedAt: m.endAt,
        deadline: deadlineOf(m),
        overdue: !doneAt.has(m.id) && now > Date.parse(deadlineOf(m)),
        materials: m.agenda,
        done: doneAt.has(m.id),
        completedAt: doneAt.get(m.id) ?? null,
      })),
  }
}

export async function makeupComplete(ctx: Context, p: Payload<'makeup.complete'>): Promise<Result<'makeup.complete'>> {
  const me = requireMember(ctx)
  const meeting = await loadMeeting(ctx, me, p.meetingId)
  const now = ctx.clock.now()
  if (meeting.status === 'cancelled') throw new AppError('CONFLICT', '会议已取消，不需要补学')
  if (!isMakeupType(meeting)) throw new AppError('CONFLICT', '这次会议不需要补学')
  if (Date.parse(meeting.endAt) > now.getTime()) throw new AppError('CONFLICT', '会议还没有结束，请直接参加会议')
  if (!isInvited(me, meeting.scope)) throw new AppError('NOT_INVITED', '您不在本次会议的参会范围内')
  if (await ctx.storage.get('attendance', attendanceId(meeting.id, me.id))) throw new AppError('CONFLICT', '您参加了这次会议，不需要补学')
  if (now.getTime() > Date.parse(deadlineOf(meeting))) throw new AppError('CONFLICT', `补学已过期限（${formatDateZh(shanghaiDate(deadlineOf(meeting)))}前），请联系书记`)
  const record: MakeupStudy = { id: makeupId(meeting.id, me.id), branchId: me.branchId, meetingId: meeting.id, memberId: me.id, note: p.note || null, completedAt: toShanghaiIso(now) }
  const { created, record: first } = await recordWithAward(ctx.storage, 'makeups', record, (r) =>
    ledgerRow({
      ...ledgerKeys.makeup(meeting.id, me.id),
      branchId: me.branchId,
      memberId: me.id,
      kind: 'makeup_study',
      points: MAKEUP_AWARD_POINTS,
      studyTenths: meetingStudyTenths(meeting),
      by: me.id,
      at: new Date(r.completedAt),
      reason: `补学：${meeting.title}`,
    }),
  )
  // The first completion earned the point, whether its award row was written here or by a retry of it.
  return { completedAt: first.completedAt, pointsAwarded: created ? MAKEUP_AWARD_POINTS : 0 }
}

export async function makeupOverview(ctx: Context): Promise<Result<'makeup.overview'>> {
  const me = requireMember(ctx)
  const meetings = await endedMeetings(ctx, me.branchId)
  if (meetings.length === 0) return { owed: [] }
  const ids = meetings.map((m) => m.id)
  const [members, records, done, cleared] = await Promise.all([
    branchMembers(ctx, me.branchId),
    ctx.storage.find('attendance', { meetingId: { $in: ids } }),
    ctx.storage.find('makeups', { meetingId: { $in: ids } }),
    ctx.storage.find('makeupClearances', { meetingId: { $in: ids } }),
  ])
  const settled = new Set([...records, ...done, ...cleared].map((r) => attendanceId(r.meetingId, r.memberId)))
  const now = ctx.clock.now().getTime()
  return {
    owed: meetings
      .sort((a, b) => a.endAt.localeCompare(b.endAt))
      .map((m) => ({
        meetingId: m.id,
        title: m.title,
        deadline: deadlineOf(m),
        members: members
          .filter((x: Member) => isInvited(x, m.scope) && !settled.has(attendanceId(m.id, x.id)))
          .map((x) => ({ memberId: x.id, name: x.name, overdue: now > Date.parse(deadlineOf(m)) })),
      }))
      .filter((o) => o.members.length > 0),
  }
}
