/**
 * The `remind` timer. It runs on a fixed schedule (hourly on CloudBase) and decides in code what
 * is due at the clock's time, for every branch: 主题党日 and 党费缴纳日 the evening before and the
 * morning of, and each meeting a couple of hours before it starts.
 *
 * For each branch: read a snapshot, plan from it (remind-plan, pure), deliver the plan. Every send
 * is claimed once (records/sends), so a doubled or retried run sends nothing twice; a failed send
 * is tried again on a later run while it can still help; 43101 (no credit) is not retried.
 *
 * Scale: branches are read 100 at a time, sends run with bounded parallelism, and a cursor lets a
 * run that was cut short resume where it stopped.
 */
import type { Branch, ReminderMoment, TemplateKind } from '../../types/models'
import { nextMonth } from '../../src/domain/relative-day'
import { inShanghai, shanghaiDate, toShanghaiIso } from '../../src/domain/time'
import type { Ports } from './ports'
import { inPool } from './pool'
import { eventKey, REMIND_JOB_ID, themeDayId } from './records/ids'
import { insertOnce, upsert } from './records/record-once'
import { sendOnce } from './records/sends'
import { branchSettings } from './records/settings'
import { dueAt, meetingWindow, planReminders, type BranchSnapshot, type Delivery } from './domain/remind-plan'
import { unawarded } from './records/ledger'
import { completeAwards } from './usecases/checkin'
import { ensureThemeDays } from './usecases/theme-days'
import { announcementDeliveries } from './announce-delivery'

const PAGE = 100
/** Sends in flight at once: WeChat's API answers in tens of milliseconds; this keeps 10,000 sends well inside 60 s. */
export const SEND_CONCURRENCY = 40

export interface RemindReport {
  today: string
  runKey: string
  branches: number
  due: Array<{ branchId: string; kind: TemplateKind; eventKey: string; moment: ReminderMoment; eventDate: string }>
  sent: number
  failed: number
  noCredit: number
  /** Already claimed by this or an earlier run: not sent again. */
  skipped: number
  notices: number
  /** True when the run stopped early (time budget) and saved a cursor to resume from. */
  partial: boolean
  /** Check-ins of the last hours whose award a crash had left undone, awarded by this run. */
  awardsCompleted: number
}

export interface RemindOptions {
  /** Asked between branches: true stops the run and saves the cursor (the function's time budget). */
  shouldStop?: () => boolean
  concurrency?: number
}

export async function runRemind(ports: Ports, opts: RemindOptions = {}): Promise<RemindReport> {
  const now = ports.clock.now()
  const runKey = inShanghai(now).format('YYYY-MM-DDTHH')
  const report: RemindReport = {
    today: shanghaiDate(now),
    runKey,
    branches: 0,
    due: [],
    sent: 0,
    failed: 0,
    noCredit: 0,
    skipped: 0,
    notices: 0,
    partial: false,
    awardsCompleted: 0,
  }
  const job = await ports.storage.get('jobs', REMIND_JOB_ID)
  let after = job && job.runKey === runKey && !job.finished ? job.lastBranchId : null

  // Sends of a whole page of branches share one pool, so small branches do not leave it idle.
  // The leadership's notices first: they were posted for now, not for a date ahead.
  let pending: Delivery[] = await announcementDeliveries(ports, now)
  const flush = async () => {
    const outcomes = await inPool(pending, opts.concurrency ?? SEND_CONCURRENCY, (x) => sendOnce(ports, x.send, x.message, x.retrying))
    for (const o of outcomes) report[o] += 1
    pending = []
  }
  for (;;) {
    const page: Branch[] = await ports.storage.find('branches', after ? { id: { $gt: after } } : {}, {
      orderBy: [['id', 'asc']],
      limit: PAGE,
    })
    for (const branch of page) {
      if (opts.shouldStop?.()) {
        await flush()
        report.partial = true
        await saveCursor(ports, runKey, after, false)
        ports.log.info('remind stopped early', { runKey, after, sent: report.sent })
        return report
      }
      pending.push(...(await remindBranch(ports, branch, now, report)))
      report.branches += 1
      after = branch.id
    }
    await flush()
    if (page.length < PAGE) break
    await saveCursor(ports, runKey, after, false)
  }
  await saveCursor(ports, runKey, after, true)
  // After the reminders, which are due at this hour; a run cut short leaves the sweep to the next one.
  report.awardsCompleted = await sweepAwards(ports, now)
  ports.log.info('remind', { runKey, branches: report.branches, due: report.due.length, sent: report.sent, failed: report.failed, noCredit: report.noCredit, skipped: report.skipped })
  return report
}

