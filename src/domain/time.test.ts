/**
 * Calendar time in Asia/Shanghai. `npm test` runs this suite under TZ=Asia/Shanghai and again
 * under TZ=UTC (where cloud functions run): every answer must be the same in both.
 */
import { fixedClock } from '../../tests/support/clock'
import {
  addDays,
  calendarDay,
  daysInMonth,
  formatDateZh,
  inShanghai,
  isoWeekday,
  isRealDate,
  shanghaiDate,
  shanghaiMonth,
  toShanghaiIso,
} from './time'

describe('the date in Shanghai', () => {
  it('is already the next day at 23:30 UTC', () => {
    const clock = fixedClock('2026-05-21T23:30:00Z')
    expect(shanghaiDate(clock.now())).toBe('2026-05-22')
  })

  it.each([
    ['2026-05-21T15:59:59.999Z', '2026-05-21'],
    ['2026-05-21T16:00:00.000Z', '2026-05-22'],
    ['2026-05-22T00:00:00+08:00', '2026-05-22'],
    ['2026-05-21T23:59:59+08:00', '2026-05-21'],
    ['2026-05-22T08:00:00+08:00', '2026-05-22'],
  ])('at %s is %s', (instant, date) => {
    expect(shanghaiDate(fixedClock(instant).now())).toBe(date)
  })

  it('turns the month and the year at Shanghai midnight, eight hours before UTC does', () => {
    const clock = fixedClock('2025-12-31T16:30:00Z')
    expect(shanghaiDate(clock.now())).toBe('2026-01-01')
    expect(shanghaiMonth(clock.now())).toBe('2026-01')
    expect(inShanghai(clock.now()).year()).toBe(2026)

    clock.set('2025-12-31T15:30:00Z')
    expect(shanghaiMonth(clock.now())).toBe('2025-12')
    expect(inShanghai(clock.now()).year()).toBe(2025)
  })

  it('reads the wall clock in Shanghai', () => {
    const t = inShanghai(fixedClock('2026-09-24T01:05:00Z').now())
    expect([t.hour(), t.minute(), t.date()]).toEqual([9, 5, 24])
  })

  it('accepts a Date, an ISO string with an offset and epoch milliseconds alike', () => {
    const instant = fixedClock('2026-05-21T23:30:00Z').now()
    expect(shanghaiDate(instant.toISOString())).toBe('2026-05-22')
    expect(shanghaiDate(instant.getTime())).toBe('2026-05-22')
  })
})

describe('times on the wire', () => {
  it('carry the +08:00 offset', () => {
    expect(toShanghaiIso(fixedClock('2026-12-25T01:00:00Z').now())).toBe('2026-12-25T09:00:00+08:00')
  })

  it('name the same instant they were made from', () => {
    const instant = fixedClock('2026-02-28T17:45:30Z').now()
    const iso = toShanghaiIso(instant)
    expect(iso).toBe('2026-03-01T01:45:30+08:00')
    expect(new Date(iso).getTime()).toBe(instant.getTime())
  })
})

describe('calendar dates', () => {
  it.each([
    ['2026-02-28', true],
    ['2026-02-29', false],
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['2100-02-29', false],
    ['2026-04-30', true],
    ['2026-04-31', false],
    ['2026-02-30', false],
    ['2026-12-31', true],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-01-00', false],
    ['2026-1-01', false],
    ['2026-01-1', false],
    ['2026/01/01', false],
    ['2026-01-01T00:00:00Z', false],
    [' 2026-01-01', false],
    ['', false],
  ])('%j is a real date: %s', (date, real) => {
    expect(isRealDate(date)).toBe(real)
  })

  it.each([
    ['2026-06-01', 1],
    ['2026-09-24', 4],
    ['2026-09-25', 5],
    ['2026-08-01', 6],
    ['2026-03-01', 7],
    ['2025-01-01', 3],
  ])('%s falls on ISO weekday %i', (date, weekday) => {
    expect(isoWeekday(date)).toBe(weekday)
  })

  it.each([
    ['2026-02', 28],
    ['2024-02', 29],
    ['2026-04', 30],
    ['2026-12', 31],
  ])('%s has %i days', (month, days) => {
    expect(daysInMonth(month)).toBe(days)
  })

  it.each([
    ['2026-03-01', -1, '2026-02-28'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2026-09-25', -1, '2026-09-24'],
    ['2026-01-31', 28, '2026-02-28'],
  ])('%s %i days is %s', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected)
  })

  it('is a zone-free day: midnight UTC of that date', () => {
    expect(calendarDay('2026-09-25').toISOString()).toBe('2026-09-25T00:00:00.000Z')
  })

  it('is written the way people say it', () => {
    expect(formatDateZh('2026-12-25')).toBe('12月25日（周五）')
    expect(formatDateZh('2026-03-01')).toBe('3月1日（周日）')
  })
})
