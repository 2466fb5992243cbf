/**
 * Who may do what (CONTRACT §3), cell by cell. The router checks this table once; the router
 * suite runs the same matrix through the router itself.
 */
import type { ActionName } from '../../types/actions'
import { ROLES, type Role } from '../../types/models'
import { audienceLabel, effectiveRoles, mayCall, PERMISSIONS, ROLE_LABELS } from './permissions'
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
