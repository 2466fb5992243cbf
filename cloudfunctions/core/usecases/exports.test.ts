/**
 * Exports (CONTRACT §6) end to end on the local server: the action answers an absolute link, the
 * file downloads from it without a session until expiresAt, and its cells say what the records
 * say (read back with read-excel-file, as Excel would open it).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import readXlsxFile from 'read-excel-file/node'
import { strFromU8, unzipSync } from 'fflate'
import type { ActionName, Payload, Result } from '../actions'
import { startLocalServer } from '../../../server/main'
import { freePort } from '../../../e2e/server'
import { DEMO, dataOf } from '../../../tests/support/app'
import { aMeeting } from '../../../tests/support/builders'
import type { Envelope } from '../../../types/envelope'
import { seedDemoBranch } from '../seed'

let dataDir: string
let local: Awaited<ReturnType<typeof startLocalServer>>

const as = (openid: string) => ({
  call: <K extends ActionName>(action: K, payload: Payload<K>) => local.runtime.api({ action, payload }, { openid }) as Promise<Envelope<Result<K>>>,
  ok: async <K extends ActionName>(action: K, payload: Payload<K>) => dataOf((await local.runtime.api({ action, payload }, { openid })) as Envelope<Result<K>>),
})
const secretary = () => as(DEMO.secretary)
const at = (iso: string) => local.runtime.clock.set(new Date(iso))

/** The sheet at a link, fetched as a browser would: no session. */
async function download(url: string) {
  const res = await fetch(url)
  expect(res.status).toBe(200)
  return new Uint8Array(await res.arrayBuffer())
}
const rowsOf = async (url: string) => (await readXlsxFile(Buffer.from(await download(url))))[0].data

/** Where the header row is: the first row whose first cell is 序号. */
const body = (rows: unknown[][]) => rows.slice(rows.findIndex((r) => r[0] === '序号') + 1)

const INJECTION = '=HYPERLINK("http://evil.example","点我")'

let meetingId: string

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'zhibu-exports-'))
  local = await startLocalServer({ port: await freePort(), dataDir, seed: false, webRoot: dataDir })
  at('2026-05-19T09:00:00+08:00')
  await seedDemoBranch(local.runtime.ports)
  // A 支部党员大会 on 20 May: 01 on time, 03 late, 05 made up by the secretary, 02 on leave (a
  // reason that looks like a formula), 04's leave refused, everyone else away.
  const { meeting } = await secretary().ok('meeting.create', { ...aMeeting('branch_assembly').titled('学习二十届三中全会精神').at('党群服务中心').build() })
  meetingId = meeting.id
  const leave = await as(DEMO.member(2)).ok('leave.request', { meetingId, reason: INJECTION })
  await secretary().ok('leave.review', { leaveId: leave.leaveId, approve: true })
  const refused = await as(DEMO.member(4)).ok('leave.request', { meetingId, reason: '家里有事' })
  await secretary().ok('leave.review', { leaveId: refused.leaveId, approve: false })
  at('2026-05-20T14:25:00+08:00')
  await as(DEMO.member(1)).ok('checkin.submit', { token: (await secretary().ok('checkin.code', { meetingId })).token })
  at('2026-05-20T14:40:00+08:00')
  await as(DEMO.member(3)).ok('checkin.submit', { token: (await secretary().ok('checkin.code', { meetingId })).token })
  at('2026-05-20T17:00:00+08:00')
  await secretary().ok('checkin.manual', { meetingId, memberId: DEMO.member(5), reason: '@手机没电，会后补签' })
  // One to come (12 in 第一党小组: the secretary, the leader, members 01–10) and one cancelled: the 台账 lists the first without 实到 and leaves out the second.
  await secretary().ok('meeting.create', { ...aMeeting('group').titled('第一党小组六月党小组会').startingAt('2026-06-10T19:00:00+08:00').forGroup(DEMO.group1).build() })
  const { meeting: cancelled } = await secretary().ok('meeting.create', { ...aMeeting('lecture').titled('专题党课').startingAt('2026-06-12T14:00:00+08:00').build() })
  await secretary().ok('meeting.cancel', { meetingId: cancelled.id, reason: '讲课人临时出差' })
  at('2026-05-21T09:00:00+08:00')
}, 60_000)

afterAll(async () => {
  await local.close()
  rmSync(dataDir, { recursive: true, force: true })
})

