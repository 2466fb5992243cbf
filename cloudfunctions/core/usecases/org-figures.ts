/**
 * The 党委's figures for its branches (CONTRACT §7), read as aggregates: a fixed number of storage
 * requests for the whole org, however many members its branches have. Members, payments and 学时
 * are counted by the database (tally); only meetings, 党小组 and the few members who left during
 * the period are read as documents.
 *
 * Each figure is what the branch's own actions answer: `members` is member.list's active roll;
 * `attendanceRate` sums attendance.get's 实到 (present, late, make-up) over 应到 for the period's
 * held meetings; `duesRate` sums dues.status's paid over listed members for each month whose dues
 * day has passed; `studyHoursAvg` averages study.overview's 学时 for the year; `checklistMissed`
 * counts the checklist's due and unmet items of the period.
 */
import type { Branch, Meeting, Member, Role } from '../../../types/models'
import type { OrgBranchRow, OrgConcern } from '../../../types/org'
import { inScope } from '../../../src/domain/meetings'
import { expectedByNow } from '../../../src/domain/study'
import { calendarDay, shanghaiDate, shanghaiMonth, toShanghaiIso } from '../../../src/domain/time'
import type { Context } from '../context'
import { checklist, missedCount, quarterOf, type ChecklistItem } from '../domain/checklist'
import type { Tally } from '../ports'
import { monthSchedule } from '../domain/schedule'
import { branchSettings } from '../records/settings'

/** The leadership a 支委会 invites (CONTRACT §3: a deputy counts as committee). */
const LEADERSHIP_ROLES: Role[] = ['secretary', 'deputy', 'committee']

/** Below these a branch's figure is flagged for the 党委's attention. */
export const ATTENTION = { attendanceRate: 0.8, duesRate: 0.95 } as const

/** A year, or one month of it. */
export interface Period {
  year: number
  month: string | null
}

export interface BranchFigures {
  row: OrgBranchRow
  checklist: ChecklistItem[]
  groups: Array<{ id: string; name: string; members: number }>
}

const DAY = 86400_000
const pad = (n: number) => String(n).padStart(2, '0')
const ratio = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null)
const prevMonth = (month: string) => calendarDay(`${month}-01`).subtract(1, 'month').format('YYYY-MM')

/** The months of the period, first to last. */
function monthsOf(period: Period): string[] {
  return period.month ? [period.month] : Array.from({ length: 12 }, (_, i) => `${period.year}-${pad(i + 1)}`)
}

/** Whether a checklist item belongs to the period: a month shows its own items and those of its quarter and year. */
function inPeriod(item: ChecklistItem, period: Period): boolean {
  if (!period.month) return true
  return item.period === period.month || item.period === quarterOf(period.month) || item.period === String(period.year)
}

const countBy = (groups: Tally[], key: (g: Tally) => string) => {
  const out = new Map<string, number>()
  for (const g of groups) out.set(key(g), (out.get(key(g)) ?? 0) + g.count)
  return out
}

/** What stands out in a branch's figures, most pressing first. */
export function concernsOf(row: Omit<OrgBranchRow, 'concerns'>): OrgConcern[] {
  const out: OrgConcern[] = []
  if (row.checklistMissed > 0) out.push('checklist')
  if (row.attendanceRate !== null && row.attendanceRate < ATTENTION.attendanceRate) out.push('attendance')
  if (row.duesRate !== null && row.duesRate < ATTENTION.duesRate) out.push('dues')
  if (row.studyHoursAvg !== null && row.studyHoursAvg < row.studyExpectedByNow) out.push('study')
  return out
}

const lowest = (row: OrgBranchRow) => Math.min(row.attendanceRate ?? 1, row.duesRate ?? 1)

/** Branches needing attention first: more concerns, more missed items, lower rates; then by name. Never people. */
export function byAttention(a: OrgBranchRow, b: OrgBranchRow): number {
  return b.concerns.length - a.concerns.length || b.checklistMissed - a.checklistMissed || lowest(a) - lowest(b) || a.name.localeCompare(b.name, 'zh')
}

/** Members on the roll when a meeting started and in its scope, from the counts and the few who left since. */
function invitedAt(meeting: Meeting, counts: { members: number; leaders: number; byGroup: Map<string, number> }, left: Member[]): number {
  const scope = meeting.scope
  const now = scope.kind === 'branch' ? counts.members : scope.kind === 'committee' ? counts.leaders : counts.byGroup.get(scope.groupId) ?? 0
  const start = Date.parse(meeting.startAt)
  return now + left.filter((m) => m.removed && Date.parse(m.removed.at) > start && inScope(m, scope)).length
}

