/**
 * The remind plan as a table: a branch's snapshot at a moment → the notices, the sends and the
 * skipped claims. 2026-05-22 is both 主题党日 and 党费缴纳日 under the default schedule.
 */
import type { Attendance, Credit, Leave, Meeting, Member, Payment, Send, TemplateKind } from '../../../types/models'
import { aBranch, aMember } from '../../../tests/support/builders'
import { sendId } from '../records/ids'
import { branchSettings } from '../records/settings'
import { dueAt, MAX_ATTEMPTS, planReminders, type BranchSnapshot } from './remind-plan'

const BRANCH = aBranch('b').build()
const EVENING_BEFORE = '2026-05-21T18:00:00+08:00'
const MAY_THEME_DAY = { kind: 'theme_day', month: '2026-05' } as const

const bound = (id: string, dues = 2000) => ({ ...aMember(id).inBranch('b').boundTo(`wx-${id}`).build(), dues: { category: 'student' as const, amount: dues } })
const MEMBERS: Member[] = [
  bound('m1'),
  { ...bound('m2'), roles: ['committee', 'member'] },
  { ...bound('m3'), dues: null },
  aMember('m4').inBranch('b').build(),
]
const credit = (memberId: string, kind: TemplateKind, balance = 1): Credit => ({ id: `${memberId}:${kind}`, branchId: 'b', memberId, kind, balance, updatedAt: EVENING_BEFORE })
const CREDITS = MEMBERS.flatMap((m) => [credit(m.id, 'meeting_reminder'), credit(m.id, 'dues_reminder')])

const meeting = (over: Partial<Meeting>): Meeting => ({
  id: 'assembly',
  branchId: 'b',
  type: 'branch_assembly',
  title: '支部党员大会',
  startAt: '2026-05-19T14:30:00+08:00',
  endAt: '2026-05-19T16:30:00+08:00',
  location: '三楼会议室',
  agenda: null,
  scope: { kind: 'branch' },
  status: 'scheduled',
  cancelReason: null,
  themeMonth: null,
  createdBy: 'm2',
  createdAt: '2026-05-01T10:00:00+08:00',
  updatedAt: '2026-05-01T10:00:00+08:00',
  ...over,
})
const sent = (memberId: string, state: Send['state'], attempts = 1): Send => ({
  id: sendId('b', MAY_THEME_DAY, 'day_before', memberId),
  branchId: 'b',
  memberId,
  kind: 'meeting_reminder',
  eventKey: 'theme:2026-05',
  moment: 'day_before',
  state,
  attempts,
  errCode: state === 'failed' ? -1 : null,
  errMsg: null,
  claimedAt: EVENING_BEFORE,
  sentAt: null,
})
const paid = (memberId: string): Payment => ({ id: `${memberId}:2026-05`, branchId: 'b', memberId, month: '2026-05', amount: 2000, paidOn: '2026-05-20', state: 'reported', reportedBy: memberId, confirmedBy: null, updatedAt: EVENING_BEFORE })
const present = (memberId: string): Attendance => ({ id: `assembly:${memberId}`, branchId: 'b', meetingId: 'assembly', memberId, status: 'present', checkedInAt: '2026-05-19T14:20:00+08:00', by: memberId, reason: null })
const onLeave = (memberId: string): Leave => ({ id: `assembly:${memberId}`, branchId: 'b', meetingId: 'assembly', memberId, reason: '出差', state: 'approved', requestedAt: EVENING_BEFORE, reviewedBy: 'm2', reviewedAt: EVENING_BEFORE })

type Reads = Partial<Omit<BranchSnapshot, 'branch' | 'now' | 'due'>>

function plan(at: string, reads: Reads = {}) {
  const now = new Date(at)
  const meetings = reads.meetings ?? []
  const snapshot: BranchSnapshot = {
    branch: BRANCH,
    now,
    due: dueAt(branchSettings(BRANCH, now), meetings, now),
    meetings,
    members: MEMBERS,
    credits: CREDITS,
    sends: [],
    payments: [],
    attendance: [],
    leaves: [],
    ...reads,
  }
  const p = planReminders(snapshot)
  return {
    notices: p.notices.map((n) => n.title),
    sends: p.deliveries.map((d) => `${d.send.memberId} ${d.send.kind}${d.retrying ? ' (retry)' : ''}`),
    skipped: p.skipped,
  }
}

const BOTH_DAYS = ['明天 · 主题党日', '明天 · 党费缴纳日']

