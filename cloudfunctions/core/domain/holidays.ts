/**
 * Statutory holidays and make-up workdays of mainland China, from the maintained
 * `chinese-days` data set. We read its tables directly rather than calling its helpers,
 * because those parse date strings in the process's local time zone.
 */
import data from 'chinese-days/dist/chinese-days.json'
import { isoWeekday } from '../../../src/domain/time'

const holidays: Record<string, string> = data.holidays
const workdays: Record<string, string> = data.workdays

const years = Object.keys(holidays).map((d) => Number(d.slice(0, 4)))
/** The years the data set covers (the State Council publishes each year's arrangement late in the year before). */
export const HOLIDAY_DATA_YEARS = { first: Math.min(...years), last: Math.max(...years) }

export function holidayDataCovers(date: string): boolean {
  const y = Number(date.slice(0, 4))
  return y >= HOLIDAY_DATA_YEARS.first && y <= HOLIDAY_DATA_YEARS.last
}

/** The holiday's Chinese name (e.g. 中秋), or null on an ordinary day. */
export function holidayName(date: string): string | null {
  const entry = holidays[date]
  return entry ? entry.split(',')[1] ?? null : null
}

/**
 * A working day: a make-up workday (调休上班), or a weekday that is not a statutory holiday.
 * For years the data does not cover, only weekends are known to be days off.
 */
export function isWorkday(date: string): boolean {
  if (workdays[date]) return true
  const wd = isoWeekday(date)
  return wd <= 5 && !holidays[date]
}
