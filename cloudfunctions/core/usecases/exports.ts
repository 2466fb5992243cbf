/**
 * Exports (CONTRACT §6): read the records, lay them out (exports/sheets.ts), store the file and
 * answer a link that opens without a session for EXPORT_LINK_SEC. Every call makes a new file,
 * so a link always shows the records as they were when it was asked for.
 */
import type { Payload, Result } from '../actions'
import type { ExportLink } from '../actions/exports'
import type { Attendance, Leave, Meeting, Member } from '../../../types/models'
import type { AttendanceRow } from '../../../types/views'
import { inScope, memberStatus } from '../../../src/domain/meetings'
import { nextMonth } from '../../../src/domain/relative-day'
import { shanghaiDate, shanghaiMonth } from '../../../src/domain/time'
import { requireMember, type Context } from '../context'
import { AppError } from '../errors'
import { branchSettings } from '../records/settings'
import { writeWorkbook, type Table } from '../exports/workbook'
import { pictureOf, writeDocument, type Picture } from '../exports/document'
import { attendanceTable, checklistTable, duesTable, meetingsTable, minutesBlocks, studyTable, tally, type AttendanceLine, type DuesLine, type Letterhead, type MeetingFacts, type MeetingLine } from '../exports/sheets'
import { attendanceGet } from './attendance'
import { checklistGet } from './checklist'
import { groupNames, loadManagedMeeting, onRollAt, toView } from './meeting-support'
import { minutesGet } from './minutes'
import { studyOverview } from './study'

