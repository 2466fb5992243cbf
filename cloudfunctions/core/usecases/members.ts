/**
 * The roster, 党小组 and roles, run by the secretary from the app (CONTRACT §5). Every change to a
 * member writes an audit row (who, when, what); a branch always keeps a secretary; one WeChat user
 * is bound to one member by a binding document whose id is the OPENID.
 */
import type { Group, Member, MemberAudit, Role } from '../../../types/models'
import { ROLE_LABELS } from '../../../src/domain/permissions'
import { toShanghaiIso } from '../../../src/domain/time'
import type { Payload, Result } from '../actions'
import type { RosterMember } from '../actions/members'
import { requireMember, type Context } from '../context'
import { AppError, invalidInput } from '../errors'
import { newId } from '../records/ids'
import { insertOnce } from '../records/record-once'

export function rosterView(m: Member): RosterMember {
  return {
    id: m.id,
    name: m.name,
    roles: m.roles,
    groupId: m.groupId,
    standing: m.standing,
    phoneTail: m.phoneTail ?? null,
    bound: Boolean(m.openid),
    active: m.active,
    ...(m.removed ? { removed: { reason: m.removed.reason, at: m.removed.at.slice(0, 10) } } : {}),
  }
}

/** A member of the caller's branch, or NOT_FOUND: another branch's members do not exist for them. */
export async function loadBranchMember(ctx: Context, memberId: string): Promise<Member> {
  const me = requireMember(ctx)
  const member = await ctx.storage.get('members', memberId)
  if (!member || member.branchId !== me.branchId) throw new AppError('NOT_FOUND', '找不到这位党员')
  return member
}

export async function writeAudit(ctx: Context, member: Pick<Member, 'id' | 'branchId'>, action: MemberAudit['action'], detail: string): Promise<void> {
  const now = ctx.clock.now()
  await ctx.storage.insert('memberAudit', {
    id: newId('audit', now),
    branchId: member.branchId,
    memberId: member.id,
    action,
    by: ctx.member?.id ?? ctx.caller.openid,
    at: toShanghaiIso(now),
    detail,
  })
}

/** CONFLICT when `member` is the branch's last active secretary and the change takes that away. */
async function keepASecretary(ctx: Context, member: Member): Promise<void> {
  if (!member.active || !member.roles.includes('secretary')) return
  const secretaries = await ctx.storage.count('members', { branchId: member.branchId, active: true, roles: { $in: ['secretary'] } })
  if (secretaries <= 1) throw new AppError('CONFLICT', '支部至少要有一位书记：请先指定新的书记')
}

/** The roles a member holds after being given `assigned`: 党员 always, 党小组长 kept while they lead a group. */
export function rolesToHold(current: readonly Role[], assigned: readonly Role[]): Role[] {
  return [...new Set<Role>(['member', ...assigned, ...(current.includes('group_leader') ? ['group_leader' as const] : [])])]
}

const rolesText = (roles: readonly Role[]) => roles.filter((r) => r !== 'member').map((r) => ROLE_LABELS[r]).join('、') || '党员'

export async function groupCreate(ctx: Context, p: Payload<'group.create'>): Promise<Result<'group.create'>> {
  const me = requireMember(ctx)
  const groups = await ctx.storage.find('groups', { branchId: me.branchId })
  if (groups.some((g) => g.name === p.name)) throw new AppError('CONFLICT', `已有名为“${p.name}”的党小组`)
  const group: Group = { id: newId('g', ctx.clock.now()), branchId: me.branchId, name: p.name, leaderId: null }
  await ctx.storage.insert('groups', group)
  return { group }
}

