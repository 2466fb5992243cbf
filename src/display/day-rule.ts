import type { DayRule, Weekday } from '../../types/models'

const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日']
export const weekdayName = (w: Weekday) => WEEKDAYS[w - 1]

/** "每月第4个周五", "每月最后一个周三", "每月15日": a rule as the branch says it. */
export function ruleLabel(rule: DayRule): string {
  switch (rule.kind) {
    case 'nth_weekday':
      return `每月第${rule.n}个${weekdayName(rule.weekday)}`
    case 'week_of_month':
      return `每月第${rule.week}周${weekdayName(rule.weekday)}`
    case 'last_weekday':
      return `每月最后一个${weekdayName(rule.weekday)}`
    case 'day_of_month':
      return `每月${rule.day}日`
  }
}

/** The rules the screen offers: the n-th or last weekday, as two wheels (which one, which weekday). */
export const RULE_WHICH = [
  { label: '第1个', value: '1' },
  { label: '第2个', value: '2' },
  { label: '第3个', value: '3' },
  { label: '第4个', value: '4' },
  { label: '最后一个', value: 'last' },
]
export const RULE_WEEKDAYS = WEEKDAYS.map((label, i) => ({ label, value: String(i + 1) }))

/** The two wheels' values for a rule (a fixed day or a week-of-month rule starts the wheels at the 4th Friday). */
export function ruleWheels(rule: DayRule): [string, string] {
  if (rule.kind === 'nth_weekday') return [String(rule.n), String(rule.weekday)]
  if (rule.kind === 'last_weekday') return ['last', String(rule.weekday)]
  return ['4', '5']
}

export function ruleOfWheels([which, weekday]: string[]): DayRule {
  const w = Number(weekday) as Weekday
  return which === 'last' ? { kind: 'last_weekday', weekday: w } : { kind: 'nth_weekday', n: Number(which) as 1 | 2 | 3 | 4, weekday: w }
}
