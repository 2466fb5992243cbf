/**
 * Subscription credits and the 党费 register, through the router as each user calls it.
 *
 * The demo branch is seeded at the pinned clock (2026-05-20, a Wednesday) so that its five months
 * of dues history are 2025-12 … 2026-04, everyone confirmed on dues day except the members drifting
 * behind: demo-member-07 has not paid since January (3 months), demo-member-15 since December
 * (4 months) and demo-member-20 missed April. Nobody has paid May yet; May's dues day is the 22nd.
 */
import type { Member } from '../../../types/models'
import { DUES_CATEGORIES, type DuesCategory } from '../domain/dues'
import { failure, theDemoBranch } from '../../../tests/support/app'
import { aBranch, aMember } from '../../../tests/support/builders'
import type { Storage } from '../ports'

const MAY_20 = '2026-05-20T10:00:00+08:00'
const SECRETARY = 'demo-secretary'
const member = (n: number) => `demo-member-${String(n).padStart(2, '0')}`
/** The 核定 amounts of the seed (分): employed 8500 元 → 1.5%; student; retired 6500 元 → 1%; employed 3000.01 元 → 1%. */
const AMOUNT = { [member(1)]: 12750, [member(7)]: 20, [member(15)]: 6500, [member(20)]: 3000 }

/** Another branch with one bound member, to check that nothing crosses branches. */
async function anotherBranch(storage: Storage): Promise<Member> {
  await storage.insert('branches', aBranch('other-branch').named('另一个党支部').build())
  const other = aMember('other-01').inBranch('other-branch').boundTo('other-01').build()
  other.dues = { category: 'employed', base: 400000, amount: 4000 }
  await storage.insert('members', other)
  return other
}

describe('subscription.record', () => {
  it('counts each 允许 as one credit for that template', async () => {
    const { as } = await theDemoBranch()
    const me = as(member(1))
    expect(await me.ok('subscription.record', { results: { meeting_reminder: 'accept' } })).toEqual({
      credits: { meeting_reminder: 1, dues_reminder: 0 },
    })
    expect(await me.ok('subscription.record', { results: { meeting_reminder: 'accept', dues_reminder: 'accept' } })).toEqual({
      credits: { meeting_reminder: 2, dues_reminder: 1 },
    })
    expect(await me.ok('subscription.mine', {})).toEqual({ credits: { meeting_reminder: 2, dues_reminder: 1 } })
  })

  it.each(['reject', 'ban', 'filter'] as const)('adds nothing for %s', async (answer) => {
    const { as, storage } = await theDemoBranch()
    const me = as(member(1))
    expect(await me.ok('subscription.record', { results: { meeting_reminder: answer, dues_reminder: answer } })).toEqual({
      credits: { meeting_reminder: 0, dues_reminder: 0 },
    })
    expect(await me.ok('subscription.record', { results: { meeting_reminder: 'accept', dues_reminder: answer } })).toEqual({
      credits: { meeting_reminder: 1, dues_reminder: 0 },
    })
    expect(await storage.find('credits', { memberId: member(1), kind: 'dues_reminder' })).toEqual([])
  })

  it('counts 20 taps at the same moment exactly', async () => {
    const { as, storage } = await theDemoBranch()
    const me = as(member(1))
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => me.call('subscription.record', { results: { meeting_reminder: 'accept', dues_reminder: 'accept' } })),
    )
    expect(answers.every((a) => a.ok)).toBe(true)
    expect(await me.ok('subscription.mine', {})).toEqual({ credits: { meeting_reminder: 20, dues_reminder: 20 } })
    expect(await storage.count('credits', { memberId: member(1) })).toBe(2)
  })

  it('keeps credits per member and template', async () => {
    const { as } = await theDemoBranch()
    await as(member(1)).ok('subscription.record', { results: { meeting_reminder: 'accept' } })
    await as(member(1)).ok('subscription.record', { results: { meeting_reminder: 'accept' } })
    await as(member(2)).ok('subscription.record', { results: { dues_reminder: 'accept' } })
    expect(await as(member(1)).ok('subscription.mine', {})).toEqual({ credits: { meeting_reminder: 2, dues_reminder: 0 } })
    expect(await as(member(2)).ok('subscription.mine', {})).toEqual({ credits: { meeting_reminder: 0, dues_reminder: 1 } })
    expect(await as(member(3)).ok('subscription.mine', {})).toEqual({ credits: { meeting_reminder: 0, dues_reminder: 0 } })
  })

  it('never lets the client set a count: extra fields are ignored, a number is not an answer', async () => {
    const { as, storage } = await theDemoBranch()
    const me = as(member(1))
    expect(
      await me.raw('subscription.record', {
        results: { meeting_reminder: 'accept', dues_reminder_count: 50 },
        credits: { meeting_reminder: 99, dues_reminder: 99 },
        balance: 99,
      }),
    ).toEqual({ ok: true, data: { credits: { meeting_reminder: 1, dues_reminder: 0 } } })
    expect(await me.raw('subscription.record', { results: { meeting_reminder: 99 } })).toMatchObject(
      failure('INVALID_INPUT', 'results.meeting_reminder'),
    )
    expect(await me.raw('subscription.record', { results: {} })).toMatchObject(failure('INVALID_INPUT', 'results'))
    expect((await storage.find('credits', { memberId: member(1) })).map((c) => [c.kind, c.balance])).toEqual([['meeting_reminder', 1]])
  })

  it('is for members only', async () => {
    const { as } = await theDemoBranch()
    expect(await as('wx-stranger').call('subscription.record', { results: { meeting_reminder: 'accept' } })).toMatchObject(failure('NOT_MEMBER'))
  })
})

