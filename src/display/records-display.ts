/** How the 台账 reads on screen: checklist items, periods and warnings in words. */
import type { MeetingType } from '../../types/models'
import type { ChecklistEntry, WarningItem, WarningKind } from '../../types/records'
import { MEETING_TYPE_LABELS } from '../domain/meetings'
import { formatDateZh, shanghaiDate } from '../domain/time'

export type Groups = Array<{ id: string; name: string }>

/** `2026-Q2` for `2026-05`. */
export const quarterOfMonth = (month: string) => `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`

const QUARTER_ZH = ['', '一', '二', '三', '四']

/** 本月 / 5月, 本季度 / 第二季度, 今年 / 2026年. */
export function periodLabel(period: string, thisMonth: string): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(period)
  if (q) return period === quarterOfMonth(thisMonth) ? '本季度' : `第${QUARTER_ZH[Number(q[2])]}季度`
  if (/^\d{4}$/.test(period)) return period === thisMonth.slice(0, 4) ? '今年' : `${period}年`
  return period === thisMonth ? '本月' : `${Number(period.slice(5, 7))}月`
}

/** 第二党小组 党小组会, 支委会, 主题党日 … */
export function itemLabel(item: Pick<ChecklistEntry, 'kind' | 'groupId'>, groups: Groups): string {
  const kind = MEETING_TYPE_LABELS[item.kind as MeetingType]
  if (item.kind !== 'group') return kind
  return `${groups.find((g) => g.id === item.groupId)?.name ?? '党小组'} ${kind}`
}

/** 已开, 已开 2 次, 已安排 12月25日（周五）, 未开 or 未开（已过期）. */
function stateWords(item: ChecklistEntry): string {
  if (item.met) return item.held > 1 ? `已开 ${item.held} 次` : '已开'
  if (item.upcoming) return `已安排 ${formatDateZh(shanghaiDate(item.upcoming.startAt))}`
  return item.due ? '未开（已过期）' : '未开'
}

/** 第二党小组 本月党小组会 未开 / 本月支委会 已开 2 次 / 本月主题党日 已安排 12月25日（周五）. */
export function itemSentence(item: ChecklistEntry, groups: Groups, thisMonth: string): string {
  const who = item.kind === 'group' ? `${groups.find((g) => g.id === item.groupId)?.name ?? '党小组'} ` : ''
  const what = `${periodLabel(item.period, thisMonth)}${MEETING_TYPE_LABELS[item.kind as MeetingType]}`
  return `${who}${what} ${stateWords(item)}`
}

/** This month's and this quarter's items, the missing first: what 首页 shows at a glance. */
export function atAGlance(items: ChecklistEntry[], thisMonth: string): { missing: ChecklistEntry[]; done: ChecklistEntry[] } {
  const now = items.filter((i) => i.period === thisMonth || i.period === quarterOfMonth(thisMonth))
  return { missing: now.filter((i) => !i.met), done: now.filter((i) => i.met) }
}

/** The last month of a period (`2026-Q2` → `2026-06`, `2026` → `2026-12`). */
function lastMonthOf(period: string): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(period)
  if (q) return `${q[1]}-${String(Number(q[2]) * 3).padStart(2, '0')}`
  return /^\d{4}$/.test(period) ? `${period}-12` : period
}

/** A period over before the branch began using the app (`since`): nothing of it was recorded here. */
export const beforeUse = (period: string, since: string) => lastMonthOf(period) < since

/** Items of past periods since the branch began that were never met: what the secretary must still account for. */
export const overdueItems = (items: ChecklistEntry[], since: string) => items.filter((i) => i.due && !i.met && !beforeUse(i.period, since))

/** The meeting-edit page, filled in for the missing item (type, group and a title). */
export function createMissingUrl(item: ChecklistEntry, groups: Groups): string {
  const group = item.kind === 'group' ? (groups.find((g) => g.id === item.groupId)?.name ?? '') : ''
  // 第二党小组5月党小组会: the period as a date, never 本月 (the title outlives the month).
  const title = `${group}${periodLabel(item.period, '')}${MEETING_TYPE_LABELS[item.kind as MeetingType]}`
  const params = [`type=${item.kind}`, ...(item.groupId ? [`groupId=${encodeURIComponent(item.groupId)}`] : []), `title=${encodeURIComponent(title)}`]
  return `/pages/meeting-edit/index?${params.join('&')}`
}

/** The year view: one row per month, then the quarters, then the year's items. */
export function yearRows(items: ChecklistEntry[]): Array<{ period: string; items: ChecklistEntry[] }> {
  const rows = new Map<string, ChecklistEntry[]>()
  for (const i of items) rows.set(i.period, [...(rows.get(i.period) ?? []), i])
  return [...rows.entries()].map(([period, list]) => ({ period, items: list }))
}

export const WARNING_LABELS: Record<WarningKind, string> = {
  dues_unpaid: '欠缴党费',
  absent_streak: '连续未参加组织生活',
  makeup_overdue: '补学逾期',
  no_credits: '收不到提醒',
}

/** One card per member, their warnings in the server's order (the most serious first). */
export function byMember(items: WarningItem[]): Array<{ memberId: string; name: string; warnings: WarningItem[] }> {
  const cards = new Map<string, { memberId: string; name: string; warnings: WarningItem[] }>()
  for (const w of items) {
    const card = cards.get(w.memberId) ?? { memberId: w.memberId, name: w.name, warnings: [] }
    card.warnings.push(w)
    cards.set(w.memberId, card)
  }
  return [...cards.values()]
}
