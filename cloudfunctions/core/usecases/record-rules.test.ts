/**
 * The rules of the record (README "Rules of the record"): what an inspecting 上级党委 needs to
 * trust a branch's attendance, points and dues — nobody grants themselves standing, and every
 * organiser's fix is bounded and audited.
 */
import { DEMO, failure, theDemoBranch } from '../../../tests/support/app'
import { aMeeting } from '../../../tests/support/builders'
import { readsTogether } from '../../../tests/support/faults'

const DAY_BEFORE = '2026-05-19T09:00:00+08:00'
const DURING = '2026-05-20T15:00:00+08:00'

/** A 14:30–16:30 meeting on 2026-05-20, created the day before. */
async function aMeetingTomorrow() {
  const app = await theDemoBranch({ at: DAY_BEFORE })
  const { meeting } = await app.as(DEMO.secretary).ok('meeting.create', aMeeting('branch_assembly').build())
  const code = async () => (await app.as(DEMO.secretary).ok('checkin.code', { meetingId: meeting.id })).token
  const manual = (openid: string, memberId: string, reason = '忘记扫码') => app.as(openid).call('checkin.manual', { meetingId: meeting.id, memberId, reason })
  const ledger = () => app.storage.find('ledger', { kind: 'meeting' }, { orderBy: [['id', 'asc']] })
  return { app, meeting, code, manual, ledger }
}

describe('nobody approves or fixes their own', () => {
  it('refuses leave.review of one’s own leave with FORBIDDEN, and another reviewer may decide it', async () => {
    const { app, meeting } = await aMeetingTomorrow()
    const { leaveId } = await app.as(DEMO.committee).ok('leave.request', { meetingId: meeting.id, reason: '单位出差' })
    expect(await app.as(DEMO.committee).call('leave.review', { leaveId, approve: true })).toEqual(failure('FORBIDDEN', '不能审批自己的请假'))
    expect(await app.storage.get('leaves', leaveId)).toMatchObject({ state: 'pending', reviewedBy: null })
    expect(await app.as(DEMO.secretary).ok('leave.review', { leaveId, approve: true })).toMatchObject({ state: 'approved' })
  })

  it('refuses checkin.manual for oneself with FORBIDDEN; the organiser checks in with the live code instead', async () => {
    const { app, code, manual, ledger } = await aMeetingTomorrow()
    app.clock.set(DURING)
    expect(await manual(DEMO.secretary, DEMO.secretary)).toEqual(failure('FORBIDDEN', '不能给自己补签'))
    expect(await ledger()).toEqual([])
    expect(await app.as(DEMO.secretary).ok('checkin.submit', { token: await code() })).toMatchObject({ status: 'late', already: false })
    expect(await manual(DEMO.secretary, DEMO.secretary)).toEqual(failure('FORBIDDEN', '不能给自己补签'))
  })

  it('scores the creator of a quiz who takes it but awards no points (pointsAwarded 0, no ledger row)', async () => {
    const app = await theDemoBranch({ at: '2026-05-20T10:00:00+08:00' })
    const committee = app.as(DEMO.committee)
    const { question } = await committee.ok('question.create', { type: 'judge', stem: '预备党员的预备期为一年。', answer: [0] })
    const { quiz } = await committee.ok('quiz.create', {
      title: '五月知识测试',
      questionIds: [question.id],
      opensAt: '2026-05-20T09:00:00+08:00',
      closesAt: '2026-05-27T18:00:00+08:00',
      timeLimitMin: 30,
    })
    await committee.ok('quiz.start', { quizId: quiz.id })
    expect(await committee.ok('quiz.submit', { quizId: quiz.id, answers: { [question.id]: [0] } })).toMatchObject({ score: 100, passed: true, pointsAwarded: 0 })
    await app.as(DEMO.member(1)).ok('quiz.start', { quizId: quiz.id })
    expect(await app.as(DEMO.member(1)).ok('quiz.submit', { quizId: quiz.id, answers: { [question.id]: [0] } })).toMatchObject({ passed: true, pointsAwarded: quiz.points })
    expect((await app.storage.find('ledger', { kind: 'test' })).map((r) => r.memberId)).toEqual([DEMO.member(1)])
  })
})

