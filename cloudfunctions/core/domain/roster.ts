/**
 * The roster spreadsheet a branch already keeps (CONTRACT §5): its Chinese headers, each row
 * checked and put in the contract's terms, every problem said in words before anything is written.
 */
import { DUES_CATEGORIES, type DuesCategory } from '../../../types/models'
import { LIMITS } from '../../../src/domain/limits'
import { textProblem, visibleText } from '../../../src/domain/text'
import { isRealDate } from '../../../src/domain/time'
import { monthlyDues } from './dues'

export const ROSTER_HEADERS = ['姓名', '手机尾号', '类别（正式党员/预备党员）', '党小组', '职务', '入党日期', '党费类别', '党费基数（元）'] as const
export const ROSTER_MAX_ROWS = 500

/** A roster row in the contract's terms (group by name, money in 分). */
export interface RosterRow {
  name: string
  phoneTail: string
  standing: 'full' | 'probationary'
  group?: string
  roles?: Array<'secretary' | 'deputy' | 'committee' | 'group_leader'>
  joinedAt?: string
  duesCategory?: DuesCategory
  duesBase?: number
}

/** One checked row: its number as a person counts (the header is row 1 in a file), and what is wrong. */
export interface CheckedRow {
  row: number
  /** The name as the sheet gives it, also for a row in error, so the secretary sees whose row it is. */
  name: string
  value: RosterRow | null
  errors: string[]
  /** The 核定 monthly amount that follows from the dues category and base, in 分. */
  duesAmount?: number
}

const ROLE_WORDS: Record<string, 'secretary' | 'deputy' | 'committee' | 'group_leader'> = {
  书记: 'secretary',
  支部书记: 'secretary',
  副书记: 'deputy',
  支委: 'committee',
  委员: 'committee',
  支委委员: 'committee',
  党小组长: 'group_leader',
  组长: 'group_leader',
}
const DUES_WORDS: Record<string, DuesCategory> = {
  在职: 'employed',
  离退休: 'retired',
  退休: 'retired',
  学生: 'student',
  失业: 'unemployed',
  低保: 'subsistence',
  农民: 'farmer',
  自定义: 'custom',
}
const STANDING_WORDS: Record<string, 'full' | 'probationary'> = { 正式党员: 'full', 正式: 'full', 预备党员: 'probationary', 预备: 'probationary' }

const text = (v: unknown) => visibleText(v === null || v === undefined ? '' : v instanceof Date ? v.toISOString() : String(v))

/** 元 as typed (at most two decimals) → 分; null when it is not money. */
export function yuanToFen(v: string): number | null {
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(v)) return null
  const [whole, frac = ''] = v.split('.')
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'))
}