describe('subscription.overview', () => {
  it.each([SECRETARY, 'demo-committee'])('shows %s who can be reached and who has no credit', async (openid) => {
    const { as, storage } = await theDemoBranch()
    await storage.insert('members', aMember('not-joined').named('未绑定党员').build())
    await as(member(1)).ok('subscription.record', { results: { meeting_reminder: 'accept', dues_reminder: 'accept' } })
    await as(member(2)).ok('subscription.record', { results: { dues_reminder: 'accept' } })
    const overview = await as(openid).ok('subscription.overview', {})
    expect(overview.next).toEqual([
      { kind: 'meeting_reminder', title: '主题党日', date: '2026-05-22' },
      { kind: 'dues_reminder', title: '党费缴纳日', date: '2026-05-22' },
    ])
    expect(overview.members).toHaveLength(24)
    const row = (id: string) => overview.members.find((m) => m.memberId === id)
    expect(row(member(1))).toEqual({ memberId: member(1), name: '陈志强', bound: true, credits: { meeting_reminder: 1, dues_reminder: 1 } })
    expect(row(member(2))?.credits).toEqual({ meeting_reminder: 0, dues_reminder: 1 })
    expect(row('not-joined')).toMatchObject({ bound: false, credits: { meeting_reminder: 0, dues_reminder: 0 } })
    const noMeetingCredit = overview.members.filter((m) => m.credits.meeting_reminder === 0).map((m) => m.memberId)
    expect(noMeetingCredit).toHaveLength(23)
    expect(noMeetingCredit).not.toContain(member(1))
  })

  it('looks ahead to next month once this month’s days have passed', async () => {
    const { as } = await theDemoBranch({ at: '2026-05-25T10:00:00+08:00' })
    expect((await as(SECRETARY).ok('subscription.overview', {})).next.map((n) => n.date)).toEqual(['2026-06-26', '2026-06-26'])
  })

  it.each([member(1), 'demo-leader-1'])('is not for %s', async (openid) => {
    const { as } = await theDemoBranch()
    expect(await as(openid).call('subscription.overview', {})).toMatchObject(failure('FORBIDDEN'))
  })
})

