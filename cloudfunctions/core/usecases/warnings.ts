/**
 * Early warnings (CONTRACT §6) for the branch's leadership, and the secretary's clearing of an
 * overdue 补学. A fixed number of reads (tallies, not documents per member), whatever the branch's size.
 */
import type { Payload, Result } from '../actions'
import type { Meeting, Member } from '../../../types/models'
import type { WarningItem, WarningKind } from '../../../types/records'
import { inScope } from '../../../src/domain/meetings'
import { MAKEUP_DAYS, MAKEUP_TYPES } from '../../../src/domain/study'
import { calendarDay, formatDateZh, shanghaiDate, shanghaiMonth, toShanghaiIso } from '../../../src/domain/time'
import { isHeld } from '../domain/checklist'
import { monthSchedule } from '../domain/schedule'
import { requireMember, type Context } from '../context'
import { AppError } from '../errors'
import { makeupId } from '../records/ids'
import { recordOnce } from '../records/record-once'
import { branchSettings } from '../records/settings'
import { unpaidStreak } from './dues'
import { toChecklistMeeting } from './checklist'
import { branchMembers, loadMeeting } from './meeting-support'

/** How far back the warnings look: a year of months, and 补学 owed for a year's meetings. */
const LOOKBACK_MONTHS = 12
/** A streak of this many months is a warning; six is the 自行脱党 line (党章第九条). */
const STREAK_MIN = 3

const ORDER: WarningKind[] = ['dues_unpaid', 'absent_streak', 'makeup_overdue', 'no_credits']
const monthsBefore = (month: string, n: number) => calendarDay(`${month}-01`).subtract(n, 'month').format('YYYY-MM')
const monthZh = (month: string) => `${Number(month.slice(5, 7))}月`
const pair = (a: unknown, b: unknown) => `${String(a)}:${String(b)}`
const deadlineOf = (m: Meeting) => Date.parse(m.endAt) + MAKEUP_DAYS * 86400_000
const isMakeupType = (m: Meeting) => (MAKEUP_TYPES as readonly string[]).includes(m.type)

export async function warningsList(ctx: Context): Promise<Result<'warnings.list'>> {
  const me = requireMember(ctx)
  const now = ctx.clock.now()
  const thisMonth = shanghaiMonth(now)
  const since = monthsBefore(thisMonth, LOOKBACK_MONTHS)
  const [branch, members, payments, meetings, credits, clearances] = await Promise.all([
    ctx.storage.get('branches', me.branchId),
    branchMembers(ctx, me.branchId),
    ctx.storage.tally('payments', { branchId: me.branchId, month: { $gte: since } }, ['memberId', 'month']),
    ctx.storage.find('meetings', { branchId: me.branchId, status: 'scheduled', startAt: { $gte: `${since}-01T00:00:00+08:00`, $lte: toShanghaiIso(now) } }),
    ctx.storage.tally('credits', { branchId: me.branchId, balance: { $gt: 0 } }, ['memberId']),
    ctx.storage.find('makeupClearances', { branchId: me.branchId }),
  ])
  const ended = meetings.filter((m) => Date.parse(m.endAt) <= now.getTime())
  const ids = ended.map((m) => m.id)
  const [attendance, leaves, makeups] = ids.length
    ? await Promise.all([
        ctx.storage.tally('attendance', { branchId: me.branchId, meetingId: { $in: ids } }, ['meetingId', 'memberId']),
        ctx.storage.tally('leaves', { branchId: me.branchId, meetingId: { $in: ids }, state: 'approved' }, ['meetingId', 'memberId']),
        ctx.storage.tally('makeups', { branchId: me.branchId, meetingId: { $in: ids } }, ['meetingId', 'memberId']),
      ])
    : [[], [], []]

  const attendedPairs = new Set(attendance.map((t) => pair(t.key.meetingId, t.key.memberId)))
  const excused = new Set([...attendedPairs, ...leaves.map((t) => pair(t.key.meetingId, t.key.memberId))])
  const settledMakeup = new Set([...attendedPairs, ...makeups.map((t) => pair(t.key.meetingId, t.key.memberId)), ...clearances.map((c) => pair(c.meetingId, c.memberId))])
  const withAnyone = new Set(attendance.map((t) => String(t.key.meetingId)))
  const held = ended.filter((m) => isHeld(toChecklistMeeting(m, withAnyone.has(m.id)), now))
  const heldByMonth = new Map<string, Meeting[]>()
  for (const m of held) {
    const month = shanghaiMonth(m.startAt)
    heldByMonth.set(month, [...(heldByMonth.get(month) ?? []), m])
  }
  const paidBy = new Map<string, Set<string>>()
  for (const t of payments) {
    const id = String(t.key.memberId)
    if (!paidBy.has(id)) paidBy.set(id, new Set())
    paidBy.get(id)!.add(String(t.key.month))
  }
  const withCredit = new Set(credits.map((t) => String(t.key.memberId)))
  const settings = branchSettings(branch, now)
  // The last month whose dues day is over; on the dues day itself this month is not late yet.
  const duesMonth = shanghaiDate(now) > monthSchedule(thisMonth, settings.schedule).duesDay.date ? thisMonth : monthsBefore(thisMonth, 1)
  const lastComplete = monthsBefore(thisMonth, 1)
  const overdueMakeups = held.filter((m) => isMakeupType(m) && deadlineOf(m) < now.getTime())

  const items: WarningItem[] = []
  for (const member of members) {
    const add = (kind: WarningKind, detail: string, extra: Partial<WarningItem> = {}) => items.push({ memberId: member.id, name: member.name, kind, detail, ...extra })
    const unpaid = unpaidStreak(paidBy.get(member.id) ?? new Set(), duesMonth, settings.duesSince)
    if (unpaid >= STREAK_MIN) {
      const line = unpaid >= 6 ? '，已满 6 个月（自行脱党的界线），请尽快谈话' : '，请提醒补交'
      add('dues_unpaid', `连续 ${unpaid} 个月未交党费（${monthZh(monthsBefore(duesMonth, unpaid - 1))}起）${line}`, { months: unpaid })
    }
    const missed = missedStreak(member, lastComplete, since, heldByMonth, excused)
    if (missed >= STREAK_MIN) {
      const line = missed >= 6 ? '，已满 6 个月，请尽快谈话' : '，请打电话了解情况'
      add('absent_streak', `连续 ${missed} 个月未参加组织生活（${monthZh(monthsBefore(lastComplete, missed - 1))}起）${line}`, { months: missed })
    }
    for (const m of overdueMakeups) {
      if (!inScope(member, m.scope) || settledMakeup.has(pair(m.id, member.id))) continue
      add('makeup_overdue', `「${m.title}」的补学期限 ${formatDateZh(shanghaiDate(deadlineOf(m)))} 已过，请督促补学或注明原因后免除`, { meetingId: m.id })
    }
    if (member.openid && !withCredit.has(member.id)) add('no_credits', '没有可用的订阅提醒次数，收不到会议和党费提醒，请提醒其在小程序中点“允许”')
  }
  items.sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind) || (b.months ?? 0) - (a.months ?? 0) || a.name.localeCompare(b.name, 'zh'))
  return { items }
}

