/**
 * Roles and what they imply, and managing one meeting. Who may call each action is tested cell by
 * cell beside the declarations (cloudfunctions/core/actions/permissions.test.ts).
 */
import { MEETING_TYPES, ROLES, type MeetingScope, type MeetingType, type Role } from '../../types/models'
import { audienceLabel, canCreateMeeting, canManageMeeting, effectiveRoles, mayCall, ROLE_LABELS } from './permissions'

describe('roles', () => {
  it('every bound person is a member, whatever roles were stored', () => {
    for (const role of ROLES) expect(effectiveRoles([role]).has('member')).toBe(true)
    expect(effectiveRoles([]).has('member')).toBe(true)
    expect(mayCall(['member'], [])).toBe(true)
  })

  it('a deputy may do whatever a committee member may', () => {
    expect(effectiveRoles(['deputy']).has('committee')).toBe(true)
    expect(mayCall(['committee'], ['deputy'])).toBe(true)
    expect(mayCall(['secretary', 'committee'], ['deputy', 'member'])).toBe(true)
  })

  it('a deputy is not a secretary, and a committee member is not a deputy', () => {
    expect(mayCall(['secretary'], ['deputy'])).toBe(false)
    expect(mayCall(['deputy'], ['committee'])).toBe(false)
  })

  it('no role implies another except member and deputy ⇒ committee', () => {
    for (const role of ROLES) {
      const implied = [...effectiveRoles([role])].sort()
      const expected = role === 'deputy' ? ['committee', 'deputy', 'member'] : Array.from(new Set([role, 'member'])).sort()
      expect(implied).toEqual(expected)
    }
  })

  it.each<[Role[], Role[], boolean]>([
    [['secretary', 'committee'], ['member'], false],
    [['secretary', 'committee'], ['group_leader'], false],
    [['secretary', 'committee'], ['committee'], true],
    [['secretary', 'committee'], ['secretary'], true],
    [['group_leader'], ['group_leader', 'member'], true],
    [['secretary'], ['committee'], false],
  ])('an action for %j: %j may call it: %s', (audience, roles, expected) => {
    expect(mayCall(audience, roles)).toBe(expected)
  })

  it('says who may in Chinese, for FORBIDDEN messages', () => {
    expect(audienceLabel(['secretary', 'committee'])).toBe('支部书记或支委')
    expect(audienceLabel('anyone')).toBe('已登录用户')
    for (const role of ROLES) expect(ROLE_LABELS[role]).toMatch(/\p{Script=Han}/u)
  })
})

describe('managing one meeting (canManageMeeting, canCreateMeeting)', () => {
  const OWN_GROUP = { kind: 'group' as const, groupId: 'g1' }
  const OTHER_GROUP = { kind: 'group' as const, groupId: 'g2' }
  const person = (roles: Role[], groupId: string | null = 'g1', branchId = 'b1') => ({ roles, groupId, branchId })
  const meeting = (type: MeetingType, scope: MeetingScope, branchId = 'b1') => ({ type, scope, branchId })

  it.each(['secretary', 'deputy', 'committee'] as Role[])('a %s manages and creates every meeting of the branch', (role) => {
    for (const type of MEETING_TYPES) {
      for (const scope of [{ kind: 'branch' }, { kind: 'committee' }, OWN_GROUP, OTHER_GROUP] as MeetingScope[]) {
        expect(canManageMeeting(person([role]), meeting(type, scope))).toBe(true)
        expect(canCreateMeeting(person([role]), { type, scope })).toBe(true)
      }
    }
  })

  it("a 党小组长 manages and creates only their own group's 党小组会", () => {
    const leader = person(['group_leader', 'member'])
    expect(canManageMeeting(leader, meeting('group', OWN_GROUP))).toBe(true)
    expect(canCreateMeeting(leader, { type: 'group', scope: OWN_GROUP })).toBe(true)
    expect(canManageMeeting(leader, meeting('group', OTHER_GROUP))).toBe(false)
    expect(canManageMeeting(leader, meeting('group', { kind: 'branch' }))).toBe(false)
    for (const type of MEETING_TYPES.filter((t) => t !== 'group')) {
      expect(canManageMeeting(leader, meeting(type, OWN_GROUP))).toBe(false)
      expect(canCreateMeeting(leader, { type, scope: OWN_GROUP })).toBe(false)
      expect(canCreateMeeting(leader, { type, scope: { kind: 'branch' } })).toBe(false)
    }
  })

  it('a 党小组长 without a group manages no group meeting', () => {
    expect(canManageMeeting(person(['group_leader'], null), meeting('group', OWN_GROUP))).toBe(false)
  })

  it('a plain member manages nothing', () => {
    for (const type of MEETING_TYPES) expect(canManageMeeting(person(['member']), meeting(type, OWN_GROUP))).toBe(false)
  })

  it("nobody manages another branch's meeting", () => {
    for (const role of ['secretary', 'deputy', 'committee', 'group_leader'] as Role[]) {
      expect(canManageMeeting(person([role]), meeting('group', OWN_GROUP, 'b2'))).toBe(false)
    }
  })
})