describe('a cancelled or moved meeting', () => {
  it('takes no check-in after the cancel, even with a code issued before it', async () => {
    const { app, meeting, code } = await aMeetingTomorrow()
    app.clock.set('2026-05-20T14:10:00+08:00')
    const token = await code()
    await app.as(DEMO.secretary).ok('meeting.cancel', { meetingId: meeting.id, reason: '临时有上级检查' })
    expect(await app.as(DEMO.member(1)).call('checkin.submit', { token })).toEqual(failure('CHECKIN_CLOSED', '会议已取消'))
    expect(await app.storage.find('attendance', { meetingId: meeting.id })).toEqual([])
  })

  it.each<[string, (t: Awaited<ReturnType<typeof aMeetingTomorrow>>) => Promise<unknown>]>([
    ['leave.request', ({ app, meeting }) => app.as(DEMO.member(1)).call('leave.request', { meetingId: meeting.id, reason: '单位出差' })],
    ['checkin.manual', ({ manual }) => manual(DEMO.secretary, DEMO.member(1))],
    ['makeup.complete', ({ app, meeting }) => app.as(DEMO.member(1)).call('makeup.complete', { meetingId: meeting.id, note: '已学习会议材料' })],
  ])('answers %s with CONFLICT once cancelled', async (_action, act) => {
    const t = await aMeetingTomorrow()
    await t.app.as(DEMO.secretary).ok('meeting.cancel', { meetingId: t.meeting.id, reason: '临时有上级检查' })
    t.app.clock.set(_action === 'leave.request' ? DAY_BEFORE : '2026-05-21T09:00:00+08:00')
    expect(await act(t)).toEqual(failure('CONFLICT', '会议已取消'))
  })

  it('refuses a code issued for the old time once the meeting is moved', async () => {
    const { app, meeting, code } = await aMeetingTomorrow()
    app.clock.set('2026-05-20T14:10:00+08:00')
    const token = await code()
    await app.as(DEMO.secretary).ok('meeting.update', { meetingId: meeting.id, startAt: '2026-05-20T14:20:00+08:00', endAt: '2026-05-20T16:20:00+08:00' })
    expect(await app.as(DEMO.member(1)).call('checkin.submit', { token })).toEqual(failure('TOKEN_EXPIRED', '会议时间已调整'))
    expect(await app.as(DEMO.member(1)).ok('checkin.submit', { token: await code() })).toMatchObject({ status: 'present' })
  })

  it('cannot be cancelled once it has ended', async () => {
    const { app, meeting } = await aMeetingTomorrow()
    app.clock.set('2026-05-20T16:31:00+08:00')
    expect(await app.as(DEMO.secretary).call('meeting.cancel', { meetingId: meeting.id, reason: '临时有上级检查' })).toEqual(failure('CONFLICT', '会议已经结束'))
    expect(await app.storage.get('meetings', meeting.id)).toMatchObject({ status: 'scheduled' })
  })

  it('reverses the awards it made with new ledger rows (reason 会议取消), keeping the first ones', async () => {
    const { app, meeting, code, ledger } = await aMeetingTomorrow()
    const total = async () => (await app.as(DEMO.member(1)).ok('points.mine', {})).total
    const before = await total()
    app.clock.set('2026-05-20T14:20:00+08:00')
    await app.as(DEMO.member(1)).ok('checkin.submit', { token: await code() })
    await app.as(DEMO.member(2)).ok('checkin.submit', { token: await code() })
    await app.as(DEMO.secretary).ok('meeting.cancel', { meetingId: meeting.id, reason: '临时有上级检查' })
    await app.as(DEMO.secretary).ok('meeting.cancel', { meetingId: meeting.id, reason: '临时有上级检查' })
    const rows = (await ledger()).filter((r) => r.sourceId.includes(meeting.id))
    expect(rows).toHaveLength(4)
    for (const n of [1, 2]) {
      const mine = rows.filter((r) => r.memberId === DEMO.member(n))
      expect(mine.map((r) => r.points).sort()).toEqual([-mine[0].points, mine[0].points].sort())
      expect(mine.reduce((sum, r) => sum + r.points, 0)).toBe(0)
      expect(mine.reduce((sum, r) => sum + r.studyTenths, 0)).toBe(0)
      expect(mine.find((r) => r.points < 0)).toMatchObject({ reason: expect.stringContaining('会议取消'), by: DEMO.secretary })
    }
    expect(await total()).toBe(before)
  })
})

