/**
 * The year's 台账 for a branch of 100 members and 60 meetings: how long the exports take.
 *
 *   npx tsx bench/ledger-year.ts [--quick]
 *
 * The branch (4 党小组 of 25) held 60 meetings in 2026: a 支委会, a 主题党日 and a 党小组会 in
 * two of the groups every month, a 支部党员大会 and a 党课 a quarter, a 组织生活会 and three
 * others — about 2,600 attendance records (most attend, some on leave, a few late or made up),
 * 1,100 dues payments and the ledger awards of every attendance. Asked on 5 January 2027, through the
 * router as the secretary would: export.meetings, export.dues, export.study and export.attendance
 * for each of the 60 meetings, each file stored in the in-memory NeDB adapter's local Files.
 * The full run repeats it 5 times and reports the first (cold) run and the median; the quick run
 * does it once.
 *
 * Fails (exit 1) unless each file reads back with a row per meeting or member, or, in full mode,
 * if one year sheet takes more than 5 s (the api function has 20 s).
 */
import { performance } from 'node:perf_hooks'
import readXlsxFile from 'read-excel-file/node'
import type { ActionName, Payload, Result } from '../cloudfunctions/core/actions'
import type { Attendance, Branch, Group, Leave, Meeting, MeetingType, Member, Payment } from '../types/models'
import type { Envelope } from '../types/envelope'
import { NedbStorage } from '../cloudfunctions/core/adapters/local/nedb-storage'
import { LocalFiles } from '../cloudfunctions/core/adapters/local/local-files'
import { DEFAULT_SCHEDULE } from '../cloudfunctions/core/domain/schedule'
import type { Logger, Ports } from '../cloudfunctions/core/ports'
import { attendanceAward } from '../cloudfunctions/core/records/ledger'
import { createRouter } from '../cloudfunctions/core/router'
import { DEFAULT_MEETING_POINTS, meetingStudyTenths } from '../src/domain/meetings'
import { toShanghaiIso } from '../src/domain/time'

const QUICK = process.argv.includes('--quick')
const ROUNDS = QUICK ? 1 : 5
const MEMBERS = 100
const GROUPS = 4
const YEAR = 2026
const AT = '2027-01-05T09:00:00+08:00'
const YEAR_SHEET_LIMIT_S = 5
const BRANCH = 'bench-branch'

const quiet: Logger = { info: () => {}, error: (msg, fields) => console.error(msg, fields) }
const pad = (n: number) => String(n).padStart(2, '0')

/** 60 meetings: each month a 支委会, a 主题党日 and two groups' 党小组会; each quarter, the year. */
function meetingPlan(): Array<{ type: MeetingType; month: number; day: number; groupId?: string }> {
  const plan: Array<{ type: MeetingType; month: number; day: number; groupId?: string }> = []
  for (let month = 1; month <= 12; month++) {
    plan.push({ type: 'committee', month, day: 5 }, { type: 'theme_day', month, day: 20 })
    plan.push({ type: 'group', month, day: 12, groupId: `g${month % GROUPS}` }, { type: 'group', month, day: 14, groupId: `g${(month + 1) % GROUPS}` })
  }
  for (const month of [3, 6, 9, 12]) plan.push({ type: 'branch_assembly', month, day: 25 })
  for (const month of [2, 5, 8, 11]) plan.push({ type: 'lecture', month, day: 16 })
  plan.push({ type: 'life_meeting', month: 1, day: 28 })
  for (const month of [4, 7, 10]) plan.push({ type: 'other', month, day: 1 })
  return plan
}

