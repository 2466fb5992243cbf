/**
 * Who may do what: one table, checked once in the router, tested for every cell.
 */
import type { ActionName, Audience } from '../../cloudfunctions/core/actions'
import type { Meeting, Member, Role } from '../../types/models'

const ORGANISERS: Role[] = ['secretary', 'committee', 'group_leader']

export const PERMISSIONS: Record<ActionName, Audience> = {
  'session.me': 'anyone',
  'schedule.month': ['member'],
  'points.mine': ['member'],
  'meeting.create': ORGANISERS,
  'meeting.update': ORGANISERS,
  'meeting.cancel': ORGANISERS,
  'meeting.list': ['member'],
  'meeting.get': ['member'],
  'checkin.code': ORGANISERS,
  'checkin.live': ORGANISERS,
  'checkin.submit': ['member'],
  'checkin.manual': ['secretary', 'committee'],
  'leave.request': ['member'],
  'leave.review': ['secretary', 'committee'],
  'attendance.get': ['secretary', 'committee'],
  'attendance.mine': ['member'],
  'subscription.record': ['member'],
  'subscription.mine': ['member'],
  'subscription.overview': ['secretary', 'committee'],
  'notice.list': ['member'],
  'dues.setBase': ['secretary'],
  // Everyone sees their own row; the use case widens it to the whole branch for the secretary.
  'dues.status': ['member'],
  'dues.pay': ['member'],
  'dues.confirm': ['secretary'],
  'dues.mine': ['member'],
  'dues.table': ['secretary'],
  'points.history': ['member'],
  'study.log': ['member'],
  'study.mine': ['member'],
  'study.pending': ['secretary', 'committee'],
  'study.review': ['secretary', 'committee'],
  'study.overview': ['secretary', 'committee'],
  // Open to every member, but only when the branch has turned rankings on (checked in the use case).
  'study.ranking': ['member'],
  'xuexi.report': ['member'],
  'xuexi.mine': ['member'],
  'question.create': ['secretary', 'committee'],
  'question.import': ['secretary', 'committee'],
  'question.list': ['secretary', 'committee'],
  'quiz.create': ['secretary', 'committee'],
  'quiz.list': ['member'],
  'quiz.start': ['member'],
  'quiz.submit': ['member'],
  'quiz.results': ['secretary', 'committee'],
  'makeup.mine': ['member'],
  'makeup.complete': ['member'],
  'makeup.overview': ['secretary', 'committee'],
  'branch.settings': ['member'],
  'branch.updateSettings': ['secretary'],
}

/**
 * The second half of the permission check, for actions on one meeting: the branch's leadership
 * (secretary, deputy, committee) manage every meeting of their branch; a 党小组长 manages only
 * their own group's 党小组会. The router checks the table above; use cases call this with the
 * meeting they loaded.
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
