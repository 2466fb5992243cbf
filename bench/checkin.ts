/**
 * Check-in under load: N members scan the same live code at the same moment, as a hall does
 * when the secretary puts the code on the screen.
 *
 *   npx tsx bench/checkin.ts [--quick] [--members N]
 *
 * N is 500 in both modes: a quick run takes 30–50 s on two cores, more than half of it the
 * server's start. The full run repeats the burst for three meetings, for steadier percentiles;
 * the quick run does one.
 *
 * Latency comes from `npm start` over HTTP, each member with their own session. The server does
 * not expose its storage counter, so the storage round trips per checkin.submit come from the
 * same N concurrent scans through the router in-process, on the same NeDB adapter on disk.
 *
 * The demo branch has 23 members: the extra ones are written into the data directory's NeDB
 * files before the server starts (no endpoint of the server is involved).
 *
 * Fails (exit 1) unless every scan succeeds, attendance.get counts N present or late, and a
 * scan takes at most 4 round trips: the caller's member record, the meeting (so that a cancelled or
 * moved meeting refuses a code issued before), the attendance record and its ledger award.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import type { ActionName, Payload, Result } from '../cloudfunctions/core/actions'
import type { Envelope } from '../types/envelope'
import type { Member } from '../types/models'
import { NedbStorage } from '../cloudfunctions/core/adapters/local/nedb-storage'
import type { Logger } from '../cloudfunctions/core/ports'
import { openLocalRuntime } from '../cloudfunctions/core/runtime/local'
import { DEMO_BRANCH_ID, seedDemoBranch } from '../cloudfunctions/core/seed'
import { startServer } from '../e2e/server'

const QUICK = process.argv.includes('--quick')
const membersArg = process.argv.indexOf('--members')
const N = membersArg > 0 ? Number(process.argv[membersArg + 1]) : 500
const ROUNDS = QUICK ? 1 : 3
const MAX_ROUND_TRIPS = 4

/** Round r's meeting, on 10, 11, 12 June 2026 from 19:00 to 21:00. */
function meetingOfRound(r: number) {
  const day = `2026-06-${10 + r}`
  return {
    fields: { type: 'branch_assembly' as const, title: `压测：支部党员大会 ${r + 1}`, startAt: `${day}T19:00:00+08:00`, endAt: `${day}T21:00:00+08:00` },
    /** Ten minutes before the start, on a whole minute: every scan is present and the code is fresh. */
    clock: `${day}T18:50:00+08:00`,
  }
}

const quiet: Logger = { info: () => {}, error: (msg, fields) => console.error(msg, fields) }

function benchMembers(n: number): Member[] {
  return Array.from({ length: n }, (_, i) => {
    const id = `bench-${String(i + 1).padStart(4, '0')}`
    return { id, branchId: DEMO_BRANCH_ID, openid: id, name: `压测党员${i + 1}`, roles: ['member'], groupId: null, standing: 'full', active: true, dues: null }
  })
}

