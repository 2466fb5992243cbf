/**
 * What each export says (CONTRACT §6), from data already read: pure functions from records to
 * tables and documents, so that the layout is tested without storage and benchmarked alone.
 */
import type { AttendanceStatus, MeetingType } from '../../../types/models'
import { MEETING_TYPE_LABELS } from '../../../src/domain/meetings'
import { inShanghai } from '../../../src/domain/time'
import type { Block, Picture } from './document'
import type { Table, Value } from './workbook'

/** The words a paper 考勤表 uses; `pending` only before a meeting starts. */
const EXPORT_STATUS: Record<AttendanceStatus | 'pending', string> = {
  present: '出席',
  late: '迟到',
  leave: '请假',
  absent: '缺席',
  makeup: '补签',
  pending: '未签到',
}

/** Who made the table, and when. */
export interface Letterhead {
  branchName: string
  /** `YYYY-MM-DD`. */
  madeOn: string
}

export interface MeetingFacts {
  title: string
  type: MeetingType
  startAt: string
  endAt: string
  location: string | null
  /** The 党小组 of a group meeting. */
  groupName: string | null
}

export interface AttendanceLine {
  name: string
  groupName: string | null
  status: AttendanceStatus | 'pending'
  checkedInAt?: string
  /** The leave's reason, or the organiser's reason for a 补签. */
  note?: string
}

/** `2026年5月20日 14:30–16:30`; a meeting over midnight names both days. */
function meetingTime(m: Pick<MeetingFacts, 'startAt' | 'endAt'>): string {
  const start = inShanghai(m.startAt)
  const end = inShanghai(m.endAt)
  const endText = start.format('YYYY-MM-DD') === end.format('YYYY-MM-DD') ? end.format('HH:mm') : end.format('YYYY年M月D日 HH:mm')
  return `${start.format('YYYY年M月D日 HH:mm')}–${endText}`
}

const clock = (iso: string | undefined) => (iso ? inShanghai(iso).format('HH:mm') : '')

/** 实到: present, late and 补签 (made up by an organiser) all attended. */
const ATTENDED: ReadonlySet<string> = new Set(['present', 'late', 'makeup'])

export function tally(lines: Array<Pick<AttendanceLine, 'status'>>) {
  const count = (s: AttendanceLine['status']) => lines.filter((l) => l.status === s).length
  return {
    expected: lines.length,
    attended: lines.filter((l) => ATTENDED.has(l.status)).length,
    present: count('present'),
    late: count('late'),
    leave: count('leave'),
    absent: count('absent'),
    makeup: count('makeup'),
  }
}

export function attendanceTable(head: Letterhead, meeting: MeetingFacts, lines: AttendanceLine[]): Table {
  const t = tally(lines)
  const place = [meeting.location && `地点：${meeting.location}`, meeting.groupName && `党小组：${meeting.groupName}`].filter(Boolean).join('　')
  return {
    sheet: '考勤表',
    title: `${meeting.title} 考勤表`,
    ...head,
    period: `${MEETING_TYPE_LABELS[meeting.type]}　${meetingTime(meeting)}`,
    notes: [
      ...(place ? [place] : []),
      `应到 ${t.expected} 人，实到 ${t.attended} 人（出席 ${t.present}，迟到 ${t.late}，补签 ${t.makeup}），请假 ${t.leave} 人，缺席 ${t.absent} 人`,
    ],
    columns: [{ header: '序号', kind: 'number' }, { header: '姓名' }, { header: '党小组' }, { header: '考勤' }, { header: '签到时间' }, { header: '说明（请假事由、补签原因）' }],
    rows: lines.map((l, i) => [i + 1, l.name, l.groupName ?? '', EXPORT_STATUS[l.status], clock(l.checkedInAt), l.note ?? '']),
  }
}

export interface MeetingLine extends MeetingFacts {
  expected: number
  attended: number
  leave: number
  absent: number
  /** Ended by the clock: a meeting still to come has no 实到 yet. */
  ended: boolean
}

export function meetingsTable(head: Letterhead, year: number, meetings: MeetingLine[]): Table {
  const ended = meetings.filter((m) => m.ended)
  const sum = (f: (m: MeetingLine) => number) => ended.reduce((s, m) => s + f(m), 0)
  return {
    sheet: '三会一课台账',
    title: `${year}年 三会一课台账`,
    ...head,
    period: `${year}年1月1日–${year}年12月31日`,
    notes: [`共 ${meetings.length} 次会议（已召开 ${ended.length} 次），不含已取消的会议`],
    columns: [
      { header: '序号', kind: 'number' },
      { header: '日期' },
      { header: '时间' },
      { header: '会议名称' },
      { header: '类型' },
      { header: '党小组' },
      { header: '地点' },
      { header: '应到', kind: 'number' },
      { header: '实到', kind: 'number' },
      { header: '请假', kind: 'number' },
      { header: '缺席', kind: 'number' },
    ],
    rows: meetings.map((m, i) => {
      const start = inShanghai(m.startAt)
      const counts: Value[] = m.ended ? [m.expected, m.attended, m.leave, m.absent] : [m.expected, '未召开', null, null]
      return [i + 1, start.format('YYYY-MM-DD'), `${start.format('HH:mm')}–${inShanghai(m.endAt).format('HH:mm')}`, m.title, MEETING_TYPE_LABELS[m.type], m.groupName ?? '', m.location ?? '', ...counts]
    }),
    totals: ['合计', '', '', `已召开 ${ended.length} 次`, '', '', '', sum((m) => m.expected), sum((m) => m.attended), sum((m) => m.leave), sum((m) => m.absent)],
  }
}