export async function groupUpdate(ctx: Context, p: Payload<'group.update'>): Promise<Result<'group.update'>> {
  const me = requireMember(ctx)
  const group = await ctx.storage.get('groups', p.groupId)
  if (!group || group.branchId !== me.branchId) throw new AppError('NOT_FOUND', '找不到这个党小组')
  const groups = await ctx.storage.find('groups', { branchId: me.branchId })
  if (p.name !== undefined && groups.some((g) => g.id !== group.id && g.name === p.name)) throw new AppError('CONFLICT', `已有名为“${p.name}”的党小组`)
  const leaderId = p.leaderId === undefined ? group.leaderId : p.leaderId
  if (leaderId !== group.leaderId) await changeLeader(ctx, group, leaderId, groups)
  const next: Group = { ...group, name: p.name ?? group.name, leaderId }
  await ctx.storage.update('groups', group.id, { name: next.name, leaderId: next.leaderId })
  return { group: next }
}

/** The new leader joins the group and gets 党小组长; the old one keeps it only while leading another group. */
async function changeLeader(ctx: Context, group: Group, leaderId: string | null, groups: Group[]): Promise<void> {
  if (leaderId) {
    const leader = await loadBranchMember(ctx, leaderId)
    if (!leader.active) throw invalidInput('leaderId', '这位党员已不在本支部')
    const roles = leader.roles.includes('group_leader') ? leader.roles : [...leader.roles, 'group_leader' as const]
    await ctx.storage.update('members', leader.id, { roles, groupId: group.id })
    await writeAudit(ctx, leader, 'update', `任${group.name}党小组长`)
  }
  if (!group.leaderId) return
  const old = await ctx.storage.get('members', group.leaderId)
  const leadsAnother = groups.some((g) => g.id !== group.id && g.leaderId === group.leaderId)
  if (old && !leadsAnother) {
    await ctx.storage.update('members', old.id, { roles: old.roles.filter((r) => r !== 'group_leader') })
    await writeAudit(ctx, old, 'update', `不再任${group.name}党小组长`)
  }
}

export async function memberList(ctx: Context, p: Payload<'member.list'>): Promise<Result<'member.list'>> {
  const me = requireMember(ctx)
  const members = await ctx.storage.find('members', { branchId: me.branchId, ...(p.includeInactive ? {} : { active: true }) }, { orderBy: [['id', 'asc']] })
  return { members: members.map(rosterView) }
}

export async function memberGet(ctx: Context, p: Payload<'member.get'>): Promise<Result<'member.get'>> {
  const member = await loadBranchMember(ctx, p.memberId)
  const audit = await ctx.storage.find('memberAudit', { memberId: member.id }, { orderBy: [['at', 'desc']], limit: 100 })
  return { member: rosterView(member), audit }
}

export async function memberUpdate(ctx: Context, p: Payload<'member.update'>): Promise<Result<'member.update'>> {
  const member = await loadBranchMember(ctx, p.memberId)
  if (!member.active) throw new AppError('CONFLICT', '这位党员已不在本支部，不能修改')
  if (p.groupId) {
    const group = await ctx.storage.get('groups', p.groupId)
    if (!group || group.branchId !== member.branchId) throw invalidInput('groupId', '本支部没有这个党小组')
  }
  const roles = p.roles && rolesToHold(member.roles, p.roles)
  if (roles && !roles.includes('secretary')) await keepASecretary(ctx, member)
  const patch: Partial<Member> = {
    ...(p.name !== undefined ? { name: p.name } : {}),
    ...(p.phoneTail !== undefined ? { phoneTail: p.phoneTail } : {}),
    ...(p.groupId !== undefined ? { groupId: p.groupId } : {}),
    ...(roles ? { roles } : {}),
    ...(p.standing !== undefined ? { standing: p.standing } : {}),
  }
  const changed = describeChanges(member, patch)
  if (!changed) return { member: rosterView(member) }
  await ctx.storage.update('members', member.id, patch)
  await writeAudit(ctx, member, 'update', changed)
  return { member: rosterView({ ...member, ...patch }) }
}

