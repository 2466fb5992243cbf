/**
 * 会议记录 (CONTRACT §6): organisers write the minutes of a meeting once it has started; every
 * save is kept (who, when, what). 应到 / 实到 / 缺席及原因 are attendance.get's, never typed in.
 */
import type { Payload, Result } from '../actions'
import type { Meeting, Member, Minutes } from '../../../types/models'
import type { AttendanceCounts, MinutesAttendance, MinutesView, Quorum } from '../../../types/records'
import { canManageMeeting } from '../../../src/domain/permissions'
import { isInvited } from '../../../src/domain/meetings'
import { LIMITS } from '../../../src/domain/limits'
import { shanghaiDate, toShanghaiIso } from '../../../src/domain/time'
import { requireMember, type Context } from '../context'
import { AppError, invalidInput } from '../errors'
import { insertOnce } from '../records/record-once'
import { newId } from '../records/ids'
import { attendanceOf } from './attendance'
import { loadManagedMeeting, loadMeeting } from './meeting-support'

/** How long a photo link in the minutes stays valid: long enough to read and print them. */
const PHOTO_LINK_SEC = 3600

const ATTENDED = new Set(['present', 'late', 'makeup'])

function checkWritable(meeting: Meeting, now: Date) {
  if (meeting.status === 'cancelled') throw new AppError('CONFLICT', '会议已取消，没有会议记录')
  if (now.getTime() < Date.parse(meeting.startAt)) throw new AppError('CONFLICT', '会议开始后才能填写会议记录')
}

function view({ id: _id, branchId: _branch, ...m }: Minutes, names: Map<string, string>): MinutesView {
  return { ...m, updatedByName: names.get(m.updatedBy) ?? '' }
}

export async function minutesSave(ctx: Context, p: Payload<'minutes.save'>): Promise<Result<'minutes.save'>> {
  const organiser = requireMember(ctx)
  const meeting = await loadManagedMeeting(ctx, organiser, p.meetingId)
  const now = ctx.clock.now()
  checkWritable(meeting, now)
  const photos = [...new Set(p.photos ?? [])]
  const existing = await ctx.storage.get('minutes', meeting.id)
  const current = existing?.version ?? 0
  if (p.version !== undefined && p.version !== current) throw new AppError('CONFLICT', '会议记录已被他人修改，请刷新后再改')
  const fields = { host: p.host, recorder: p.recorder, topics: p.topics, summary: p.summary, decisions: p.decisions ?? '', photos }
  const at = toShanghaiIso(now)
  const next: Minutes = { id: meeting.id, branchId: meeting.branchId, meetingId: meeting.id, ...fields, updatedBy: organiser.id, updatedAt: at, version: current + 1 }
  // Compare-and-set on the version: of two saves from the same starting point, one wins and the other is told.
  const saved = existing
    ? await ctx.storage.updateWhere('minutes', meeting.id, { version: current }, { set: { ...fields, updatedBy: organiser.id, updatedAt: at, version: current + 1 } })
    : await insertOnce(ctx.storage, 'minutes', next)
  if (!saved) throw new AppError('CONFLICT', '会议记录刚被他人修改，请刷新后再改')
  await insertOnce(ctx.storage, 'minutesHistory', {
    id: `${meeting.id}:${next.version}`,
    branchId: meeting.branchId,
    meetingId: meeting.id,
    version: next.version,
    by: organiser.id,
    at,
    fields,
  })
  return { minutes: view(next, new Map([[organiser.id, organiser.name]])) }
}

/** 正式党员 expected and present; set only for a 支部党员大会. */
function quorumOf(meeting: Meeting, rows: Array<{ memberId: string; status: string }>, standing: Map<string, Member['standing']>): Quorum | null {
  if (meeting.type !== 'branch_assembly') return null
  const full = rows.filter((r) => standing.get(r.memberId) === 'full')
  const fullPresent = full.filter((r) => ATTENDED.has(r.status)).length
  return { fullExpected: full.length, fullPresent, met: fullPresent * 2 > full.length }
}

async function attendanceWithQuorum(ctx: Context, meeting: Meeting) {
  const [attendance, members] = await Promise.all([
    attendanceOf(ctx, meeting),
    ctx.storage.find('members', { branchId: meeting.branchId }, { orderBy: [['id', 'asc']] }),
  ])
  const standing = new Map(members.map((m) => [m.id, m.standing]))
  const counts: AttendanceCounts = {
    expected: attendance.expected,
    present: attendance.present,
    late: attendance.late,
    leave: attendance.leave,
    absent: attendance.absent,
    makeup: attendance.makeup,
  }
  return {
    attendance,
    counts,
    quorum: quorumOf(meeting, attendance.members, standing),
    names: new Map(members.map((m) => [m.id, m.name])),
    roster: members.filter((m) => m.active).map((m) => ({ memberId: m.id, name: m.name })),
  }
}