/** One 三会一课 requirement of the year as checklist.get gives it. */
export interface ChecklistLine {
  period: string
  kind: MeetingType
  groupId: string | null
  required: number
  held: number
  due: boolean
  met: boolean
}

const QUARTERS = ['一', '二', '三', '四']

/** `3月`, `第一季度`, `全年`. */
function periodText(period: string): string {
  const quarter = /-Q([1-4])$/.exec(period)
  if (quarter) return `第${QUARTERS[Number(quarter[1]) - 1]}季度`
  return /^\d{4}$/.test(period) ? '全年' : `${Number(period.slice(5, 7))}月`
}

/** The period's last month: `2026-03` for `2026-Q1`, `2026-12` for `2026`. */
function lastMonth(period: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period)
  if (quarter) return `${quarter[1]}-${String(Number(quarter[2]) * 3).padStart(2, '0')}`
  return /^\d{4}$/.test(period) ? `${period}-12` : period
}

/**
 * The second sheet of the 三会一课台账: each requirement of the year, and whether it was met. A
 * period over before the branch began keeping its records here (`since`, a month) reads 未记录:
 * the app cannot say it was missed.
 */
export function checklistTable(head: Letterhead, year: number, items: ChecklistLine[], groupNames: Map<string, string>, since: string): Table {
  const before = (i: ChecklistLine) => !i.met && lastMonth(i.period) < since
  const state = (i: ChecklistLine) => (i.met ? '已完成' : before(i) ? '未记录' : i.due ? '未完成' : '进行中')
  const missed = items.filter((i) => i.due && !i.met && !before(i)).length
  return {
    sheet: '三会一课完成情况',
    title: `${year}年 三会一课完成情况`,
    ...head,
    period: `${year}年1月1日–${year}年12月31日`,
    notes: [`共 ${items.length} 项，已完成 ${items.filter((i) => i.met).length} 项，已到期未完成 ${missed} 项；只计已结束、未取消且有人签到的会议`],
    columns: [{ header: '序号', kind: 'number' }, { header: '期间' }, { header: '会议' }, { header: '党小组' }, { header: '应开', kind: 'number' }, { header: '已开', kind: 'number' }, { header: '情况' }],
    rows: items.map((i, n) => [n + 1, periodText(i.period), MEETING_TYPE_LABELS[i.kind], i.groupId ? groupNames.get(i.groupId) ?? '' : '', i.required, i.held, state(i)]),
  }
}

export interface DuesLine {
  name: string
  /** The 核定 monthly amount in 分, null while not set. */
  amount: number | null
  /** `YYYY-MM` → the amount paid in 分, for the months paid. */
  paid: Map<string, number>
}

const yuan = (fen: number) => fen / 100

/**
 * Members × months: a paid month shows its amount, an unpaid one 未缴, a month not yet come (or
 * before the branch kept dues here) nothing. `months` are the months that have come.
 */