function describeChanges(before: Member, patch: Partial<Member>): string {
  const parts: string[] = []
  if (patch.name !== undefined && patch.name !== before.name) parts.push(`姓名：${before.name} → ${patch.name}`)
  if (patch.phoneTail !== undefined && patch.phoneTail !== before.phoneTail) parts.push(`手机尾号：${before.phoneTail ?? '无'} → ${patch.phoneTail}`)
  if (patch.groupId !== undefined && patch.groupId !== before.groupId) parts.push('党小组已调整')
  if (patch.roles && rolesText(patch.roles) !== rolesText(before.roles)) parts.push(`职务：${rolesText(before.roles)} → ${rolesText(patch.roles)}`)
  if (patch.standing !== undefined && patch.standing !== before.standing) {
    parts.push(patch.standing === 'full' ? '预备党员 → 正式党员' : '正式党员 → 预备党员')
  }
  return parts.join('；')
}

const REMOVAL_WORDS: Record<Payload<'member.remove'>['reason'], string> = {
  transfer_out: '组织关系转出',
  left: '离开支部',
  deceased: '去世',
  other: '其他原因',
}

export async function memberRemove(ctx: Context, p: Payload<'member.remove'>): Promise<Result<'member.remove'>> {
  const me = requireMember(ctx)
  const member = await loadBranchMember(ctx, p.memberId)
  if (!member.active) return { member: rosterView(member) }
  await keepASecretary(ctx, member)
  const removed = { reason: p.reason, ...(p.note ? { note: p.note } : {}), at: toShanghaiIso(ctx.clock.now()), by: me.id }
  await unbindMember(ctx, member)
  await ctx.storage.updateWhere('members', member.id, { active: true }, { set: { active: false, removed }, unset: ['openid'] })
  const led = await ctx.storage.find('groups', { branchId: member.branchId, leaderId: member.id })
  for (const group of led) await ctx.storage.update('groups', group.id, { leaderId: null })
  await writeAudit(ctx, member, 'remove', `${REMOVAL_WORDS[p.reason]}${p.note ? `（${p.note}）` : ''}`)
  return { member: rosterView({ ...member, active: false, removed, openid: undefined }) }
}

export async function memberUnbind(ctx: Context, p: Payload<'member.unbind'>): Promise<Result<'member.unbind'>> {
  const member = await loadBranchMember(ctx, p.memberId)
  if (!member.openid) return { member: rosterView(member) }
  await unbindMember(ctx, member)
  await writeAudit(ctx, member, 'unbind', '解除微信绑定（历史记录保留）')
  return { member: rosterView({ ...member, openid: undefined }) }
}

/** Frees the WeChat user and the member for a new binding. */
async function unbindMember(ctx: Context, member: Member): Promise<void> {
  if (!member.openid) return
  const binding = await ctx.storage.get('bindings', member.openid)
  if (binding?.memberId === member.id) await ctx.storage.remove('bindings', member.openid)
  await ctx.storage.updateWhere('members', member.id, { openid: member.openid }, { unset: ['openid'] })
}

/**
 * Binds a WeChat user to a member: the binding document (id: the OPENID) is written first, so a
 * user already bound, or two approvals racing, can never end with one user on two members.
 */
export async function bindMember(ctx: Context, openid: string, member: Member): Promise<void> {
  if (member.openid) throw new AppError('CONFLICT', '这位党员已绑定了微信，请先解除绑定')
  const at = toShanghaiIso(ctx.clock.now())
  if (!(await insertOnce(ctx.storage, 'bindings', { id: openid, branchId: member.branchId, memberId: member.id, at }))) {
    const existing = await ctx.storage.get('bindings', openid)
    if (existing?.memberId !== member.id) throw new AppError('CONFLICT', '这个微信已绑定了其他党员')
  }
  // Compare-and-set on the member too: of two approvals racing for one member, one binds.
  if (!(await ctx.storage.updateWhere('members', member.id, { active: true, openid: { $exists: false } }, { set: { openid } }))) {
    await ctx.storage.remove('bindings', openid)
    throw new AppError('CONFLICT', '这位党员刚刚已绑定了微信，或已不在本支部')
  }
  await writeAudit(ctx, member, 'bind', '绑定微信')
}
