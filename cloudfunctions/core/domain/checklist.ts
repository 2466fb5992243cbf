/**
 * 三会一课 checklist (CONTRACT §6): which meetings a branch owes in a year, and which it held.
 * Pure: the caller reads the meetings and says which had anyone recorded at them.
 */
import type { MeetingType } from '../../../types/models'
import { shanghaiMonth } from '../../../src/domain/time'

export type ChecklistKind = 'committee' | 'group' | 'theme_day' | 'branch_assembly' | 'lecture' | 'life_meeting'

export interface ChecklistItem {
  /** `2026-03`, `2026-Q1` or `2026`. */
  period: string
  kind: ChecklistKind
  groupId: string | null
  required: number
  held: number
  /** The period is over by the server clock. */
  due: boolean
  met: boolean
}

/** What the checklist needs to know of a meeting. */
export interface ChecklistMeeting {
  type: MeetingType
  /** Set for a group meeting (scope `group`). */
  groupId: string | null
  startAt: string
  endAt: string
  cancelled: boolean
  /** At least one attendance record (present, late or make-up) exists. */
  attended: boolean
}

const pad = (n: number) => String(n).padStart(2, '0')

/** `2026-Q2` for `2026-05`. */
export function quarterOf(month: string): string {
  return `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`
}

/** The last month of a period, to tell whether it is over. */
function lastMonthOf(period: string): string {
  if (/^\d{4}$/.test(period)) return `${period}-12`
  const q = /^(\d{4})-Q([1-4])$/.exec(period)
  if (q) return `${q[1]}-${pad(Number(q[2]) * 3)}`
  return period
}

/** A meeting is held once it ended, was not cancelled and someone was recorded at it. */
export function isHeld(meeting: ChecklistMeeting, now: Date): boolean {
  return !meeting.cancelled && meeting.attended && Date.parse(meeting.endAt) <= now.getTime()
}

/** The period a meeting counts for under its kind, or null when its kind is not on the checklist. */
export function periodOf(kind: MeetingType, month: string): string | null {
  if (kind === 'committee' || kind === 'group' || kind === 'theme_day') return month
  if (kind === 'branch_assembly') return quarterOf(month)
  if (kind === 'lecture' || kind === 'life_meeting') return month.slice(0, 4)
  return null
}

const keyOf = (period: string, kind: string, groupId: string | null) => `${period}|${kind}|${groupId ?? ''}`

/** Every item of the year in order: months (committee, each group, theme_day), quarters, then the year. */
export function checklist(input: { year: number; groupIds: string[]; meetings: ChecklistMeeting[]; now: Date }): ChecklistItem[] {
  const { year, groupIds, meetings, now } = input
  const held = new Map<string, number>()
  for (const m of meetings) {
    if (!isHeld(m, now)) continue
    const period = periodOf(m.type, shanghaiMonth(m.startAt))
    if (!period || !period.startsWith(String(year))) continue
    const key = keyOf(period, m.type, m.type === 'group' ? m.groupId : null)
    held.set(key, (held.get(key) ?? 0) + 1)
  }
  const currentMonth = shanghaiMonth(now)
  const item = (period: string, kind: ChecklistKind, groupId: string | null = null): ChecklistItem => {
    const count = held.get(keyOf(period, kind, groupId)) ?? 0
    return { period, kind, groupId, required: 1, held: count, due: lastMonthOf(period) < currentMonth, met: count >= 1 }
  }
  const items: ChecklistItem[] = []
  for (let m = 1; m <= 12; m++) {
    const month = `${year}-${pad(m)}`
    items.push(item(month, 'committee'))
    for (const groupId of groupIds) items.push(item(month, 'group', groupId))
    items.push(item(month, 'theme_day'))
  }
  for (let q = 1; q <= 4; q++) items.push(item(`${year}-Q${q}`, 'branch_assembly'))
  items.push(item(String(year), 'lecture'), item(String(year), 'life_meeting'))
  return items
}

/** Items that are due and not met: what the overview counts as missed. */
export const missedCount = (items: ChecklistItem[]) => items.filter((i) => i.due && !i.met).length