export async function minutesGet(ctx: Context, p: Payload<'minutes.get'>): Promise<Result<'minutes.get'>> {
  const organiser = requireMember(ctx)
  const meeting = await loadManagedMeeting(ctx, organiser, p.meetingId)
  const [minutes, history, { attendance, counts, quorum, names, roster }] = await Promise.all([
    ctx.storage.get('minutes', meeting.id),
    ctx.storage.find('minutesHistory', { meetingId: meeting.id }, { orderBy: [['version', 'desc']] }),
    attendanceWithQuorum(ctx, meeting),
  ])
  // 缺席及原因: whoever was on leave or absent, with the reason they gave when they asked for leave.
  const absentees: MinutesAttendance['absentees'] = []
  for (const r of attendance.members) {
    if (r.status !== 'leave' && r.status !== 'absent') continue
    absentees.push({ name: r.name, status: r.status, ...(r.leave ? { reason: r.leave.reason } : {}) })
  }
  const photoUrls = minutes ? await Promise.all(minutes.photos.map(async (f) => (await ctx.files.url(f, PHOTO_LINK_SEC)).url)) : []
  return {
    meeting: attendance.meeting,
    minutes: minutes ? view(minutes, names) : null,
    attendance: { ...counts, absentees },
    quorum,
    photoUrls,
    history: history.map((h) => ({ version: h.version, by: h.by, byName: names.get(h.by) ?? '', at: h.at })),
    roster,
  }
}

export async function minutesRead(ctx: Context, p: Payload<'minutes.read'>): Promise<Result<'minutes.read'>> {
  const member = requireMember(ctx)
  const meeting = await loadMeeting(ctx, member, p.meetingId)
  const [minutes, record] = await Promise.all([ctx.storage.get('minutes', meeting.id), ctx.storage.get('attendance', `${meeting.id}:${member.id}`)])
  // As meeting.get: a meeting outside one's scope is not theirs to read.
  if (!canManageMeeting(member, meeting) && !record && !isInvited(member, meeting.scope)) throw new AppError('NOT_FOUND', '找不到这次会议，可能已被删除')
  if (!minutes) return { minutes: null, attendance: { expected: 0, present: 0, late: 0, leave: 0, absent: 0, makeup: 0 }, quorum: null }
  const { counts, quorum } = await attendanceWithQuorum(ctx, meeting)
  const { host, recorder, topics, summary, decisions, updatedAt } = minutes
  return { minutes: { host, recorder, topics, summary, decisions, updatedAt }, attendance: counts, quorum }
}

export async function photoUpload(ctx: Context, p: Payload<'photo.upload'>): Promise<Result<'photo.upload'>> {
  const organiser = requireMember(ctx)
  const bytes = Buffer.from(p.contentBase64, 'base64')
  if (bytes.length === 0) throw invalidInput('contentBase64', '照片是空的')
  if (bytes.length > LIMITS.photo.bytesMax) throw invalidInput('contentBase64', `照片压缩后不能超过 ${LIMITS.photo.bytesMax / 1024} KB`)
  if (!looksLike(p.contentType, bytes)) throw invalidInput('contentBase64', '文件内容不是所说的图片格式')
  const now = ctx.clock.now()
  const yearStart = `${shanghaiDate(now).slice(0, 4)}-01-01T00:00:00+08:00`
  const thisYear = await ctx.storage.count('uploads', { memberId: organiser.id, at: { $gte: yearStart } })
  if (thisYear >= LIMITS.photo.perYearMax) throw new AppError('CONFLICT', `今年已上传 ${LIMITS.photo.perYearMax} 张照片，已达上限`)
  const ext = p.contentType.slice('image/'.length)
  const fileId = await ctx.files.put(bytes, p.contentType, `会议照片.${ext === 'jpeg' ? 'jpg' : ext}`)
  await ctx.storage.insert('uploads', { id: newId('upload', now), branchId: organiser.branchId, memberId: organiser.id, fileId, bytes: bytes.length, at: toShanghaiIso(now) })
  return { fileId, url: (await ctx.files.url(fileId, PHOTO_LINK_SEC)).url }
}

/** The file's first bytes match the image type it claims (so no page or script is stored as a photo). */
function looksLike(contentType: string, bytes: Buffer): boolean {
  if (contentType === 'image/jpeg') return bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff
  if (contentType === 'image/png') return bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  return bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP'
}
