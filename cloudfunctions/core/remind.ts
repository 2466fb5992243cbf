/**
 * The `remind` timer. It runs on a fixed schedule (hourly on CloudBase) and decides in code what
 * is due at the clock's time, for every branch: 主题党日 and 党费缴纳日 the evening before and the
 * morning of, and each meeting a couple of hours before it starts.
 *
 * Never twice: every send is first claimed by inserting a document whose id is the claim key
 * (branch, event, moment, member); a doubled or retried run finds the claim and moves on. A failed
 * send is recorded with WeChat's error code and tried again on a later run while it can still
 * help; 43101 (no credit) zeroes the member's credit and is not retried.
 *
 * Scale: branches are read 100 at a time, sends run with bounded parallelism, and a cursor lets a
 * run that was cut short resume where it stopped.
 */
import type { Branch, Meeting, Member, Notice, ReminderMoment, Send, TemplateKind } from '../../types/models'
import { isInvited, MEETING_TYPE_LABELS } from '../../src/domain/meetings'
import { dueReminders, type DueReminder } from './domain/reminders'
import { nextMonth } from '../../src/domain/relative-day'
import { DEFAULT_SCHEDULE, monthSchedule } from './domain/schedule'
import { fitAmount, fitDate, fitThing, fitTime } from './domain/template-fit'
import { formatDateZh, inShanghai, shanghaiDate, toShanghaiIso } from '../../src/domain/time'
import { DuplicateKeyError } from './errors'
import type { OutgoingMessage, Ports } from './ports'
import { inPool } from './pool'
import { balancesOf, clearCredit, refundCredit, spendCredit } from './usecases/credits'
import { ensureThemeDays } from './usecases/theme-days'

const PAGE = 100
/** Sends in flight at once: WeChat's API answers in tens of milliseconds; this keeps 10,000 sends well inside 60 s. */
export const SEND_CONCURRENCY = 40
/** A failed send is tried at most this many times. */
export const MAX_ATTEMPTS = 3
/** WeChat's "the user has not subscribed" (no one-time credit left). */
export const ERR_NO_CREDIT = 43101

export const JOB_ID = 'remind'

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
}

export interface RemindOptions {
  /** Asked between branches: true stops the run and saves the cursor (the function's time budget). */
  shouldStop?: () => boolean
  concurrency?: number
}

export const sendId = (branchId: string, eventKey: string, moment: ReminderMoment, memberId: string) =>
  `${branchId}|${eventKey}|${moment}|${memberId}`

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
  }
  const job = await ports.storage.get('jobs', JOB_ID)
  let after = job && job.runKey === runKey && !job.finished ? job.lastBranchId : null

  // Sends of a whole page of branches share one pool, so small branches do not leave it idle.
  let pending: Delivery[] = []
  const flush = async () => {
    const outcomes = await inPool(pending, opts.concurrency ?? SEND_CONCURRENCY, (x) => deliver(ports, x, now))
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
  ports.log.info('remind', { runKey, branches: report.branches, due: report.due.length, sent: report.sent, failed: report.failed, noCredit: report.noCredit, skipped: report.skipped })
  return report
}

async function saveCursor(ports: Ports, runKey: string, lastBranchId: string | null, finished: boolean) {
  const set = { runKey, lastBranchId, finished, updatedAt: toShanghaiIso(ports.clock.now()) }
  if (await ports.storage.updateWhere('jobs', JOB_ID, {}, { set })) return
  try {
    await ports.storage.insert('jobs', { id: JOB_ID, branchId: '*', ...set })
  } catch (err) {
    if (!(err instanceof DuplicateKeyError)) throw err
    await ports.storage.updateWhere('jobs', JOB_ID, {}, { set })
  }
}

interface Delivery {
  branchId: string
  member: Member
  due: DueReminder
  message: OutgoingMessage
  existing: Send | undefined
}

