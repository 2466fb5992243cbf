import type { Result } from '../actions'
import { toShanghaiIso } from '../../../src/domain/time'
import type { Context } from '../context'
import { pendingJoinOf } from './joins'
import { overseenOrg } from './org'

export async function sessionMe(ctx: Context): Promise<Result<'session.me'>> {
  const member = ctx.member
  const now = toShanghaiIso(ctx.clock.now())
  if (!member) {
    const [pendingJoin, org] = await Promise.all([pendingJoinOf(ctx), overseenOrg(ctx)])
    return { openid: ctx.caller.openid, member: null, now, groups: [], pendingJoin, org }
  }
  const [branch, groups, org] = await Promise.all([
    ctx.storage.get('branches', member.branchId),
    ctx.storage.find('groups', { branchId: member.branchId }, { orderBy: [['id', 'asc']] }),
    overseenOrg(ctx),
  ])
  const group = groups.find((g) => g.id === member.groupId)
  return {
    openid: ctx.caller.openid,
    now,
    pendingJoin: null,
    org,
    groups: groups.map((g) => ({ id: g.id, name: g.name })),
    member: {
      id: member.id,
      name: member.name,
      roles: member.roles,
      branchId: member.branchId,
      groupId: member.groupId,
      branchName: branch?.name ?? '',
      groupName: group?.name ?? null,
    },
  }
}