async function prepare(storage: NedbStorage): Promise<{ meetings: Meeting[] }> {
  const createdAt = '2025-12-01T09:00:00+08:00'
  const branch: Branch = { id: BRANCH, branchId: BRANCH, name: '压测第一党支部', schedule: DEFAULT_SCHEDULE, settings: { targetHours: 32, committeeTargetHours: 32, duesSince: '2026-01' }, createdAt }
  await storage.insert('branches', branch)
  for (let g = 0; g < GROUPS; g++) {
    const group: Group = { id: `g${g}`, branchId: BRANCH, name: `第${'一二三四'[g]}党小组`, leaderId: `m${pad(g + 10)}` }
    await storage.insert('groups', group)
  }
  const members: Member[] = Array.from({ length: MEMBERS }, (_, i) => ({
    id: `m${pad(i)}`,
    branchId: BRANCH,
    openid: `wx-m${pad(i)}`,
    name: `党员${String(i + 1).padStart(3, '0')}号`,
    roles: i === 0 ? ['secretary', 'member'] : i < 5 ? ['committee', 'member'] : ['member'],
    groupId: `g${i % GROUPS}`,
    standing: i % 20 === 19 ? 'probationary' : 'full',
    active: true,
    dues: { category: 'employed', base: 500000 + i * 10000, amount: 2500 + i * 50 },
  }))
  for (const m of members) await storage.insert('members', m)

  const meetings: Meeting[] = meetingPlan().map((p, i) => {
    const day = `${YEAR}-${pad(p.month)}-${pad(p.day)}`
    return {
      id: `meeting-${pad(i)}`,
      branchId: BRANCH,
      type: p.type,
      title: `${p.month}月${p.type === 'group' ? '党小组会' : '组织生活'}（第${i + 1}次）`,
      startAt: `${day}T14:30:00+08:00`,
      endAt: `${day}T16:30:00+08:00`,
      location: '党群服务中心',
      agenda: null,
      scope: p.groupId ? { kind: 'group', groupId: p.groupId } : p.type === 'committee' ? { kind: 'committee' } : { kind: 'branch' },
      status: 'scheduled',
      cancelReason: null,
      themeMonth: null,
      createdBy: 'm00',
      createdAt,
      updatedAt: createdAt,
    }
  })
  for (const m of meetings) await storage.insert('meetings', m)

  // Who came: most on time, some late, one in 25 made up; one in 12 on leave; the rest absent.
  let n = 0
  for (const meeting of meetings) {
    const invited = members.filter((m) =>
      meeting.scope.kind === 'branch' ? true : meeting.scope.kind === 'committee' ? m.roles.includes('committee') || m.roles.includes('secretary') : m.groupId === meeting.scope.groupId,
    )
    for (const m of invited) {
      n += 1
      if (n % 12 === 0) {
        const leave: Leave = { id: `${meeting.id}:${m.id}`, branchId: BRANCH, meetingId: meeting.id, memberId: m.id, reason: '出差在外地', state: 'approved', requestedAt: meeting.createdAt, reviewedBy: 'm00', reviewedAt: meeting.createdAt }
        await storage.insert('leaves', leave)
        continue
      }
      if (n % 17 === 0) continue
      const status = n % 25 === 0 ? 'makeup' : n % 9 === 0 ? 'late' : 'present'
      const record: Attendance = {
        id: `${meeting.id}:${m.id}`,
        branchId: BRANCH,
        meetingId: meeting.id,
        memberId: m.id,
        status,
        checkedInAt: toShanghaiIso(Date.parse(meeting.startAt) + (status === 'late' ? 10 : -5) * 60_000),
        by: status === 'makeup' ? 'm00' : m.id,
        reason: status === 'makeup' ? '会后补签' : null,
      }
      await storage.insert('attendance', record)
      await storage.insert('ledger', attendanceAward(record, { meetingType: meeting.type, points: DEFAULT_MEETING_POINTS[meeting.type], studyTenths: meetingStudyTenths(meeting) }))
    }
  }
  for (const m of members) {
    for (let month = 1; month <= 12; month++) {
      if ((Number(m.id.slice(1)) + month) % 15 === 0) continue
      const payment: Payment = {
        id: `${m.id}:${YEAR}-${pad(month)}`,
        branchId: BRANCH,
        memberId: m.id,
        month: `${YEAR}-${pad(month)}`,
        amount: m.dues!.amount,
        paidOn: `${YEAR}-${pad(month)}-20`,
        state: 'confirmed',
        reportedBy: m.id,
        confirmedBy: 'm00',
        updatedAt: `${YEAR}-${pad(month)}-20T10:00:00+08:00`,
      }
      await storage.insert('payments', payment)
    }
  }
  return { meetings }
}

