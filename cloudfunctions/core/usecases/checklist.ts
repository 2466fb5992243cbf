/**
 * 三会一课 checklist (CONTRACT §6) of a year, from the pure rule in domain/checklist: one read of
 * the meetings and one tally of who was recorded at them, whatever the branch's size.
 */
import type { Payload, Result } from '../actions'
import type { Meeting } from '../../../types/models'
import { shanghaiMonth, toShanghaiIso } from '../../../src/domain/time'
import { checklist, isHeld, periodOf, type ChecklistItem, type ChecklistMeeting } from '../domain/checklist'
import { requireMember, type Context } from '../context'

/** 彭山's e支部 flags a branch that has held nothing for this long. */
export const IDLE_DAYS = 30

const DAY_MS = 86400_000

export async function checklistGet(ctx: Context, p: Payload<'checklist.get'>): Promise<Result<'checklist.get'>> {
  const me = requireMember(ctx)
  const now = ctx.clock.now()
  const idleSince = toShanghaiIso(now.getTime() - IDLE_DAYS * DAY_MS - DAY_MS)
  const yearStart = `${p.year}-01-01T00:00:00+08:00`
  const yearEnd = `${p.year}-12-31T23:59:59+08:00`
  // The year asked for and the last 30 days (for the idle flag), in one read.
  const from = idleSince < yearStart ? idleSince : yearStart
  const to = toShanghaiIso(now) > yearEnd ? toShanghaiIso(now) : yearEnd
  const [branch, groups, meetings] = await Promise.all([
    ctx.storage.get('branches', me.branchId),
    ctx.storage.find('groups', { branchId: me.branchId }, { orderBy: [['id', 'asc']] }),
    ctx.storage.find('meetings', { branchId: me.branchId, startAt: { $gte: from, $lte: to } }),
  ])
  const attended = await meetingsWithAnyone(ctx, me.branchId, meetings)
  const rows = meetings.map((m) => toChecklistMeeting(m, attended.has(m.id)))
  const inYear = rows.filter((m) => m.startAt >= yearStart && m.startAt <= yearEnd)
  const lastHeld = Math.max(-Infinity, ...rows.filter((m) => isHeld(m, now)).map((m) => Date.parse(m.endAt)))
  const lastHeldAt = Number.isFinite(lastHeld) ? toShanghaiIso(lastHeld) : null
  // A branch younger than the window has not had the chance to be idle.
  const oldEnough = branch ? Date.parse(branch.createdAt) <= now.getTime() - IDLE_DAYS * DAY_MS : false
  // What is already arranged: the next meeting of an item's kind in its period that has not ended.
  const ahead = meetings
    .filter((m) => m.status === 'scheduled' && Date.parse(m.endAt) > now.getTime())
    .sort((a, b) => Date.parse(a.startAt) - Date.parse(b.startAt))
  const upcomingFor = (item: ChecklistItem) =>
    ahead.find((m) => m.type === item.kind && periodOf(m.type, shanghaiMonth(m.startAt)) === item.period && (item.kind !== 'group' || (m.scope.kind === 'group' && m.scope.groupId === item.groupId)))
  return {
    year: p.year,
    items: checklist({ year: p.year, groupIds: groups.map((g) => g.id), meetings: inYear, now }).map((item) => {
      const next = upcomingFor(item)
      return { ...item, upcoming: next ? { meetingId: next.id, startAt: next.startAt } : null }
    }),
    groups: groups.map((g) => ({ id: g.id, name: g.name })),
    since: shanghaiMonth(branch?.createdAt ?? now),
    lastHeldAt,
    idle: oldEnough && !(lastHeld >= now.getTime() - IDLE_DAYS * DAY_MS),
  }
}

export function toChecklistMeeting(m: Meeting, attended: boolean): ChecklistMeeting {
  return {
    type: m.type,
    groupId: m.scope.kind === 'group' ? m.scope.groupId : null,
    startAt: m.startAt,
    endAt: m.endAt,
    cancelled: m.status === 'cancelled',
    attended,
  }
}

/** The meetings at which anyone was recorded (every attendance record is present, late or make-up). */
export async function meetingsWithAnyone(ctx: Context, branchId: string, meetings: Meeting[]): Promise<Set<string>> {
  if (meetings.length === 0) return new Set()
  const groups = await ctx.storage.tally('attendance', { branchId, meetingId: { $in: meetings.map((m) => m.id) } }, ['meetingId'])
  return new Set(groups.filter((g) => g.count > 0).map((g) => String(g.key.meetingId)))
}
