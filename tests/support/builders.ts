/**
 * Small builders for documents, so that a test names only what matters to it:
 * `aMember().withRoles('committee').boundTo('wx-1').build()`.
 */
import type { MeetingFields } from '../../types/views'
import type { LedgerEntry, MeetingScope, MeetingType, Member, PointsKind, Role } from '../../types/models'
import { toShanghaiIso } from '../../src/domain/time'

let seq = 0
const nextId = (prefix: string) => `${prefix}-${String(++seq).padStart(4, '0')}`

export const TEST_BRANCH_ID = 'demo-branch'

export function aMember(id = nextId('member')) {
  const member: Member = {
    id,
    branchId: TEST_BRANCH_ID,
    name: `党员${id}`,
    roles: ['member'],
    groupId: null,
    standing: 'full',
    active: true,
    dues: null,
  }
  const builder = {
    named(name: string) {
      member.name = name
      return builder
    },
    withRoles(...roles: Role[]) {
      member.roles = Array.from(new Set<Role>([...roles, 'member']))
      return builder
    },
    boundTo(openid: string) {
      member.openid = openid
      return builder
    },
    inGroup(groupId: string | null) {
      member.groupId = groupId
      return builder
    },
    inBranch(branchId: string) {
      member.branchId = branchId
      return builder
    },
    inactive() {
      member.active = false
      return builder
    },
    build: (): Member => structuredClone(member),
  }
  return builder
}

export function aLedgerEntry(id = nextId('ledger')) {
  const entry: LedgerEntry = {
    id,
    branchId: TEST_BRANCH_ID,
    memberId: 'demo-member-01',
    kind: 'meeting',
    points: 1,
    studyTenths: 0,
    sourceId: `source-${id}`,
    year: 2026,
    by: 'demo-secretary',
    at: '2026-05-22T15:00:00+08:00',
    reason: '参加主题党日',
  }
  const builder = {
    forMember(memberId: string) {
      entry.memberId = memberId
      return builder
    },
    ofKind(kind: PointsKind) {
      entry.kind = kind
      return builder
    },
    worth(points: number) {
      entry.points = points
      return builder
    },
    /** 学时, kept in tenths as the ledger stores them. */
    withStudyHours(hours: number) {
      entry.studyTenths = Math.round(hours * 10)
      return builder
    },
    inYear(year: number) {
      entry.year = year
      entry.at = `${year}-05-22T15:00:00+08:00`
      return builder
    },
    fromSource(sourceId: string) {
      entry.sourceId = sourceId
      return builder
    },
    build: (): LedgerEntry => ({ ...entry }),
  }
  return builder
}

/**
 * A meeting.create payload: `aMeeting('committee').startingAt('2026-05-20T14:30:00+08:00').build()`.
 * Two hours long unless told otherwise.
 */
export function aMeeting(type: MeetingType = 'branch_assembly') {
  const TWO_HOURS = 2 * 3600_000
  const fields: MeetingFields = {
    type,
    title: '学习贯彻会议精神',
    startAt: '2026-05-20T14:30:00+08:00',
    endAt: '2026-05-20T16:30:00+08:00',
  }
  const builder = {
    titled(title: string) {
      fields.title = title
      return builder
    },
    /** Moves the meeting, keeping its length. */
    startingAt(startAt: string) {
      const length = Date.parse(fields.endAt) - Date.parse(fields.startAt)
      fields.startAt = startAt
      fields.endAt = toShanghaiIso(Date.parse(startAt) + (length > 0 ? length : TWO_HOURS))
      return builder
    },
    endingAt(endAt: string) {
      fields.endAt = endAt
      return builder
    },
    at(location: string) {
      fields.location = location
      return builder
    },
    forScope(scope: MeetingScope) {
      fields.scope = scope
      return builder
    },
    forGroup(groupId: string) {
      fields.scope = { kind: 'group', groupId }
      return builder
    },
    build: (): MeetingFields => structuredClone(fields),
  }
  return builder
}
