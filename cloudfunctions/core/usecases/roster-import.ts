/**
 * member.import (CONTRACT §5): a preview that says every row's problem in words, then all or
 * nothing. A row whose name and phone tail match a member updates them; importing the same sheet
 * twice changes nothing the second time. Groups named in the sheet are created.
 */
import type { Group, Member, Role } from '../../../types/models'
import { toShanghaiIso } from '../../../src/domain/time'
import type { Payload, Result } from '../actions'
import { requireMember, type Context } from '../context'
import { checkRow, markDuplicates, ROSTER_MAX_ROWS, rowsFromSheet, type CheckedRow } from '../domain/roster'
import { AppError, invalidInput } from '../errors'
import { newId } from '../records/ids'
import { readSpreadsheet } from '../spreadsheet'
import { rolesToHold, writeAudit } from './members'

async function checkedRows(p: Payload<'member.import'>): Promise<CheckedRow[]> {
  if (p.rows) return p.rows.map((r, i) => checkRow(r, i + 1, 'fen'))
  const sheet = await readSpreadsheet(p.file!)
  const { rows, problem } = rowsFromSheet(sheet)
  if (problem) throw invalidInput('file', problem)
  if (rows.length > ROSTER_MAX_ROWS) throw invalidInput('file', `一次最多导入 ${ROSTER_MAX_ROWS} 行（这个文件有 ${rows.length} 行）`)
  if (rows.length === 0) throw invalidInput('file', '文件里没有名单行：请在模板第2行起填写')
  // Row numbers as the secretary sees them in Excel: the header is row 1, blank rows counted.
  return rows.map((r) => checkRow(r.cells, r.line, 'yuan'))
}

export async function memberImport(ctx: Context, p: Payload<'member.import'>): Promise<Result<'member.import'>> {
  const me = requireMember(ctx)
  const rows = await checkedRows(p)
  markDuplicates(rows)
  const [members, groups] = await Promise.all([
    ctx.storage.find('members', { branchId: me.branchId, active: true }),
    ctx.storage.find('groups', { branchId: me.branchId }),
  ])
  const matchOf = (r: CheckedRow) => (r.value ? members.find((m) => m.name === r.value!.name && m.phoneTail === r.value!.phoneTail) : undefined)
  const answer = rows.map((r) => ({ row: r.row, name: r.name, action: matchOf(r) ? ('update' as const) : ('create' as const), errors: r.errors }))
  const summary = { created: answer.filter((a) => a.action === 'create').length, updated: answer.filter((a) => a.action === 'update').length }
  if (!p.commit) return { rows: answer, ...summary, committed: false }
  const bad = rows.find((r) => r.errors.length)
  if (bad) throw invalidInput(p.rows ? 'rows' : 'file', `第${bad.row}行：${bad.errors.join('；')}`)
  keepsASecretary(rows, members, matchOf)
  const groupIds = await ensureGroups(ctx, me.branchId, rows, groups)
  for (const r of rows) await writeRow(ctx, r, matchOf(r), groupIds)
  return { rows: answer, ...summary, committed: true }
}

/** CONTRACT §5: a branch always keeps a secretary, also when a sheet leaves 职务 empty. */
function keepsASecretary(rows: CheckedRow[], members: Member[], matchOf: (r: CheckedRow) => Member | undefined): void {
  const updated = new Map(rows.map((r) => [matchOf(r)?.id, r.value!]))
  const remains = members.some((m) => (updated.has(m.id) ? updated.get(m.id)!.roles?.includes('secretary') : m.roles.includes('secretary')))
  const added = rows.some((r) => !matchOf(r) && r.value!.roles?.includes('secretary'))
  if (!remains && !added) throw new AppError('CONFLICT', '导入后支部将没有书记：请在名单的“职务”一栏为书记填写“书记”')
}

async function ensureGroups(ctx: Context, branchId: string, rows: CheckedRow[], groups: Group[]): Promise<Map<string, string>> {
  const ids = new Map(groups.map((g) => [g.name, g.id]))
  for (const name of new Set(rows.map((r) => r.value?.group).filter((g): g is string => Boolean(g)))) {
    if (ids.has(name)) continue
    const group: Group = { id: newId('g', ctx.clock.now()), branchId, name, leaderId: null }
    await ctx.storage.insert('groups', group)
    ids.set(name, group.id)
  }
  return ids
}

async function writeRow(ctx: Context, r: CheckedRow, existing: Member | undefined, groupIds: Map<string, string>): Promise<void> {
  const me = requireMember(ctx)
  const v = r.value!
  const at = toShanghaiIso(ctx.clock.now())
  const dues = v.duesCategory && r.duesAmount !== undefined ? { category: v.duesCategory, ...(v.duesBase !== undefined ? { base: v.duesBase } : {}), amount: r.duesAmount, setAt: at, setBy: me.id } : null
  const fields = {
    name: v.name,
    phoneTail: v.phoneTail,
    standing: v.standing,
    groupId: v.group ? groupIds.get(v.group)! : (existing?.groupId ?? null),
    roles: ['member', ...(v.roles ?? [])] as Role[],
    ...(v.joinedAt ? { joinedAt: v.joinedAt } : {}),
  }
  if (!existing) {
    const member: Member = { id: newId('m', ctx.clock.now()), branchId: me.branchId, active: true, dues, ...fields }
    await ctx.storage.insert('members', member)
    await writeAudit(ctx, member, 'import', '由名单导入新建')
    return
  }
  // Unchanged rows write nothing, so importing the same sheet again leaves no trace.
  const sameDues = !dues || (existing.dues?.category === dues.category && existing.dues?.amount === dues.amount && existing.dues?.base === dues.base)
  const roles = rolesToHold(existing.roles, fields.roles)
  const same = existing.standing === fields.standing && existing.groupId === fields.groupId && sameSet(existing.roles, roles) && (!fields.joinedAt || existing.joinedAt === fields.joinedAt)
  if (same && sameDues) return
  await ctx.storage.update('members', existing.id, { ...fields, roles, ...(sameDues ? {} : { dues }) })
  await writeAudit(ctx, existing, 'import', '名单导入更新')
}

const sameSet = (a: readonly Role[], b: readonly Role[]) => [...new Set(a)].sort().join() === [...new Set(b)].sort().join()
