/**
 * What the stub `wx.cloud.callFunction({ name: 'api' })` answers with: the real `api` router
 * (the same one the cloud function and the local server run) over an in-memory store holding
 * the demo seed, at a fixed instant (the clock then runs on in real time), for the demo
 * secretary unless a test says whom.
 *
 * The morning it stands for, all of it done through the router as the app would do it:
 * - the secretary has called a 支部党员大会 for 09:15–11:00 today; check-in is open (from 08:45);
 * - 陈志强 has already scanned the secretary's live code (a real token from checkin.code);
 * - 刘秀英 has asked for leave, which waits for a decision;
 * - 杨伟 has marked this month's dues paid, which waits for the secretary's confirmation;
 * - last month's 党课 is over; the secretary, who forgot to scan, was recorded by 补签;
 * - the hourly `remind` timer has run, leaving the meeting's reminder in the notice list;
 * - afterwards 陈志强 allowed one meeting reminder (the others can receive none).
 */
import { openLocalRuntime, type LocalRuntime } from '../../cloudfunctions/core/runtime/local'
import { seedDemoBranch } from '../../cloudfunctions/core/seed'
import type { ActionName, Payload, Result } from '../../types/actions'
import type { Envelope } from '../../types/envelope'
import type { LedgerEntry } from '../../types/models'
import { inShanghai, shanghaiDate } from '../../src/domain/time'

export const DEMO_OPENID = 'demo-secretary'
/** Checked in before the page opens. */
export const ARRIVED_OPENID = 'demo-member-01'
export const ARRIVED_NAME = '陈志强'
/** Asked for leave; not decided yet. */
export const LEAVE_OPENID = 'demo-member-02'
export const LEAVE_NAME = '刘秀英'
export const LEAVE_REASON = '在外地出差，无法到会'
/** Reported this month's dues paid; the secretary has not confirmed yet. */
export const REPORTED_OPENID = 'demo-member-03'
export const REPORTED_NAME = '杨伟'
/** A plain member with nothing done yet for the meeting. */
export const PLAIN_OPENID = 'demo-member-04'

export const PAST_TITLE = '八月专题党课'
export const MAKEUP_REASON = '到会后忘记扫码'

export const MEETING_TITLE = '九月支部党员大会'
export const MEETING_LOCATION = '社区党群服务中心二楼会议室'
export const MEETING_AGENDA = '1. 学习文件\n2. 交流发言'

export interface DemoBackend {
  /** The envelope function `api` would return for this event and caller. */
  answer(event: unknown, openid?: string): Promise<Envelope<unknown>>
  /** An action's data, as `openid` (the secretary by default); throws on an error envelope. */
  call<K extends ActionName>(action: K, payload: Payload<K>, openid?: string): Promise<Result<K>>
  /** The meeting of the morning. */
  meetingId: string
  /** Last month's 党课, over. */
  pastMeetingId: string
  runtime: LocalRuntime
}

/** A few ledger rows for the secretary (4 + 1 积分, 6.5 学时), so that the figures are not all zero. */
function ledgerRows(year: number, at: string): LedgerEntry[] {
  const row = (id: string, kind: LedgerEntry['kind'], points: number, studyTenths: number): LedgerEntry => ({
    id,
    branchId: 'demo-branch',
    memberId: DEMO_OPENID,
    kind,
    points,
    studyTenths,
    sourceId: id,
    year,
    by: DEMO_OPENID,
    at,
    reason: 'weapp render test',
  })
  return [row('ledger-1', 'meeting', 2, 30), row('ledger-2', 'meeting', 2, 30), row('ledger-3', 'self_study', 1, 5)]
}

/** A fresh backend (about 20 ms): tests that change something take their own. */
export async function openDemoBackend(now: Date): Promise<DemoBackend> {
  const silent = { info: () => undefined, error: () => undefined }
  const runtime = await openLocalRuntime({ dataDir: null, seed: false, log: silent })
  // The clock first: the seed writes the dues history of the months before *its* today.
  runtime.clock.set(now)
  await seedDemoBranch(runtime.ports)
  for (const row of ledgerRows(inShanghai(now).year(), now.toISOString())) await runtime.storage.insert('ledger', row)

  const answer = (event: unknown, openid = DEMO_OPENID) => runtime.api(event, { openid })
  const call = async <K extends ActionName>(action: K, payload: Payload<K>, openid = DEMO_OPENID): Promise<Result<K>> => {
    const envelope = await answer({ action, payload }, openid)
    if (!envelope.ok) throw new Error(`fixture ${action} as ${openid} failed: ${envelope.error.code} ${envelope.error.message}`)
    return envelope.data as Result<K>
  }

  const today = shanghaiDate(now)
  const { meeting } = await call('meeting.create', {
    type: 'branch_assembly',
    title: MEETING_TITLE,
    startAt: `${today}T09:15:00+08:00`,
    endAt: `${today}T11:00:00+08:00`,
    location: MEETING_LOCATION,
    agenda: MEETING_AGENDA,
  })
  const { token } = await call('checkin.code', { meetingId: meeting.id })
  await call('checkin.submit', { token }, ARRIVED_OPENID)
  await call('leave.request', { meetingId: meeting.id, reason: LEAVE_REASON }, LEAVE_OPENID)
  await call('dues.pay', { month: today.slice(0, 7) }, REPORTED_OPENID)
  const { meeting: past } = await call('meeting.create', {
    type: 'lecture',
    title: PAST_TITLE,
    startAt: '2026-08-20T14:30:00+08:00',
    endAt: '2026-08-20T16:30:00+08:00',
  })
  await call('checkin.manual', { meetingId: past.id, memberId: DEMO_OPENID, reason: MAKEUP_REASON })
  // The timer as CloudBase fires it; a client's event would be refused.
  const remind = await runtime.functions.remind({ Type: 'Timer' })
  if (!(remind as Envelope<unknown>).ok) throw new Error(`fixture remind failed: ${JSON.stringify(remind)}`)
  await call('subscription.record', { results: { meeting_reminder: 'accept' } }, ARRIVED_OPENID)

  return { answer, call, meetingId: meeting.id, pastMeetingId: past.id, runtime }
}
