/**
 * A 党委 over several branches (CONTRACT §7). Whoever holds the deployment's setup code creates
 * one and becomes its party_committee; the org shows a code that a branch secretary enters to
 * attach the branch; the org can take a branch out again. The org's own records (orgs,
 * orgOverseers, orgLinks) are all it writes: it never writes in a branch.
 */
import { createHash, randomBytes } from 'node:crypto'
import type { Org, OrgLink, OrgOverseer } from '../../../types/models'
import { toShanghaiIso } from '../../../src/domain/time'
import type { Payload, Result } from '../actions'
import { requireMember, type Context } from '../context'
import { AppError } from '../errors'
import { insertOnce, recordOnce } from '../records/record-once'
import { checkSetupCode } from './branches'

/** Org documents belong to no branch. */
const NO_BRANCH = '-'

const newOrgCode = () => randomBytes(9).toString('base64url').replace(/[-_]/g, 'x')

/** Derived from who and what, so a double tap or a retry finds the first org instead of a second. */
const orgIdOf = (openid: string, name: string) => `org-${createHash('sha256').update(`${openid}\n${name}`).digest('hex').slice(0, 16)}`

/** The org the caller oversees, as session.me answers it. */
export async function overseenOrg(ctx: Context): Promise<{ id: string; name: string } | null> {
  const overseer = ctx.overseer ?? (await ctx.storage.get('orgOverseers', ctx.caller.openid))
  if (!overseer) return null
  const org = await ctx.storage.get('orgs', overseer.orgId)
  return org ? { id: org.id, name: org.name } : null
}

/** The caller's org, behind the router's party_committee check. */
export async function requireOrg(ctx: Context): Promise<Org> {
  if (!ctx.overseer) throw new Error('org use case reached without an overseer')
  const org = await ctx.storage.get('orgs', ctx.overseer.orgId)
  if (!org) throw new AppError('NOT_FOUND', '找不到您的党委，请联系部署人员')
  return org
}

export async function orgCreate(ctx: Context, p: Payload<'org.create'>): Promise<Result<'org.create'>> {
  const now = ctx.clock.now()
  const existing = await ctx.storage.get('orgOverseers', ctx.caller.openid)
  const id = orgIdOf(ctx.caller.openid, p.name)
  if (existing && existing.orgId !== id) throw new AppError('CONFLICT', '您已是一个党委的管理人员，不能再创建新的党委')
  await checkSetupCode(ctx, p.setupCode, now)
  const at = toShanghaiIso(now)
  // The overseer first: of two orgs created at once by one user, the second stops here, before its org exists.
  const { record: overseer } = await recordOnce(ctx.storage, 'orgOverseers', { id: ctx.caller.openid, branchId: NO_BRANCH, orgId: id, name: p.overseerName, since: at } satisfies OrgOverseer)
  if (overseer.orgId !== id) throw new AppError('CONFLICT', '您已是一个党委的管理人员，不能再创建新的党委')
  const { record: org } = await recordOnce(ctx.storage, 'orgs', { id, branchId: NO_BRANCH, name: p.name, code: newOrgCode(), createdAt: at, createdBy: ctx.caller.openid } satisfies Org)
  return { org: { id: org.id, name: org.name } }
}

export async function orgCode(ctx: Context, p: Payload<'org.code'>): Promise<Result<'org.code'>> {
  const org = await requireOrg(ctx)
  if (!p.rotate) return { code: org.code }
  const code = newOrgCode()
  // Two rotations at once: the one that lost answers the winner's code.
  if (await ctx.storage.updateWhere('orgs', org.id, { code: org.code }, { set: { code } })) return { code }
  return { code: (await ctx.storage.get('orgs', org.id))?.code ?? code }
}

export async function orgAttach(ctx: Context, p: Payload<'org.attach'>): Promise<Result<'org.attach'>> {
  const secretary = requireMember(ctx)
  const org = (await ctx.storage.find('orgs', { code: p.code }, { limit: 1 }))[0]
  if (!org) throw new AppError('NOT_FOUND', '党委代码不正确，请向党委核对')
  const link: OrgLink = { id: secretary.branchId, branchId: secretary.branchId, orgId: org.id, active: true, attachedAt: toShanghaiIso(ctx.clock.now()), attachedBy: secretary.id }
  if (await insertOnce(ctx.storage, 'orgLinks', link)) return { org: { id: org.id, name: org.name } }
  const current = await ctx.storage.get('orgLinks', link.id)
  if (current?.active && current.orgId === org.id) return { org: { id: org.id, name: org.name } }
  if (current?.active) throw new AppError('CONFLICT', '本支部已属于另一个党委，请先由该党委移出')
  // Detached earlier: attach again, unless another attach got there first.
  const fresh = { orgId: link.orgId, active: true, attachedAt: link.attachedAt, attachedBy: link.attachedBy }
  if (!(await ctx.storage.updateWhere('orgLinks', link.id, { active: false }, { set: fresh, unset: ['detached'] }))) {
    throw new AppError('CONFLICT', '本支部刚刚加入了一个党委，请刷新后查看')
  }
  return { org: { id: org.id, name: org.name } }
}

export async function orgMine(ctx: Context): Promise<Result<'org.mine'>> {
  const link = await ctx.storage.get('orgLinks', requireMember(ctx).branchId)
  const org = link?.active ? await ctx.storage.get('orgs', link.orgId) : null
  return { org: org ? { id: org.id, name: org.name } : null }
}

export async function orgDetach(ctx: Context, p: Payload<'org.detach'>): Promise<Result<'org.detach'>> {
  const org = await requireOrg(ctx)
  const detached = { at: toShanghaiIso(ctx.clock.now()), by: ctx.caller.openid, reason: p.reason }
  const done = await ctx.storage.updateWhere('orgLinks', p.branchId, { orgId: org.id, active: true }, { set: { active: false, detached } })
  if (!done) throw new AppError('NOT_FOUND', '本党委没有这个支部')
  return { branchId: p.branchId, detached: true }
}
