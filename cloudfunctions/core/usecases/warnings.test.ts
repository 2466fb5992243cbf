/**
 * warnings.list and makeup.clear through the router (CONTRACT §6): dues unpaid and organisational
 * life missed for 3 months or more, 补学 overdue until the secretary clears it, no reminder credit.
 * Removed members have none; members never see anyone's warnings.
 */
import type { WarningItem } from '../../../types/records'
import { DEMO, failure, theDemoBranch, type DemoBranch } from '../../../tests/support/app'
import { storeMeeting, type StoredMeeting } from '../../../tests/support/stored-meetings'

const NOW = '2026-05-20T10:00:00+08:00'
/** May's dues day (the 4th Friday) is 2026-05-22. */
const AFTER_DUES_DAY = '2026-05-23T10:00:00+08:00'

async function warnings(app: DemoBranch, memberId: string, kind: WarningItem['kind']) {
  const { items } = await app.as(DEMO.secretary).ok('warnings.list', {})
  return items.filter((i) => i.memberId === memberId && i.kind === kind)
}

async function aBranch(opts: { at?: string; meetings?: StoredMeeting[] } = {}) {
  const app = await theDemoBranch({ at: opts.at ?? NOW })
  for (const m of opts.meetings ?? []) await storeMeeting(app.storage, m)
  return app
}

const unpay = async (app: DemoBranch, memberId: string, months: string[]) => {
  for (const month of months) await app.storage.remove('payments', `${memberId}:${month}`)
}

describe('dues_unpaid', () => {
  // The demo seed: 07 has not paid Feb–Apr, 15 not Jan–Apr, 20 not April; everyone else is paid up to April.
  it.each<[string, string, string, (app: DemoBranch) => Promise<void>, number | null, RegExp | null]>([
    ['3 months unpaid up to the last dues day passed', NOW, DEMO.member(7), async () => undefined, 3, /连续 3 个月未交党费（2月起）/],
    ['4 months', NOW, DEMO.member(15), async () => undefined, 4, /1月起/],
    ['1 month is no warning', NOW, DEMO.member(20), async () => undefined, null, null],
    ['this month counts once its dues day has passed', AFTER_DUES_DAY, DEMO.member(7), async () => undefined, 4, /2月起/],
    ['…and not before it', NOW, DEMO.member(3), async () => undefined, null, null],
    ['a streak across the year end', NOW, DEMO.member(3), (app) => unpay(app, DEMO.member(3), ['2025-12', '2026-01', '2026-02', '2026-03', '2026-04']), 5, /12月起/],
    ['6 months is the 自行脱党 line', AFTER_DUES_DAY, DEMO.member(15), (app) => unpay(app, DEMO.member(15), ['2025-12']), 6, /自行脱党/],
    ['a payment in between ends the streak', NOW, DEMO.member(3), (app) => unpay(app, DEMO.member(3), ['2025-12', '2026-01', '2026-03', '2026-04']), null, null],
  ])('%s', async (_name, at, memberId, arrange, months, detail) => {
    const app = await aBranch({ at })
    await arrange(app)
    const found = await warnings(app, memberId, 'dues_unpaid')
    if (months === null) return expect(found).toEqual([])
    expect(found).toEqual([{ memberId, name: expect.any(String), kind: 'dues_unpaid', months, detail: expect.stringMatching(detail ?? /never/) }])
  })

  it('a reported payment the secretary has not confirmed yet counts as paid', async () => {
    const app = await aBranch({ at: AFTER_DUES_DAY })
    await app.as(DEMO.member(7)).ok('dues.pay', { month: '2026-03' })
    expect(await warnings(app, DEMO.member(7), 'dues_unpaid')).toEqual([])
  })
})