describe('a link to an export', () => {
  it('is absolute, unguessable, and opens without a session for at least 10 minutes, then not', async () => {
    const link = await secretary().ok('export.attendance', { meetingId })
    expect(link.url).toMatch(new RegExp(`^${local.url}/files/f-[A-Za-z0-9_-]{22}\\?exp=\\d+&sig=[A-Za-z0-9_-]{43}$`))
    expect(Date.parse(link.expiresAt) - Date.parse('2026-05-21T09:00:00+08:00')).toBeGreaterThanOrEqual(10 * 60_000)
    expect(link.fileName).toBe('示例党支部-考勤表-学习二十届三中全会精神-2026-05-20.xlsx')
    const res = await fetch(link.url)
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename*=UTF-8''${encodeURIComponent(link.fileName)}`)

    const forged = link.url.replace(/sig=./, (s) => (s.endsWith('A') ? 'sig=B' : 'sig=A'))
    expect((await fetch(forged)).status).toBe(404)
    at(link.expiresAt)
    expect((await fetch(link.url)).status).toBe(404)
    at('2026-05-21T09:00:00+08:00')
  })

  it('is a new file each time: a later export shows later records', async () => {
    const first = await secretary().ok('export.study', { year: 2026 })
    const second = await secretary().ok('export.study', { year: 2026 })
    expect(second.url).not.toBe(first.url)
  })

  it('is only for the leadership; another branch’s meeting does not exist', async () => {
    expect(await as(DEMO.member(1)).call('export.dues', { year: 2026 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await as(DEMO.leader1).call('export.attendance', { meetingId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await secretary().call('export.attendance', { meetingId: 'no-such-meeting' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })
})

describe('export.attendance (考勤表)', () => {
  it('names the branch and the meeting, then has a row per invited member with the status in Chinese', async () => {
    const rows = await rowsOf((await secretary().ok('export.attendance', { meetingId })).url)
    expect(rows.slice(0, 4).map((r) => r[0])).toEqual([
      '学习二十届三中全会精神 考勤表',
      '党支部：示例党支部',
      '期间：支部党员大会　2026年5月20日 14:30–16:30',
      '制表日期：2026-05-21',
    ])
    const attendance = await secretary().ok('attendance.get', { meetingId })
    const lines = body(rows)
    expect(lines).toHaveLength(attendance.expected)
    const CHINESE = { present: '出席', late: '迟到', leave: '请假', absent: '缺席', makeup: '补签' } as Record<string, string>
    expect(lines.map((r) => [r[1], r[3]])).toEqual(attendance.members.map((m) => [m.name, CHINESE[m.status]]))
    const byName = new Map(lines.map((r) => [r[1], r]))
    expect(byName.get('陈志强')).toEqual([expect.any(Number), '陈志强', '第一党小组', '出席', '14:25', null])
    expect(byName.get('杨伟')).toEqual([expect.any(Number), '杨伟', '第一党小组', '迟到', '14:40', null])
    expect(byName.get('周建国')).toEqual([expect.any(Number), '周建国', '第一党小组', '补签', '17:00', '@手机没电，会后补签'])
    expect(byName.get('黄丽娟')).toEqual([expect.any(Number), '黄丽娟', '第一党小组', '缺席', null, null])
    // Typed by a member: the text as typed, not a formula.
    expect(byName.get('刘秀英')).toEqual([expect.any(Number), '刘秀英', '第一党小组', '请假', null, INJECTION])
    expect(rows.map((r) => r[0])).toContain(`应到 ${attendance.expected} 人，实到 3 人（出席 1，迟到 1，补签 1），请假 1 人，缺席 ${attendance.absent} 人`)
  })
})

describe('export.meetings (三会一课台账)', () => {
  it('has every meeting of the year that is not cancelled, with 应到 and 实到 as attendance.get counts them', async () => {
    const rows = await rowsOf((await secretary().ok('export.meetings', { year: 2026 })).url)
    expect(rows[0][0]).toBe('2026年 三会一课台账')
    const a = await secretary().ok('attendance.get', { meetingId })
    const lines = body(rows)
    expect(lines.map((r) => r[3])).toEqual(['学习二十届三中全会精神', '第一党小组六月党小组会', '已召开 1 次'])
    expect(lines[0]).toEqual([1, '2026-05-20', '14:30–16:30', '学习二十届三中全会精神', '支部党员大会', null, '党群服务中心', a.expected, a.present + a.late + a.makeup, a.leave, a.absent])
    expect(lines[1].slice(4, 9)).toEqual(['党小组会', '第一党小组', null, 12, '未召开'])
    expect(lines[2].slice(7)).toEqual([a.expected, 3, 1, a.absent])
  })

  it('has a second sheet with each 三会一课 requirement of the year and whether it was met', async () => {
    const [, sheet] = await readXlsxFile(Buffer.from(await download((await secretary().ok('export.meetings', { year: 2026 })).url)))
    expect(sheet.sheet).toBe('三会一课完成情况')
    const { items } = await secretary().ok('checklist.get', { year: 2026 })
    const lines = body(sheet.data)
    expect(lines).toHaveLength(items.length)
    // Held on 20 May: the second quarter's 支部党员大会 is done. The branch began on 19 May, so
    // April's 支委会 was not missed here: nobody recorded it.
    expect(lines).toContainEqual([expect.any(Number), '第二季度', '支部党员大会', null, 1, 1, '已完成'])
    expect(lines).toContainEqual([expect.any(Number), '4月', '支委会', null, 1, 0, '未记录'])
    expect(lines).toContainEqual([expect.any(Number), '5月', '党小组会', '第二党小组', 1, 0, '进行中'])
    expect(lines).toContainEqual([expect.any(Number), '全年', '党课', null, 1, 0, '进行中'])
  })

  it('is empty but for its header and totals in a year with no meetings', async () => {
    const lines = body(await rowsOf((await secretary().ok('export.meetings', { year: 2025 })).url))
    expect(lines).toEqual([['合计', null, null, '已召开 0 次', null, null, null, 0, 0, 0, 0]])
  })
})

describe('export.dues (党费登记表)', () => {
  it('has a row per member with each month paid (元) or 未缴, and totals that add up', async () => {
    const rows = await rowsOf((await secretary().ok('export.dues', { year: 2026 })).url)
    expect(rows[0][0]).toBe('2026年 党费收缴登记表')
    const members = await local.runtime.storage.find('members', { branchId: DEMO.branchId, active: true })
    const lines = body(rows)
    expect(lines).toHaveLength(members.length + 1)
    // Seeded on 19 May with dues from December on: 徐海燕 (member 07) stopped paying after January.
    const xu = members.find((m) => m.id === DEMO.member(7))!
    const fee = xu.dues!.amount / 100
    expect(lines.find((r) => r[1] === '徐海燕')).toEqual([expect.any(Number), '徐海燕', fee, fee, '未缴', '未缴', '未缴', '未缴', null, null, null, null, null, null, null, fee, 4])
    const payments = await local.runtime.storage.find('payments', { branchId: DEMO.branchId, month: { $gte: '2026-01', $lte: '2026-12' } })
    const totals = lines.at(-1)!
    expect(totals[0]).toBe('合计')
    expect(totals.at(-2)).toBeCloseTo(payments.reduce((s, p) => s + p.amount, 0) / 100, 2)
  })
})

describe('export.study (学时统计)', () => {
  it('has a row per member with the points and 学时 that study.overview shows', async () => {
    const rows = await rowsOf((await secretary().ok('export.study', { year: 2026 })).url)
    const overview = await secretary().ok('study.overview', { year: 2026 })
    const lines = body(rows)
    expect(lines.slice(0, -1).map((r) => [r[1], r[2], r[3]])).toEqual(overview.members.map((m) => [m.name, m.points, m.studyHours]))
    expect(lines.at(-1)![0]).toBe('合计')
  })
})

/** A 2×1 PNG, as photo.upload takes it. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAAEUlEQVR4nGP4z8DAwMDAwAAAHgAB/6C2JwAAAABJRU5ErkJggg=='

describe('export.minutes (会议记录 .docx)', () => {
  it('holds the minutes as saved, the attendance minutes.get gives, and the photos', async () => {
    const photo = await secretary().ok('photo.upload', { contentBase64: PNG, contentType: 'image/png' })
    await secretary().ok('minutes.save', {
      meetingId,
      host: '王建华',
      recorder: '李明',
      topics: ['传达学习全会精神', '=讨论下季度工作'],
      summary: '王建华同志传达了全会精神。\n与会党员逐一发言。',
      decisions: '下季度开展两次主题党日。',
      photos: [photo.fileId],
    })
    const link = await secretary().ok('export.minutes', { meetingId })
    expect(link.fileName).toBe('示例党支部-会议记录-学习二十届三中全会精神-2026-05-20.docx')
    const files = unzipSync(await download(link.url))
    const xml = strFromU8(files['word/document.xml'])
    const text = [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('|')
    const { attendance, quorum } = await secretary().ok('minutes.get', { meetingId })
    expect(text).toContain('主持人|王建华|记录人|李明')
    expect(text).toContain(`应到人数|${attendance.expected} 人|实到人数|3 人（其中迟到 1 人，补签 1 人）`)
    expect(text).toContain(`正式党员到会|应到 ${quorum!.fullExpected} 人，实到 ${quorum!.fullPresent} 人`)
    expect(text).toContain(`刘秀英（请假：${INJECTION.replace(/"/g, '&quot;')}）；`)
    expect(text.split('缺席及原因|')[1].split('|')[0].split('；')).toHaveLength(attendance.absentees.length)
    expect(text).toContain('议题|1. 传达学习全会精神|2. =讨论下季度工作|内容摘要|王建华同志传达了全会精神。|与会党员逐一发言。|决议|下季度开展两次主题党日。')
    expect(files['word/media/image1.png']).toEqual(Uint8Array.from(Buffer.from(PNG, 'base64')))
  })

  it('exists from the start of a meeting, for its organisers', async () => {
    const { meeting } = await secretary().ok('meeting.create', { ...aMeeting('group').titled('第一党小组五月党小组会').startingAt('2026-05-28T19:00:00+08:00').forGroup(DEMO.group1).build() })
    expect(await secretary().call('export.minutes', { meetingId: meeting.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    at('2026-05-28T19:05:00+08:00')
    // Before anything is written: the attendance so far, the minutes' fields blank.
    const link = await as(DEMO.leader1).ok('export.minutes', { meetingId: meeting.id })
    expect(strFromU8(unzipSync(await download(link.url))['word/document.xml'])).toContain('第一党小组五月党小组会')
    expect(await as(DEMO.leader1).call('export.minutes', { meetingId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    at('2026-05-21T09:00:00+08:00')
  })
})
