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
import type { ActionName, Payload, Result } from '../../cloudfunctions/core/actions'
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
  // Nobody makes up their own attendance (issue 9): the committee member records the secretary's.
  await call('checkin.manual', { meetingId: past.id, memberId: DEMO_OPENID, reason: MAKEUP_REASON }, 'demo-committee')
  // The timer as CloudBase fires it; a client's event would be refused.
  const remind = await runtime.functions.remind({ Type: 'Timer' })
  if (!(remind as Envelope<unknown>).ok) throw new Error(`fixture remind failed: ${JSON.stringify(remind)}`)
  await call('subscription.record', { results: { meeting_reminder: 'accept' } }, ARRIVED_OPENID)

  return { answer, call, meetingId: meeting.id, pastMeetingId: past.id, runtime }
}

/* ------------------------------------------------------------------------------------------ */
/* The study work of that morning (issue 5), added by the tests of the study pages             */
/* ------------------------------------------------------------------------------------------ */

/** The question bank's import: the spreadsheet format's own example rows, one per type. */
export const QUESTIONS_CSV = [
  '题型,题干,选项A,选项B,选项C,选项D,答案',
  '单选,党的最高理想是什么,共产主义,小康社会,,,A',
  '多选,党的作风包括哪些,理论联系实际,密切联系群众,批评与自我批评,,ABC',
  '判断,党员应按月缴纳党费,,,,,对',
].join('\r\n')
export const QUIZ_TITLE = '九月党章党规知识测试'
export const QUIZ_POINTS = 3
/** A 党课 last week that the secretary missed (nobody checked her in): she owes 补学. */
export const MISSED_TITLE = '九月初专题党课'
export const MISSED_MATERIALS = '学习《中国共产党章程》总纲\n观看专题党课录像'
/** The secretary's 学习强国 points reported for this week. */
export const XUEXI_POINTS = 35

export interface StudyWork {
  quizId: string
  questionIds: string[]
  missedMeetingId: string
}

/**
 * Through the router, as the app does it: the secretary imports three questions and the committee
 * member opens a 20-minute test on them (since 08:00 today, for a week); a 党课 ended last week with her absent;
 * she reports this week's 学习强国 points.
 */
export async function addStudyWork(backend: DemoBackend, now: Date): Promise<StudyWork> {
  const today = shanghaiDate(now)
  const { questions } = await backend.call('question.import', { csv: QUESTIONS_CSV })
  const questionIds = questions.map((q) => q.id)
  // The committee member sets the test: its own author would earn no points from it (issue 9).
  const { quiz } = await backend.call(
    'quiz.create',
    {
      title: QUIZ_TITLE,
      questionIds,
      opensAt: `${today}T08:00:00+08:00`,
      closesAt: new Date(now.getTime() + 7 * 86400_000).toISOString(),
      timeLimitMin: 20,
      passScore: 60,
      points: QUIZ_POINTS,
    },
    'demo-committee',
  )
  const { meeting } = await backend.call('meeting.create', {
    type: 'lecture',
    title: MISSED_TITLE,
    startAt: '2026-09-03T14:30:00+08:00',
    endAt: '2026-09-03T16:30:00+08:00',
    agenda: MISSED_MATERIALS,
  })
  await backend.call('xuexi.report', { points: XUEXI_POINTS })
  return { quizId: quiz.id, questionIds, missedMeetingId: meeting.id }
}

export const PENDING_STUDY_TITLE = '自学《中国共产党章程》第一章'

/**
 * The secretary makes self-study need approval, then a plain member (demo-member-04) records
 * 60 minutes of it: one record waits for review.
 */
export async function addPendingStudy(backend: DemoBackend): Promise<string> {
  await backend.call('branch.updateSettings', { selfStudyNeedsApproval: true })
  const { study, counted } = await backend.call('study.log', { title: PENDING_STUDY_TITLE, kind: 'original', minutes: 60, note: '重温入党誓词' }, PLAIN_OPENID)
  if (counted) throw new Error('fixture: the self-study should wait for approval')
  return study.id
}
