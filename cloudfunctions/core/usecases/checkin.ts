/**
 * Live QR check-in. Exactly one attendance record per member and meeting: its id is
 * `${meetingId}:${memberId}` and the database refuses a second insert, so fifty taps at once
 * leave one record and one award. A scan reads the caller's member record and the meeting, whose
 * cancel or move since the code was shown refuses it.
 */
import type { Payload, Result } from '../actions'
import type { Attendance, Meeting, Member } from '../../../types/models'
import { inScope, isInvited, meetingStudyTenths, scanStatus, windowState } from '../../../src/domain/meetings'
import { formatDateZh, inShanghai, shanghaiDate, toShanghaiIso } from '../../../src/domain/time'
import { signCompactToken, signToken, tokenTiming } from '../checkin-token'
import { requireMember, type Context } from '../context'
import { AppError } from '../errors'
import { attendanceId } from '../records/ids'
import { attendanceAward, award, recordWithAward, unawarded, type MeetingAward } from '../records/ledger'
import { branchSettings, type Settings } from '../records/settings'
import type { Storage } from '../ports'
import { fixWindowEnd, loadManagedMeeting, membersAtMeeting, writeMeetingAudit } from './meeting-support'
import { keepCheckinKey, miniCodeFor, MOVED, readScan } from './checkin-scan'

export const CHECKIN_PAGE = 'pages/checkin/index'

function closedMessage(m: Pick<Meeting, 'startAt' | 'endAt'>, now: Date): string {
  if (windowState(m, now) === 'not_yet') {
    const opens = inShanghai(Date.parse(m.startAt) - 30 * 60_000)
    const day = opens.format('YYYY-MM-DD') === shanghaiDate(now) ? '今天' : formatDateZh(opens.format('YYYY-MM-DD'))
    return `签到还没开始，${day} ${opens.format('HH:mm')} 起可以签到`
  }
  return '会议已经结束，不能再签到了。如确实参加了，请联系书记补签'
}

export async function checkinCode(ctx: Context, p: Payload<'checkin.code'>): Promise<Result<'checkin.code'>> {
  const member = requireMember(ctx)
  const [meeting, branch] = await Promise.all([
    loadManagedMeeting(ctx, member, p.meetingId),
    ctx.storage.get('branches', member.branchId),
  ])
  if (meeting.status === 'cancelled') throw new AppError('CONFLICT', '会议已取消，不能签到')
  const now = ctx.clock.now()
  const timing = tokenTiming(now, p.ahead)
  const points = branchSettings(branch, now).editable.meetingPoints[meeting.type]
  const secret = await ctx.secrets.get('signing')
  const scene = signCompactToken(secret, await keepCheckinKey(ctx, meeting, points), timing.period)
  const token = signToken(secret, {
    meetingId: meeting.id,
    branchId: meeting.branchId,
    period: timing.period,
    type: meeting.type,
    scope: meeting.scope,
    startAt: meeting.startAt,
    endAt: meeting.endAt,
    points,
    studyTenths: meetingStudyTenths(meeting),
  })
  return {
    token,
    expiresAt: toShanghaiIso(timing.expiresAt),
    refreshInSec: timing.refreshInSec,
    path: `${CHECKIN_PAGE}?t=${encodeURIComponent(token)}`,
    scene,
    ...(ctx.miniCodes ? { miniCode: await miniCodeFor(ctx.miniCodes, CHECKIN_PAGE, scene, ctx.log) } : {}),
  }
}

export async function checkinSubmit(ctx: Context, p: Payload<'checkin.submit'>): Promise<Result<'checkin.submit'>> {
  const member = requireMember(ctx)
  const now = ctx.clock.now()
  const scan = await readScan(ctx, p.token.trim(), now)
  const c = scan.claims
  if (c.branchId !== member.branchId || !isInvited(member, c.scope)) {
    throw new AppError('NOT_INVITED', '您不在本次会议的参会范围内')
  }
  if (windowState(c, now) !== 'open') throw new AppError('CHECKIN_CLOSED', closedMessage(c, now))
  // The token is the meeting as it was when the code was shown; a cancel or a move since then wins.
  const meeting = scan.meeting ?? (await ctx.storage.get('meetings', c.meetingId))
  if (!meeting || meeting.status === 'cancelled') throw new AppError('CHECKIN_CLOSED', '会议已取消，不能签到')
  if (meeting.startAt !== c.startAt || meeting.endAt !== c.endAt || meeting.type !== c.type || JSON.stringify(meeting.scope) !== JSON.stringify(c.scope)) {
    throw MOVED()
  }

  const record: Attendance = {
    id: attendanceId(c.meetingId, member.id),
    branchId: member.branchId,
    meetingId: c.meetingId,
    memberId: member.id,
    status: scanStatus(c, now),
    checkedInAt: toShanghaiIso(now),
    by: member.id,
    reason: null,
  }
  const earns = { meetingType: c.type, points: c.points, studyTenths: c.studyTenths }
  const { created, record: first, awarded } = await recordWithAward(ctx.storage, 'attendance', record, (r) => attendanceAward(r, earns))
  // The award row is keyed by this record, so exactly one call writes it: the first scan, or the
  // retry that finished what a crashed first scan left undone. That call answers the points.
  return { meetingId: c.meetingId, status: first.status, checkedInAt: first.checkedInAt, already: !created, pointsAwarded: awarded ? Math.max(0, c.points) : 0 }
}

