/**
 * Small builders for documents, so that a test names only what matters to it:
 * `aMember().withRoles('committee').boundTo('wx-1').build()`.
 */
import type { MeetingFields } from '../../types/views'
import type { Branch, BranchSchedule, LedgerEntry, MeetingScope, MeetingType, Member, PointsKind, Role } from '../../types/models'
import { toShanghaiIso } from '../../src/domain/time'
import { DEFAULT_SCHEDULE } from '../../cloudfunctions/core/domain/schedule'

let seq = 0
const nextId = (prefix: string) => `${prefix}-${String(++seq).padStart(4, '0')}`

export const TEST_BRANCH_ID = 'demo-branch'

type Setters<T> = Record<string, (doc: T, ...args: never[]) => void>
type Builder<T, S extends Setters<T>> = {
  [K in keyof S]: S[K] extends (doc: T, ...args: infer A) => void ? (...args: A) => Builder<T, S> : never
} & { build(): T }

/** A builder whose every setter changes `doc` and answers the builder; build() answers a copy. */
function builderOf<T, S extends Setters<T>>(doc: T, setters: S): Builder<T, S> {
  const builder = { build: () => structuredClone(doc) } as Record<string, unknown>
  for (const [name, set] of Object.entries(setters)) {
    builder[name] = (...args: never[]) => {
      set(doc, ...args)
      return builder
    }
  }
  return builder as Builder<T, S>
}

export function aBranch(id = nextId('branch')) {
  const branch: Branch = {
    id,
    branchId: id,
    name: id,
    schedule: structuredClone(DEFAULT_SCHEDULE),
    settings: { targetHours: 32, committeeTargetHours: 32 },
    createdAt: '2026-01-01T00:00:00+08:00',
  }
  return builderOf(branch, {
    named: (b, name: string) => (b.name = name),
    withSchedule: (b, schedule: Partial<BranchSchedule>) => Object.assign(b.schedule, schedule),
  })
}

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
  return builderOf(member, {
    named: (m, name: string) => (m.name = name),
    withRoles: (m, ...roles: Role[]) => (m.roles = Array.from(new Set<Role>([...roles, 'member']))),
    boundTo: (m, openid: string) => (m.openid = openid),
    inGroup: (m, groupId: string | null) => (m.groupId = groupId),
    inBranch: (m, branchId: string) => (m.branchId = branchId),
    inactive: (m) => (m.active = false),
  })
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
  return builderOf(entry, {
    forMember: (e, memberId: string) => (e.memberId = memberId),
    ofKind: (e, kind: PointsKind) => (e.kind = kind),
    worth: (e, points: number) => (e.points = points),
    /** 学时, kept in tenths as the ledger stores them. */
    withStudyHours: (e, hours: number) => (e.studyTenths = Math.round(hours * 10)),
    inYear: (e, year: number) => Object.assign(e, { year, at: `${year}-05-22T15:00:00+08:00` }),
    fromSource: (e, sourceId: string) => (e.sourceId = sourceId),
  })
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
  return builderOf(fields, {
    titled: (f, title: string) => (f.title = title),
    /** Moves the meeting, keeping its length. */
    startingAt: (f, startAt: string) => {
      const length = Date.parse(f.endAt) - Date.parse(f.startAt)
      f.startAt = startAt
      f.endAt = toShanghaiIso(Date.parse(startAt) + (length > 0 ? length : TWO_HOURS))
    },
    endingAt: (f, endAt: string) => (f.endAt = endAt),
    at: (f, location: string) => (f.location = location),
    forScope: (f, scope: MeetingScope) => (f.scope = scope),
    forGroup: (f, groupId: string) => (f.scope = { kind: 'group', groupId }),
  })
}
