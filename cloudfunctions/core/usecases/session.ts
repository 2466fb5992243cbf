import type { Result } from '../../../types/actions'
import type { Context } from '../context'

export async function sessionMe(ctx: Context): Promise<Result<'session.me'>> {
  const member = ctx.member
  if (!member) return { openid: ctx.caller.openid, member: null }
  const [branch, group] = await Promise.all([
    ctx.storage.get('branches', member.branchId),
    member.groupId ? ctx.storage.get('groups', member.groupId) : Promise.resolve(null),
  ])
  return {
    openid: ctx.caller.openid,
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