describe('dues.setBase', () => {
  it.each<[DuesCategory, { base?: number; amount?: number }, number]>([
    ['employed', { base: 300000 }, 1500],
    ['employed', { base: 300001 }, 3000],
    ['employed', { base: 450000 }, 4500],
    ['employed', { base: 500001 }, 7500],
    ['employed', { base: 1000000 }, 15000],
    ['employed', { base: 1000001 }, 20000],
    ['retired', { base: 500000 }, 2500],
    ['retired', { base: 500001 }, 5000],
    ['student', {}, 20],
    ['unemployed', { base: 900000 }, 20],
    ['subsistence', {}, 20],
    ['farmer', { amount: 50 }, 50],
    ['custom', { amount: 30000 }, 30000],
  ])('%s %j pays %i 分 a month', async (category, money, amount) => {
    const { as, storage } = await theDemoBranch()
    expect(await as(SECRETARY).ok('dues.setBase', { memberId: member(3), category, ...money })).toEqual({ amount })
    const stored = await storage.get('members', member(3))
    expect(stored?.dues).toEqual({
      category,
      ...(category === 'employed' || category === 'retired' ? { base: money.base } : {}),
      amount,
      setAt: MAY_20,
      setBy: SECRETARY,
    })
    const row = (await as(SECRETARY).ok('dues.table', {})).members.find((m) => m.memberId === member(3))
    expect(row).toMatchObject({ category, amount })
  })

  it('covers every category', () => {
    expect([...DUES_CATEGORIES].sort()).toEqual(['custom', 'employed', 'farmer', 'retired', 'student', 'subsistence', 'unemployed'])
  })

  it.each<[DuesCategory, { base?: number; amount?: number }, string]>([
    ['employed', {}, 'base'],
    ['retired', { amount: 5000 }, 'base'],
    ['farmer', {}, 'amount'],
    ['farmer', { amount: 101 }, 'amount'],
    ['farmer', { amount: 19 }, 'amount'],
    ['custom', { base: 500000 }, 'amount'],
    ['custom', { amount: 0 }, 'amount'],
  ])('refuses %s with %j, naming %s, and stores nothing', async (category, money, field) => {
    const { as, storage } = await theDemoBranch()
    const before = await storage.get('members', member(3))
    expect(await as(SECRETARY).call('dues.setBase', { memberId: member(3), category, ...money })).toMatchObject(failure('INVALID_INPUT', field))
    expect(await storage.get('members', member(3))).toEqual(before)
  })

  it.each([
    [{ base: -1 }, 'base'],
    [{ base: 1.5 }, 'base'],
    [{ base: '450000' }, 'base'],
  ])('refuses a base that is not a whole number of 分: %j', async (money, field) => {
    const { as } = await theDemoBranch()
    expect(await as(SECRETARY).raw('dues.setBase', { memberId: member(3), category: 'employed', ...money })).toMatchObject(
      failure('INVALID_INPUT', field),
    )
  })

  it("answers NOT_FOUND for another branch's member, and changes nothing there", async () => {
    const { as, storage } = await theDemoBranch()
    const other = await anotherBranch(storage)
    expect(await as(SECRETARY).call('dues.setBase', { memberId: other.id, category: 'student' })).toMatchObject(failure('NOT_FOUND'))
    expect(await as(SECRETARY).call('dues.setBase', { memberId: 'no-such-member', category: 'student' })).toMatchObject(failure('NOT_FOUND'))
    expect((await storage.get('members', other.id))?.dues).toEqual(other.dues)
  })

  it.each(['demo-committee', 'demo-leader-1', member(3)])('is for the secretary only, not %s', async (openid) => {
    const { as, storage } = await theDemoBranch()
    expect(await as(openid).call('dues.setBase', { memberId: member(3), category: 'student' })).toMatchObject(failure('FORBIDDEN'))
    expect((await storage.get('members', member(3)))?.dues?.category).toBe('employed')
  })
})