describe('补学 deadline', () => {
  it('refuses makeup.complete after its 7-day deadline with CONFLICT 补学已过期限, and accepts it up to then', async () => {
    const { app, meeting } = await aMeetingTomorrow()
    const complete = (openid: string) => app.as(openid).call('makeup.complete', { meetingId: meeting.id, note: '已学习会议材料' })
    app.clock.set('2026-05-27T16:30:00+08:00')
    expect(await complete(DEMO.member(1))).toMatchObject({ ok: true })
    app.clock.set('2026-05-27T16:31:00+08:00')
    expect(await complete(DEMO.member(2))).toEqual(failure('CONFLICT', '补学已过期限'))
    expect(await app.storage.find('makeups', { memberId: DEMO.member(2) })).toEqual([])
    expect((await app.as(DEMO.member(2)).ok('makeup.mine', {})).tasks.find((t) => t.meetingId === meeting.id)).toMatchObject({ overdue: true, done: false })
  })
})

describe('organisers’ fixes are bounded and audited', () => {
  const START = '2026-05-20T14:30:00+08:00'
  const days = (n: number, from = '2026-05-20T16:30:00+08:00') => new Date(Date.parse(from) + n * 86400_000).toISOString()

  it('accepts checkin.manual from the start, not in the 30 minutes before it when members can still scan', async () => {
    const { app, manual } = await aMeetingTomorrow()
    app.clock.set('2026-05-20T14:20:00+08:00')
    expect(await manual(DEMO.secretary, DEMO.member(1))).toEqual(failure('CHECKIN_CLOSED', '会议开始后才能补签'))
    app.clock.set(START)
    expect(await manual(DEMO.secretary, DEMO.member(1))).toMatchObject({ ok: true, data: { status: 'makeup' } })
  })

  it('accepts checkin.manual and leave.review until 30 days after the end, and refuses them after', async () => {
    const { app, meeting, manual } = await aMeetingTomorrow()
    const leave1 = (await app.as(DEMO.member(1)).ok('leave.request', { meetingId: meeting.id, reason: '单位出差' })).leaveId
    const leave2 = (await app.as(DEMO.member(2)).ok('leave.request', { meetingId: meeting.id, reason: '单位出差' })).leaveId
    app.clock.set(days(30))
    expect(await manual(DEMO.secretary, DEMO.member(3))).toMatchObject({ ok: true })
    expect(await app.as(DEMO.secretary).call('leave.review', { leaveId: leave1, approve: true })).toMatchObject({ ok: true })
    app.clock.set(days(30.01))
    expect(await manual(DEMO.secretary, DEMO.member(4))).toEqual(failure('CHECKIN_CLOSED', '超过 30 天'))
    expect(await app.as(DEMO.secretary).call('leave.review', { leaveId: leave2, approve: true })).toEqual(failure('CONFLICT', '超过 30 天'))
    expect(await app.storage.get('leaves', leave2)).toMatchObject({ state: 'pending' })
  })

  it('takes the window from the branch setting fixWindowDays', async () => {
    const { app, manual } = await aMeetingTomorrow()
    await app.storage.update('branches', DEMO.branchId, { settings: { targetHours: 32, committeeTargetHours: 32, fixWindowDays: 7 } })
    app.clock.set(days(8))
    expect(await manual(DEMO.secretary, DEMO.member(4))).toEqual(failure('CHECKIN_CLOSED', '超过 7 天'))
  })

  it('writes an audit entry for each fix (who, when, what, why) that attendance.get returns', async () => {
    const { app, meeting, manual } = await aMeetingTomorrow()
    const { leaveId } = await app.as(DEMO.member(1)).ok('leave.request', { meetingId: meeting.id, reason: '单位出差' })
    app.clock.set('2026-05-19T10:00:00+08:00')
    await app.as(DEMO.committee).ok('leave.review', { leaveId, approve: false, reason: '会议重要，请调整出差' })
    app.clock.set('2026-05-20T17:00:00+08:00')
    await manual(DEMO.secretary, DEMO.member(2), '扫码时手机没电')
    await manual(DEMO.committee, DEMO.member(2), '再补一次')
    const { audit } = await app.as(DEMO.secretary).ok('attendance.get', { meetingId: meeting.id })
    expect(audit).toEqual([
      { action: 'leave.review', memberId: DEMO.member(1), name: expect.any(String), by: DEMO.committee, byName: expect.any(String), at: '2026-05-19T10:00:00+08:00', detail: '不批准请假', reason: '会议重要，请调整出差' },
      { action: 'checkin.manual', memberId: DEMO.member(2), name: '刘秀英', by: DEMO.secretary, byName: expect.any(String), at: '2026-05-20T17:00:00+08:00', detail: '为刘秀英补签', reason: '扫码时手机没电' },
    ])
  })

  it('counts members not yet checked in before the start as pending (未签到), not absent', async () => {
    const { app, meeting, code } = await aMeetingTomorrow()
    app.clock.set('2026-05-20T14:20:00+08:00')
    await app.as(DEMO.member(1)).ok('checkin.submit', { token: await code() })
    const before = await app.as(DEMO.secretary).ok('attendance.get', { meetingId: meeting.id })
    expect(before).toMatchObject({ present: 1, absent: 0, pending: before.expected - 1 })
    expect(before.members.find((m) => m.memberId === DEMO.member(2))).toMatchObject({ status: 'pending' })
    app.clock.set('2026-05-20T14:31:00+08:00')
    expect(await app.as(DEMO.secretary).ok('attendance.get', { meetingId: meeting.id })).toMatchObject({ present: 1, pending: 0, absent: before.expected - 1 })
  })
})