describe('absent_streak', () => {
  const M5 = DEMO.member(5)
  const M6 = DEMO.member(6)
  /** A held 支部党员大会 on the 10th of each month, member 01 present. */
  const monthly = (months: string[], extra: Partial<StoredMeeting> = {}): StoredMeeting[] =>
    months.map((month) => ({ on: `${month}-10`, present: [DEMO.member(1)], ...extra }))

  it.each<[string, string, StoredMeeting[], string, number | null]>([
    ['missed the last 3 complete months', NOW, monthly(['2026-02', '2026-03', '2026-04']), M5, 3],
    ['attended: none', NOW, monthly(['2026-02', '2026-03', '2026-04']), DEMO.member(1), null],
    ['2 months is no warning', NOW, monthly(['2026-03', '2026-04']), M5, null],
    ['this month does not count until it is over', NOW, monthly(['2026-03', '2026-04', '2026-05']), M5, null],
    ['leave is not a miss', NOW, [...monthly(['2026-02', '2026-04']), { on: '2026-03-10', present: [DEMO.member(1)], onLeave: [M6] }], M6, null],
    ['a month with nothing held ends the streak', NOW, monthly(['2026-01', '2026-02', '2026-04']), M5, null],
    ['a meeting nobody was recorded at was not held', NOW, [...monthly(['2026-02', '2026-04']), { on: '2026-03-10' }], M5, null],
    ['a cancelled meeting was not held', NOW, [...monthly(['2026-02', '2026-04']), { on: '2026-03-10', present: [DEMO.member(1)], cancelled: true }], M5, null],
    ['attending any one meeting of a month is enough', NOW, [...monthly(['2026-02', '2026-03', '2026-04']), { type: 'other', on: '2026-03-20', present: [M5] }], M5, null],
    ['across the year end', '2026-02-10T10:00:00+08:00', monthly(['2025-11', '2025-12', '2026-01']), M5, 3],
    ['6 months', NOW, monthly(['2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04']), M5, 6],
    [
      'a group’s meetings count for its members only',
      NOW,
      monthly(['2026-02', '2026-03', '2026-04'], { type: 'group', scope: { kind: 'group', groupId: DEMO.group2 }, present: [DEMO.member(11)] }),
      DEMO.member(12),
      3,
    ],
    [
      '…not for another group’s',
      NOW,
      monthly(['2026-02', '2026-03', '2026-04'], { type: 'group', scope: { kind: 'group', groupId: DEMO.group2 }, present: [DEMO.member(11)] }),
      M5,
      null,
    ],
  ])('%s', async (_name, at, meetings, memberId, months) => {
    const app = await aBranch({ at, meetings })
    const found = await warnings(app, memberId, 'absent_streak')
    if (months === null) return expect(found).toEqual([])
    expect(found).toEqual([{ memberId, name: expect.any(String), kind: 'absent_streak', months, detail: expect.stringContaining(`连续 ${months} 个月未参加组织生活`) }])
  })
})

describe('makeup_overdue and makeup.clear', () => {
  /** Held 2026-05-05 (补学 due 05-12): 01 present, 02 absent, 03 absent but did the 补学. */
  async function anOverdueMakeup() {
    const app = await aBranch()
    const meeting = await storeMeeting(app.storage, { on: '2026-05-05', title: '五月支部党员大会', present: [DEMO.member(1)] })
    await app.storage.insert('makeups', { id: `${meeting.id}:${DEMO.member(3)}`, branchId: DEMO.branchId, meetingId: meeting.id, memberId: DEMO.member(3), note: null, completedAt: '2026-05-08T20:00:00+08:00' })
    return { app, meeting }
  }

  it('warns of a 补学 past its 7-day deadline and not done, naming the meeting', async () => {
    const { app, meeting } = await anOverdueMakeup()
    expect(await warnings(app, DEMO.member(2), 'makeup_overdue')).toEqual([
      { memberId: DEMO.member(2), name: expect.any(String), kind: 'makeup_overdue', meetingId: meeting.id, detail: expect.stringContaining('「五月支部党员大会」的补学期限 5月12日（周二） 已过') },
    ])
    expect(await warnings(app, DEMO.member(1), 'makeup_overdue')).toEqual([])
    expect(await warnings(app, DEMO.member(3), 'makeup_overdue')).toEqual([])
  })

  it.each<[string, StoredMeeting]>([
    ['not before the deadline', { on: '2026-05-15', present: [DEMO.member(1)] }],
    ['not for a 支委会 (no 补学 owed)', { type: 'committee', on: '2026-05-05', present: [DEMO.secretary] }],
  ])('%s', async (_name, m) => {
    const app = await aBranch({ meetings: [m] })
    expect(await warnings(app, DEMO.member(2), 'makeup_overdue')).toEqual([])
  })

  it('stays until the secretary clears it with a reason, which is kept (who, when, why)', async () => {
    const { app, meeting } = await anOverdueMakeup()
    const owedBy2 = async () => [
      (await app.as(DEMO.member(2)).ok('makeup.mine', {})).tasks.filter((t) => t.meetingId === meeting.id),
      (await app.as(DEMO.secretary).ok('makeup.overview', {})).owed.flatMap((o) => o.members).filter((m) => m.memberId === DEMO.member(2)),
    ]
    expect(await owedBy2()).toEqual([[expect.objectContaining({ overdue: true })], [expect.objectContaining({ overdue: true })]])
    expect(await app.as(DEMO.secretary).ok('makeup.clear', { meetingId: meeting.id, memberId: DEMO.member(2), reason: '因病住院，出院后已当面补课' })).toEqual({ clearedAt: NOW })
    expect(await warnings(app, DEMO.member(2), 'makeup_overdue')).toEqual([])
    expect(await owedBy2()).toEqual([[], []])
    expect(await app.storage.get('makeupClearances', `${meeting.id}:${DEMO.member(2)}`)).toMatchObject({ by: DEMO.secretary, at: NOW, reason: '因病住院，出院后已当面补课' })
    // A second clear answers the first; the member still cannot complete it late.
    app.clock.set('2026-05-21T10:00:00+08:00')
    expect(await app.as(DEMO.secretary).ok('makeup.clear', { meetingId: meeting.id, memberId: DEMO.member(2), reason: '再次确认' })).toEqual({ clearedAt: NOW })
    expect(await app.as(DEMO.member(2)).call('makeup.complete', { meetingId: meeting.id })).toMatchObject(failure('CONFLICT', '补学已过期限'))
  })

  it.each<[string, string, string, unknown]>([
    ['the secretary’s own 补学', DEMO.secretary, DEMO.secretary, failure('FORBIDDEN', '不能免除自己的补学')],
    ['a member who attended', DEMO.secretary, DEMO.member(1), failure('CONFLICT', '没有欠')],
    ['a member who did the 补学', DEMO.secretary, DEMO.member(3), failure('CONFLICT', '没有欠')],
    ['a member of no branch of ours', DEMO.secretary, 'no-such-member', failure('NOT_FOUND')],
    ['by a committee member', DEMO.committee, DEMO.member(2), failure('FORBIDDEN')],
  ])('refuses %s and stores nothing', async (_name, by, memberId, expected) => {
    const { app, meeting } = await anOverdueMakeup()
    expect(await app.as(by).call('makeup.clear', { meetingId: meeting.id, memberId, reason: '已当面补课' })).toMatchObject(expected as object)
    expect(await app.storage.find('makeupClearances', {})).toEqual([])
  })

  it('refuses to clear before the deadline', async () => {
    const app = await aBranch()
    const meeting = await storeMeeting(app.storage, { on: '2026-05-15', present: [DEMO.member(1)] })
    expect(await app.as(DEMO.secretary).call('makeup.clear', { meetingId: meeting.id, memberId: DEMO.member(2), reason: '已当面补课' })).toMatchObject(failure('CONFLICT', '还没有过期限'))
  })
})

