/**
 * 主题党日 and 党费缴纳日: "每月第4周周五" by default, moved off statutory holidays.
 * Expected dates were worked out from the calendar by hand (the weekday of each 1st, then
 * 1st Friday + 21 days), not by calling the code; the holiday cross-check reads
 * chinese-days' own tables.
 */
import chineseDays from 'chinese-days/dist/chinese-days.json'
import type { BranchSchedule, DayRule } from '../../../types/models'
import { holidayName, isWorkday } from './holidays'
import { DEFAULT_DAY_RULE, DEFAULT_SCHEDULE, monthSchedule, ruleDate, scheduledDay, shiftToWorkday } from './schedule'
import { isRealDate, isoWeekday } from '../../../src/domain/time'

const fourthFriday = DEFAULT_DAY_RULE
const fridayOfWeek4: DayRule = { kind: 'week_of_month', week: 4, weekday: 5 }
const lastWednesday: DayRule = { kind: 'last_weekday', weekday: 3 }
const lastFriday: DayRule = { kind: 'last_weekday', weekday: 5 }

const statutoryHoliday = (date: string) => Object.prototype.hasOwnProperty.call(chineseDays.holidays, date)
const makeUpWorkday = (date: string) => Object.prototype.hasOwnProperty.call(chineseDays.workdays, date)

function aSchedule(overrides: Partial<BranchSchedule> = {}): BranchSchedule {
  return { ...structuredClone(DEFAULT_SCHEDULE), ...overrides }
}

// month, weekday of the 1st, 4th Friday, shifted to (null: not shifted)
const FOURTH_FRIDAYS: Array<[string, string, string, string | null]> = [
  ['2025-01', 'Wed', '2025-01-24', null],
  ['2025-02', 'Sat', '2025-02-28', null],
  ['2025-03', 'Sat', '2025-03-28', null],
  ['2025-04', 'Tue', '2025-04-25', null],
  ['2025-05', 'Thu', '2025-05-23', null],
  ['2025-06', 'Sun', '2025-06-27', null],
  ['2025-07', 'Tue', '2025-07-25', null],
  ['2025-08', 'Fri', '2025-08-22', null],
  ['2025-09', 'Mon', '2025-09-26', null],
  ['2025-10', 'Wed', '2025-10-24', null],
  ['2025-11', 'Sat', '2025-11-28', null],
  ['2025-12', 'Mon', '2025-12-26', null],
  ['2026-01', 'Thu', '2026-01-23', null],
  ['2026-02', 'Sun', '2026-02-27', null],
  ['2026-03', 'Sun', '2026-03-27', null],
  ['2026-04', 'Wed', '2026-04-24', null],
  ['2026-05', 'Fri', '2026-05-22', null],
  ['2026-06', 'Mon', '2026-06-26', null],
  ['2026-07', 'Wed', '2026-07-24', null],
  ['2026-08', 'Sat', '2026-08-28', null],
  ['2026-09', 'Tue', '2026-09-25', '2026-09-24'], // 09-25 is 中秋
  ['2026-10', 'Thu', '2026-10-23', null],
  ['2026-11', 'Sun', '2026-11-27', null],
  ['2026-12', 'Tue', '2026-12-25', null],
]