describe('leave decisions are compare-and-set', () => {
  it('lets the first decision win: a different later one is CONFLICT, the same one answers the stored state', async () => {
    const { app, meeting } = await aMeetingTomorrow()
    const { leaveId } = await app.as(DEMO.member(1)).ok('leave.request', { meetingId: meeting.id, reason: '单位出差' })
    await app.as(DEMO.secretary).ok('leave.review', { leaveId, approve: true })
    expect(await app.as(DEMO.committee).call('leave.review', { leaveId, approve: false })).toEqual(failure('CONFLICT', '已批准'))
    expect(await app.as(DEMO.committee).call('leave.review', { leaveId, approve: true })).toEqual({ ok: true, data: { state: 'approved' } })
    expect(await app.storage.get('leaves', leaveId)).toMatchObject({ state: 'approved', reviewedBy: DEMO.secretary })
  })

  it('50 concurrent mixed decisions all agree with what is stored', async () => {
    const { app, meeting } = await aMeetingTomorrow()
    const { leaveId } = await app.as(DEMO.member(1)).ok('leave.request', { meetingId: meeting.id, reason: '单位出差' })
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => app.as(i % 2 ? DEMO.secretary : DEMO.committee).call('leave.review', { leaveId, approve: i % 3 === 0 })),
    )
    const stored = (await app.storage.get('leaves', leaveId))!.state
    for (const a of answers) expect(a.ok ? a.data.state : a.error.code).toBe(a.ok ? stored : 'CONFLICT')
    expect(answers.some((a) => a.ok)).toBe(true)
    expect((await app.as(DEMO.secretary).ok('attendance.get', { meetingId: meeting.id })).audit).toHaveLength(1)
  })

  it('lets a member withdraw their own pending leave, and ask again after', async () => {
    const { app, meeting } = await aMeetingTomorrow()
    const { leaveId } = await app.as(DEMO.member(1)).ok('leave.request', { meetingId: meeting.id, reason: '单位出差' })
    expect(await app.as(DEMO.member(2)).call('leave.withdraw', { leaveId })).toEqual(failure('NOT_FOUND'))
    expect(await app.as(DEMO.member(1)).call('leave.withdraw', { leaveId })).toEqual({ ok: true, data: { state: 'withdrawn' } })
    expect(await app.as(DEMO.member(1)).call('leave.withdraw', { leaveId })).toEqual({ ok: true, data: { state: 'withdrawn' } })
    expect((await app.as(DEMO.secretary).ok('attendance.get', { meetingId: meeting.id })).pendingLeaves).toEqual([])
    expect(await app.as(DEMO.secretary).call('leave.review', { leaveId, approve: true })).toEqual(failure('CONFLICT', '已撤回'))
    expect((await app.as(DEMO.member(1)).ok('meeting.get', { meetingId: meeting.id })).myStatus.leave).toBeNull()
    expect(await app.as(DEMO.member(1)).ok('leave.request', { meetingId: meeting.id, reason: '还是要出差' })).toEqual({ leaveId, state: 'pending' })
  })

  it('refuses to withdraw a decided leave with CONFLICT', async () => {
    const { app, meeting } = await aMeetingTomorrow()
    const { leaveId } = await app.as(DEMO.member(1)).ok('leave.request', { meetingId: meeting.id, reason: '单位出差' })
    await app.as(DEMO.secretary).ok('leave.review', { leaveId, approve: true })
    expect(await app.as(DEMO.member(1)).call('leave.withdraw', { leaveId })).toEqual(failure('CONFLICT', '已批准'))
  })

  it('counts a member who checks in after asking for leave as present, and drops the leave from pendingLeaves', async () => {
    const { app, meeting, code } = await aMeetingTomorrow()
    await app.as(DEMO.member(1)).ok('leave.request', { meetingId: meeting.id, reason: '单位出差' })
    app.clock.set('2026-05-20T14:20:00+08:00')
    await app.as(DEMO.member(1)).ok('checkin.submit', { token: await code() })
    const a = await app.as(DEMO.secretary).ok('attendance.get', { meetingId: meeting.id })
    expect(a.members.find((m) => m.memberId === DEMO.member(1))).toMatchObject({ status: 'present' })
    expect(a.pendingLeaves).toEqual([])
  })
})