/** The demo branch plus n members, written straight into the NeDB files under dir. */
async function prepareDataDir(dir: string, n: number) {
  const storage = await NedbStorage.open(dir)
  await seedDemoBranch({ storage, clock: { now: () => new Date() } })
  for (const m of benchMembers(n)) await storage.insert('members', m)
  await storage.compact()
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

interface RunFigures {
  errors: number
  /** attendance.get's present + late, one count per round. */
  records: number[]
  latenciesMs: number[]
  wallMs: number
  /** Only in-process: the server does not expose its storage counter. */
  roundTripsPerSubmit: number | null
  firstError?: string
}

/** Counts an answer that is not a first check-in (an error, or `already` for a member's first scan) as an error. */
function noteAnswer(figures: RunFigures, answer: Envelope<unknown>) {
  if (answer.ok && !(answer.data as Result<'checkin.submit'>).already) return
  figures.errors += 1
  figures.firstError ??= answer.ok ? 'answered already for a first scan' : `${answer.error.code} ${answer.error.message}`
}

/** N scans over HTTP against `npm start`. */
async function overHttp(n: number): Promise<RunFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'zhibu-bench-'))
  try {
    await prepareDataDir(dataDir, n)
    const server = await startServer({ ZHIBU_DATA_DIR: dataDir, ZHIBU_SEED: 'none' })
    try {
      const post = async (path: string, body: unknown, token?: string) => {
        const res = await fetch(`${server.base}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify(body),
        })
        return (await res.json()) as Envelope<unknown>
      }
      const login = async (openid: string) => {
        const r = await post('/dev/login', { openid })
        if (!r.ok) throw new Error(`login ${openid}: ${r.error.message}`)
        return (r.data as { token: string }).token
      }
      const call = async <K extends ActionName>(token: string, action: K, payload: Payload<K>) => {
        const r = (await post('/api/api', { action, payload }, token)) as Envelope<Result<K>>
        if (!r.ok) throw new Error(`${action}: ${r.error.code} ${r.error.message}`)
        return r.data
      }

      const openids = benchMembers(n).map((m) => m.openid!)
      const sessions: string[] = []
      for (let i = 0; i < openids.length; i += 50) sessions.push(...(await Promise.all(openids.slice(i, i + 50).map(login))))
      const secretary = await login('demo-secretary')

      const figures: RunFigures = { errors: 0, records: [], latenciesMs: [], wallMs: 0, roundTripsPerSubmit: null }
      for (let round = 0; round < ROUNDS; round++) {
        const { fields, clock } = meetingOfRound(round)
        const set = await post('/dev/clock', { now: clock })
        if (!set.ok) throw new Error(`set clock: ${set.error.message}`)
        const { meeting } = await call(secretary, 'meeting.create', fields)
        const { token } = await call(secretary, 'checkin.code', { meetingId: meeting.id })

        const started = performance.now()
        await Promise.all(
          sessions.map(async (session) => {
            const t0 = performance.now()
            try {
              noteAnswer(figures, await post('/api/api', { action: 'checkin.submit', payload: { token } }, session))
            } catch (err) {
              figures.errors += 1
              figures.firstError ??= err instanceof Error ? err.message : String(err)
            }
            figures.latenciesMs.push(performance.now() - t0)
          }),
        )
        figures.wallMs += performance.now() - started

        const attendance = await call(secretary, 'attendance.get', { meetingId: meeting.id })
        figures.records.push(attendance.present + attendance.late)
      }
      return figures
    } finally {
      await server.stop()
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}

/** The same N scans through the router in-process, reading the storage's round-trip counter. */
async function inProcess(n: number): Promise<RunFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'zhibu-bench-'))
  try {
    const runtime = await openLocalRuntime({ dataDir, seed: true, log: quiet })
    const members = benchMembers(n)
    for (const m of members) await runtime.storage.insert('members', m)
    const call = async <K extends ActionName>(openid: string, action: K, payload: Payload<K>) => {
      const r = (await runtime.api({ action, payload }, { openid })) as Envelope<Result<K>>
      if (!r.ok) throw new Error(`${action}: ${r.error.code} ${r.error.message}`)
      return r.data
    }

    const figures: RunFigures = { errors: 0, records: [], latenciesMs: [], wallMs: 0, roundTripsPerSubmit: null }
    let trips = 0
    for (let round = 0; round < ROUNDS; round++) {
      const { fields, clock } = meetingOfRound(round)
      runtime.clock.set(new Date(clock))
      const { meeting } = await call('demo-secretary', 'meeting.create', fields)
      const { token } = await call('demo-secretary', 'checkin.code', { meetingId: meeting.id })

      const tripsBefore = runtime.storage.roundTrips
      const started = performance.now()
      await Promise.all(
        members.map(async (m) => {
          const t0 = performance.now()
          noteAnswer(figures, await runtime.api({ action: 'checkin.submit', payload: { token } }, { openid: m.openid! }))
          figures.latenciesMs.push(performance.now() - t0)
        }),
      )
      figures.wallMs += performance.now() - started
      trips += runtime.storage.roundTrips - tripsBefore

      const attendance = await call('demo-secretary', 'attendance.get', { meetingId: meeting.id })
      figures.records.push(attendance.present + attendance.late)
    }
    figures.roundTripsPerSubmit = trips / (n * ROUNDS)
    await runtime.storage.compact()
    return figures
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}

function printTable(n: number, http: RunFigures, local: RunFigures) {
  const ms = (v: number) => v.toFixed(1)
  const latency = (r: RunFigures) => {
    const s = [...r.latenciesMs].sort((a, b) => a - b)
    return `${ms(percentile(s, 50))} / ${ms(percentile(s, 95))} / ${ms(s[s.length - 1])}`
  }
  const trips = (r: RunFigures) => (r.roundTripsPerSubmit === null ? 'not exposed' : r.roundTripsPerSubmit.toFixed(2))
  const rows: Array<[string, string, string]> = [
    ['concurrent checkin.submit', `${n} × ${ROUNDS}`, `${n} × ${ROUNDS}`],
    ['latency p50 / p95 / max (ms)', latency(http), latency(local)],
    ['burst answered in (s, mean)', (http.wallMs / ROUNDS / 1000).toFixed(2), (local.wallMs / ROUNDS / 1000).toFixed(2)],
    ['errors', String(http.errors), String(local.errors)],
    ['records (present + late)', http.records.join(', '), local.records.join(', ')],
    ['storage round trips per submit', trips(http), trips(local)],
  ]
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c].length), ['', 'HTTP (npm start)', 'in-process router'][c].length))
  const line = (cells: string[]) => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('   ')
  const rounds = ROUNDS === 1 ? 'one meeting' : `${ROUNDS} meetings, one after another`
  console.log(`\ncheck-in bench${QUICK ? ' (quick)' : ''}: ${n} members scan one live code at once; ${rounds}\n`)
  console.log(line(['', 'HTTP (npm start)', 'in-process router']))
  for (const row of rows) console.log(line(row))
  console.log('')
}

async function main() {
  if (!Number.isInteger(N) || N < 1) throw new Error('--members needs a positive whole number')
  const http = await overHttp(N)
  const local = await inProcess(N)
  printTable(N, http, local)

  const problems: string[] = []
  for (const [where, r] of [['HTTP', http], ['in-process', local]] as const) {
    if (r.errors !== 0) problems.push(`${where}: ${r.errors} scans failed (first: ${r.firstError})`)
    if (r.records.length !== ROUNDS || r.records.some((count) => count !== N)) {
      problems.push(`${where}: attendance.get counts ${r.records.join(', ')} present or late, expected ${N} for each of ${ROUNDS}`)
    }
  }
  const trips = local.roundTripsPerSubmit ?? Infinity
  if (trips > MAX_ROUND_TRIPS) problems.push(`${trips.toFixed(2)} storage round trips per submit, at most ${MAX_ROUND_TRIPS} allowed`)
  for (const p of problems) console.error(`FAIL ${p}`)
  if (problems.length === 0) console.log('PASS no errors, one record per member, round trips within budget')
  process.exitCode = problems.length ? 1 : 0
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack : err)
  process.exitCode = 1
})
