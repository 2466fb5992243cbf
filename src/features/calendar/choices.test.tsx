import type { CalendarSettings } from '../../../types/views'
import { wheelsFor } from './choices'

const CAL: CalendarSettings = {
  themeDayRule: { kind: 'nth_weekday', n: 4, weekday: 5 },
  duesDayRule: { kind: 'nth_weekday', n: 4, weekday: 5 },
  themeDayOverrides: { '2026-12': '2026-12-18' },
  duesDayOverrides: {},
  reminderTimes: { dayBefore: '18:00', morningOf: '08:00' },
  duesSince: '2026-01',
  fixWindowDays: 30,
}
const TODAY = '2026-12-02'
const RULE_DATES = { 'theme:2026-12': '2026-12-25', 'dues:2026-12': '2026-12-25' }

describe('the 日程与提醒 wheels', () => {
  it('a rule is two wheels, and a pick sends that rule alone', () => {
    const w = wheelsFor({ what: 'themeDayRule' }, CAL, TODAY, RULE_DATES)
    expect(w.title).toBe('主题党日：每月第4个周五')
    expect(w.value).toEqual(['4', '5'])
    expect(w.change(['last', '3'])).toEqual({ themeDayRule: { kind: 'last_weekday', weekday: 3 } })
  })

  it('a month offers 按规则 and its days from today, starting at the day set by hand', () => {
    const w = wheelsFor({ what: 'month', day: 'theme', month: '2026-12' }, CAL, TODAY, RULE_DATES)
    expect(w.options[0][0]).toEqual({ label: '按规则（12月25日（周五））', value: 'rule' })
    expect(w.options[0][1]).toEqual({ label: '12月2日（周三）', value: '2026-12-02' })
    expect(w.options[0]).toHaveLength(1 + 30)
    expect(w.value).toEqual(['2026-12-18'])
    expect(w.change(['rule'])).toEqual({ themeDayOverride: { month: '2026-12', date: null } })
    expect(wheelsFor({ what: 'month', day: 'dues', month: '2026-12' }, CAL, TODAY, RULE_DATES).change(['2026-12-28'])).toEqual({
      duesDayOverride: { month: '2026-12', date: '2026-12-28' },
    })
  })

  it('a reminder time keeps the other one as it is', () => {
    const w = wheelsFor({ what: 'morningOf' }, CAL, TODAY, RULE_DATES)
    expect(w.options[0].map((o) => o.value)).toEqual(['06:00', '06:30', '07:00', '07:30', '08:00', '08:30', '09:00', '09:30', '10:00', '10:30', '11:00'])
    expect(w.change(['07:30'])).toEqual({ reminderTimes: { dayBefore: '18:00', morningOf: '07:30' } })
  })

  it('the register’s first month and the fix window', () => {
    const since = wheelsFor({ what: 'duesSince' }, CAL, TODAY, RULE_DATES)
    expect(since.options[0][0]).toEqual({ label: '2026年12月', value: '2026-12' })
    expect(since.change(['2026-03'])).toEqual({ duesSince: '2026-03' })
    expect(wheelsFor({ what: 'fixWindowDays' }, CAL, TODAY, RULE_DATES).change(['14'])).toEqual({ fixWindowDays: 14 })
  })
})
