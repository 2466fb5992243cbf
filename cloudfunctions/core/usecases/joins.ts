/**
 * Joining from WeChat (CONTRACT §5): the secretary shows the branch's invite; a WeChat user sends
 * name and phone tail with its code and waits; the secretary approves, binding them to the roster
 * member that matches (never silently to another one).
 */
import { randomBytes } from 'node:crypto'
import type { Invite, JoinRequest, Member } from '../../../types/models'
import { toShanghaiIso } from '../../../src/domain/time'
import type { Payload, Result } from '../actions'
import { requireMember, type Context } from '../context'
import { AppError } from '../errors'
import { joinRequestId, newId } from '../records/ids'
import { recordOnce } from '../records/record-once'
import { bindMember, loadBranchMember, writeAudit } from './members'
import { pageOf, pageQuery } from './paging'
import { PAGES } from '../actions/define'

/** About 70 bits in 12 letters and digits: unguessable, and short enough to type. */
const newInviteCode = () => randomBytes(9).toString('base64url').replace(/[-_]/g, 'x')

export const joinPath = (code: string) => `/pages/join/index?code=${encodeURIComponent(code)}`

function inviteAnswer(ctx: Context, invite: Invite) {
  return { code: invite.id, url: `${ctx.links?.appUrl ?? ''}${joinPath(invite.id)}` }
}

async function activeInvite(ctx: Context, branchId: string): Promise<Invite | null> {
  return (await ctx.storage.find('invites', { branchId, active: true }, { orderBy: [['createdAt', 'desc']], limit: 1 }))[0] ?? null
}

async function makeInvite(ctx: Context): Promise<Invite> {
  const me = requireMember(ctx)
  const invite: Invite = { id: newInviteCode(), branchId: me.branchId, createdAt: toShanghaiIso(ctx.clock.now()), createdBy: me.id, active: true }
  await ctx.storage.insert('invites', invite)
  return invite
}

export async function inviteGet(ctx: Context): Promise<Result<'invite.get'>> {
  const me = requireMember(ctx)
  return inviteAnswer(ctx, (await activeInvite(ctx, me.branchId)) ?? (await makeInvite(ctx)))
}

export async function inviteRotate(ctx: Context): Promise<Result<'invite.rotate'>> {
  const me = requireMember(ctx)
  const old = await ctx.storage.find('invites', { branchId: me.branchId, active: true })
  for (const invite of old) await ctx.storage.update('invites', invite.id, { active: false })
  return inviteAnswer(ctx, await makeInvite(ctx))
}

export async function joinRequest(ctx: Context, p: Payload<'join.request'>): Promise<Result<'join.request'>> {
  if (ctx.member) throw new AppError('CONFLICT', '您已加入党支部，不需要再申请')
  const invite = await ctx.storage.get('invites', p.code)
  if (!invite || !invite.active) throw new AppError('NOT_FOUND', '邀请码不正确或已更换，请向支部书记索取新的邀请码')
  const request: JoinRequest = {
    id: joinRequestId(ctx.caller.openid),
    branchId: invite.branchId,
    openid: ctx.caller.openid,
    name: p.name,
    phoneTail: p.phoneTail,
    state: 'pending',
    requestedAt: toShanghaiIso(ctx.clock.now()),
  }
  const { created, record } = await recordOnce(ctx.storage, 'joins', request)
  // A second request from the same user replaces their pending one (or a decided one: they ask again).
  if (!created && !(await ctx.storage.updateWhere('joins', record.id, { state: record.state }, { set: { ...withoutId(request) } }))) {
    throw new AppError('CONFLICT', '申请刚刚被处理，请刷新后再看')
  }
  return { requestId: request.id, state: 'pending' }
}

const withoutId = ({ id: _, branchId: __, ...rest }: JoinRequest) => rest

/** The active, unbound roster member with the request's name and phone tail. */
function matchOf(request: JoinRequest, members: Member[]): Member | null {
  return members.find((m) => m.active && !m.openid && m.name === request.name && m.phoneTail === request.phoneTail) ?? null
}

export async function joinList(ctx: Context, p: Payload<'join.list'>): Promise<Result<'join.list'>> {
  const me = requireMember(ctx)
  const rule = { limit: PAGES.joins }
  const [found, members] = await Promise.all([
    ctx.storage.find('joins', { branchId: me.branchId, state: 'pending' }, pageQuery(p, rule, [['requestedAt', 'asc'], ['id', 'asc']])),
    ctx.storage.find('members', { branchId: me.branchId, active: true }),
  ])
  const { items: requests, next } = pageOf(found, p, rule)
  return {
    next,
    requests: requests.map((r) => {
      const match = matchOf(r, members)
      return { requestId: r.id, name: r.name, phoneTail: r.phoneTail, state: r.state, requestedAt: r.requestedAt, match: match && { memberId: match.id, name: match.name } }
    }),
  }
}

export async function joinReview(ctx: Context, p: Payload<'join.review'>): Promise<Result<'join.review'>> {
  const me = requireMember(ctx)
  const request = await ctx.storage.get('joins', p.requestId)
  if (!request || request.branchId !== me.branchId) throw new AppError('NOT_FOUND', '找不到这条入支部申请')
  if (request.state !== 'pending') {
    if ((request.state === 'approved') === p.approve) return { state: request.state, ...(request.memberId ? { memberId: request.memberId } : {}) }
    throw new AppError('CONFLICT', '这条申请已经处理过了')
  }
  const decided = { decidedBy: me.id, decidedAt: toShanghaiIso(ctx.clock.now()) }
  if (!p.approve) {
    await ctx.storage.updateWhere('joins', request.id, { state: 'pending' }, { set: { state: 'refused', ...decided } })
    return { state: 'refused' }
  }
  const member = await memberToBind(ctx, request, p.memberId)
  await bindMember(ctx, request.openid, member)
  await ctx.storage.updateWhere('joins', request.id, { state: 'pending' }, { set: { state: 'approved', memberId: member.id, ...decided } })
  return { state: 'approved', memberId: member.id }
}

/** The member chosen, else the roster match, else a new member made from the request. */
async function memberToBind(ctx: Context, request: JoinRequest, chosen: string | undefined): Promise<Member> {
  if (chosen) {
    const member = await loadBranchMember(ctx, chosen)
    if (!member.active) throw new AppError('CONFLICT', '这位党员已不在本支部')
    return member
  }
  const members = await ctx.storage.find('members', { branchId: request.branchId, active: true })
  const match = matchOf(request, members)
  if (match) return match
  const member: Member = {
    id: newId('m', ctx.clock.now()),
    branchId: request.branchId,
    name: request.name,
    phoneTail: request.phoneTail,
    roles: ['member'],
    groupId: null,
    standing: 'full',
    active: true,
    dues: null,
  }
  await ctx.storage.insert('members', member)
  await writeAudit(ctx, member, 'create', '由入支部申请新建')
  return member
}

/** What session.me tells an unbound user about their request. */
export async function pendingJoinOf(ctx: Context): Promise<{ branchName: string; state: JoinRequest['state'] } | null> {
  const request = await ctx.storage.get('joins', joinRequestId(ctx.caller.openid))
  if (!request || request.state === 'approved') return null
  const branch = await ctx.storage.get('branches', request.branchId)
  return { branchName: branch?.name ?? '', state: request.state }
}