/** How long a download link works: long enough to forward it to a computer and open it there. */
const EXPORT_LINK_SEC = 30 * 60

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/** A file name every system accepts: no path or wildcard characters, not too long. */
function fileNameOf(parts: string[], extension: string): string {
  const stem = parts
    .map((p) => p.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').trim())
    .filter(Boolean)
    .join('-')
  return `${Array.from(stem).slice(0, 80).join('')}.${extension}`
}

async function deliver(ctx: Context, bytes: Uint8Array, contentType: string, fileName: string): Promise<ExportLink> {
  const fileId = await ctx.files.put(bytes, contentType, fileName)
  const link = await ctx.files.url(fileId, EXPORT_LINK_SEC)
  return { fileName, url: link.url, expiresAt: link.expiresAt }
}

async function letterhead(ctx: Context, member: Member): Promise<Letterhead> {
  const branch = await ctx.storage.get('branches', member.branchId)
  return { branchName: branch?.name ?? '', madeOn: shanghaiDate(ctx.clock.now()) }
}

const xlsx = async (ctx: Context, table: Table, parts: string[]) => deliver(ctx, await writeWorkbook([table]), XLSX_TYPE, fileNameOf(parts, 'xlsx'))

/** A meeting's attendance as the export lists it: attendance.get's rows, with group names and reasons. */
async function attendanceLines(ctx: Context, meetingId: string): Promise<{ meeting: MeetingFacts; lines: AttendanceLine[] }> {
  const me = requireMember(ctx)
  const [attendance, names] = await Promise.all([attendanceGet(ctx, { meetingId }), groupNames(ctx, me.branchId)])
  const note = (row: AttendanceRow) => (row.status === 'leave' ? row.leave?.reason : row.status === 'makeup' ? row.reason : undefined)
  const lines = attendance.members.map((row) => ({
    name: row.name,
    groupName: row.groupId ? names.get(row.groupId) ?? null : null,
    status: row.status,
    ...(row.checkedInAt ? { checkedInAt: row.checkedInAt } : {}),
    ...(note(row) ? { note: note(row) } : {}),
  }))
  return { meeting: attendance.meeting, lines }
}

export async function exportAttendance(ctx: Context, p: Payload<'export.attendance'>): Promise<Result<'export.attendance'>> {
  const me = requireMember(ctx)
  const [{ meeting, lines }, head] = await Promise.all([attendanceLines(ctx, p.meetingId), letterhead(ctx, me)])
  return xlsx(ctx, attendanceTable(head, meeting, lines), [head.branchName, '考勤表', meeting.title, shanghaiDate(meeting.startAt)])
}

const yearRange = (year: number) => ({ $gte: `${year}-01-01T00:00:00+08:00`, $lte: `${year}-12-31T23:59:59+08:00` })

/**
 * Each meeting's 应到 / 实到 / 请假 / 缺席 counted as attendance.get counts them (the roll when
 * it started, in scope, plus anyone recorded), from three reads for the whole year.
 */
function meetingLines(meetings: Meeting[], members: Member[], records: Attendance[], leaves: Leave[], names: Map<string, string>, now: Date): MeetingLine[] {
  const key = (meetingId: string, memberId: string) => `${meetingId}|${memberId}`
  const recordOf = new Map(records.map((r) => [key(r.meetingId, r.memberId), r]))
  const leaveOf = new Map(leaves.filter((l) => l.state !== 'withdrawn').map((l) => [key(l.meetingId, l.memberId), l]))
  return meetings.map((meeting) => {
    const statuses = onRollAt(members, meeting).flatMap((m): Array<Pick<AttendanceLine, 'status'>> => {
      const record = recordOf.get(key(meeting.id, m.id))
      if (!inScope(m, meeting.scope) && !record) return []
      return [{ status: memberStatus(record, leaveOf.get(key(meeting.id, m.id)), meeting, now) ?? 'pending' }]
    })
    const t = tally(statuses)
    return {
      ...meeting,
      groupName: meeting.scope.kind === 'group' ? names.get(meeting.scope.groupId) ?? null : null,
      expected: t.expected,
      attended: t.attended,
      leave: t.leave,
      absent: t.absent,
      ended: Date.parse(meeting.endAt) < now.getTime(),
    }
  })
}

export async function exportMeetings(ctx: Context, p: Payload<'export.meetings'>): Promise<Result<'export.meetings'>> {
  const me = requireMember(ctx)
  const meetings = await ctx.storage.find('meetings', { branchId: me.branchId, status: 'scheduled', startAt: yearRange(p.year) }, { orderBy: [['startAt', 'asc']] })
  const ids = meetings.map((m) => m.id)
  const [members, records, leaves, names, head, required] = await Promise.all([
    ctx.storage.find('members', { branchId: me.branchId }, { orderBy: [['id', 'asc']] }),
    ids.length ? ctx.storage.find('attendance', { branchId: me.branchId, meetingId: { $in: ids } }) : Promise.resolve([]),
    ids.length ? ctx.storage.find('leaves', { branchId: me.branchId, meetingId: { $in: ids } }) : Promise.resolve([]),
    groupNames(ctx, me.branchId),
    letterhead(ctx, me),
    checklistGet(ctx, { year: p.year }),
  ])
  const lines = meetingLines(meetings, members, records, leaves, names, ctx.clock.now())
  const bytes = await writeWorkbook([meetingsTable(head, p.year, lines), checklistTable(head, p.year, required.items, names, required.since)])
  return deliver(ctx, bytes, XLSX_TYPE, fileNameOf([head.branchName, `${p.year}年三会一课台账`], 'xlsx'))
}

/** The months of a year whose dues were asked for: from the register's first month to this one. */
function duesMonths(year: number, since: string, now: Date): string[] {
  const current = shanghaiMonth(now)
  const months: string[] = []
  for (let m = `${year}-01`; m <= `${year}-12` && m <= current; m = nextMonth(m)) if (m >= since) months.push(m)
  return months
}

export async function exportDues(ctx: Context, p: Payload<'export.dues'>): Promise<Result<'export.dues'>> {
  const me = requireMember(ctx)
  const [branch, members, paid, head] = await Promise.all([
    ctx.storage.get('branches', me.branchId),
    ctx.storage.find('members', { branchId: me.branchId }, { orderBy: [['id', 'asc']] }),
    ctx.storage.tally('payments', { branchId: me.branchId, month: { $gte: `${p.year}-01`, $lte: `${p.year}-12` } }, ['memberId', 'month'], 'amount'),
    letterhead(ctx, me),
  ])
  const now = ctx.clock.now()
  const paidBy = new Map<string, Map<string, number>>()
  for (const t of paid) {
    const memberId = String(t.key.memberId)
    if (!paidBy.has(memberId)) paidBy.set(memberId, new Map())
    paidBy.get(memberId)!.set(String(t.key.month), t.sum)
  }
  // A member who left keeps the year's row while they paid in it: the register's totals must add up.
  const lines: DuesLine[] = members
    .filter((m) => m.active || paidBy.has(m.id))
    .map((m) => ({ name: m.active ? m.name : `${m.name}（已移出）`, amount: m.dues?.amount ?? null, paid: paidBy.get(m.id) ?? new Map() }))
  const months = duesMonths(p.year, branchSettings(branch, now).duesSince, now)
  return xlsx(ctx, duesTable(head, p.year, months, lines), [head.branchName, `${p.year}年党费登记表`])
}

export async function exportStudy(ctx: Context, p: Payload<'export.study'>): Promise<Result<'export.study'>> {
  const me = requireMember(ctx)
  const [overview, head] = await Promise.all([studyOverview(ctx, { year: p.year }), letterhead(ctx, me)])
  const lines = overview.members.map((m) => ({ name: m.name, points: m.points, studyHours: m.studyHours, target: m.target }))
  return xlsx(ctx, studyTable(head, p.year, lines), [head.branchName, `${p.year}年学时统计`])
}

/** A photo of the minutes as the document embeds it; null for one gone or in a format Word cannot show. */
async function photoOf(ctx: Context, fileId: string): Promise<Picture | null> {
  const file = await ctx.files.get(fileId)
  return file ? pictureOf(file.bytes) : null
}

export async function exportMinutes(ctx: Context, p: Payload<'export.minutes'>): Promise<Result<'export.minutes'>> {
  const me = requireMember(ctx)
  const meeting = await loadManagedMeeting(ctx, me, p.meetingId)
  if (meeting.status === 'cancelled') throw new AppError('CONFLICT', '会议已取消，没有会议记录')
  if (Date.parse(meeting.startAt) > ctx.clock.now().getTime()) throw new AppError('CONFLICT', '会议开始后才有会议记录')
  const [record, names, head] = await Promise.all([minutesGet(ctx, { meetingId: meeting.id }), groupNames(ctx, me.branchId), letterhead(ctx, me)])
  const photoIds = record.minutes?.photos ?? []
  // One at a time: nine phone photos at once would hold several MB in memory in a small function.
  const photos: Picture[] = []
  for (const id of photoIds) {
    const photo = await photoOf(ctx, id)
    if (photo) photos.push(photo)
  }
  const blocks = minutesBlocks(head, {
    meeting: toView(meeting, names),
    attendance: record.attendance,
    quorum: record.quorum,
    minutes: record.minutes,
    photos,
    photosLeftOut: photoIds.length - photos.length,
  })
  return deliver(ctx, writeDocument(blocks), DOCX_TYPE, fileNameOf([head.branchName, '会议记录', meeting.title, shanghaiDate(meeting.startAt)], 'docx'))
}
