/**
 * The 党委 overview (CONTRACT §7) at scale: `org.overview` for a year through the router.
 *
 *   npx tsx bench/org-overview.ts [--quick]
 *
 * An org of 50 branches (quick: 10), each with 3 党小组 and a year of 三会一课 (every month a
 * 支委会, each group's 党小组会 and the 主题党日; a 支部党员大会 each quarter; a 党课 and the
 * 组织生活会), most invitees checked in, a month's dues and 学时 for every member; on 20 December
 * 2026. Seeded twice, with 20 and with 60 members a branch, on the in-memory NeDB adapter.
 *
 * Prints the answer's time and the storage requests it made: locally one per call; for CloudBase
 * the requests its 100-a-page reads and aggregates would take, and the time again with 20 ms a
 * request. Fails (exit 1) if the requests depend on the number of members, if the answer misses a
 * branch or a figure, or, in full mode, if it would take more than 3 s with that latency
 * (CloudBase's default function timeout).
 */
import { performance } from 'node:perf_hooks'
import type { Attendance, Branch, Group, LedgerEntry, Meeting, MeetingScope, MeetingType, Member, Payment } from '../types/models'
import { NedbStorage } from '../cloudfunctions/core/adapters/local/nedb-storage'
import { DEFAULT_SCHEDULE } from '../cloudfunctions/core/domain/schedule'
import type { Logger, Ports, Storage } from '../cloudfunctions/core/ports'
import { PAGE_SIZE } from '../cloudfunctions/core/adapters/cloudbase/storage'
import { createRouter } from '../cloudfunctions/core/router'
import { LocalFiles } from '../cloudfunctions/core/adapters/local/local-files'

const QUICK = process.argv.includes('--quick')
const BRANCHES = QUICK ? 10 : 50
const SIZES = [20, 60]
const GROUPS = 3
const YEAR = 2026
const AT = '2026-12-20T10:00:00+08:00'
const LIMIT_S = 3
const ORG = 'bench-org'

const quiet: Logger = { info: () => {}, error: (msg, fields) => console.error(msg, fields) }
const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** How long one CloudBase database request takes from a function in the same region, roughly. */
const REQUEST_MS = 20

/**
 * The same storage, counting the requests CloudBase would need (a request per page of 100
 * documents or groups) and, with `latency`, waiting REQUEST_MS for each: calls made together
 * (Promise.all) then overlap as they would there, and one after another add up.
 */
function cloudbaseLike(real: Storage, latency: boolean) {
  const counted = { requests: 0 }
  const pages = (out: unknown) => (Array.isArray(out) ? Math.max(1, Math.ceil(out.length / PAGE_SIZE)) : 1)
  const storage = new Proxy(real, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target)
      if (typeof value !== 'function') return value
      return async (...args: unknown[]) => {
        const out = await value.apply(target, args)
        const n = pages(out)
        counted.requests += n
        if (latency) await new Promise((resolve) => setTimeout(resolve, n * REQUEST_MS))
        return out
      }
    },
  })
  return { storage, counted }
}

/** A year of meetings for one branch: when, what and whom. */
function meetingsOf(branchId: string): Meeting[] {
  const out: Meeting[] = []
  const add = (type: MeetingType, day: string, scope: MeetingScope, n: number) =>
    out.push({
      id: `${branchId}-mt${pad(out.length, 3)}`,
      branchId,
      type,
      title: `会议${n}`,
      startAt: `${day}T14:30:00+08:00`,
      endAt: `${day}T16:30:00+08:00`,
      location: null,
      agenda: null,
      scope,
      status: 'scheduled',
      cancelReason: null,
      themeMonth: type === 'theme_day' ? day.slice(0, 7) : null,
      createdBy: `${branchId}-m00`,
      createdAt: `${YEAR}-01-01T09:00:00+08:00`,
      updatedAt: `${YEAR}-01-01T09:00:00+08:00`,
    })
  for (let month = 1; month <= 12; month++) {
    const m = `${YEAR}-${pad(month)}`
    add('committee', `${m}-05`, { kind: 'committee' }, month)
    for (let g = 0; g < GROUPS; g++) add('group', `${m}-1${g}`, { kind: 'group', groupId: `${branchId}-g${g}` }, month)
    add('theme_day', `${m}-22`, { kind: 'branch' }, month)
    if (month % 3 === 0) add('branch_assembly', `${m}-25`, { kind: 'branch' }, month)
  }
  add('lecture', `${YEAR}-06-28`, { kind: 'branch' }, 1)
  add('life_meeting', `${YEAR}-11-28`, { kind: 'branch' }, 1)
  return out
}

