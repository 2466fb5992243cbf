/** The wheels of the 日程与提醒 screen: what each offers, where it starts, and the change a pick makes. */
import type { CalendarSettings } from '../../../types/views'
import { RULE_WEEKDAYS, RULE_WHICH, ruleLabel, ruleOfWheels, ruleWheels } from '../../display/day-rule'
import { LIMITS } from '../../domain/limits'
import { addDays, calendarDay, daysInMonth, formatDateZh } from '../../domain/time'
import type { CalendarChange, Choosing } from './use-calendar-settings'

type Option = { label: string; value: string }
export interface Wheels {
  title: string
  options: Option[][]
  value: string[]
  change: (picked: string[]) => CalendarChange
}

const FIX_WINDOW_DAYS = [7, 14, 30, 60, 90].filter((d) => d >= LIMITS.settings.fixWindowDaysMin && d <= LIMITS.settings.fixWindowDaysMax)
/** How far back the register may start: two years of months. */
const REGISTER_MONTHS_BACK = 24

const pad = (n: number) => String(n).padStart(2, '0')
const option = (value: string, label = value) => ({ label, value })

/** Every half hour from `from` to `to` (HH:mm). */
function halfHours(from: string, to: string): Option[] {
  const out: Option[] = []
  for (let m = Number(from.slice(0, 2)) * 60; m <= Number(to.slice(0, 2)) * 60; m += 30) out.push(option(`${pad(Math.floor(m / 60))}:${pad(m % 60)}`))
  return out
}

/** The days of `month` from today on, after a first choice that returns the month to the rule. */
function daysOf(month: string, today: string, ruleDate: string): Option[] {
  const first = `${month}-01` > today ? `${month}-01` : today
  const last = `${month}-${pad(daysInMonth(month))}`
  const days: Option[] = [option('rule', `按规则（${formatDateZh(ruleDate)}）`)]
  for (let d = first; d <= last; d = addDays(d, 1)) days.push(option(d, formatDateZh(d)))
  return days
}

/** Months (YYYY-MM) back from this one, newest first. */
function monthsBack(today: string): Option[] {
  return Array.from({ length: REGISTER_MONTHS_BACK }, (_, i) => calendarDay(`${today.slice(0, 7)}-01`).subtract(i, 'month')).map((d) =>
    option(d.format('YYYY-MM'), d.format('YYYY年M月')),
  )
}

/** `ruleDates`: each listed month's day by the rule (for 按规则), by month and day kind. */
export function wheelsFor(c: Choosing, cal: CalendarSettings, today: string, ruleDates: Record<string, string>): Wheels {
  switch (c.what) {
    case 'themeDayRule':
    case 'duesDayRule':
      return {
        title: c.what === 'themeDayRule' ? `主题党日：${ruleLabel(cal.themeDayRule)}` : `党费缴纳日：${ruleLabel(cal.duesDayRule)}`,
        options: [RULE_WHICH, RULE_WEEKDAYS],
        value: ruleWheels(cal[c.what]),
        change: (picked) => ({ [c.what]: ruleOfWheels(picked) }),
      }
    case 'dayBefore':
    case 'morningOf': {
      const evening = c.what === 'dayBefore'
      return {
        title: evening ? '前一天几点提醒' : '当天几点提醒',
        options: [evening ? halfHours('12:00', '22:00') : halfHours('06:00', '11:00')],
        value: [cal.reminderTimes[c.what]],
        change: ([time]) => ({ reminderTimes: { ...cal.reminderTimes, [c.what]: time } }),
      }
    }
    case 'duesSince':
      return { title: '党费登记表从哪个月起', options: [monthsBack(today)], value: [cal.duesSince], change: ([m]) => ({ duesSince: m }) }
    case 'fixWindowDays':
      return {
        title: '会后多少天内可补签、审批请假',
        options: [FIX_WINDOW_DAYS.map((d) => option(String(d), `${d} 天`))],
        value: [String(cal.fixWindowDays)],
        change: ([d]) => ({ fixWindowDays: Number(d) }),
      }
    case 'month': {
      const overrides = c.day === 'theme' ? cal.themeDayOverrides : cal.duesDayOverrides
      const field = c.day === 'theme' ? 'themeDayOverride' : 'duesDayOverride'
      return {
        title: `${Number(c.month.slice(5))}月${c.day === 'theme' ? '主题党日' : '党费缴纳日'}改到`,
        options: [daysOf(c.month, today, ruleDates[`${c.day}:${c.month}`])],
        value: [overrides[c.month] ?? 'rule'],
        change: ([d]) => ({ [field]: { month: c.month, date: d === 'rule' ? null : d } }),
      }
    }
  }
}