/** What is due for one branch: notices written, and the sends still to make. */
async function remindBranch(ports: Ports, branch: Branch, now: Date, report: RemindReport): Promise<Delivery[]> {
  const today = shanghaiDate(now)
  const months = [today.slice(0, 7), nextMonth(today.slice(0, 7))].map((m) => monthSchedule(m, branch.schedule ?? DEFAULT_SCHEDULE))
  const themeDays = months.map((s) => ({ month: s.month, date: s.themeDay.date }))
  const duesDays = months.map((s) => ({ month: s.month, date: s.duesDay.date }))
  // Quick answer for the common hour with nothing due: no document read beyond the branch.
  const soon = ({ date }: { date: string }) => date >= today && date <= shanghaiDate(now.getTime() + 2 * 86400_000)
  await ensureThemeDays(ports, branch.id, today)
  const meetings: Meeting[] = await ports.storage.find('meetings', {
    branchId: branch.id,
    startAt: { $gte: toShanghaiIso(now.getTime() - 3600_000), $lte: toShanghaiIso(now.getTime() + 2 * 86400_000) },
  })
  const due = dueReminders({ now, settings: branch.settings, themeDays: themeDays.filter(soon), duesDays: duesDays.filter(soon), meetings })
  if (due.length === 0) return []
  for (const d of due) report.due.push({ branchId: branch.id, kind: d.kind, eventKey: d.eventKey, moment: d.moment, eventDate: d.eventDate })

  const [members, credits] = await Promise.all([
    ports.storage.find('members', { branchId: branch.id, active: true }),
    ports.storage.find('credits', { branchId: branch.id }),
  ])
  const balances = balancesOf(credits)
  const meetingOf = new Map(meetings.map((m) => [m.id, m]))
  const deliveries: Delivery[] = []

  for (const d of due) {
    const meeting = d.meetingId ? meetingOf.get(d.meetingId) ?? null : null
    const recipients = await recipientsOf(ports, branch, d, meeting, members)
    const notice = noticeFor(branch, d, meeting, now)
    try {
      await ports.storage.insert('notices', notice)
      report.notices += 1
    } catch (err) {
      if (!(err instanceof DuplicateKeyError)) throw err
    }
    const sends = await ports.storage.find('sends', { branchId: branch.id, eventKey: d.eventKey, moment: d.moment })
    const sendOf = new Map(sends.map((s) => [s.memberId, s]))
    for (const member of recipients) {
      const existing = sendOf.get(member.id)
      if (existing && !(existing.state === 'failed' && existing.attempts < MAX_ATTEMPTS)) {
        report.skipped += 1
        continue
      }
      // No credit, no send: the member still sees the in-app notice.
      if (!member.openid || (balances.get(member.id)?.[d.kind] ?? 0) <= 0) continue
      deliveries.push({ branchId: branch.id, member, due: d, existing, message: messageFor(d, meeting, member, notice) })
    }
  }
  return deliveries
}

async function recipientsOf(ports: Ports, branch: Branch, d: DueReminder, meeting: Meeting | null, members: Member[]): Promise<Member[]> {
  if (d.kind === 'dues_reminder') {
    // Only those who have not paid this month's dues yet: nobody is nagged for nothing.
    const paid = await ports.storage.find('payments', { branchId: branch.id, month: d.eventKey.slice(5) })
    const done = new Set(paid.map((p) => p.memberId))
    // A member whose amount is not set yet would be told "0.00元": the secretary sets it first.
    return members.filter((m) => !done.has(m.id) && (m.dues?.amount ?? 0) > 0)
  }
  if (!meeting) return members
  const [records, leaves] = await Promise.all([
    ports.storage.find('attendance', { meetingId: meeting.id }),
    ports.storage.find('leaves', { meetingId: meeting.id, state: 'approved' }),
  ])
  const excused = new Set([...records.map((r) => r.memberId), ...leaves.map((l) => l.memberId)])
  return members.filter((m) => isInvited(m, meeting.scope) && !excused.has(m.id))
}

const WHEN: Record<ReminderMoment, string> = { day_before: '明天', morning_of: '今天', before_start: '即将开始' }

function noticeFor(branch: Branch, d: DueReminder, meeting: Meeting | null, now: Date): Notice {
  const what =
    d.kind === 'dues_reminder' ? '党费缴纳日' : d.eventKey.startsWith('theme:') ? '主题党日' : meeting ? MEETING_TYPE_LABELS[meeting.type] : '会议'
  const time = meeting ? ` ${inShanghai(meeting.startAt).format('HH:mm')}` : ''
  const place = meeting?.location ? ` · ${meeting.location}` : ''
  return {
    id: `${branch.id}|${d.eventKey}|${d.moment}`,
    branchId: branch.id,
    kind: d.kind,
    eventKey: d.eventKey,
    moment: d.moment,
    title: `${WHEN[d.moment]} · ${meeting && !d.eventKey.startsWith('theme:') ? meeting.title : what}`,
    body: `${formatDateZh(d.eventDate)}${time}${place}`,
    eventDate: d.eventDate,
    meetingId: meeting && meeting.scope.kind !== 'branch' ? meeting.id : null,
    createdAt: toShanghaiIso(now),
  }
}