async function seed(storage: Storage, membersPerBranch: number) {
  await storage.insert('orgs', { id: ORG, branchId: '-', name: '压测机关党委', code: 'bench-org-code', createdAt: AT, createdBy: 'wx-bench-org' })
  await storage.insert('orgOverseers', { id: 'wx-bench-org', branchId: '-', orgId: ORG, name: '压测党委', since: AT })
  let docs = 0
  for (let b = 0; b < BRANCHES; b++) {
    const branchId = `bench-b${pad(b, 3)}`
    const branch: Branch = { id: branchId, branchId, name: `压测党支部${b + 1}`, schedule: DEFAULT_SCHEDULE, settings: { targetHours: 32, committeeTargetHours: 40, duesSince: `${YEAR}-01` }, createdAt: `${YEAR - 1}-12-01T09:00:00+08:00` }
    await storage.insert('branches', branch)
    await storage.insert('orgLinks', { id: branchId, branchId, orgId: ORG, active: true, attachedAt: AT, attachedBy: `${branchId}-m00` })
    for (let g = 0; g < GROUPS; g++) {
      const group: Group = { id: `${branchId}-g${g}`, branchId, name: `第${g + 1}党小组`, leaderId: null }
      await storage.insert('groups', group)
    }
    const members: Member[] = Array.from({ length: membersPerBranch }, (_, m) => ({
      id: `${branchId}-m${pad(m)}`,
      branchId,
      openid: `wx-${branchId}-m${pad(m)}`,
      name: `压测党员${m + 1}`,
      roles: m === 0 ? ['secretary', 'member'] : m < 5 ? ['committee', 'member'] : ['member'],
      groupId: `${branchId}-g${m % GROUPS}`,
      standing: 'full',
      active: true,
      dues: { category: 'employed', base: 450000, amount: 4500 },
    }))
    for (const m of members) await storage.insert('members', m)
    for (const meeting of meetingsOf(branchId)) {
      await storage.insert('meetings', meeting)
      const scope = meeting.scope
      const invited = members.filter((m) => scope.kind === 'branch' || (scope.kind === 'committee' ? m.roles.some((r) => r !== 'member') : m.groupId === scope.groupId))
      // Every fifth invitee stays away.
      for (const [i, m] of invited.entries()) {
        if (i % 5 === 4) continue
        const record: Attendance = { id: `${meeting.id}:${m.id}`, branchId, meetingId: meeting.id, memberId: m.id, status: 'present', checkedInAt: meeting.startAt, by: m.id, reason: null }
        await storage.insert('attendance', record)
        docs += 1
      }
    }
    for (const m of members) {
      for (let month = 1; month <= 12; month++) {
        const ym = `${YEAR}-${pad(month)}`
        const payment: Payment = { id: `${m.id}:${ym}`, branchId, memberId: m.id, month: ym, amount: 4500, paidOn: `${ym}-20`, state: 'confirmed', reportedBy: m.id, confirmedBy: `${branchId}-m00`, updatedAt: `${ym}-20T10:00:00+08:00` }
        if (!(month === 12 && m.id.endsWith('7'))) await storage.insert('payments', payment)
        const study: LedgerEntry = { id: `study:${m.id}:${ym}`, branchId, memberId: m.id, kind: 'self_study', points: 1, studyTenths: 25, sourceId: `study:${m.id}:${ym}`, year: YEAR, by: m.id, at: `${ym}-15T20:00:00+08:00`, reason: '自学' }
        await storage.insert('ledger', study)
        docs += 2
      }
    }
    docs += membersPerBranch + 66
  }
  return docs
}