describe('dues.status', () => {
  it('lists a member whose amount is not set yet, at 0, so the secretary sees them', async () => {
    const { as, storage } = await theDemoBranch()
    await storage.update('members', member(3), { dues: null })
    const status = await as(SECRETARY).ok('dues.status', { month: '2026-04' })
    expect(status.items).toHaveLength(23)
    expect(status.items.find((i) => i.memberId === member(3))).toMatchObject({ amount: 0 })
  })

  it('shows a member only their own row', async () => {
    const { as } = await theDemoBranch()
    for (const openid of [member(7), 'demo-committee']) {
      const status = await as(openid).ok('dues.status', { month: '2026-04' })
      expect(status.branchView).toBe(false)
      expect(status.items.map((i) => i.memberId)).toEqual([openid])
    }
    expect((await as(member(7)).ok('dues.status', { month: '2026-04' })).items[0]).toEqual({
      memberId: member(7),
      name: '徐海燕',
      amount: 20,
      paid: false,
      unpaidStreak: 3,
    })
  })

  it('shows the secretary the whole branch with totals', async () => {
    const { as } = await theDemoBranch()
    const status = await as(SECRETARY).ok('dues.status', { month: '2026-04' })
    expect(status.branchView).toBe(true)
    expect(status.items).toHaveLength(23)
    const due = status.items.reduce((s, i) => s + i.amount, 0)
    const unpaid = AMOUNT[member(7)] + AMOUNT[member(15)] + AMOUNT[member(20)]
    expect(status.totals).toEqual({ due, collected: due - unpaid, paidCount: 20, unpaidCount: 3, rate: 0.87 })
    expect(status.items.find((i) => i.memberId === member(1))).toEqual({
      memberId: member(1),
      name: '陈志强',
      amount: 12750,
      paid: true,
      paidAt: '2026-04-24',
      paidAmount: 12750,
      state: 'confirmed',
      unpaidStreak: 0,
    })
  })

  it('shows the unpaid streak, so that the secretary sees a member drifting towards 自行脱党 early', async () => {
    const { as } = await theDemoBranch()
    const april = await as(SECRETARY).ok('dues.status', { month: '2026-04' })
    const streaks = Object.fromEntries(april.items.filter((i) => i.unpaidStreak > 0).map((i) => [i.memberId, i.unpaidStreak]))
    expect(streaks).toEqual({ [member(7)]: 3, [member(15)]: 4, [member(20)]: 1 })
    const drifting = april.items.filter((i) => i.unpaidStreak >= 3).map((i) => i.memberId)
    expect(drifting).toEqual([member(7), member(15)])
    // Streaks count from the month the register starts (2025-12), not from before it.
    const december = await as(SECRETARY).ok('dues.status', { month: '2025-12' })
    expect(december.items.every((i) => i.unpaidStreak === 0)).toBe(true)
  })

  it('counts this month as it fills in', async () => {
    const { as } = await theDemoBranch()
    expect((await as(SECRETARY).ok('dues.status', { month: '2026-05' })).totals).toMatchObject({ collected: 0, paidCount: 0, unpaidCount: 23, rate: 0 })
    await as(member(1)).ok('dues.pay', { month: '2026-05' })
    await as(SECRETARY).ok('dues.confirm', { memberId: member(7), month: '2026-05', amount: 100 })
    const may = await as(SECRETARY).ok('dues.status', { month: '2026-05' })
    expect(may.totals).toMatchObject({ collected: 12750 + 100, paidCount: 2, unpaidCount: 21, rate: 0.087 })
    expect(may.items.find((i) => i.memberId === member(1))).toMatchObject({ paid: true, state: 'reported', unpaidStreak: 0 })
    expect(may.items.find((i) => i.memberId === member(15))).toMatchObject({ paid: false, unpaidStreak: 5 })
  })

  it('refuses a month that is not YYYY-MM', async () => {
    const { as } = await theDemoBranch()
    expect(await as(SECRETARY).raw('dues.status', { month: '2026-5' })).toMatchObject(failure('INVALID_INPUT', 'month'))
  })
})