/** A date cell (a Date), or YYYY-MM-DD / YYYY/M/D / YYYY.M.D as typed. */
function dateOf(v: unknown): string | null {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10)
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text(v))
  if (!m) return null
  const date = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`
  return isRealDate(date) ? date : null
}

/** Excel keeps 0123 typed in a number cell as 123: a number cell gets its leading zeros back. */
const phoneCell = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 10000 ? String(v).padStart(4, '0') : text(v))

/** The sheet's rows (the first one the headers), each with its row number as Excel shows it (blank rows counted); a missing column is named. */
export function rowsFromSheet(sheet: unknown[][]): { rows: Array<{ line: number; cells: Record<string, unknown> }>; problem: string | null } {
  const [header = [], ...body] = sheet
  const names = header.map(text)
  const at = (h: string) => names.findIndex((n) => n === h || n.replace(/（.*）|\(.*\)/, '') === h.replace(/（.*）/, ''))
  const index = ROSTER_HEADERS.map(at)
  const missing = ROSTER_HEADERS.filter((h, i) => index[i] < 0 && (h === '姓名' || h === '手机尾号' || h.startsWith('类别')))
  if (missing.length) return { rows: [], problem: `第1行缺少表头：${missing.join('、')}（请使用下载的模板）` }
  const cell = (r: unknown[], i: number) => (index[i] >= 0 ? r[index[i]] : undefined)
  const rows = body
    .map((r, i) => ({ r, line: i + 2 }))
    .filter(({ r }) => r.some((c) => text(c) !== ''))
    .map(({ r, line }) => ({
      line,
      cells: {
        name: text(cell(r, 0)),
        phoneTail: phoneCell(cell(r, 1)),
        standing: text(cell(r, 2)),
        group: text(cell(r, 3)),
        roles: text(cell(r, 4)),
        joinedAt: cell(r, 5),
        duesCategory: text(cell(r, 6)),
        duesBase: text(cell(r, 7)),
      },
    }))
  return { rows, problem: null }
}

/**
 * Checks one row as the file gives it (Chinese words) or as the contract's `rows` give it
 * (contract terms): both are accepted in each column.
 */
export function checkRow(raw: Record<string, unknown>, row: number, money: 'yuan' | 'fen'): CheckedRow {
  const errors: string[] = []
  const name = text(raw.name)
  if (!name) errors.push('姓名不能为空')
  else if ([...name].length > 20) errors.push('姓名不能超过 20 个字')
  else if (textProblem(name)) errors.push(`姓名${textProblem(name)}`)
  const phoneTail = text(raw.phoneTail)
  if (!/^\d{4}$/.test(phoneTail)) errors.push(`手机尾号应为 4 位数字（现为“${text(raw.phoneTail) || '空'}”）`)
  const standingText = text(raw.standing)
  const standing = standingText === 'full' || standingText === 'probationary' ? standingText : STANDING_WORDS[standingText]
  if (!standing) errors.push(`类别应为正式党员或预备党员（现为“${standingText || '空'}”）`)
  const group = text(raw.group) || undefined
  if (group && [...group].length > LIMITS.groupName) errors.push(`党小组名称不能超过 ${LIMITS.groupName} 个字`)
  else if (group && textProblem(group)) errors.push(`党小组${textProblem(group)}`)
  const roles = rolesOf(raw.roles, errors)
  const joinedRaw = raw.joinedAt
  const joinedAt = text(joinedRaw) ? dateOf(joinedRaw) : undefined
  if (joinedAt === null) errors.push(`入党日期应为 YYYY-MM-DD（现为“${text(joinedRaw)}”）`)
  const dues = duesOf(raw, money, errors)
  if (errors.length) return { row, name, value: null, errors }
  const value: RosterRow = {
    name,
    phoneTail,
    standing: standing!,
    ...(group ? { group } : {}),
    ...(roles.length ? { roles } : {}),
    ...(joinedAt ? { joinedAt } : {}),
    ...(dues ? { duesCategory: dues.category, ...(dues.base !== undefined ? { duesBase: dues.base } : {}) } : {}),
  }
  return { row, name, value, errors, ...(dues ? { duesAmount: dues.amount } : {}) }
}

function rolesOf(raw: unknown, errors: string[]): NonNullable<RosterRow['roles']> {
  const words = Array.isArray(raw) ? raw.map(text) : text(raw).split(/[、,，;；\s]+/).filter(Boolean)
  const out = new Set<NonNullable<RosterRow['roles']>[number]>()
  for (const w of words) {
    const role = (['secretary', 'deputy', 'committee', 'group_leader'] as const).find((r) => r === w) ?? ROLE_WORDS[w]
    if (role) out.add(role)
    else errors.push(`职务“${w}”不认识：可填 书记、副书记、支委、党小组长，或留空`)
  }
  return [...out]
}

/** The dues category and base; for 农民 and 自定义 the 党费基数 column is the monthly amount itself. */
function duesOf(raw: Record<string, unknown>, money: 'yuan' | 'fen', errors: string[]): { category: DuesCategory; base?: number; amount: number } | null {
  const categoryText = text(raw.duesCategory)
  const baseRaw = raw.duesBase
  if (!categoryText) {
    if (text(baseRaw)) errors.push('填写了党费基数，请同时填写党费类别')
    return null
  }
  const category = (DUES_CATEGORIES as readonly string[]).includes(categoryText) ? (categoryText as DuesCategory) : DUES_WORDS[categoryText]
  if (!category) {
    errors.push(`党费类别“${categoryText}”不认识：可填 在职、离退休、学生、失业、低保、农民、自定义`)
    return null
  }
  const fen = money === 'fen' ? (Number.isInteger(baseRaw) && (baseRaw as number) >= 0 ? (baseRaw as number) : null) : yuanToFen(text(baseRaw))
  const needsBase = category === 'employed' || category === 'retired' || category === 'farmer' || category === 'custom'
  if (needsBase && (fen === null || !text(baseRaw))) {
    errors.push(money === 'fen' ? '党费基数应为不小于 0 的整数（单位：分）' : `党费基数应为金额（元，最多两位小数），现为“${text(baseRaw) || '空'}”`)
    return null
  }
  const byBase = category === 'employed' || category === 'retired'
  const result = monthlyDues(byBase ? { category, base: fen! } : { category, ...(needsBase ? { amount: fen! } : {}) })
  if (!result.ok) {
    errors.push(category === 'farmer' ? '农民党员每月党费为 0.2–1 元' : '党费基数不正确')
    return null
  }
  return { category, ...(byBase ? { base: fen! } : {}), amount: result.amount }
}

/** The same person twice in one sheet (same name and phone tail) is a problem on the later row. */
export function markDuplicates(rows: CheckedRow[]): void {
  const seen = new Map<string, number>()
  for (const r of rows) {
    if (!r.value) continue
    const key = `${r.value.name}\u0000${r.value.phoneTail}`
    const first = seen.get(key)
    if (first !== undefined) r.errors.push(`与第${first}行重复（姓名和手机尾号相同）`)
    else seen.set(key, r.row)
  }
}
