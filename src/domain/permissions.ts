/**
 * Roles and what they imply, shared by the router (each action's declared audience,
 * cloudfunctions/core/actions) and the app (what to offer whom).
 */
import type { Meeting, Member, Role } from '../../types/models'

/**
 * `party_committee` (CONTRACT §7) is held on an org, not on a branch's member: a user who oversees
 * a 党委 reads across its branches, and may also be a member of one branch.
 */
export type CallerRole = Role | 'party_committee'

/** Who may call an action: 'anyone' means any signed-in WeChat user, bound to a branch or not. */
export type Audience = 'anyone' | readonly CallerRole[]

/** The audiences actions are declared with; the app offers an action to the same people. */
export const ORGANISERS = ['secretary', 'committee', 'group_leader'] as const satisfies readonly Role[]
export const LEADERSHIP = ['secretary', 'committee'] as const satisfies readonly Role[]
export const SECRETARY = ['secretary'] as const satisfies readonly Role[]
export const MEMBERS = ['member'] as const satisfies readonly Role[]
export const PARTY_COMMITTEE = ['party_committee'] as const satisfies readonly CallerRole[]

/**
 * The second half of the permission check, for actions on one meeting: the branch's leadership
 * (secretary, deputy, committee) manage every meeting of their branch; a 党小组长 manages only
 * their own group's 党小组会. The router checks the action's declared audience; use cases call this
 * with the meeting they loaded.
 */
export function canManageMeeting(member: Pick<Member, 'roles' | 'groupId' | 'branchId'>, meeting: Pick<Meeting, 'branchId' | 'scope' | 'type'>): boolean {
  if (member.branchId !== meeting.branchId) return false
  const roles = effectiveRoles(member.roles)
  if (roles.has('secretary') || roles.has('committee')) return true
  return roles.has('group_leader') && isOwnGroupMeeting(member, meeting)
}

function isOwnGroupMeeting(member: Pick<Member, 'groupId'>, meeting: Pick<Meeting, 'scope' | 'type'>): boolean {
  return meeting.type === 'group' && meeting.scope.kind === 'group' && meeting.scope.groupId === member.groupId && member.groupId !== null
}

/** Whether a member may create a meeting of this type and scope (a 党小组长: only their group's 党小组会). */
export function canCreateMeeting(member: Pick<Member, 'roles' | 'groupId' | 'branchId'>, meeting: Pick<Meeting, 'scope' | 'type'>): boolean {
  return canManageMeeting(member, { ...meeting, branchId: member.branchId })
}

export const MANAGE_MEETING_DENIED = '仅支部书记、支委或本小组的党小组长可以管理这次会议'
export const GROUP_LEADER_CREATE_DENIED = '党小组长只能为本小组创建党小组会'

/** Every bound person is a member; a deputy may do whatever a committee member may. */
export function effectiveRoles(roles: readonly Role[]): Set<Role> {
  const set = new Set<Role>(roles)
  set.add('member')
  if (set.has('deputy')) set.add('committee')
  return set
}

/** Whether an org's party_committee may call an action of this audience. */
export function isForPartyCommittee(audience: Audience): boolean {
  return audience !== 'anyone' && (audience as readonly CallerRole[]).includes('party_committee')
}

/**
 * `roles`: the caller's branch roles, null when bound to no branch; `oversees`: whether the caller
 * is an org's party_committee. A branch role never implies party_committee, nor the reverse.
 */
export function mayCall(audience: Audience, roles: readonly Role[] | null, oversees = false): boolean {
  if (audience === 'anyone') return true
  if (oversees && isForPartyCommittee(audience)) return true
  if (!roles) return false
  const mine = effectiveRoles(roles)
  return audience.some((r) => r !== 'party_committee' && mine.has(r))
}

export const ROLE_LABELS: Record<Role, string> = {
  secretary: '支部书记',
  deputy: '副书记',
  committee: '支委',
  group_leader: '党小组长',
  member: '党员',
}

export const PARTY_COMMITTEE_LABEL = '党委'

/** The Chinese phrase for who may do an action, for FORBIDDEN messages. */
export function audienceLabel(audience: Audience): string {
  if (audience === 'anyone') return '已登录用户'
  return audience.map((r) => (r === 'party_committee' ? PARTY_COMMITTEE_LABEL : ROLE_LABELS[r])).join('或')
}
