/** What the party_committee reads (CONTRACT §7): its branches side by side, one branch, the sheet. */
import writeXlsxFile from 'write-excel-file/node'
import type { Branch, Org } from '../../../types/models'
import type { OrgBranchRow, OrgConcern } from '../../../types/org'
import type { Payload, Result } from '../actions'
import type { Context } from '../context'
import { AppError, invalidInput } from '../errors'
import { branchFigures, byAttention, type Period } from './org-figures'
import { requireOrg } from './org'

const periodOf = (p: { year: number; month?: string }): Period => {
  if (p.month && p.month.slice(0, 4) !== String(p.year)) throw invalidInput('month', '月份应在所选年份内')
  return { year: p.year, month: p.month ?? null }
}

/** The branches attached to the org, in two requests whatever their number. */
async function orgBranches(ctx: Context, org: Org): Promise<Branch[]> {
  const links = await ctx.storage.find('orgLinks', { orgId: org.id, active: true })
  if (links.length === 0) return []
  return ctx.storage.find('branches', { id: { $in: links.map((l) => l.branchId) } })
}

export async function orgOverview(ctx: Context, p: Payload<'org.overview'>): Promise<Result<'org.overview'>> {
  const period = periodOf(p)
  const org = await requireOrg(ctx)
  const figures = await branchFigures(ctx, await orgBranches(ctx, org), period)
  return { org: { id: org.id, name: org.name }, year: period.year, month: period.month, branches: figures.map((f) => f.row).sort(byAttention) }
}

export async function orgBranch(ctx: Context, p: Payload<'org.branch'>): Promise<Result<'org.branch'>> {
  const period = periodOf(p)
  const org = await requireOrg(ctx)
  const [link, branch] = await Promise.all([ctx.storage.get('orgLinks', p.branchId), ctx.storage.get('branches', p.branchId)])
  if (!link?.active || link.orgId !== org.id || !branch) throw new AppError('FORBIDDEN', '这个支部不在您的党委之下')
  const [[figures], secretaries] = await Promise.all([
    branchFigures(ctx, [branch], period),
    ctx.storage.find('members', { branchId: branch.id, active: true, roles: { $in: ['secretary'] } }, { orderBy: [['id', 'asc']] }),
  ])
  return {
    org: { id: org.id, name: org.name },
    year: period.year,
    month: period.month,
    branch: figures.row,
    groups: figures.groups,
    secretaries: secretaries.map((m) => m.name),
    checklist: figures.checklist,
  }
}

const CONCERN_WORDS: Record<OrgConcern, string> = { checklist: '三会一课缺项', attendance: '出勤偏低', dues: '党费未收齐', study: '学时落后' }
const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`)

/** The overview's rows as a sheet: two title rows, then one row per branch. Typed names go in as text. */
export function overviewSheet(orgName: string, period: Period, rows: OrgBranchRow[]) {
  const text = (value: string) => ({ type: String, value })
  const number = (value: number) => ({ type: Number, value })
  const heading = ['支部', '党员人数', '出勤率', '党费收缴率', '人均学时', '学时目标', '三会一课缺项', '需关注'].map((h) => ({ ...text(h), fontWeight: 'bold' as const }))
  return [
    [text(`${orgName} · 各支部情况`)],
    [text(period.month ? `${period.year}年${Number(period.month.slice(5))}月` : `${period.year}年`)],
    heading,
    ...rows.map((r) => [
      text(r.name),
      number(r.members),
      text(percent(r.attendanceRate)),
      text(percent(r.duesRate)),
      r.studyHoursAvg === null ? text('—') : number(r.studyHoursAvg),
      number(r.studyTarget),
      number(r.checklistMissed),
      text(r.concerns.map((c) => CONCERN_WORDS[c]).join('、')),
    ]),
  ]
}

export async function orgExport(ctx: Context, p: Payload<'org.export'>): Promise<Result<'org.export'>> {
  const { org, year, month, branches } = await orgOverview(ctx, p)
  const period = { year, month }
  const buffer = await writeXlsxFile(overviewSheet(org.name, period, branches), { columns: [{ width: 24 }, ...Array.from({ length: 6 }, () => ({ width: 12 })), { width: 30 }] }).toBuffer()
  return { fileName: `${org.name}-${month ?? year}.xlsx`, contentBase64: buffer.toString('base64') }
}
