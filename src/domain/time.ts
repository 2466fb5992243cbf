/**
 * Calendar time in Asia/Shanghai, whatever the device's or server's own time zone.
 *
 * China has kept UTC+8 without daylight saving since 1991, so a fixed +08:00 offset is exact
 * for every date this app handles. It also works on mini-program JavaScript engines whose
 * Intl lacks time-zone data, which dayjs's timezone plugin would need.
 */
import dayjs, { type Dayjs } from 'dayjs'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)

export const SHANGHAI_OFFSET_MINUTES = 8 * 60

export const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/
export const DATE_RE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/

/** The instant seen on a wall clock in Shanghai. */
export function inShanghai(instant: Date | string | number): Dayjs {
  return dayjs(instant).utcOffset(SHANGHAI_OFFSET_MINUTES)
}

/** Today's date (YYYY-MM-DD) in Shanghai at the given instant. */
export function shanghaiDate(instant: Date | string | number): string {
  return inShanghai(instant).format('YYYY-MM-DD')
}

/** This month (YYYY-MM) in Shanghai at the given instant. */
export function shanghaiMonth(instant: Date | string | number): string {
  return inShanghai(instant).format('YYYY-MM')
}

/** ISO 8601 with the +08:00 offset, the form times cross the wire in. */
export function toShanghaiIso(instant: Date | string | number): string {
  return inShanghai(instant).format('YYYY-MM-DDTHH:mm:ssZ')
}

/** A calendar date as a zone-free day (parsed in UTC so that no local zone can shift it). */
export function calendarDay(date: string): Dayjs {
  return dayjs.utc(date, 'YYYY-MM-DD')
}

/** True when the string is a real calendar date (2026-02-30 is not). */
export function isRealDate(date: string): boolean {
  if (!DATE_RE.test(date)) return false
  return calendarDay(date).format('YYYY-MM-DD') === date
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const d = calendarDay(date).day()
  return d === 0 ? 7 : d
}

export function daysInMonth(month: string): number {
  return calendarDay(`${month}-01`).daysInMonth()
}

export function addDays(date: string, n: number): string {
  return calendarDay(date).add(n, 'day').format('YYYY-MM-DD')
}

const WEEKDAY_NAMES = ['一', '二', '三', '四', '五', '六', '日']

/** "12月25日（周五）" as people say it. */
export function formatDateZh(date: string): string {
  const d = calendarDay(date)
  return `${d.month() + 1}月${d.date()}日（周${WEEKDAY_NAMES[isoWeekday(date) - 1]}）`
}
