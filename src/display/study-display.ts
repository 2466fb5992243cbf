/**
 * How study figures read on screen: 学时 against the year's target, the ledger's reasons, the
 * self-study kinds and 学习强国 weeks, in words members use.
 */
import type { PointsKind, ReviewState, StudyKind } from '../../types/models'
import { weekStart } from '../domain/study'
import { addDays, calendarDay, formatDateZh, inShanghai, shanghaiDate } from '../domain/time'

export const POINTS_KIND_LABELS: Record<PointsKind, string> = {
  meeting: '参加会议',
  self_study: '自学',
  test: '知识测试',
  makeup_study: '补学',
  xuexi: '学习强国',
  adjustment: '调整',
}

export const STUDY_KIND_LABELS: Record<StudyKind, string> = {
  original: '原文',
  video: '党课视频',
  xuexi: '学习强国',
  other: '其他',
}

export const REVIEW_STATE_LABELS: Record<ReviewState, string> = {
  pending: '待审核',
  approved: '已计入',
  refused: '未通过',
}

/** 学时 as people write them: 18.5, 18 (never 18.0 or 18.499999). */
export function formatHours(hours: number): string {
  return String(Math.round(hours * 10) / 10)
}

/** How far along the year's target, 0–100, for a progress bar. */
export function hoursPercent(done: number, target: number): number {
  if (target <= 0) return 100
  return Math.max(0, Math.min(100, Math.round((done / target) * 100)))
}

/** The line under the 学时 figure: what is left, or that the year is done. */
export function hoursLeftLine(done: number, target: number): string {
  if (done >= target) return '已完成今年的学时要求'
  return `还差 ${formatHours(target - done)} 学时完成今年要求`
}

/** "45 分钟", "1 小时", "1 小时 30 分钟". */
export function minutesLabel(minutes: number): string {
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  if (h === 0) return `${m} 分钟`
  return m === 0 ? `${h} 小时` : `${h} 小时 ${m} 分钟`
}

/** "本周", "上周", or its days ("5月4日–10日") for a 学习强国 week, given by its Monday. */
export function weekLabel(week: string, today: string): string {
  const thisWeek = weekStart(today)
  if (week === thisWeek) return '本周'
  if (week === addDays(thisWeek, -7)) return '上周'
  return weekSpan(week)
}

/** "5月11日–17日" or "4月27日–5月3日": a week's days, for the line under its label. */
export function weekSpan(week: string): string {
  const start = calendarDay(week)
  const end = calendarDay(addDays(week, 6))
  const head = `${start.month() + 1}月${start.date()}日`
  return start.month() === end.month() ? `${head}–${end.date()}日` : `${head}–${end.month() + 1}月${end.date()}日`
}

/** "12月25日" for a calendar date (YYYY-MM-DD). */
export function shortDate(date: string): string {
  const d = calendarDay(date)
  return `${d.month() + 1}月${d.date()}日`
}

/** "11月24日 00:00 至 11月29日 23:59": a period, short enough for one line. */
export function periodZh(from: string, to: string): string {
  const at = (instant: string) => `${shortDate(shanghaiDate(instant))} ${inShanghai(instant).format('HH:mm')}`
  return `${at(from)} 至 ${at(to)}`
}

/** "5月31日（周日）18:00" for an instant, in Shanghai. */
export function dateTimeZh(instant: string): string {
  return `${formatDateZh(shanghaiDate(instant))}${inShanghai(instant).format('HH:mm')}`
}
