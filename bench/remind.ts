/**
 * The `remind` timer at scale: every member of every branch is due two reminders at once.
 *
 *   npx tsx bench/remind.ts [--quick]
 *
 * 200 branches × 50 members (quick: 40 × 50), every member holding a credit for both templates
 * and nobody having paid the month, at 08:00 on 2026-05-22, which is both 主题党日 and 党费缴纳日:
 * 2 messages per member. The real `runRemind` on the in-memory NeDB adapter, with a sender that
 * takes 50 ms a call (WeChat's API answers in tens of milliseconds) and records what it sent.
 * Then the timer fires again at the same time, as CloudBase sometimes does: it must send nothing.
 *
 * Fails (exit 1) if a message goes out twice, if sends ≠ 2 × members, if the second run sends
 * anything, or, in full mode, if the first run takes more than 60 s (CloudBase's timer limit).
 */
import { performance } from 'node:perf_hooks'
import type { Branch, Credit, Member, TemplateKind } from '../types/models'
import { TEMPLATE_KINDS } from '../types/models'
import { DEFAULT_SCHEDULE } from '../cloudfunctions/core/domain/schedule'
import { NedbStorage } from '../cloudfunctions/core/adapters/local/nedb-storage'
import { LocalFiles } from '../cloudfunctions/core/adapters/local/local-files'
import { creditId } from '../cloudfunctions/core/records/ids'
import type { Logger, MessageSender, OutgoingMessage, Ports, SendResult } from '../cloudfunctions/core/ports'
import { runRemind, SEND_CONCURRENCY, type RemindReport } from '../cloudfunctions/core/remind'

const QUICK = process.argv.includes('--quick')
const BRANCHES = QUICK ? 40 : 200
const MEMBERS_PER_BRANCH = 50
const SEND_MS = 50
const AT = '2026-05-22T08:00:00+08:00'
const WALL_LIMIT_S = 60

const quiet: Logger = { info: () => {}, error: (msg, fields) => console.error(msg, fields) }

/** A stand-in for subscribeMessage.send: 50 ms a call, every message recorded. */
class SlowRecordingSender implements MessageSender {
  readonly sent: OutgoingMessage[] = []
  async send(message: OutgoingMessage): Promise<SendResult> {
    await new Promise((resolve) => setTimeout(resolve, SEND_MS))
    this.sent.push(message)
    return { ok: true }
  }
}

const pad = (n: number, width: number) => String(n).padStart(width, '0')

async function prepare(storage: NedbStorage) {
  const createdAt = '2026-01-01T00:00:00+08:00'
  for (let b = 0; b < BRANCHES; b++) {
    const branchId = `bench-branch-${pad(b, 3)}`
    const branch: Branch = {
      id: branchId,
      branchId,
      name: `压测党支部${b + 1}`,
      schedule: DEFAULT_SCHEDULE,
      settings: { targetHours: 32, committeeTargetHours: 32 },
      createdAt,
    }
    await storage.insert('branches', branch)
    for (let m = 0; m < MEMBERS_PER_BRANCH; m++) {
      const id = `${branchId}-m${pad(m, 2)}`
      const member: Member = {
        id,
        branchId,
        openid: `wx-${id}`,
        name: `压测党员${m + 1}`,
        roles: m === 0 ? ['secretary', 'member'] : ['member'],
        groupId: null,
        standing: 'full',
        active: true,
        dues: { category: 'employed', base: 450000, amount: 4500 },
      }
      await storage.insert('members', member)
      for (const kind of TEMPLATE_KINDS) {
        const credit: Credit = { id: creditId(id, kind), branchId, memberId: id, kind, balance: 1, updatedAt: createdAt }
        await storage.insert('credits', credit)
      }
    }
  }
}

async function timed(ports: Ports) {
  const trips = ports.storage.roundTrips
  const started = performance.now()
  const report = await runRemind(ports)
  return { report, seconds: (performance.now() - started) / 1000, roundTrips: ports.storage.roundTrips - trips }
}