describe('self-study is bounded', () => {
  const log = (app: Awaited<ReturnType<typeof theDemoBranch>>, fields: Record<string, unknown>) =>
    app.as(DEMO.member(1)).raw('study.log', { title: '学习党章', kind: 'original', minutes: 60, ...fields })

  it('takes at most 8 hours a member a day across entries, saying why when refused', async () => {
    const app = await theDemoBranch({ at: '2026-05-20T20:00:00+08:00' })
    expect(await log(app, { minutes: 300, requestId: 'first-entry' })).toMatchObject({ ok: true })
    expect(await log(app, { minutes: 180 })).toMatchObject({ ok: true })
    expect(await log(app, { minutes: 5 })).toEqual(failure('INVALID_INPUT', /minutes：.*已记 480 分钟.*8 小时/))
    expect(await log(app, { minutes: 300, requestId: 'first-entry' })).toMatchObject({ ok: true })
    expect(await log(app, { minutes: 300, studiedOn: '2026-05-19' })).toMatchObject({ ok: true })
    expect(await app.as(DEMO.member(2)).raw('study.log', { title: '学习党章', kind: 'original', minutes: 480 })).toMatchObject({ ok: true })
    expect(await app.storage.count('studies', { memberId: DEMO.member(1), studiedOn: '2026-05-20' })).toBe(2)
  })

  it('refuses one entry of more than 8 hours', async () => {
    const app = await theDemoBranch({ at: '2026-05-20T20:00:00+08:00' })
    expect(await log(app, { minutes: 481 })).toEqual(failure('INVALID_INPUT', /minutes：.*8 小时/))
  })

  it.each([
    ['tomorrow', '2026-05-21', '晚于今天'],
    ['31 days back', '2026-04-19', '30 天'],
  ])('refuses a studiedOn of %s, naming the field and why', async (_what, studiedOn, why) => {
    const app = await theDemoBranch({ at: '2026-05-20T20:00:00+08:00' })
    expect(await log(app, { studiedOn })).toEqual(failure('INVALID_INPUT', new RegExp(`studiedOn：.*${why}`)))
  })
})