/** The figures of each of `branches` for the period, in a fixed number of requests. */
export async function branchFigures(ctx: Context, branches: Branch[], period: Period): Promise<BranchFigures[]> {
  if (branches.length === 0) return []
  const now = ctx.clock.now()
  const today = shanghaiDate(now)
  const nowIso = toShanghaiIso(now)
  const { year } = period
  const yearStart = `${year}-01-01T00:00:00+08:00`
  const yearEnd = `${year}-12-31T23:59:59+08:00`
  const branchIds = branches.map((b) => b.id)
  const inBranches = { $in: branchIds }
  const settings = new Map(branches.map((b) => [b.id, branchSettings(b, now)]))
  // A check-in opens before its meeting; a 补签 may come up to the branch's fix window after it.
  const latestFix = Math.max(...[...settings.values()].map((s) => s.fixWindowDays))
  const recordsUntil = toShanghaiIso(Math.min(Date.parse(yearEnd), now.getTime()) + (latestFix + 1) * DAY)
  const months = monthsOf(period)

  const [byGroup, leaders, left, meetings, groups, records] = await Promise.all([
    ctx.storage.tally('members', { branchId: inBranches, active: true }, ['branchId', 'groupId']),
    ctx.storage.tally('members', { branchId: inBranches, active: true, roles: { $in: LEADERSHIP_ROLES } }, ['branchId']),
    // Who left during the year: still 应到 at meetings before they left, and not on today's roll.
    ctx.storage.find('members', { branchId: inBranches, active: false, 'removed.at': { $gte: yearStart } }),
    ctx.storage.find('meetings', { branchId: inBranches, status: 'scheduled', startAt: { $gte: yearStart, $lte: yearEnd < nowIso ? yearEnd : nowIso } }),
    ctx.storage.find('groups', { branchId: inBranches }, { orderBy: [['id', 'asc']] }),
    ctx.storage.tally('attendance', { branchId: inBranches, checkedInAt: { $gte: toShanghaiIso(Date.parse(yearStart) - DAY), $lte: recordsUntil } }, ['meetingId']),
  ])
  const leftIds = left.map((m) => m.id)
  const notLeft = leftIds.length ? { memberId: { $nin: leftIds } } : {}
  const [payments, ledger] = await Promise.all([
    ctx.storage.tally('payments', { branchId: inBranches, month: { $gte: months[0], $lte: months[months.length - 1] }, ...notLeft }, ['branchId', 'month']),
    ctx.storage.tally('ledger', { branchId: inBranches, year, ...notLeft }, ['branchId'], 'studyTenths'),
  ])

  const membersOf = countBy(byGroup, (g) => String(g.key.branchId))
  const groupCount = countBy(byGroup, (g) => `${g.key.branchId}|${g.key.groupId}`)
  const leadersOf = countBy(leaders, (g) => String(g.key.branchId))
  const attendedAt = countBy(records, (g) => String(g.key.meetingId))
  const paidIn = countBy(payments, (g) => `${g.key.branchId}|${g.key.month}`)
  const tenthsOf = new Map(ledger.map((g) => [String(g.key.branchId), g.sum]))
  const asOf = today.slice(0, 4) === String(year) ? today : today.slice(0, 4) > String(year) ? `${year}-12-31` : `${year}-01-01`

  return branches.map((branch) => {
    const s = settings.get(branch.id)!
    const members = membersOf.get(branch.id) ?? 0
    const ownGroups = groups.filter((g) => g.branchId === branch.id)
    const counts = { members, leaders: leadersOf.get(branch.id) ?? 0, byGroup: new Map(ownGroups.map((g) => [g.id, groupCount.get(`${branch.id}|${g.id}`) ?? 0])) }
    const ownLeft = left.filter((m) => m.branchId === branch.id)
    const ownMeetings = meetings.filter((m) => m.branchId === branch.id)
    const items = checklist({
      year,
      groupIds: ownGroups.map((g) => g.id),
      meetings: ownMeetings.map((m) => ({
        type: m.type,
        groupId: m.scope.kind === 'group' ? m.scope.groupId : null,
        startAt: m.startAt,
        endAt: m.endAt,
        cancelled: false,
        attended: (attendedAt.get(m.id) ?? 0) > 0,
      })),
      now,
    }).filter((i) => inPeriod(i, period))

    let present = 0
    let expected = 0
    for (const m of ownMeetings) {
      const attended = attendedAt.get(m.id) ?? 0
      const held = attended > 0 && Date.parse(m.endAt) <= now.getTime()
      if (!held || !months.includes(shanghaiMonth(m.startAt))) continue
      present += attended
      expected += invitedAt(m, counts, ownLeft)
    }

    // Months of the period whose dues day has passed, from the month the register starts.
    const lastDue = monthSchedule(shanghaiMonth(now), s.schedule).duesDay.date <= today ? shanghaiMonth(now) : prevMonth(shanghaiMonth(now))
    const dueMonths = months.filter((m) => m >= s.duesSince && m <= lastDue)
    const paid = dueMonths.reduce((sum, m) => sum + (paidIn.get(`${branch.id}|${m}`) ?? 0), 0)

    const target = s.editable.targetHours
    const row = {
      branchId: branch.id,
      name: branch.name,
      members,
      attendanceRate: ratio(present, expected),
      duesRate: ratio(paid, members * dueMonths.length),
      studyHoursAvg: members ? Math.round((tenthsOf.get(branch.id) ?? 0) / members) / 10 : null,
      checklistMissed: missedCount(items),
      studyTarget: target,
      studyExpectedByNow: expectedByNow(target, asOf),
    }
    return {
      row: { ...row, concerns: concernsOf(row) },
      checklist: items,
      groups: ownGroups.map((g) => ({ id: g.id, name: g.name, members: counts.byGroup.get(g.id) ?? 0 })),
    }
  })
}