interface Timing {
  seconds: number
  roundTrips: number
  bytes: number
  rows: number
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

async function main() {
  const storage = await NedbStorage.open(null)
  const { meetings } = await prepare(storage)
  const clock = { now: () => new Date(AT) }
  const secrets = { get: async () => 'bench-secret' }
  const files = new LocalFiles(null, secrets, clock, '')
  const ports: Ports = { storage, clock, secrets, sender: { send: async () => ({ ok: true }) }, log: quiet, files }
  const api = createRouter(ports)
  const call = async <K extends ActionName>(action: K, payload: Payload<K>): Promise<Result<K>> => {
    const envelope = (await api({ action, payload }, { openid: 'wx-m00' })) as Envelope<Result<K>>
    if (!envelope.ok) throw new Error(`${action}: ${envelope.error.code} ${envelope.error.message}`)
    return envelope.data
  }

  /** One export: its time, round trips, file size and the rows under its header. */
  async function timed(ask: () => Promise<{ url: string }>): Promise<Timing> {
    const trips = storage.roundTrips
    const started = performance.now()
    const link = await ask()
    const seconds = (performance.now() - started) / 1000
    const roundTrips = storage.roundTrips - trips
    const file = await files.get(/\/files\/([^?]+)/.exec(link.url)![1])
    const rows = (await readXlsxFile(Buffer.from(file!.bytes)))[0].data
    return { seconds, roundTrips, bytes: file!.bytes.length, rows: rows.length - rows.findIndex((r) => r[0] === '序号') - 1 }
  }

  const runs: Array<Record<string, Timing>> = []
  for (let round = 0; round < ROUNDS; round++) {
    const run: Record<string, Timing> = {
      '三会一课台账 (export.meetings)': await timed(() => call('export.meetings', { year: YEAR })),
      '党费登记表 (export.dues)': await timed(() => call('export.dues', { year: YEAR })),
      '学时统计 (export.study)': await timed(() => call('export.study', { year: YEAR })),
    }
    const sheets: Timing[] = []
    for (const m of meetings) sheets.push(await timed(() => call('export.attendance', { meetingId: m.id })))
    run['考勤表 × 60 (export.attendance)'] = {
      seconds: sheets.reduce((s, t) => s + t.seconds, 0),
      roundTrips: sheets.reduce((s, t) => s + t.roundTrips, 0),
      bytes: sheets.reduce((s, t) => s + t.bytes, 0),
      rows: sheets.reduce((s, t) => s + t.rows, 0),
    }
    // Reading the files back is the check, not the work: the total is the exports' own time.
    run['the year’s 台账, all four'] = { seconds: Object.values(run).reduce((s, t) => s + t.seconds, 0), roundTrips: 0, bytes: 0, rows: 0 }
    runs.push(run)
  }

  const names = Object.keys(runs[0])
  const rows = names.map((name) => {
    const t = runs.map((r) => r[name])
    const last = t[t.length - 1]
    return [name, t[0].seconds.toFixed(3), ...(ROUNDS > 1 ? [median(t.map((x) => x.seconds)).toFixed(3)] : []), last.roundTrips ? String(last.roundTrips) : '', last.bytes ? `${(last.bytes / 1024).toFixed(1)} KB` : '', last.rows ? String(last.rows) : '']
  })
  // The first run loads the spreadsheet writer, as a cold cloud function does.
  const heads = ['', 'first run s', ...(ROUNDS > 1 ? [`median s (${ROUNDS} runs)`] : []), 'round trips', 'file size', 'rows']
  const widths = heads.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)))
  const line = (cells: string[]) => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('   ')
  const attendance = await storage.count('attendance', { branchId: BRANCH })
  console.log(`\nledger-year bench${QUICK ? ' (quick)' : ''}: ${MEMBERS} members in ${GROUPS} 党小组, ${meetings.length} meetings in ${YEAR}, ${attendance} attendance records; in-memory NeDB\n`)
  console.log(line(heads))
  for (const row of rows) console.log(line(row))
  console.log('')

  const problems: string[] = []
  const run = runs[runs.length - 1]
  // A row per meeting plus the totals; a row per member (plus totals) in the dues and study sheets.
  const expectRows = (name: string, n: number) => run[name].rows !== n && problems.push(`${name} has ${run[name].rows} rows under its header, expected ${n}`)
  expectRows('三会一课台账 (export.meetings)', meetings.length + 1)
  expectRows('党费登记表 (export.dues)', MEMBERS + 1)
  expectRows('学时统计 (export.study)', MEMBERS + 1)
  if (!QUICK) {
    for (const name of names.slice(0, 3)) {
      const s = median(runs.map((r) => r[name].seconds))
      if (s > YEAR_SHEET_LIMIT_S) problems.push(`${name} took ${s.toFixed(2)} s, more than ${YEAR_SHEET_LIMIT_S} s`)
    }
  }
  for (const p of problems) console.error(`FAIL ${p}`)
  if (!problems.length) console.log(`PASS every sheet reads back with its rows${QUICK ? '' : `; each year sheet within ${YEAR_SHEET_LIMIT_S} s`}`)
  process.exitCode = problems.length ? 1 : 0
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack : err)
  process.exitCode = 1
})