describe('the default rule: the 4th Friday of the month', () => {
  it('is the default for both days', () => {
    expect(fourthFriday).toEqual({ kind: 'nth_weekday', n: 4, weekday: 5 })
    expect(DEFAULT_SCHEDULE.themeDayRule).toEqual(fourthFriday)
    expect(DEFAULT_SCHEDULE.duesDayRule).toEqual(fourthFriday)
  })

  it.each(FOURTH_FRIDAYS)('%s (1st is a %s): %s, shifted to %s', (month, _first, friday, shiftedTo) => {
    const s = monthSchedule(month, aSchedule())
    const expected = { date: shiftedTo ?? friday, shifted: shiftedTo !== null, ruleDate: friday, overridden: false }
    expect(s.themeDay).toEqual(expected)
    expect(s.duesDay).toEqual(expected)
    expect(s.holidayDataKnown).toBe(true)
  })

  it('falls between the 22nd and the 28th, on a Friday', () => {
    for (const [, , friday] of FOURTH_FRIDAYS) {
      expect(isoWeekday(friday)).toBe(5)
      expect(Number(friday.slice(8))).toBeGreaterThanOrEqual(22)
      expect(Number(friday.slice(8))).toBeLessThanOrEqual(28)
    }
  })

  it('is shifted in exactly the months whose 4th Friday is a statutory holiday in chinese-days', () => {
    const holidayFridays = FOURTH_FRIDAYS.filter(([, , friday]) => statutoryHoliday(friday)).map(([month]) => month)
    const shiftedMonths = FOURTH_FRIDAYS.filter(([month]) => monthSchedule(month, aSchedule()).themeDay.shifted).map(
      ([month]) => month,
    )
    expect(holidayFridays).toEqual(['2026-09'])
    expect(shiftedMonths).toEqual(holidayFridays)
  })

  it('moves 2026-09-25 (中秋) to Thursday 2026-09-24, the nearest earlier workday', () => {
    expect(holidayName('2026-09-25')).toBe('中秋')
    expect(statutoryHoliday('2026-09-24')).toBe(false)
    expect(monthSchedule('2026-09', aSchedule()).themeDay).toMatchObject({ date: '2026-09-24', shifted: true })
  })

  it('keeps 2025-10-24, a workday after the National Day week', () => {
    expect(isWorkday('2025-10-24')).toBe(true)
    expect(monthSchedule('2025-10', aSchedule()).themeDay).toMatchObject({ date: '2025-10-24', shifted: false })
  })
})

describe('the other reading: the Friday of the 4th Monday-start week', () => {
  // Week 1 is the Monday-start week holding the 1st, so when the 1st is a Saturday or a
  // Sunday that week's Friday is in the month before and week 4's Friday comes a week earlier.
  it.each([
    ['2026-02', '2026-02-20'],
    ['2026-03', '2026-03-20'],
    ['2026-08', '2026-08-21'],
    ['2026-11', '2026-11-20'],
  ])('differs from the 4th Friday in %s: %s', (month, date) => {
    expect(ruleDate(month, fridayOfWeek4)).toBe(date)
    expect(ruleDate(month, fourthFriday)).not.toBe(date)
  })

  it('agrees with the 4th Friday in every other month of 2026', () => {
    const differing = FOURTH_FRIDAYS.filter(([month]) => month.startsWith('2026'))
      .filter(([month, , friday]) => ruleDate(month, fridayOfWeek4) !== friday)
      .map(([month]) => month)
    expect(differing).toEqual(['2026-02', '2026-03', '2026-08', '2026-11'])
  })

  it('moves 2026-02-20 (春节) back over the whole holiday to Saturday 02-14, a make-up workday', () => {
    expect(makeUpWorkday('2026-02-14')).toBe(true)
    expect(monthSchedule('2026-02', aSchedule({ themeDayRule: fridayOfWeek4 })).themeDay).toEqual({
      date: '2026-02-14',
      shifted: true,
      ruleDate: '2026-02-20',
      overridden: false,
    })
  })
})

describe('the last given weekday of the month', () => {
  it.each([
    ['2026-09', lastWednesday, '2026-09-30'],
    ['2025-12', lastWednesday, '2025-12-31'],
    ['2026-02', lastWednesday, '2026-02-25'],
    ['2026-01', lastFriday, '2026-01-30'],
    ['2026-05', lastFriday, '2026-05-29'],
    ['2026-10', lastFriday, '2026-10-30'],
  ])('%s: %j → %s', (month, rule, date) => {
    expect(ruleDate(month, rule)).toBe(date)
  })

  it('is shifted too: the last Wednesday of 2025-01 is 01-29 (春节), so 01-27', () => {
    expect(holidayName('2025-01-29')).toBe('春节')
    expect(scheduledDay('2025-01', lastWednesday, {})).toEqual({
      date: '2025-01-27',
      shifted: true,
      ruleDate: '2025-01-29',
      overridden: false,
    })
  })
})