export function duesTable(head: Letterhead, year: number, months: string[], lines: DuesLine[]): Table {
  const all = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`)
  const open = new Set(months)
  const monthTotal = (m: string) => lines.reduce((s, l) => s + (l.paid.get(m) ?? 0), 0)
  const paidTotal = (l: DuesLine) => [...l.paid.values()].reduce((s, v) => s + v, 0)
  const unpaid = (l: DuesLine) => all.filter((m) => open.has(m) && !l.paid.has(m)).length
  return {
    sheet: '党费登记表',
    title: `${year}年 党费收缴登记表`,
    ...head,
    period: `${year}年1月–12月（单位：元）`,
    notes: ['已缴月份填实缴金额，未缴月份填"未缴"'],
    columns: [
      { header: '序号', kind: 'number' },
      { header: '姓名' },
      { header: '核定月缴', kind: 'money' },
      ...all.map((m) => ({ header: `${Number(m.slice(5))}月`, kind: 'money' as const })),
      { header: '已缴合计', kind: 'money' },
      { header: '未缴月数', kind: 'number' },
    ],
    rows: lines.map((l, i) => [
      i + 1,
      l.name,
      l.amount === null ? '未核定' : yuan(l.amount),
      ...all.map((m): Value => (l.paid.has(m) ? yuan(l.paid.get(m)!) : open.has(m) ? '未缴' : null)),
      yuan(paidTotal(l)),
      unpaid(l),
    ]),
    totals: ['合计', '', yuan(lines.reduce((s, l) => s + (l.amount ?? 0), 0)), ...all.map((m) => (open.has(m) ? yuan(monthTotal(m)) : null)), yuan(lines.reduce((s, l) => s + paidTotal(l), 0)), lines.reduce((s, l) => s + unpaid(l), 0)],
  }
}

export interface StudyLine {
  name: string
  points: number
  studyHours: number
  target: number
}

export function studyTable(head: Letterhead, year: number, lines: StudyLine[]): Table {
  const sum = (f: (l: StudyLine) => number) => Math.round(lines.reduce((s, l) => s + f(l), 0) * 10) / 10
  return {
    sheet: '学时统计',
    title: `${year}年 党员学习积分与学时统计`,
    ...head,
    period: `${year}年1月1日–${year}年12月31日`,
    columns: [
      { header: '序号', kind: 'number' },
      { header: '姓名' },
      { header: '积分', kind: 'number' },
      { header: '学时', kind: 'number' },
      { header: '年度目标学时', kind: 'number' },
      { header: '完成情况' },
    ],
    rows: lines.map((l, i) => [i + 1, l.name, l.points, l.studyHours, l.target, l.studyHours >= l.target ? '已完成' : `差 ${Math.round((l.target - l.studyHours) * 10) / 10} 学时`]),
    totals: ['合计', `${lines.length} 人`, sum((l) => l.points), sum((l) => l.studyHours), sum((l) => l.target), ''],
  }
}

/** What a 会议记录 records beyond the meeting itself; the attendance is never typed in. */
export interface MinutesText {
  host: string
  recorder: string
  topics: string[]
  summary: string
  decisions: string
}

/** minutes.get's attendance: the counts and who was away, with the reason of a leave. */
export interface MinutesAttendance {
  expected: number
  present: number
  late: number
  makeup: number
  leave: number
  absent: number
  absentees: Array<{ name: string; status: 'leave' | 'absent'; reason?: string }>
}

/** 正式党员 expected and present at a 支部党员大会. */
export interface QuorumFacts {
  fullExpected: number
  fullPresent: number
  met: boolean
}

/** `黄丽娟（请假：出差在外地）；吴敏（缺席）`. */
function absenteesText(absentees: MinutesAttendance['absentees']): string {
  if (!absentees.length) return '无'
  return absentees.map((a) => `${a.name}（${EXPORT_STATUS[a.status]}${a.reason ? `：${a.reason}` : ''}）`).join('；')
}

export interface MinutesInput {
  meeting: MeetingFacts
  attendance: MinutesAttendance
  quorum: QuorumFacts | null
  minutes: MinutesText | null
  photos: Picture[]
  /** Photos that could not be placed (a format Word does not show). */
  photosLeftOut: number
}

export function minutesBlocks(head: Letterhead, input: MinutesInput): Block[] {
  const { meeting, attendance: a, quorum, minutes, photos, photosLeftOut } = input
  const attended = a.present + a.late + a.makeup
  const topics = minutes?.topics.length ? minutes.topics.map((topic, i) => `${i + 1}. ${topic}`).join('\n') : ''
  const quorumRow: Array<[string, string]> = quorum
    ? [['正式党员到会', `应到 ${quorum.fullExpected} 人，实到 ${quorum.fullPresent} 人，${quorum.met ? '超过半数，可以表决' : '未超过半数，不能进行表决'}`]]
    : []
  return [
    { kind: 'title', text: `${head.branchName} 会议记录` },
    {
      kind: 'fields',
      rows: [
        ['会议名称', meeting.title],
        ['会议类型', MEETING_TYPE_LABELS[meeting.type] + (meeting.groupName ? `（${meeting.groupName}）` : '')],
        ['时间', meetingTime(meeting)],
        ['地点', meeting.location ?? ''],
        ['主持人', minutes?.host ?? ''],
        ['记录人', minutes?.recorder ?? ''],
        ['应到人数', `${a.expected} 人`],
        ['实到人数', `${attended} 人${a.late || a.makeup ? `（其中迟到 ${a.late} 人，补签 ${a.makeup} 人）` : ''}`],
        ...quorumRow,
        ['缺席及原因', absenteesText(a.absentees)],
        ['议题', topics],
        ['内容摘要', minutes?.summary ?? ''],
        ['决议', minutes?.decisions ?? ''],
      ],
    },
    ...(photos.length ? [{ kind: 'paragraph' as const, text: '会议照片', bold: true }, ...photos.map((image) => ({ kind: 'image' as const, image }))] : []),
    ...(photosLeftOut ? [{ kind: 'paragraph' as const, text: `另有 ${photosLeftOut} 张照片的格式无法放入文档，请在小程序中查看。` }] : []),
    { kind: 'paragraph', text: `制表日期：${head.madeOn}` },
  ]
}
