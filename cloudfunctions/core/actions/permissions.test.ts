/**
 * Who may do what (CONTRACT §3), cell by cell. The router checks each action's declared audience
 * once; the router suite runs the same matrix through the router itself.
 */
import { ROLES, type Role } from '../../../types/models'
import { LEADERSHIP, mayCall, ORGANISERS } from '../../../src/domain/permissions'
import { ACTIONS, type ActionName } from '.'

type Who = Role | 'unbound'
const EVERYONE: Who[] = ['secretary', 'deputy', 'committee', 'group_leader', 'member', 'unbound']

/** Written from the contract, not from the table: action → who may call it. */
const EXPECTED: Record<ActionName, Who[]> = {
  'session.me': EVERYONE,
  // Anyone signed in reaches it; a caller already bound is then refused with CONFLICT.
  'branch.create': EVERYONE,
  'group.create': ['secretary'],
  'group.update': ['secretary'],
  'member.import': ['secretary'],
  'member.list': ['secretary', 'deputy', 'committee'],
  'member.get': ['secretary', 'deputy', 'committee'],
  'member.update': ['secretary'],
  'member.remove': ['secretary'],
  'member.unbind': ['secretary'],
  'invite.get': ['secretary'],
  'invite.rotate': ['secretary'],
  // Anyone signed in reaches it; a caller already bound is then refused with CONFLICT.
  'join.request': EVERYONE,
  'join.list': ['secretary', 'deputy', 'committee'],
  'join.review': ['secretary'],
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
  const audience = ACTIONS[action].who
  if (who === 'unbound') return audience === 'anyone'
  return mayCall(audience, [who])
}

const cells = (Object.keys(EXPECTED) as ActionName[]).flatMap((action) =>
  EVERYONE.map((who) => [action, who, EXPECTED[action].includes(who)] as const),
)

describe('who may call each action', () => {
  it('has one row for every declared action', () => {
    expect(Object.keys(ACTIONS).sort()).toEqual(Object.keys(EXPECTED).sort())
  })

  it('covers every role there is', () => {
    expect([...ROLES].sort()).toEqual(EVERYONE.filter((w) => w !== 'unbound').sort())
  })

  it.each(cells)('%s by %s: %s', (action, who, expected) => {
    expect(allowed(action, who)).toBe(expected)
  })
})

describe('what the app offers', () => {
  it('offers 查看考勤 and 新建会议 to exactly the people the actions are declared for', () => {
    expect(ACTIONS['attendance.get'].who).toBe(LEADERSHIP)
    expect(ACTIONS['meeting.create'].who).toBe(ORGANISERS)
  })
})