interface Run {
  membersPerBranch: number
  docs: number
  seconds: number
  local: number
  cloudbase: number
  cloudbaseSeconds: number
  branches: number
}

async function overview(real: NedbStorage, latency: boolean) {
  const { storage, counted } = cloudbaseLike(real, latency)
  const clock = { now: () => new Date(AT) }
  const secrets = { get: async () => 'bench-secret' }
  const ports: Ports = { storage, clock, secrets, sender: { send: async () => ({ ok: true }) }, log: quiet, files: new LocalFiles(null, secrets, clock, '') }
  const before = real.roundTrips
  const started = performance.now()
  const envelope = await createRouter(ports)({ action: 'org.overview', payload: { year: YEAR } }, { openid: 'wx-bench-org' })
  const seconds = (performance.now() - started) / 1000
  if (!envelope.ok) throw new Error(`org.overview: ${envelope.error.code} ${envelope.error.message}`)
  return { seconds, local: real.roundTrips - before, cloudbase: counted.requests, data: envelope.data as { branches: Array<{ members: number; attendanceRate: number | null; duesRate: number | null }> } }
}

async function run(membersPerBranch: number): Promise<Run> {
  const real = await NedbStorage.open(null)
  const docs = await seed(real, membersPerBranch)
  const plain = await overview(real, false)
  const slow = await overview(real, true)
  const complete = plain.data.branches.filter((b) => b.members === membersPerBranch && b.attendanceRate !== null && b.duesRate !== null)
  return { membersPerBranch, docs, seconds: plain.seconds, local: plain.local, cloudbase: plain.cloudbase, cloudbaseSeconds: slow.seconds, branches: complete.length }
}

async function main() {
  const runs: Run[] = []
  for (const size of SIZES) runs.push(await run(size))
  console.log(`\norg-overview bench${QUICK ? ' (quick)' : ''}: one 党委, ${BRANCHES} branches × ${GROUPS} 党小组, a year of 三会一课 (66 meetings a branch), at ${AT}; in-memory NeDB\n`)
  const rows: Array<[string, ...string[]]> = [
    ['members a branch', ...runs.map((r) => String(r.membersPerBranch))],
    ['documents seeded', ...runs.map((r) => String(r.docs))],
    ['org.overview time (s)', ...runs.map((r) => r.seconds.toFixed(2))],
    ['storage round trips (local)', ...runs.map((r) => String(r.local))],
    ['CloudBase requests (100 a page)', ...runs.map((r) => String(r.cloudbase))],
    [`time with ${REQUEST_MS} ms a request (s)`, ...runs.map((r) => r.cloudbaseSeconds.toFixed(2))],
    ['branches with every figure', ...runs.map((r) => String(r.branches))],
  ]
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c].length)))
  for (const row of rows) console.log(row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('   '))
  console.log('')

  const problems: string[] = []
  const [small, large] = runs
  if (small.local !== large.local) problems.push(`local round trips ${small.local} → ${large.local} as members grow from ${small.membersPerBranch} to ${large.membersPerBranch}`)
  if (small.cloudbase !== large.cloudbase) problems.push(`CloudBase requests ${small.cloudbase} → ${large.cloudbase} as members grow`)
  for (const r of runs) if (r.branches !== BRANCHES) problems.push(`${r.branches} of ${BRANCHES} branches answered with every figure (${r.membersPerBranch} members)`)
  if (!QUICK && large.cloudbaseSeconds > LIMIT_S) problems.push(`org.overview would take ${large.cloudbaseSeconds.toFixed(2)} s on CloudBase, more than ${LIMIT_S} s`)
  for (const p of problems) console.error(`FAIL ${p}`)
  if (problems.length === 0) console.log(`PASS the same ${large.local} round trips for ${small.membersPerBranch} or ${large.membersPerBranch} members a branch${QUICK ? '' : `, within ${LIMIT_S} s`}`)
  process.exitCode = problems.length ? 1 : 0
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack : err)
  process.exitCode = 1
})
