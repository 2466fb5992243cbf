/**
 * Who may do what (CONTRACT §3), cell by cell. The router checks this table once; the router
 * suite runs the same matrix through the router itself.
 */
import type { ActionName } from '../services/call'
import { MEETING_TYPES, ROLES, type MeetingScope, type MeetingType, type Role } from '../../types/models'
import { audienceLabel, canCreateMeeting, canManageMeeting, effectiveRoles, mayCall, PERMISSIONS, ROLE_LABELS } from './permissions'
import { SCHEMAS } from './schemas'

type Who = Role | 'unbound'
const EVERYONE: Who[] = ['secretary', 'deputy', 'committee', 'group_leader', 'member', 'unbound']

/** Written from the contract, not from the table: action → who may call it. */
const EXPECTED: Record<ActionName, Who[]> = {
  'session.me': EVERYONE,
  'schedule.month': ['secretary', 'deputy', 'committee', 'group_leader', 'member'],
  'points.mine': ['secretary', 'deputy', 'committee', 'group_leader', 'member'],
  'meeting.create': ['secretary', 'deputy', 'committee', 'group_leader'],
  'meeting.update': ['secretary', 'deputy', 'committee', 'group_leader'],
  'meeting.cancel': ['secretary', 'deputy', 'committee', 'group_leader'],
  'meeting.list': ['secretary', 'deputy', 'committee', 'group_leader', 'member'],
  'meeting.get': ['secretary', 'deputy', 'committee', 'group_leader', 'member'],
  'checkin.code': ['secretary', 'deputy', 'committee', 'group_leader'],
  'checkin.live': ['secretary', 'deputy', 'committee', 'group_leader'],
  'checkin.submit': ['secretary', 'deputy', 'committee', 'group_leader', 'member'],
  'checkin.manual': ['secretary', 'deputy', 'committee'],
  'leave.request': ['secretary', 'deputy', 'committee', 'group_leader', 'member'],
  'leave.review': ['secretary', 'deputy', 'committee'],
  'attendance.get': ['secretary', 'deputy', 'committee'],
  'attendance.mine': ['secretary', 'deputy', 'committee', 'group_leader', 'member'],
  'subscription.record': ['secretary', 'deputy', 'committee', 'group_leader', 'member'],
  'subscription.mine': ['secretary', 'deputy', 'committee', 'group_leader', 'member'],
  'subscription.overview': ['secretary', 'deputy', 'committee'],
  'notice.list': ['secretary', 'deputy', 'committee', 'group_leader', 'member'],
  'dues.setBase': ['secretary'],
  'dues.status': ['secretary', 'deputy', 'committee', 'group_leader', 'member'],
  'dues.pay': ['secretary', 'deputy', 'committee', 'group_leader', 'member'],
  'dues.confirm': ['secretary'],
  'dues.mine': ['secretary', 'deputy', 'committee', 'group_leader', 'member'],
  'dues.table': ['secretary'],
  'points.history': ['secretary', 'deputy', 'committee', 'group_leader', 'member'],
  'study.log': ['secretary', 'deputy', 'committee', 'group_leader', 'member'],
  'study.mine': ['secretary', 'deputy', 'committee', 'group_leader', 'member'],
  'study.pending': ['secretary', 'deputy', 'committee'],
  'study.review': ['secretary', 'deputy', 'committee'],
  'study.overview': ['secretary', 'deputy', 'committee'],
  'study.ranking': ['secretary', 'deputy', 'committee', 'group_leader', 'member'],
  'xuexi.report': ['secretary', 'deputy', 'committee', 'group_leader', 'member'],
  'xuexi.mine': ['secretary', 'deputy', 'committee', 'group_leader', 'member'],
  'question.create': ['secretary', 'deputy', 'committee'],
  'question.import': ['secretary', 'deputy', 'committee'],
  'question.list': ['secretary', 'deputy', 'committee'],
  'quiz.create': ['secretary', 'deputy', 'committee'],
  'quiz.list': ['secretary', 'deputy', 'committee', 'group_leader', 'member'],
  'quiz.start': ['secretary', 'deputy', 'committee', 'group_leader', 'member'],
  'quiz.submit': ['secretary', 'deputy', 'committee', 'group_leader', 'member'],
  'quiz.results': ['secretary', 'deputy', 'committee'],
  'makeup.mine': ['secretary', 'deputy', 'committee', 'group_leader', 'member'],
  'makeup.complete': ['secretary', 'deputy', 'committee', 'group_leader', 'member'],
  'makeup.overview': ['secretary', 'deputy', 'committee'],
  'branch.settings': ['secretary', 'deputy', 'committee', 'group_leader', 'member'],
  'branch.updateSettings': ['secretary'],
}

/** The same decision the router makes: an unbound user gets only what is open to anyone. */
function allowed(action: ActionName, who: Who): boolean {
  const audience = PERMISSIONS[action]
  if (who === 'unbound') return audience === 'anyone'
  return mayCall(audience, [who])
}

const cells = (Object.keys(EXPECTED) as ActionName[]).flatMap((action) =>
  EVERYONE.map((who) => [action, who, EXPECTED[action].includes(who)] as const),
)

describe('the permission table', () => {
  it('has one row for every action, the same actions the schemas know', () => {
    const actions = Object.keys(PERMISSIONS).sort()
    expect(actions).toEqual(Object.keys(EXPECTED).sort())
    expect(actions).toEqual(Object.keys(SCHEMAS).sort())
  })

  it('covers every role there is', () => {
    expect([...ROLES].sort()).toEqual(EVERYONE.filter((w) => w !== 'unbound').sort())
  })

  it.each(cells)('%s by %s: %s', (action, who, expected) => {
    expect(allowed(action, who)).toBe(expected)
  })
})

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