function print(members: number, first: { report: RemindReport; seconds: number; roundTrips: number }, second: { report: RemindReport; seconds: number; roundTrips: number }) {
  const rows: Array<[string, string, string]> = [
    ['branches', String(first.report.branches), String(second.report.branches)],
    ['members', String(members), String(members)],
    ['due (branch × event)', String(first.report.due.length), String(second.report.due.length)],
    ['sends', String(first.report.sent), String(second.report.sent)],
    ['skipped (already sent)', String(first.report.skipped), String(second.report.skipped)],
    ['failed / no credit', `${first.report.failed} / ${first.report.noCredit}`, `${second.report.failed} / ${second.report.noCredit}`],
    ['wall time (s)', first.seconds.toFixed(2), second.seconds.toFixed(2)],
    ['sends per second', (first.report.sent / first.seconds).toFixed(0), (second.report.sent / second.seconds).toFixed(0)],
    ['storage round trips', String(first.roundTrips), String(second.roundTrips)],
    ['round trips per send', first.report.sent ? (first.roundTrips / first.report.sent).toFixed(2) : '–', second.report.sent ? (second.roundTrips / second.report.sent).toFixed(2) : '–'],
  ]
  const heads = ['', 'first run', 'same time again']
  const widths = [0, 1, 2].map((c) => Math.max(heads[c].length, ...rows.map((r) => r[c].length)))
  const line = (cells: string[]) => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('   ')
  console.log(
    `\nremind bench${QUICK ? ' (quick)' : ''}: ${BRANCHES} branches × ${MEMBERS_PER_BRANCH} members, 主题党日 and 党费缴纳日 at ${AT}; ` +
      `sender ${SEND_MS} ms a call, ${SEND_CONCURRENCY} in flight; in-memory NeDB\n`,
  )
  console.log(line(heads))
  for (const row of rows) console.log(line(row))
  console.log('')
}

async function main() {
  const storage = await NedbStorage.open(null)
  await prepare(storage)
  const members = BRANCHES * MEMBERS_PER_BRANCH
  const sender = new SlowRecordingSender()
  const clock = { now: () => new Date(AT) }
  const secrets = { get: async () => 'bench-secret' }
  const ports: Ports = { storage, clock, secrets, sender, log: quiet, files: new LocalFiles(null, secrets, clock, '') }

  const first = await timed(ports)
  const sentByFirst = sender.sent.length
  const second = await timed(ports)
  print(members, first, second)

  const problems: string[] = []
  const seen = new Map<string, number>()
  for (const m of sender.sent) seen.set(`${m.openid} ${m.kind}`, (seen.get(`${m.openid} ${m.kind}`) ?? 0) + 1)
  const twice = [...seen.values()].filter((n) => n > 1).length
  if (twice > 0) problems.push(`${twice} messages went out more than once`)
  const expected = 2 * members
  if (first.report.sent !== expected || sentByFirst !== expected) {
    problems.push(`first run sent ${first.report.sent} (sender saw ${sentByFirst}), expected ${expected} (2 × ${members} members)`)
  }
  const perKind = (kind: TemplateKind) => sender.sent.filter((m) => m.kind === kind).length
  if (perKind('meeting_reminder') !== members || perKind('dues_reminder') !== members) {
    problems.push(`meeting/dues reminders ${perKind('meeting_reminder')}/${perKind('dues_reminder')}, expected ${members} each`)
  }
  if (second.report.sent !== 0 || sender.sent.length !== sentByFirst) problems.push(`the second run sent ${second.report.sent}, expected 0`)
  if (second.report.skipped !== expected) problems.push(`the second run skipped ${second.report.skipped}, expected ${expected}`)
  if (first.report.partial || second.report.partial) problems.push('a run stopped early')
  if (!QUICK && first.seconds > WALL_LIMIT_S) problems.push(`first run took ${first.seconds.toFixed(1)} s, more than ${WALL_LIMIT_S} s`)

  for (const p of problems) console.error(`FAIL ${p}`)
  if (problems.length === 0) {
    console.log(`PASS each member reminded once per template, nothing resent${QUICK ? '' : `, within ${WALL_LIMIT_S} s`}`)
  }
  process.exitCode = problems.length ? 1 : 0
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack : err)
  process.exitCode = 1
})
