/**
 * Who may do what: one table, checked once in the router, tested for every cell.
 */
import type { ActionName, Audience } from '../../types/actions'
import type { Role } from '../../types/models'

export const PERMISSIONS: Record<ActionName, Audience> = {
  'session.me': 'anyone',
  'schedule.month': ['member'],
  'points.mine': ['member'],
}

/** Every bound person is a member; a deputy may do whatever a committee member may. */
export function effectiveRoles(roles: readonly Role[]): Set<Role> {
  const set = new Set<Role>(roles)
  set.add('member')
  if (set.has('deputy')) set.add('committee')
  return set
}

export function mayCall(audience: Audience, roles: readonly Role[]): boolean {
  if (audience === 'anyone') return true
  const mine = effectiveRoles(roles)
  return audience.some((r) => mine.has(r))
}

export const ROLE_LABELS: Record<Role, string> = {
  secretary: '支部书记',
  deputy: '副书记',
  committee: '支委',
  group_leader: '党小组长',
  member: '党员',
}

/** The Chinese phrase for who may do an action, for FORBIDDEN messages. */
export function audienceLabel(audience: Audience): string {
  if (audience === 'anyone') return '已登录用户'
  return audience.map((r) => ROLE_LABELS[r]).join('或')
}