describe('dues.pay', () => {
  it('defaults to the 核定 amount and today', async () => {
    const { as, storage } = await theDemoBranch()
    expect(await as(member(1)).ok('dues.pay', { month: '2026-05' })).toEqual({ month: '2026-05', amount: 12750, paidAt: '2026-05-20', state: 'reported' })
    expect(await storage.get('payments', `${member(1)}:2026-05`)).toMatchObject({
      branchId: 'demo-branch',
      memberId: member(1),
      amount: 12750,
      paidOn: '2026-05-20',
      state: 'reported',
      reportedBy: member(1),
      confirmedBy: null,
    })
  })

  it('takes back-payment up to six months back and refuses the seventh, naming month', async () => {
    const { as, storage } = await theDemoBranch()
    const me = as(member(7))
    expect(await me.ok('dues.pay', { month: '2026-02', paidAt: '2026-05-19' })).toMatchObject({ month: '2026-02', state: 'reported' })
    expect(await me.ok('dues.pay', { month: '2025-11' })).toMatchObject({ month: '2025-11', amount: 20, paidAt: '2026-05-20' })
    expect(await me.call('dues.pay', { month: '2025-10' })).toMatchObject(failure('INVALID_INPUT', 'month'))
    expect(await storage.get('payments', `${member(7)}:2025-10`)).toBeNull()
  })

  it('refuses a future month', async () => {
    const { as, storage } = await theDemoBranch()
    expect(await as(member(1)).call('dues.pay', { month: '2026-06' })).toMatchObject(failure('INVALID_INPUT', 'month'))
    expect(await storage.get('payments', `${member(1)}:2026-06`)).toBeNull()
  })

  it.each([
    ['tomorrow', '2026-05-21'],
    ['before the month began', '2026-04-30'],
    ['not a date', '2026-05-32'],
  ])('refuses a paidAt %s, naming paidAt', async (_when, paidAt) => {
    const { as, storage } = await theDemoBranch()
    expect(await as(member(1)).call('dues.pay', { month: '2026-05', paidAt })).toMatchObject(failure('INVALID_INPUT', 'paidAt'))
    expect(await storage.get('payments', `${member(1)}:2026-05`)).toBeNull()
  })

  it('asks for an amount when none has been set', async () => {
    const { as, storage } = await theDemoBranch()
    await storage.insert('members', aMember('no-dues').boundTo('wx-no-dues').build())
    expect(await as('wx-no-dues').call('dues.pay', { month: '2026-05' })).toMatchObject(failure('INVALID_INPUT', 'amount'))
    expect(await as('wx-no-dues').ok('dues.pay', { month: '2026-05', amount: 500 })).toMatchObject({ amount: 500 })
  })

  it('updates a report that the secretary has not confirmed yet', async () => {
    const { as, storage } = await theDemoBranch()
    await as(member(1)).ok('dues.pay', { month: '2026-05', amount: 13000, paidAt: '2026-05-18' })
    expect(await as(member(1)).ok('dues.pay', { month: '2026-05', amount: 12750 })).toEqual({
      month: '2026-05',
      amount: 12750,
      paidAt: '2026-05-20',
      state: 'reported',
    })
    expect(await storage.get('payments', `${member(1)}:2026-05`)).toMatchObject({ amount: 12750, paidOn: '2026-05-20', state: 'reported' })
  })

  it('answers CONFLICT once the secretary has confirmed the month, and changes nothing', async () => {
    const { as, storage } = await theDemoBranch()
    await as(member(1)).ok('dues.pay', { month: '2026-05' })
    await as(SECRETARY).ok('dues.confirm', { memberId: member(1), month: '2026-05' })
    const confirmed = await storage.get('payments', `${member(1)}:2026-05`)
    expect(await as(member(1)).call('dues.pay', { month: '2026-05', amount: 20000 })).toMatchObject(failure('CONFLICT'))
    expect(await storage.get('payments', `${member(1)}:2026-05`)).toEqual(confirmed)
  })

  it('never undoes a confirmation that lands between reading the report and rewriting it', async () => {
    // The member's second report reads the first (still unconfirmed); the secretary confirms; then
    // the member's write arrives. It must answer CONFLICT, not turn the month back into a report.
    let confirmNow: (() => Promise<unknown>) | null = null
    const { as, storage } = await theDemoBranch({
      storage: (real) =>
        new Proxy(real, {
          get(target, prop) {
            const value = Reflect.get(target, prop, target)
            if (typeof value !== 'function') return value
            return async (...args: unknown[]) => {
              const [collection] = args
              const writesPayment = collection === 'payments' && (prop === 'update' || prop === 'updateWhere')
              if (writesPayment && confirmNow) {
                const confirm = confirmNow
                confirmNow = null
                await confirm()
              }
              return value.apply(target, args)
            }
          },
        }),
    })
    await as(member(1)).ok('dues.pay', { month: '2026-05', amount: 13000 })
    confirmNow = () => as(SECRETARY).ok('dues.confirm', { memberId: member(1), month: '2026-05', amount: 12750 })
    const late = await as(member(1)).call('dues.pay', { month: '2026-05', amount: 20000 })
    expect(confirmNow).toBeNull()
    expect(late).toMatchObject(failure('CONFLICT'))
    expect(await storage.get('payments', `${member(1)}:2026-05`)).toMatchObject({ amount: 12750, state: 'confirmed', confirmedBy: SECRETARY })
  })

  it('keeps one payment per member and month when the same report arrives twice at once', async () => {
    const { as, storage } = await theDemoBranch()
    const answers = await Promise.all([as(member(1)).call('dues.pay', { month: '2026-05' }), as(member(1)).call('dues.pay', { month: '2026-05' })])
    expect(answers.every((a) => a.ok)).toBe(true)
    expect(await storage.count('payments', { memberId: member(1), month: '2026-05' })).toBe(1)
  })
})