describe('a fixed day of the month', () => {
  it('stays on a Saturday that is a make-up workday (2026-02-28)', () => {
    expect(makeUpWorkday('2026-02-28')).toBe(true)
    expect(scheduledDay('2026-02', { kind: 'day_of_month', day: 28 }, {})).toMatchObject({
      date: '2026-02-28',
      shifted: false,
    })
  })

  it('moves off an ordinary weekend to the Friday before', () => {
    expect(scheduledDay('2026-04', { kind: 'day_of_month', day: 26 }, {})).toMatchObject({
      date: '2026-04-24',
      shifted: true,
      ruleDate: '2026-04-26',
    })
  })

  it('may move into the month before: 2026-10-01 (国庆) → 2026-09-30', () => {
    expect(scheduledDay('2026-10', { kind: 'day_of_month', day: 1 }, {})).toMatchObject({
      date: '2026-09-30',
      shifted: true,
      ruleDate: '2026-10-01',
    })
  })
})

describe('a single month set by hand', () => {
  const schedule = aSchedule({ themeDayOverrides: { '2026-09': '2026-09-29' } })

  it('wins over the rule and is never shifted', () => {
    expect(monthSchedule('2026-09', schedule).themeDay).toEqual({
      date: '2026-09-29',
      shifted: false,
      ruleDate: '2026-09-25',
      overridden: true,
    })
  })

  it('changes only that day of that month', () => {
    expect(monthSchedule('2026-09', schedule).duesDay).toMatchObject({ date: '2026-09-24', overridden: false })
    expect(monthSchedule('2026-10', schedule).themeDay).toMatchObject({ date: '2026-10-23', overridden: false })
  })

  it('is kept even on a holiday, because the branch chose it', () => {
    const onHoliday = aSchedule({ duesDayOverrides: { '2026-10': '2026-10-01' } })
    expect(monthSchedule('2026-10', onHoliday).duesDay).toMatchObject({ date: '2026-10-01', shifted: false, overridden: true })
  })
})

describe('a year the holiday data does not cover', () => {
  it.each([
    ['2027-01', '2027-01-22'],
    ['2027-10', '2027-10-22'],
  ])('%s: the 4th Friday %s, not shifted, and holidayDataKnown is false', (month, friday) => {
    const s = monthSchedule(month, aSchedule())
    expect(s.holidayDataKnown).toBe(false)
    expect(s.themeDay).toEqual({ date: friday, shifted: false, ruleDate: friday, overridden: false })
    expect(s.duesDay).toEqual(s.themeDay)
  })

  it('is not silently treated as covered', () => {
    expect(shiftToWorkday('2027-10-01')).toEqual({ date: '2027-10-01', shifted: false })
  })
})

describe('invalid dates', () => {
  const rules: DayRule[] = [
    fourthFriday,
    { kind: 'nth_weekday', n: 1, weekday: 1 },
    { kind: 'nth_weekday', n: 4, weekday: 7 },
    fridayOfWeek4,
    { kind: 'week_of_month', week: 1, weekday: 1 },
    { kind: 'week_of_month', week: 5, weekday: 7 },
    lastWednesday,
    { kind: 'last_weekday', weekday: 7 },
    { kind: 'day_of_month', day: 1 },
    { kind: 'day_of_month', day: 28 },
    { kind: 'day_of_month', day: 31 },
  ]
  const months: string[] = []
  for (let y = 2004; y <= 2027; y++) for (let m = 1; m <= 12; m++) months.push(`${y}-${String(m).padStart(2, '0')}`)

  it('never come out of a rule: every rule date is a real date inside its month', () => {
    for (const month of months) {
      for (const rule of rules) {
        const date = ruleDate(month, rule)
        if (!isRealDate(date) || !date.startsWith(month)) throw new Error(`${JSON.stringify(rule)} in ${month} gave ${date}`)
      }
    }
  })

  it('never come out of a shift: every shifted date is a real workday', () => {
    for (const month of months.filter((m) => m < '2027')) {
      for (const rule of rules) {
        const { date } = scheduledDay(month, rule, {})
        if (!isRealDate(date) || !isWorkday(date)) throw new Error(`${JSON.stringify(rule)} in ${month} gave ${date}`)
      }
    }
  })

  it.each([
    ['2026-02', '2026-02-28'],
    ['2024-02', '2024-02-29'],
    ['2026-04', '2026-04-30'],
  ])('a day past the end of %s becomes its last day, %s', (month, last) => {
    expect(ruleDate(month, { kind: 'day_of_month', day: 31 })).toBe(last)
  })
})
