/**
 * Each month's 主题党日 appears by itself on the branch's rule date, ready for the secretary to
 * fill in the topic. Its id is derived from branch and month, so generating twice — two list
 * calls at once, or the timer and a list call — can only ever create one.
 */
import type { Meeting } from '../../../types/models'
import { monthNumber, monthSchedule } from '../domain/schedule'
import { nextMonth } from '../../../src/domain/relative-day'
import { toShanghaiIso } from '../../../src/domain/time'
import type { Context } from '../context'
import type { Ports } from '../ports'
import { themeDayId } from '../records/ids'
import { insertOnce } from '../records/record-once'
import { branchSettings } from '../records/settings'

/**
 * Makes sure this month's and next month's 主题党日 exist (past months are never back-filled),
 * limited to the months that overlap [from, to] when given.
 */
export async function ensureThemeDays(
  ctx: Pick<Context, 'storage' | 'clock'> | Ports,
  branchId: string,
  today: string,
  from?: string,
  to?: string,
): Promise<number> {
  const thisMonth = today.slice(0, 7)
  const months = [thisMonth, nextMonth(thisMonth)].filter(
    (m) => (!from || m >= from.slice(0, 7)) && (!to || m <= to.slice(0, 7)),
  )
  if (months.length === 0) return 0
  const ids = months.map((m) => themeDayId(branchId, m))
  const existing = await ctx.storage.find('meetings', { id: { $in: ids } })
  const have = new Set(existing.map((m) => m.id))
  const missing = months.filter((m) => !have.has(themeDayId(branchId, m)))
  if (missing.length === 0) return 0
  const branch = await ctx.storage.get('branches', branchId)
  if (!branch) return 0
  const settings = branchSettings(branch, ctx.clock.now())
  const time = settings.themeDayTime
  const now = toShanghaiIso(ctx.clock.now())
  let created = 0
  for (const month of missing) {
    const day = monthSchedule(month, settings.schedule).themeDay
    const meeting: Meeting = {
      id: themeDayId(branchId, month),
      branchId,
      type: 'theme_day',
      title: `${monthNumber(month)}月主题党日`,
      startAt: `${day.date}T${time.start}:00+08:00`,
      endAt: `${day.date}T${time.end}:00+08:00`,
      location: null,
      agenda: null,
      scope: { kind: 'branch' },
      status: 'scheduled',
      cancelReason: null,
      themeMonth: month,
      createdBy: 'system',
      createdAt: now,
      updatedAt: now,
    }
    if (await insertOnce(ctx.storage, 'meetings', meeting)) created += 1
  }
  return created
}
