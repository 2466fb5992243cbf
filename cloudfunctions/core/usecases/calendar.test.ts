/**
 * The secretary's calendar settings: the monthly days' rule and single-month dates, reminder times,
 * the dues register's first month and the window for fixing a meeting's record. The demo branch at
 * 2026-05-20: May's 主题党日 is Friday 05-22 (the 4th Friday), June's is 06-26.
 */
import { DEMO, failure, theDemoBranch } from '../../../tests/support/app'
import { readsTogether } from '../../../tests/support/faults'
import { themeDayId } from '../records/ids'

const LAST_WEDNESDAY = { kind: 'last_weekday', weekday: 3 } as const

async function aBranchWithItsThemeDays() {
  const app = await theDemoBranch()
  const secretary = app.as(DEMO.secretary)
  // Listing meetings makes this and next month's 主题党日.
  await secretary.ok('meeting.list', {})
  const themeDayOf = async (month: string) => (await app.storage.get('meetings', themeDayId(DEMO.branchId, month)))!
  return { app, secretary, themeDayOf }
}

describe('the 主题党日 rule and single-month dates', () => {
  it('a new rule moves the days of every month and the generated meetings still on their old day', async () => {
    const { app, secretary, themeDayOf } = await aBranchWithItsThemeDays()
    const { calendar } = await secretary.ok('branch.updateCalendar', { themeDayRule: LAST_WEDNESDAY })
    expect(calendar.themeDayRule).toEqual(LAST_WEDNESDAY)
    expect((await app.as(DEMO.member(1)).ok('schedule.month', { month: '2026-07' })).themeDay.date).toBe('2026-07-29')
    expect(await themeDayOf('2026-05')).toMatchObject({ startAt: '2026-05-27T14:30:00+08:00', endAt: '2026-05-27T16:30:00+08:00' })
    expect(await themeDayOf('2026-06')).toMatchObject({ startAt: '2026-06-24T14:30:00+08:00' })
    // The dues day keeps its own rule.
    expect((await app.as(DEMO.member(1)).ok('schedule.month', { month: '2026-05' })).duesDay.date).toBe('2026-05-22')
  })

  it('one month set by hand, then back to the rule', async () => {
    const { app, secretary, themeDayOf } = await aBranchWithItsThemeDays()
    await secretary.ok('branch.updateCalendar', { themeDayOverride: { month: '2026-06', date: '2026-06-19' } })
    expect((await app.as(DEMO.member(1)).ok('schedule.month', { month: '2026-06' })).themeDay).toMatchObject({ date: '2026-06-19', overridden: true })
    expect(await themeDayOf('2026-06')).toMatchObject({ startAt: '2026-06-19T14:30:00+08:00' })
    const { calendar } = await secretary.ok('branch.updateCalendar', { themeDayOverride: { month: '2026-06', date: null } })
    expect(calendar.themeDayOverrides).toEqual({})
    expect((await app.as(DEMO.member(1)).ok('schedule.month', { month: '2026-06' })).themeDay).toMatchObject({ date: '2026-06-26', overridden: false })
    expect(await themeDayOf('2026-06')).toMatchObject({ startAt: '2026-06-26T14:30:00+08:00' })
  })

  it('leaves a meeting moved by hand where it was put', async () => {
    const { secretary, themeDayOf } = await aBranchWithItsThemeDays()
    await secretary.ok('meeting.update', { meetingId: themeDayId(DEMO.branchId, '2026-06'), startAt: '2026-06-12T09:00:00+08:00', endAt: '2026-06-12T11:00:00+08:00' })
    await secretary.ok('branch.updateCalendar', { themeDayRule: LAST_WEDNESDAY })
    expect(await themeDayOf('2026-06')).toMatchObject({ startAt: '2026-06-12T09:00:00+08:00' })
  })

  it('sets the dues day apart from the 主题党日', async () => {
    const { app, secretary } = await aBranchWithItsThemeDays()
    await secretary.ok('branch.updateCalendar', { duesDayOverride: { month: '2026-05', date: '2026-05-29' } })
    const may = await app.as(DEMO.member(1)).ok('schedule.month', { month: '2026-05' })
    expect([may.themeDay.date, may.duesDay.date]).toEqual(['2026-05-22', '2026-05-29'])
  })

  it.each([
    [{ themeDayOverride: { month: '2026-06', date: '2026-07-03' } }, 'themeDayOverride.date', '月份之内'],
    [{ themeDayOverride: { month: '2026-05', date: '2026-05-19' } }, 'themeDayOverride.date', '今天以前'],
    [{ duesDayOverride: { month: '2026-04', date: null } }, 'duesDayOverride.month', '已经过去'],
    [{ themeDayRule: { kind: 'nth_weekday', n: 5, weekday: 5 } }, 'themeDayRule.n', '第 1–4 个'],
    [{ themeDayRule: { kind: 'day_of_month', day: 31 } }, 'themeDayRule.day', '不能大于 28'],
    [{ reminderTimes: { dayBefore: '23:30', morningOf: '08:00' } }, 'reminderTimes.dayBefore', '12:00 到 22:00'],
    [{ reminderTimes: { dayBefore: '18:00', morningOf: '8:00' } }, 'reminderTimes.morningOf', 'HH:mm'],
    [{ duesSince: '2026-06' }, 'duesSince', '不能晚于本月'],
    [{ fixWindowDays: 0 }, 'fixWindowDays', '不能小于 1'],
  ])('refuses %j (INVALID_INPUT on %s) and changes nothing', async (payload, field, words) => {
    const { app, secretary } = await aBranchWithItsThemeDays()
    const before = await app.storage.get('branches', DEMO.branchId)
    const answer = await secretary.raw('branch.updateCalendar', payload)
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field, detail: expect.stringContaining(words) } })
    expect(await app.storage.get('branches', DEMO.branchId)).toEqual(before)
  })

  it('is the secretary’s alone', async () => {
    const { app } = await aBranchWithItsThemeDays()
    expect(await app.as(DEMO.committee).call('branch.updateCalendar', { fixWindowDays: 7 })).toEqual(failure('FORBIDDEN'))
    expect(await app.as(DEMO.member(1)).call('branch.calendar', {})).toEqual(failure('FORBIDDEN'))
  })
})

