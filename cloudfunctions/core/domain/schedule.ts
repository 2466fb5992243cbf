/**
 * Monthly dates that repeat: 主题党日 and 党费缴纳日 ("每月第4周周五" by default).
 * Pure calendar arithmetic on YYYY-MM-DD strings, so no time zone can move a date.
 */
import type { BranchSchedule, DayRule, Meeting, ScheduledDay } from '../../../types/models'
import { holidayDataCovers, isWorkday } from './holidays'
import { addDays, daysInMonth, isoWeekday, shanghaiDate } from '../../../src/domain/time'

export const DEFAULT_DAY_RULE: DayRule = { kind: 'nth_weekday', n: 4, weekday: 5 }

export const DEFAULT_SCHEDULE: BranchSchedule = {
  themeDayRule: DEFAULT_DAY_RULE,
  duesDayRule: DEFAULT_DAY_RULE,
  themeDayOverrides: {},
  duesDayOverrides: {},
}

const pad = (n: number) => String(n).padStart(2, '0')

/** 5 for 2026-05: how a month is named in Chinese ("5月"). */
export const monthNumber = (month: string) => Number(month.slice(5, 7))

/** The date a rule gives for a month, before any holiday shift. */
export function ruleDate(month: string, rule: DayRule): string {
  const first = `${month}-01`
  const firstWd = isoWeekday(first)
  const last = daysInMonth(month)
  switch (rule.kind) {
    case 'nth_weekday': {
      const firstMatch = 1 + ((rule.weekday - firstWd + 7) % 7)
      return `${month}-${pad(firstMatch + 7 * (rule.n - 1))}`
    }
    case 'week_of_month': {
      // Week 1 is the Monday-start week that contains the 1st.
      const mondayOfWeek1 = addDays(first, -(firstWd - 1))
      const date = addDays(mondayOfWeek1, 7 * (rule.week - 1) + (rule.weekday - 1))
      return clampToMonth(month, date, last)
    }
    case 'last_weekday': {
      const lastDate = `${month}-${pad(last)}`
      const back = (isoWeekday(lastDate) - rule.weekday + 7) % 7
      return `${month}-${pad(last - back)}`
    }
    case 'day_of_month':
      return `${month}-${pad(Math.min(rule.day, last))}`
  }
}

function clampToMonth(month: string, date: string, last: number): string {
  if (date < `${month}-01`) return `${month}-01`
  if (date > `${month}-${pad(last)}`) return `${month}-${pad(last)}`
  return date
}

/** Moves a date off a statutory holiday or weekend to the nearest earlier workday. */
export function shiftToWorkday(date: string): { date: string; shifted: boolean } {
  if (!holidayDataCovers(date)) return { date, shifted: false }
  let d = date
  while (!isWorkday(d)) d = addDays(d, -1)
  return { date: d, shifted: d !== date }
}

export function scheduledDay(month: string, rule: DayRule, overrides: Record<string, string>): ScheduledDay {
  const base = ruleDate(month, rule)
  const override = overrides[month]
  if (override) return { date: override, shifted: false, ruleDate: base, overridden: true }
  const { date, shifted } = shiftToWorkday(base)
  return { date, shifted, ruleDate: base, overridden: false }
}

/**
 * The month's 主题党日 as it will be held: once its generated meeting exists, that meeting's day,
 * so that moving the meeting moves the day on every screen and reminder with it.
 */
function heldThemeDay(day: ScheduledDay, generated: Pick<Meeting, 'startAt' | 'status'> | null | undefined): ScheduledDay {
  if (!generated || generated.status === 'cancelled') return day
  const date = shanghaiDate(generated.startAt)
  return date === day.date ? day : { date, shifted: false, ruleDate: day.ruleDate, overridden: true }
}

/** `generated`: the month's generated 主题党日, when it has been made. */
export function monthSchedule(month: string, schedule: BranchSchedule, generated?: Pick<Meeting, 'startAt' | 'status'> | null) {
  return {
    month,
    themeDay: heldThemeDay(scheduledDay(month, schedule.themeDayRule, schedule.themeDayOverrides), generated),
    duesDay: scheduledDay(month, schedule.duesDayRule, schedule.duesDayOverrides),
    holidayDataKnown: holidayDataCovers(`${month}-01`),
  }
}
