/** The 党委 pages' words: what each concern and checklist item is called, how figures read. */
import type { OrgConcern } from '../../../types/org'
import { MEETING_TYPE_LABELS } from '../../domain/meetings'

export const CONCERN_WORDS: Record<OrgConcern, string> = {
  checklist: '三会一课缺项',
  attendance: '出勤偏低',
  dues: '党费未收齐',
  study: '学时落后',
}

const QUARTERS = ['一', '二', '三', '四']

/** `2026-03` → 3月, `2026-Q1` → 第一季度, `2026` → 全年. */
export function periodWords(period: string): string {
  const q = /^\d{4}-Q([1-4])$/.exec(period)
  if (q) return `第${QUARTERS[Number(q[1]) - 1]}季度`
  if (/^\d{4}$/.test(period)) return '全年'
  return `${Number(period.slice(5, 7))}月`
}

export const kindWords = (kind: keyof typeof MEETING_TYPE_LABELS) => MEETING_TYPE_LABELS[kind]

/** A rate as people read it: 87%; a dash when there is nothing to count yet. */
export const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`)

export const hours = (h: number | null) => (h === null ? '—' : String(Math.round(h * 10) / 10))