/**
 * Months in a row, ending with `lastComplete`, in which the member was invited to a held meeting
 * and attended or was excused from none of them. A month with nothing held for them ends the streak.
 */
function missedStreak(member: Member, lastComplete: string, since: string, heldByMonth: Map<string, Meeting[]>, excused: Set<string>): number {
  let n = 0
  for (let month = lastComplete; month >= since; month = monthsBefore(month, 1)) {
    const invited = (heldByMonth.get(month) ?? []).filter((m) => inScope(member, m.scope))
    if (invited.length === 0 || invited.some((m) => excused.has(pair(m.id, member.id)))) break
    n += 1
  }
  return n
}

export async function makeupClear(ctx: Context, p: Payload<'makeup.clear'>): Promise<Result<'makeup.clear'>> {
  const secretary = requireMember(ctx)
  if (p.memberId === secretary.id) throw new AppError('FORBIDDEN', '不能免除自己的补学，请由其他书记或上级处理')
  const [meeting, member] = await Promise.all([loadMeeting(ctx, secretary, p.meetingId), ctx.storage.get('members', p.memberId)])
  if (!member || member.branchId !== secretary.branchId) throw new AppError('NOT_FOUND', '本支部没有这位党员')
  const now = ctx.clock.now()
  const id = makeupId(meeting.id, member.id)
  const [record, done, cleared] = await Promise.all([
    ctx.storage.get('attendance', id),
    ctx.storage.get('makeups', id),
    ctx.storage.get('makeupClearances', id),
  ])
  if (cleared) return { clearedAt: cleared.at }
  const owed = meeting.status === 'scheduled' && isMakeupType(meeting) && inScope(member, meeting.scope) && !record && !done
  if (!owed) throw new AppError('CONFLICT', '这位党员没有欠这次会议的补学')
  if (deadlineOf(meeting) >= now.getTime()) throw new AppError('CONFLICT', '补学还没有过期限，请先督促补学')
  const { record: first } = await recordOnce(ctx.storage, 'makeupClearances', {
    id,
    branchId: secretary.branchId,
    meetingId: meeting.id,
    memberId: member.id,
    by: secretary.id,
    at: toShanghaiIso(now),
    reason: p.reason,
  })
  return { clearedAt: first.at }
}
