/** How the 台账 reads on screen: checklist items, periods and warnings in words. */
import type { MeetingType } from '../../types/models'
import type { ChecklistItem, WarningItem, WarningKind } from '../../types/records'
import { MEETING_TYPE_LABELS } from '../domain/meetings'

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
export function itemLabel(item: Pick<ChecklistItem, 'kind' | 'groupId'>, groups: Groups): string {
  const kind = MEETING_TYPE_LABELS[item.kind as MeetingType]
  if (item.kind !== 'group') return kind
  return `${groups.find((g) => g.id === item.groupId)?.name ?? '党小组'} ${kind}`
}

/** 第二党小组 本月党小组会 未开 / 本月支委会 已开 (2 次). */
export function itemSentence(item: ChecklistItem, groups: Groups, thisMonth: string): string {
  const who = item.kind === 'group' ? `${groups.find((g) => g.id === item.groupId)?.name ?? '党小组'} ` : ''
  const what = `${periodLabel(item.period, thisMonth)}${MEETING_TYPE_LABELS[item.kind as MeetingType]}`
  return `${who}${what} ${item.met ? (item.held > 1 ? `已开 ${item.held} 次` : '已开') : item.due ? '未开（已过期）' : '未开'}`
}

/** This month's and this quarter's items, the missing first: what 首页 shows at a glance. */
export function atAGlance(items: ChecklistItem[], thisMonth: string): { missing: ChecklistItem[]; done: ChecklistItem[] } {
  const now = items.filter((i) => i.period === thisMonth || i.period === quarterOfMonth(thisMonth))
  return { missing: now.filter((i) => !i.met), done: now.filter((i) => i.met) }
}

/** Items of past periods that were never met: what the secretary must still account for. */
export const overdueItems = (items: ChecklistItem[]) => items.filter((i) => i.due && !i.met)

/** The meeting-edit page, filled in for the missing item (type, group and a title). */
export function createMissingUrl(item: ChecklistItem, groups: Groups): string {
  const group = item.kind === 'group' ? (groups.find((g) => g.id === item.groupId)?.name ?? '') : ''
  // 第二党小组5月党小组会: the period as a date, never 本月 (the title outlives the month).
  const title = `${group}${periodLabel(item.period, '')}${MEETING_TYPE_LABELS[item.kind as MeetingType]}`
  const params = [`type=${item.kind}`, ...(item.groupId ? [`groupId=${encodeURIComponent(item.groupId)}`] : []), `title=${encodeURIComponent(title)}`]
  return `/pages/meeting-edit/index?${params.join('&')}`
}

/** The year view: one row per month, then the quarters, then the year's items. */
export function yearRows(items: ChecklistItem[]): Array<{ period: string; items: ChecklistItem[] }> {
  const rows = new Map<string, ChecklistItem[]>()
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