describe('dues are paid in full', () => {
  it.each([
    ['below the 核定 amount', -1, '不能少于核定'],
    ['above 100 times it', 'times100+1', '100 倍'],
  ] as const)('refuses dues.pay and dues.confirm %s with INVALID_INPUT naming amount', async (_what, delta, why) => {
    const app = await theDemoBranch({ at: '2026-05-20T10:00:00+08:00' })
    const due = (await app.storage.get('members', DEMO.member(1)))!.dues!.amount
    const amount = delta === -1 ? due - 1 : due * 100 + 1
    expect(await app.as(DEMO.member(1)).call('dues.pay', { month: '2026-05', amount })).toEqual(failure('INVALID_INPUT', new RegExp(`amount：.*${why}`)))
    expect(await app.as(DEMO.secretary).call('dues.confirm', { memberId: DEMO.member(1), month: '2026-05', amount })).toEqual(failure('INVALID_INPUT', new RegExp(`amount：.*${why}`)))
    expect(await app.storage.get('payments', `${DEMO.member(1)}:2026-05`)).toBeNull()
    expect(await app.as(DEMO.member(1)).call('dues.pay', { month: '2026-05', amount: due * 100 })).toMatchObject({ ok: true, data: { amount: due * 100 } })
    expect(await app.as(DEMO.secretary).call('dues.confirm', { memberId: DEMO.member(1), month: '2026-05', amount: due })).toMatchObject({ ok: true, data: { amount: due } })
  })
})

describe('settings are changed, not replaced', () => {
  it('keeps every field of two organisers editing at once', async () => {
    // Both reads happen before either write.
    const app = await theDemoBranch({ storage: readsTogether('branches', 2) })
    await app.storage.insert('members', { ...(await app.storage.get('members', DEMO.secretary))!, id: 'second-secretary', openid: 'wx-second-secretary' })
    const [a, b] = await Promise.all([
      app.as(DEMO.secretary).call('branch.updateSettings', { targetHours: 40 }),
      app.as('wx-second-secretary').call('branch.updateSettings', { meetingPoints: { lecture: 5 } }),
    ])
    expect([a.ok, b.ok]).toEqual([true, true])
    expect((await app.as(DEMO.member(1)).ok('branch.settings', {})).settings).toMatchObject({ targetHours: 40, meetingPoints: { lecture: 5 } })
  })

  it('changes only the fields sent', async () => {
    const app = await theDemoBranch()
    await app.as(DEMO.secretary).ok('branch.updateSettings', { selfStudyNeedsApproval: true, meetingPoints: { lecture: 5 } })
    await app.as(DEMO.secretary).ok('branch.updateSettings', { meetingPoints: { group: 3 } })
    expect((await app.as(DEMO.member(1)).ok('branch.settings', {})).settings).toMatchObject({ selfStudyNeedsApproval: true, meetingPoints: { lecture: 5, group: 3 } })
  })

  it('keeps every change of five concurrent edits', async () => {
    const app = await theDemoBranch()
    const types = ['branch_assembly', 'committee', 'group', 'lecture', 'theme_day'] as const
    await Promise.all(types.map((type, i) => app.as(DEMO.secretary).ok('branch.updateSettings', { meetingPoints: { [type]: i + 3 } })))
    const { meetingPoints } = (await app.as(DEMO.member(1)).ok('branch.settings', {})).settings
    expect(types.map((t) => meetingPoints[t])).toEqual([3, 4, 5, 6, 7])
  })
})