describe('no_credits', () => {
  it('warns of a bound member with no reminder credit for either template, not of one with a credit', async () => {
    const app = await aBranch()
    await app.as(DEMO.member(4)).ok('subscription.record', { results: { dues_reminder: 'accept' } })
    expect(await warnings(app, DEMO.member(3), 'no_credits')).toEqual([{ memberId: DEMO.member(3), name: expect.any(String), kind: 'no_credits', detail: expect.stringContaining('订阅提醒') }])
    expect(await warnings(app, DEMO.member(4), 'no_credits')).toEqual([])
  })

  it('does not warn of an unbound member (no phone to remind)', async () => {
    const app = await aBranch()
    await app.as(DEMO.secretary).ok('member.unbind', { memberId: DEMO.member(3) })
    expect(await warnings(app, DEMO.member(3), 'no_credits')).toEqual([])
  })
})

describe('warnings.list', () => {
  it('has nothing for a removed member, whatever they missed', async () => {
    const app = await aBranch({ meetings: [{ on: '2026-02-10', present: [DEMO.member(1)] }, { on: '2026-03-10', present: [DEMO.member(1)] }, { on: '2026-04-10', present: [DEMO.member(1)] }] })
    expect((await app.as(DEMO.secretary).ok('warnings.list', {})).items.some((i) => i.memberId === DEMO.member(15))).toBe(true)
    await app.as(DEMO.secretary).ok('member.remove', { memberId: DEMO.member(15), reason: 'transfer_out' })
    expect((await app.as(DEMO.secretary).ok('warnings.list', {})).items.filter((i) => i.memberId === DEMO.member(15))).toEqual([])
  })

  it('lists dues first, the longest streak first; a member sees no one’s warnings, not even their own', async () => {
    const app = await aBranch()
    const { items } = await app.as(DEMO.committee).ok('warnings.list', {})
    expect(items.slice(0, 2).map((i) => [i.memberId, i.kind, i.months])).toEqual([
      [DEMO.member(15), 'dues_unpaid', 4],
      [DEMO.member(7), 'dues_unpaid', 3],
    ])
    expect(await app.as(DEMO.member(7)).call('warnings.list', {})).toMatchObject(failure('FORBIDDEN'))
    expect(await app.as(DEMO.leader1).call('warnings.list', {})).toMatchObject(failure('FORBIDDEN'))
  })

  it('reads the same number of times for a small branch as for a large one', async () => {
    const trips = async (app: DemoBranch) => {
      const before = app.storage.roundTrips
      await app.as(DEMO.secretary).ok('warnings.list', {})
      return app.storage.roundTrips - before
    }
    const small = await aBranch({ meetings: [{ on: '2026-04-10', present: [DEMO.member(1)] }] })
    const large = await aBranch({
      meetings: Array.from({ length: 40 }, (_, i) => ({ on: `2026-0${1 + (i % 4)}-${String(1 + (i % 28)).padStart(2, '0')}`, present: [DEMO.member(1), DEMO.member(2)], onLeave: [DEMO.member(3)] })),
    })
    for (let i = 0; i < 80; i++) {
      await large.storage.insert('members', { id: `extra-${i}`, branchId: DEMO.branchId, openid: `wx-extra-${i}`, name: `党员${i}`, roles: ['member'], groupId: DEMO.group1, standing: 'full', active: true, dues: null })
    }
    expect(await trips(large)).toBe(await trips(small))
    expect(await trips(large)).toBeLessThanOrEqual(10)
  })
})
