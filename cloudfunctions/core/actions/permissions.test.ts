/**
 * Who may do what (CONTRACT §3), cell by cell. The router checks each action's declared audience
 * once; the router suite runs the same matrix through the router itself.
 */
import { ROLES, type Role } from '../../../types/models'
import { LEADERSHIP, mayCall, ORGANISERS } from '../../../src/domain/permissions'
import { ACTIONS, type ActionName } from '.'

type Who = Role | 'unbound'
const EVERYONE: Who[] = ['secretary', 'deputy', 'committee', 'group_leader', 'member', 'unbound']
/** Every bound person. */
const MEMBER: Who[] = ['secretary', 'deputy', 'committee', 'group_leader', 'member']
/** Who runs meetings: the leadership and group leaders. */
const ORGANISER: Who[] = ['secretary', 'deputy', 'committee', 'group_leader']
/** The branch's leadership (a deputy may do what a committee member may). */
const LEADER: Who[] = ['secretary', 'deputy', 'committee']
const SECRETARY: Who[] = ['secretary']

/** Written from the contract, not from the table: action → who may call it. */
const EXPECTED: Record<ActionName, Who[]> = {
  'session.me': EVERYONE,
  // Anyone signed in reaches it; a caller already bound is then refused with CONFLICT.
  'branch.create': EVERYONE,
  'group.create': SECRETARY,
  'group.update': SECRETARY,
  'member.import': SECRETARY,
  'member.list': LEADER,
  'member.get': LEADER,
  'member.update': SECRETARY,
  'member.remove': SECRETARY,
  'member.unbind': SECRETARY,
  'invite.get': SECRETARY,
  'invite.rotate': SECRETARY,
  // Anyone signed in reaches it; a caller already bound is then refused with CONFLICT.
  'join.request': EVERYONE,
  'join.list': LEADER,
  'join.review': SECRETARY,
  'schedule.month': MEMBER,
  'points.mine': MEMBER,
  'meeting.create': ORGANISER,
  'meeting.update': ORGANISER,
  'meeting.cancel': ORGANISER,
  'meeting.list': MEMBER,
  'meeting.get': MEMBER,
  'checkin.code': ORGANISER,
  'checkin.live': ORGANISER,
  'checkin.submit': MEMBER,
  'checkin.manual': LEADER,
  'leave.request': MEMBER,
  'leave.review': LEADER,
  'leave.withdraw': MEMBER,
  'attendance.get': LEADER,
  'attendance.mine': MEMBER,
  'subscription.record': MEMBER,
  'subscription.mine': MEMBER,
  'subscription.overview': LEADER,
  'notice.list': MEMBER,
  'dues.setBase': SECRETARY,
  'dues.status': MEMBER,
  'dues.pay': MEMBER,
  'dues.confirm': SECRETARY,
  'dues.mine': MEMBER,
  'dues.table': SECRETARY,
  'points.history': MEMBER,
  'study.log': MEMBER,
  'study.mine': MEMBER,
  'study.pending': LEADER,
  'study.review': LEADER,
  'study.overview': LEADER,
  'study.ranking': MEMBER,
  'xuexi.report': MEMBER,
  'xuexi.mine': MEMBER,
  'question.create': LEADER,
  'question.import': LEADER,
  'question.list': LEADER,
  'quiz.create': LEADER,
  'quiz.list': MEMBER,
  'quiz.start': MEMBER,
  'quiz.submit': MEMBER,
  'quiz.results': LEADER,
  'makeup.mine': MEMBER,
  'makeup.complete': MEMBER,
  'makeup.overview': LEADER,
  'branch.settings': MEMBER,
  'branch.updateSettings': SECRETARY,
  'announce.create': LEADER,
  'announce.list': MEMBER,
  'announce.read': MEMBER,
  'announce.readers': LEADER,
  'duty.set': SECRETARY,
  'duty.get': MEMBER,
  'duty.list': MEMBER,
  // Anyone signed in reaches it with the setup code; an overseer of another org gets CONFLICT.
  'org.create': EVERYONE,
  'org.code': [],
  'org.attach': SECRETARY,
  'org.detach': [],
  'org.overview': [],
  'org.branch': [],
  'org.export': [],
  'org.mine': SECRETARY,
  'branch.calendar': SECRETARY,
  'branch.updateCalendar': SECRETARY,
  'leave.pending': LEADER,
  'quiz.allowRetake': SECRETARY,
  'meeting.poster': ORGANISER,
  'invite.poster': SECRETARY,
  'minutes.save': ORGANISER,
  'minutes.get': ORGANISER,
  'minutes.read': MEMBER,
  'photo.upload': ORGANISER,
  'checklist.get': LEADER,
  'warnings.list': LEADER,
  'makeup.clear': SECRETARY,
  'export.attendance': LEADER,
  'export.meetings': LEADER,
  'export.dues': LEADER,
  'export.study': LEADER,
  'export.minutes': ORGANISER,
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

/**
 * The 党委's party_committee (CONTRACT §7), a caller beside the branch roles: held on an org, so a
 * user who is only that reaches the org's reads and nothing of any branch's.
 */
describe('what the party_committee may call', () => {
  /** Written from the contract: the org's reads, its code and taking a branch out of it. */
  const ORG_ONLY: ActionName[] = ['org.code', 'org.detach', 'org.overview', 'org.branch', 'org.export']
  const open = (action: ActionName) => ACTIONS[action].who === 'anyone'

  it.each(Object.keys(EXPECTED) as ActionName[])('%s', (action) => {
    expect(mayCall(ACTIONS[action].who, null, true)).toBe(ORG_ONLY.includes(action) || open(action))
  })

  it('adds nothing to a member who also oversees an org, and takes nothing away', () => {
    for (const action of Object.keys(EXPECTED) as ActionName[]) {
      expect(mayCall(ACTIONS[action].who, ['member'], true)).toBe(EXPECTED[action].includes('member') || ORG_ONLY.includes(action))
      expect(mayCall(ACTIONS[action].who, ['secretary'], false)).toBe(EXPECTED[action].includes('secretary'))
    }
  })
})

describe('the matrix in figures', () => {
  it('is every declared action by every kind of caller, its size printed for the CI log', () => {
    expect(cells).toHaveLength(Object.keys(ACTIONS).length * EVERYONE.length)
    const orgCells = Object.keys(ACTIONS).length
    console.log(`permission matrix: ${Object.keys(ACTIONS).length} actions × ${EVERYONE.length} callers (${EVERYONE.join(', ')}) = ${cells.length} cells, plus ${orgCells} for party_committee`)
  })
})
