/**
 * Meeting rules (DOMAIN "Check-in", CONTRACT §3): who is invited, when check-in is open, and the
 * one status each member has.
 */
import type { MeetingScope, Role } from '../../types/models'
import { aMember } from '../../tests/support/builders'
import {
  checkinWindow,
  DEFAULT_MEETING_POINTS,
  isInvited,
  isLeadership,
  MEETING_TYPE_LABELS,
  meetingStudyTenths,
  memberStatus,
  scanStatus,
  scopeLabel,
  windowState,
} from './meetings'
import { MEETING_TYPES } from '../../types/models'

const MEETING = { startAt: '2026-05-20T14:30:00+08:00', endAt: '2026-05-20T16:30:00+08:00' }
const at = (iso: string) => new Date(iso)
const ms = (iso: string, delta: number) => new Date(Date.parse(iso) + delta)

describe('isInvited', () => {
  const GROUP_1: MeetingScope = { kind: 'group', groupId: 'g1' }

  it.each<[string, Role[], string | null, MeetingScope, boolean]>([
    ['a member to a branch meeting', ['member'], 'g1', { kind: 'branch' }, true],
    ['a member without a group to a branch meeting', ['member'], null, { kind: 'branch' }, true],
    ['a member to the committee', ['member'], 'g1', { kind: 'committee' }, false],
    ['a group leader to the committee', ['group_leader'], 'g1', { kind: 'committee' }, false],
    ['the secretary to the committee', ['secretary'], 'g1', { kind: 'committee' }, true],
    ['a deputy to the committee', ['deputy'], null, { kind: 'committee' }, true],
    ['a committee member to the committee', ['committee'], 'g2', { kind: 'committee' }, true],
    ['a member to their own group', ['member'], 'g1', GROUP_1, true],
    ['a member to another group', ['member'], 'g2', GROUP_1, false],
    ['a member without a group to a group', ['member'], null, GROUP_1, false],
    ['the secretary to another group', ['secretary'], 'g2', GROUP_1, false],
  ])('%s: %s', (_who, roles, groupId, scope, expected) => {
    expect(isInvited(aMember().withRoles(...roles).inGroup(groupId).build(), scope)).toBe(expected)
  })

  it('invites nobody who has left the branch', () => {
    const left = aMember().withRoles('secretary').inGroup('g1').inactive().build()
    for (const scope of [{ kind: 'branch' }, { kind: 'committee' }, GROUP_1] as MeetingScope[]) expect(isInvited(left, scope)).toBe(false)
  })

  it('counts secretary, deputy and committee as the leadership, not a group leader', () => {
    expect((['secretary', 'deputy', 'committee'] as Role[]).map((r) => isLeadership({ roles: [r] }))).toEqual([true, true, true])
    expect(isLeadership({ roles: ['group_leader', 'member'] })).toBe(false)
  })
})

describe('the check-in window', () => {
  it('opens 30 minutes before the start and closes at the end', () => {
    expect(checkinWindow(MEETING)).toEqual({
      opensAt: Date.parse('2026-05-20T14:00:00+08:00'),
      startsAt: Date.parse('2026-05-20T14:30:00+08:00'),
      closesAt: Date.parse('2026-05-20T16:30:00+08:00'),
    })
  })

  it.each([
    ['31 minutes before the start', at('2026-05-20T13:59:00+08:00'), 'not_yet'],
    ['a millisecond before it opens', ms('2026-05-20T14:00:00+08:00', -1), 'not_yet'],
    ['exactly 30 minutes before the start', at('2026-05-20T14:00:00+08:00'), 'open'],
    ['at the start', at('2026-05-20T14:30:00+08:00'), 'open'],
    ['at the end', at('2026-05-20T16:30:00+08:00'), 'open'],
    ['a millisecond after the end', ms('2026-05-20T16:30:00+08:00', 1), 'closed'],
    ['the next day', at('2026-05-21T09:00:00+08:00'), 'closed'],
  ])('%s: %s', (_when, now, state) => {
    expect(windowState(MEETING, now)).toBe(state)
  })

  it('reads times with any offset as the same instants', () => {
    const utc = { startAt: '2026-05-20T06:30:00Z', endAt: '2026-05-20T08:30:00Z' }
    expect(windowState(utc, at('2026-05-20T14:00:00+08:00'))).toBe('open')
    expect(windowState(utc, at('2026-05-20T13:59:59+08:00'))).toBe('not_yet')
  })
})

describe('scanStatus', () => {
  it('is present up to and including the start, late after it', () => {
    expect(scanStatus(MEETING, at('2026-05-20T14:00:00+08:00'))).toBe('present')
    expect(scanStatus(MEETING, at('2026-05-20T14:30:00+08:00'))).toBe('present')
    expect(scanStatus(MEETING, at('2026-05-20T14:30:01+08:00'))).toBe('late')
    expect(scanStatus(MEETING, at('2026-05-20T16:30:00+08:00'))).toBe('late')
  })
})

describe('memberStatus', () => {
  const during = at('2026-05-20T15:00:00+08:00')
  const after = at('2026-05-20T16:31:00+08:00')

  it('is the check-in record when there is one, even over an approved leave (they came after all)', () => {
    for (const status of ['present', 'late', 'makeup'] as const) {
      expect(memberStatus({ status }, { state: 'approved' }, MEETING, after)).toBe(status)
      expect(memberStatus({ status }, null, MEETING, during)).toBe(status)
    }
  })

  it('is leave for an approved leave, before, during and after the meeting', () => {
    for (const now of [at('2026-05-19T09:00:00+08:00'), during, after]) expect(memberStatus(null, { state: 'approved' }, MEETING, now)).toBe('leave')
  })

  it('is nothing yet while the meeting can still be attended, then absent', () => {
    for (const leave of [null, { state: 'pending' as const }, { state: 'refused' as const }]) {
      expect(memberStatus(null, leave, MEETING, during)).toBeNull()
      expect(memberStatus(null, leave, MEETING, at(MEETING.endAt))).toBeNull()
      expect(memberStatus(null, leave, MEETING, after)).toBe('absent')
    }
  })
})

describe('what attending earns', () => {
  it('has points for every meeting type, and a label', () => {
    for (const type of MEETING_TYPES) {
      expect(DEFAULT_MEETING_POINTS[type]).toBeGreaterThan(0)
      expect(MEETING_TYPE_LABELS[type]).toMatch(/\p{Script=Han}/u)
    }
  })

  it.each([
    ['two hours', '2026-05-20T16:30:00+08:00', 20],
    ['90 minutes', '2026-05-20T16:00:00+08:00', 15],
    ['50 minutes (rounded to tenths)', '2026-05-20T15:20:00+08:00', 8],
    ['six hours (at most 4 学时)', '2026-05-20T20:30:00+08:00', 40],
    ['an end before the start', '2026-05-20T14:00:00+08:00', 0],
  ])('gives %s of meeting (ending %s) %i tenths of a 学时', (_what, endAt, tenths) => {
    expect(meetingStudyTenths({ startAt: MEETING.startAt, endAt })).toBe(tenths)
  })
})

describe('scopeLabel', () => {
  it('names each scope in Chinese', () => {
    expect(scopeLabel({ kind: 'branch' })).toBe('全体党员')
    expect(scopeLabel({ kind: 'committee' })).toBe('支委会成员')
    expect(scopeLabel({ kind: 'group', groupId: 'g1' }, '第一党小组')).toBe('第一党小组')
    expect(scopeLabel({ kind: 'group', groupId: 'g1' })).toBe('党小组')
  })
})
