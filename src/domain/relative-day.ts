import { calendarDay } from './time'

/** "今天", "明天", "3 天后", "已过" — dates as people say them. */
export function relativeDay(today: string, date: string): string {
  const n = calendarDay(date).diff(calendarDay(today), 'day')
  if (n < 0) return '已过'
  if (n === 0) return '今天'
  if (n === 1) return '明天'
  if (n === 2) return '后天'
  return `${n} 天后`
}

/** The next month (YYYY-MM) after the given one. */
export function nextMonth(month: string): string {
  return calendarDay(`${month}-01`).add(1, 'month').format('YYYY-MM')
}