describe('the remind plan', () => {
  it.each<[string, string, Reads, { notices: string[]; sends: string[]; skipped: number }]>([
    ['nothing is due the afternoon before', '2026-05-21T12:00:00+08:00', {}, { notices: [], sends: [], skipped: 0 }],
    [
      'the evening before: every bound member with a credit; dues only to those with an amount',
      EVENING_BEFORE,
      {},
      { notices: BOTH_DAYS, sends: ['m1 meeting_reminder', 'm2 meeting_reminder', 'm3 meeting_reminder', 'm1 dues_reminder', 'm2 dues_reminder'], skipped: 0 },
    ],
    [
      'no credit, no send (the notice is still written)',
      EVENING_BEFORE,
      { credits: [credit('m1', 'meeting_reminder'), credit('m2', 'dues_reminder', 0)] },
      { notices: BOTH_DAYS, sends: ['m1 meeting_reminder'], skipped: 0 },
    ],
    [
      'a member who paid the month gets no dues reminder',
      EVENING_BEFORE,
      { payments: [paid('m1')] },
      { notices: BOTH_DAYS, sends: ['m1 meeting_reminder', 'm2 meeting_reminder', 'm3 meeting_reminder', 'm2 dues_reminder'], skipped: 0 },
    ],
    [
      'a claim already sent, or claimed by a run still going, is skipped',
      EVENING_BEFORE,
      { sends: [sent('m1', 'sent'), sent('m2', 'claimed')] },
      { notices: BOTH_DAYS, sends: ['m3 meeting_reminder', 'm1 dues_reminder', 'm2 dues_reminder'], skipped: 2 },
    ],
    [
      `a failed send is retried until it has been tried ${MAX_ATTEMPTS} times; no_credit is final`,
      EVENING_BEFORE,
      { sends: [sent('m1', 'failed', MAX_ATTEMPTS - 1), sent('m2', 'failed', MAX_ATTEMPTS), sent('m3', 'no_credit')] },
      { notices: BOTH_DAYS, sends: ['m1 meeting_reminder (retry)', 'm1 dues_reminder', 'm2 dues_reminder'], skipped: 2 },
    ],
    [
      'a meeting two hours ahead: not to those checked in or on approved leave',
      '2026-05-19T12:30:00+08:00',
      { meetings: [meeting({})], attendance: [present('m1')], leaves: [onLeave('m2')] },
      { notices: ['即将开始 · 支部党员大会'], sends: ['m3 meeting_reminder'], skipped: 0 },
    ],
    [
      'a 支委会 only to the committee',
      '2026-05-19T12:30:00+08:00',
      { meetings: [meeting({ type: 'committee', title: '五月支委会', scope: { kind: 'committee' } })] },
      { notices: ['即将开始 · 五月支委会'], sends: ['m2 meeting_reminder'], skipped: 0 },
    ],
    [
      'a cancelled meeting is not reminded',
      '2026-05-19T12:30:00+08:00',
      { meetings: [meeting({ status: 'cancelled' })] },
      { notices: [], sends: [], skipped: 0 },
    ],
  ])('%s', (_, at, reads, expected) => {
    expect(plan(at, reads)).toEqual(expected)
  })

  it('claims each send under its claim key, and fits its message to the template', () => {
    const now = new Date('2026-05-22T08:00:00+08:00')
    const theme = meeting({ id: 'theme-b-2026-05', type: 'theme_day', title: '5月主题党日', startAt: '2026-05-22T14:30:00+08:00', endAt: '2026-05-22T16:30:00+08:00', location: null, themeMonth: '2026-05' })
    const p = planReminders({
      branch: BRANCH,
      now,
      due: dueAt(branchSettings(BRANCH, now), [theme], now),
      meetings: [theme],
      members: [MEMBERS[0]],
      credits: CREDITS,
      sends: [],
      payments: [],
      attendance: [],
      leaves: [],
    })
    expect(p.notices.map((n) => [n.id, n.eventKey, n.title, n.body, n.meetingId])).toEqual([
      ['b|theme:2026-05|morning_of', 'theme:2026-05', '今天 · 主题党日', '5月22日（周五） 14:30', null],
      ['b|dues:2026-05|morning_of', 'dues:2026-05', '今天 · 党费缴纳日', '5月22日（周五）', null],
    ])
    expect(p.deliveries.map((d) => [d.send.id, d.send.state, d.send.attempts, d.message])).toEqual([
      [
        'b|theme:2026-05|morning_of|m1',
        'claimed',
        1,
        {
          openid: 'wx-m1',
          kind: 'meeting_reminder',
          page: 'pages/meeting-detail/index?id=theme-b-2026-05',
          data: { thing1: '5月主题党日', time2: '2026年5月22日 14:30', thing3: '地点待通知', thing4: '今天是主题党日，请准时参加' },
        },
      ],
      [
        'b|dues:2026-05|morning_of|m1',
        'claimed',
        1,
        {
          openid: 'wx-m1',
          kind: 'dues_reminder',
          page: 'pages/dues/index',
          data: { thing1: '5月党费', date2: '2026年5月22日', amount3: '20.00元', thing4: '今天是党费缴纳日，请按时缴纳' },
        },
      ],
    ])
  })
})