describe('reminder times, the register’s first month and the fix window', () => {
  it('answers the defaults before anything is set', async () => {
    const { secretary } = await aBranchWithItsThemeDays()
    expect((await secretary.ok('branch.calendar', {})).calendar).toMatchObject({
      themeDayRule: { kind: 'nth_weekday', n: 4, weekday: 5 },
      reminderTimes: { dayBefore: '18:00', morningOf: '08:00' },
      fixWindowDays: 30,
    })
  })

  it('the dues register starts at the month set', async () => {
    const { secretary } = await aBranchWithItsThemeDays()
    await secretary.ok('branch.updateCalendar', { duesSince: '2026-03' })
    expect((await secretary.ok('branch.calendar', {})).calendar.duesSince).toBe('2026-03')
  })

  it('a shorter fix window closes 补签 sooner', async () => {
    const { app, secretary, themeDayOf } = await aBranchWithItsThemeDays()
    await secretary.ok('branch.updateCalendar', { fixWindowDays: 7 })
    const may = await themeDayOf('2026-05')
    app.clock.set('2026-05-30T17:00:00+08:00')
    expect(await secretary.call('checkin.manual', { meetingId: may.id, memberId: DEMO.member(3), reason: '手机没电没能扫码' })).toEqual(failure('CHECKIN_CLOSED', '超过 7 天'))
  })

  it('keeps both changes of two edits at once, with the study settings beside them', async () => {
    // All three read the branch before any writes it.
    const app = await theDemoBranch({ storage: readsTogether('branches', 3) })
    const secretary = app.as(DEMO.secretary)
    const answers = await Promise.all([
      secretary.call('branch.updateCalendar', { reminderTimes: { dayBefore: '20:00', morningOf: '07:30' } }),
      secretary.call('branch.updateCalendar', { fixWindowDays: 14 }),
      secretary.call('branch.updateSettings', { targetHours: 40 }),
    ])
    expect(answers.map((a) => a.ok)).toEqual([true, true, true])
    expect((await secretary.ok('branch.calendar', {})).calendar).toMatchObject({ reminderTimes: { dayBefore: '20:00', morningOf: '07:30' }, fixWindowDays: 14 })
    expect((await secretary.ok('branch.settings', {})).settings.targetHours).toBe(40)
  })
})
