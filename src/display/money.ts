/** Money on screen and in forms: integer 分 inside, "12.50 元" for people. */

/** "12.50" from 1250 分. */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(Math.round(fen))
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

/** 分 from what a person typed ("12", "12.5", "12.50"); null when it is not an amount. No floating point. */
export function parseYuan(text: string): number | null {
  const m = /^\s*(\d{1,7})(?:\.(\d{1,2}))?\s*$/.exec(text)
  if (!m) return null
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'))
}

export const DUES_CATEGORY_LABELS = {
  employed: '在职',
  retired: '离退休',
  student: '学生',
  unemployed: '无固定收入',
  subsistence: '低保',
  farmer: '农民',
  custom: '自定金额',
} as const