describe('dues.confirm', () => {
  it('records a payment nobody reported, at the 核定 amount and today by default', async () => {
    const { as, storage } = await theDemoBranch()
    expect(await as(SECRETARY).ok('dues.confirm', { memberId: member(15), month: '2026-04' })).toEqual({
      month: '2026-04',
      amount: 6500,
      paidAt: '2026-05-20',
      state: 'confirmed',
    })
    expect(await storage.get('payments', `${member(15)}:2026-04`)).toMatchObject({ reportedBy: SECRETARY, confirmedBy: SECRETARY })
    const april = await as(SECRETARY).ok('dues.status', { month: '2026-04' })
    expect(april.items.find((i) => i.memberId === member(15))).toMatchObject({ paid: true, unpaidStreak: 0 })
  })

  it("confirms a member's report as reported, keeping who reported it", async () => {
    const { as, storage } = await theDemoBranch()
    await as(member(1)).ok('dues.pay', { month: '2026-05', amount: 13000, paidAt: '2026-05-19' })
    expect(await as(SECRETARY).ok('dues.confirm', { memberId: member(1), month: '2026-05' })).toEqual({
      month: '2026-05',
      amount: 13000,
      paidAt: '2026-05-19',
      state: 'confirmed',
    })
    expect(await storage.get('payments', `${member(1)}:2026-05`)).toMatchObject({ reportedBy: member(1), confirmedBy: SECRETARY })
  })

  it('corrects a report, and a confirmed month again', async () => {
    const { as, storage } = await theDemoBranch()
    await as(member(1)).ok('dues.pay', { month: '2026-05', amount: 12800 })
    await as(SECRETARY).ok('dues.confirm', { memberId: member(1), month: '2026-05', amount: 12750 })
    expect(await storage.get('payments', `${member(1)}:2026-05`)).toMatchObject({ amount: 12750, paidOn: '2026-05-20', state: 'confirmed' })
    await as(SECRETARY).ok('dues.confirm', { memberId: member(1), month: '2026-05', paidAt: '2026-05-02' })
    expect(await storage.get('payments', `${member(1)}:2026-05`)).toMatchObject({ amount: 12750, paidOn: '2026-05-02', state: 'confirmed' })
  })

  it('refuses a future month and a paidAt in the future', async () => {
    const { as } = await theDemoBranch()
    expect(await as(SECRETARY).call('dues.confirm', { memberId: member(1), month: '2026-06' })).toMatchObject(failure('INVALID_INPUT', 'month'))
    expect(await as(SECRETARY).call('dues.confirm', { memberId: member(1), month: '2026-05', paidAt: '2026-05-21' })).toMatchObject(
      failure('INVALID_INPUT', 'paidAt'),
    )
  })

  it("answers NOT_FOUND for another branch's member", async () => {
    const { as, storage } = await theDemoBranch()
    const other = await anotherBranch(storage)
    expect(await as(SECRETARY).call('dues.confirm', { memberId: other.id, month: '2026-05' })).toMatchObject(failure('NOT_FOUND'))
    expect(await storage.get('payments', `${other.id}:2026-05`)).toBeNull()
  })

  it.each(['demo-committee', member(1)])('is for the secretary only, not %s', async (openid) => {
    const { as } = await theDemoBranch()
    expect(await as(openid).call('dues.confirm', { memberId: member(1), month: '2026-05' })).toMatchObject(failure('FORBIDDEN'))
  })
})