function messageFor(d: DueReminder, meeting: Meeting | null, member: Member, notice: Notice): OutgoingMessage {
  if (d.kind === 'dues_reminder') {
    return {
      openid: member.openid as string,
      kind: 'dues_reminder',
      page: 'pages/dues/index',
      data: {
        thing1: fitThing(`${Number(d.eventKey.slice(10, 12))}月党费`),
        date2: fitDate(d.eventDate),
        amount3: fitAmount(member.dues?.amount ?? 0),
        thing4: fitThing(d.moment === 'day_before' ? '明天是党费缴纳日，请按时缴纳' : '今天是党费缴纳日，请按时缴纳'),
      },
    }
  }
  const isTheme = d.eventKey.startsWith('theme:')
  return {
    openid: member.openid as string,
    kind: 'meeting_reminder',
    page: meeting ? `pages/meeting-detail/index?id=${meeting.id}` : 'pages/meetings/index',
    data: {
      thing1: fitThing(meeting?.title ?? notice.title),
      time2: fitTime(meeting?.startAt ?? `${d.eventDate}T09:00:00+08:00`),
      thing3: fitThing(meeting?.location ?? '地点待通知'),
      thing4: fitThing(isTheme ? `${WHEN[d.moment]}是主题党日，请准时参加` : `${WHEN[d.moment]}，请准时参加`),
    },
  }
}

type Outcome = 'sent' | 'failed' | 'noCredit' | 'skipped'

async function deliver(ports: Ports, x: Delivery, now: Date): Promise<Outcome> {
  const { storage } = ports
  const branchId = x.branchId
  const id = sendId(branchId, x.due.eventKey, x.due.moment, x.member.id)
  const claimedAt = toShanghaiIso(now)
  if (x.existing) {
    // A retry: take it over only if it is still the failed attempt we read.
    const retaken = await storage.updateWhere('sends', id, { state: 'failed', attempts: x.existing.attempts }, {
      set: { state: 'claimed', claimedAt },
      inc: { attempts: 1 },
    })
    if (!retaken) return 'skipped'
  } else {
    const claim: Send = {
      id,
      branchId,
      memberId: x.member.id,
      kind: x.due.kind,
      eventKey: x.due.eventKey,
      moment: x.due.moment,
      state: 'claimed',
      attempts: 1,
      errCode: null,
      errMsg: null,
      claimedAt,
      sentAt: null,
    }
    try {
      await storage.insert('sends', claim)
    } catch (err) {
      if (err instanceof DuplicateKeyError) return 'skipped'
      throw err
    }
  }
  if (!(await spendCredit(storage, x.member.id, x.due.kind))) {
    await storage.update('sends', id, { state: 'no_credit' })
    return 'noCredit'
  }
  let result
  try {
    result = await ports.sender.send(x.message)
  } catch (err) {
    result = { ok: false as const, errCode: -1, errMsg: err instanceof Error ? err.message : String(err) }
  }
  if (result.ok) {
    await storage.update('sends', id, { state: 'sent', sentAt: toShanghaiIso(ports.clock.now()), errCode: null, errMsg: null })
    return 'sent'
  }
  if (result.errCode === ERR_NO_CREDIT) {
    await clearCredit(storage, x.member.id, x.due.kind)
    await storage.update('sends', id, { state: 'no_credit', errCode: result.errCode, errMsg: result.errMsg })
    return 'noCredit'
  }
  // WeChat did not deliver it, so the user's credit was not used: give it back and retry later.
  await refundCredit(storage, x.member.id, x.due.kind)
  await storage.update('sends', id, { state: 'failed', errCode: result.errCode, errMsg: result.errMsg.slice(0, 200) })
  ports.log.error('remind send failed', { sendId: id, errCode: result.errCode })
  return 'failed'
}