export async function checkinManual(ctx: Context, p: Payload<'checkin.manual'>): Promise<Result<'checkin.manual'>> {
  const organiser = requireMember(ctx)
  // A 补签 is another organiser's word for someone's presence; one's own goes through the live code.
  if (p.memberId === organiser.id) throw new AppError('FORBIDDEN', '不能给自己补签，请用现场二维码签到')
  const [meeting, target, branch] = await Promise.all([
    loadManagedMeeting(ctx, organiser, p.meetingId),
    ctx.storage.get('members', p.memberId),
    ctx.storage.get('branches', organiser.branchId),
  ])
  if (!target || target.branchId !== organiser.branchId) throw new AppError('NOT_FOUND', '本支部没有这位党员')
  if (meeting.status === 'cancelled') throw new AppError('CONFLICT', '会议已取消，不能补签')
  if (!isInvited(target, meeting.scope)) throw new AppError('NOT_INVITED', `${target.name}不在本次会议的参会范围内`)
  const now = ctx.clock.now()
  const settings = branchSettings(branch, now)
  // Before the start the member can still scan; long after the end a fix is no longer evidence.
  if (now.getTime() < Date.parse(meeting.startAt)) throw new AppError('CHECKIN_CLOSED', '会议开始后才能补签，开始前请让党员扫码签到')
  if (now.getTime() > fixWindowEnd(meeting, settings)) {
    throw new AppError('CHECKIN_CLOSED', `会议结束已超过 ${settings.fixWindowDays} 天，不能再补签`)
  }
  const record: Attendance = {
    id: attendanceId(meeting.id, target.id),
    branchId: organiser.branchId,
    meetingId: meeting.id,
    memberId: target.id,
    status: 'makeup',
    checkedInAt: toShanghaiIso(now),
    by: organiser.id,
    reason: p.reason,
  }
  const { created, record: first } = await recordWithAward(ctx.storage, 'attendance', record, (r) => attendanceAward(r, meetingEarns(meeting, settings)))
  if (created) await writeMeetingAudit(ctx, organiser, now, { meetingId: meeting.id, memberId: target.id, action: 'checkin.manual', detail: `为${target.name}补签`, reason: p.reason })
  return { status: first.status, already: !created }
}

/** What a check-in at `meeting` earns under the branch's settings now. */
function meetingEarns(meeting: Meeting, settings: Settings): MeetingAward {
  return { meetingType: meeting.type, points: settings.editable.meetingPoints[meeting.type], studyTenths: meetingStudyTenths(meeting) }
}

/**
 * Finishes the awards of check-ins a crash left without one (the record was stored, the answer
 * and the ledger row never came): attendance.get and the remind timer's sweep call this on the
 * records they read. A cancelled meeting awards nothing: its awards are reversed, not owed.
 */
export async function completeAwards(storage: Storage, meeting: Meeting, settings: Settings, records: Attendance[]): Promise<number> {
  if (meeting.status === 'cancelled') return 0
  const owed = await unawarded(storage, records.filter((r) => r.meetingId === meeting.id))
  const written = await Promise.all(owed.map((r) => award(storage, attendanceAward(r, meetingEarns(meeting, settings)))))
  return written.filter(Boolean).length
}

export async function checkinLive(ctx: Context, p: Payload<'checkin.live'>): Promise<Result<'checkin.live'>> {
  const member = requireMember(ctx)
  const meeting = await loadManagedMeeting(ctx, member, p.meetingId)
  const [members, records] = await Promise.all([
    membersAtMeeting(ctx, meeting),
    ctx.storage.find('attendance', { meetingId: meeting.id }),
  ])
  const invited = members.filter((m) => inScope(m, meeting.scope))
  const names = new Map(members.map((m: Member) => [m.id, m.name]))
  const newest = [...records]
    .sort((a, b) => b.checkedInAt.localeCompare(a.checkedInAt))
    .slice(0, 8)
    .map((r) => ({ memberId: r.memberId, name: names.get(r.memberId) ?? '', status: r.status, checkedInAt: r.checkedInAt }))
  return { expected: invited.length, arrived: records.length, newest }
}