describe('dues.mine', () => {
  it("lists this year's months so far, newest first, with what can still be paid", async () => {
    const { as } = await theDemoBranch()
    const mine = await as(member(7)).ok('dues.mine', {})
    expect(mine).toEqual({
      year: 2026,
      amount: 20,
      category: 'student',
      months: [
        { month: '2026-05', paid: false, canPay: true },
        { month: '2026-04', paid: false, canPay: true },
        { month: '2026-03', paid: false, canPay: true },
        { month: '2026-02', paid: false, canPay: true },
        { month: '2026-01', paid: true, amount: 20, paidAt: '2026-01-23', state: 'confirmed', canPay: false },
      ],
    })
  })

  it('lets a reported month be paid again until it is confirmed', async () => {
    const { as } = await theDemoBranch()
    await as(member(7)).ok('dues.pay', { month: '2026-05' })
    const may = (await as(member(7)).ok('dues.mine', {})).months[0]
    expect(may).toEqual({ month: '2026-05', paid: true, amount: 20, paidAt: '2026-05-20', state: 'reported', canPay: true })
  })

  it('shows a past year, where only the last six months can still be paid', async () => {
    const { as } = await theDemoBranch()
    const months = (await as(member(1)).ok('dues.mine', { year: 2025 })).months
    expect(months).toHaveLength(12)
    expect(months.slice(0, 3)).toEqual([
      { month: '2025-12', paid: true, amount: 12750, paidAt: '2025-12-26', state: 'confirmed', canPay: false },
      { month: '2025-11', paid: false, canPay: true },
      { month: '2025-10', paid: false, canPay: false },
    ])
  })
})

describe('dues.table', () => {
  it('lists every member with category, base (employed and retired only) and amount', async () => {
    const { as } = await theDemoBranch()
    const { members } = await as(SECRETARY).ok('dues.table', {})
    expect(members).toHaveLength(23)
    const row = (id: string) => members.find((m) => m.memberId === id)
    expect(row(member(1))).toEqual({ memberId: member(1), name: '陈志强', category: 'employed', base: 850000, amount: 12750 })
    expect(row(member(7))).toEqual({ memberId: member(7), name: '徐海燕', category: 'student', amount: 20 })
    expect(row(member(15))).toEqual({ memberId: member(15), name: '林淑珍', category: 'retired', base: 650000, amount: 6500 })
  })

  it('shows a member whose dues are not set yet', async () => {
    const { as, storage } = await theDemoBranch()
    await storage.insert('members', aMember('new-member').named('新党员').build())
    const row = (await as(SECRETARY).ok('dues.table', {})).members.find((m) => m.memberId === 'new-member')
    expect(row).toEqual({ memberId: 'new-member', name: '新党员', category: null, amount: null })
  })

  it.each(['demo-committee', member(1)])('is for the secretary only, not %s', async (openid) => {
    const { as } = await theDemoBranch()
    expect(await as(openid).call('dues.table', {})).toMatchObject(failure('FORBIDDEN'))
  })
})