/** How far back the sweep looks: the timer runs hourly, so a few missed runs are covered; older records are finished by the next attendance.get. */
const SWEEP_HOURS = 3

/** Finishes the awards of recent check-ins stored but never awarded (a crash between the two writes). */
async function sweepAwards(ports: Ports, now: Date): Promise<number> {
  const { storage } = ports
  const recent = await storage.find('attendance', { checkedInAt: { $gte: toShanghaiIso(now.getTime() - SWEEP_HOURS * 3600_000) } })
  const owed = await unawarded(storage, recent)
  if (owed.length === 0) return 0
  const meetings = await storage.find('meetings', { id: { $in: [...new Set(owed.map((r) => r.meetingId))] } })
  const branches = await storage.find('branches', { id: { $in: [...new Set(meetings.map((m) => m.branchId))] } })
  const branchOf = new Map(branches.map((b) => [b.id, b]))
  const done = await Promise.all(meetings.map((m) => completeAwards(storage, m, branchSettings(branchOf.get(m.branchId) ?? null, now), owed)))
  const completed = done.reduce((a, b) => a + b, 0)
  if (completed) ports.log.info('remind completed awards', { completed })
  return completed
}

function saveCursor(ports: Ports, runKey: string, lastBranchId: string | null, finished: boolean) {
  const set = { runKey, lastBranchId, finished, updatedAt: toShanghaiIso(ports.clock.now()) }
  return upsert(ports.storage, 'jobs', { id: REMIND_JOB_ID, branchId: '*', ...set }, { set })
}

/** Plans one branch: writes its notices and answers the sends still to make. */
async function remindBranch(ports: Ports, branch: Branch, now: Date, report: RemindReport): Promise<Delivery[]> {
  const snapshot = await readSnapshot(ports, branch, now)
  if (!snapshot) return []
  for (const d of snapshot.due) report.due.push({ branchId: branch.id, kind: d.kind, eventKey: eventKey(d.event), moment: d.moment, eventDate: d.eventDate })
  const plan = planReminders(snapshot)
  for (const notice of plan.notices) if (await insertOnce(ports.storage, 'notices', notice)) report.notices += 1
  report.skipped += plan.skipped
  return plan.deliveries
}

/** What the plan needs, or null for the common hour with nothing due (no document read beyond the branch's meetings). */
async function readSnapshot(ports: Ports, branch: Branch, now: Date): Promise<BranchSnapshot | null> {
  const { storage } = ports
  const today = shanghaiDate(now)
  await ensureThemeDays(ports, branch.id, today)
  const generatedIds = [today.slice(0, 7), nextMonth(today.slice(0, 7))].map((m) => themeDayId(branch.id, m))
  const [soon, generated] = await Promise.all([
    storage.find('meetings', { branchId: branch.id, startAt: meetingWindow(now) }),
    storage.find('meetings', { id: { $in: generatedIds } }),
  ])
  const meetings = [...soon, ...generated.filter((g) => !soon.some((m) => m.id === g.id))]
  const due = dueAt(branchSettings(branch, now), meetings, now)
  if (due.length === 0) return null
  const meetingIds = [...new Set(due.flatMap((d) => (d.meetingId ? [d.meetingId] : [])))]
  const duesMonths = due.flatMap((d) => (d.event.kind === 'dues_day' ? [d.event.month] : []))
  // Exact queries, one per due moment or month, so that each is served by its index.
  const each = <K, T>(keys: K[], read: (key: K) => Promise<T[]>) => Promise.all(keys.map(read)).then((rows) => rows.flat())
  const none = Promise.resolve([])
  const [members, credits, sends, payments, attendance, leaves] = await Promise.all([
    storage.find('members', { branchId: branch.id, active: true }),
    storage.find('credits', { branchId: branch.id }),
    each(due, (d) => storage.find('sends', { branchId: branch.id, eventKey: eventKey(d.event), moment: d.moment })),
    each(duesMonths, (month) => storage.find('payments', { branchId: branch.id, month })),
    meetingIds.length ? storage.find('attendance', { meetingId: { $in: meetingIds } }) : none,
    meetingIds.length ? storage.find('leaves', { meetingId: { $in: meetingIds }, state: 'approved' }) : none,
  ])
  return { branch, now, due, meetings, members, credits, sends, payments, attendance, leaves }
}
