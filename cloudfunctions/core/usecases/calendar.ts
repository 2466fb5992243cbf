/**
 * The branch's calendar (CONTRACT: schedule.month): the 主题党日 and 党费缴纳日 rules and single-month
 * dates, reminder times, the dues register's first month and the window for fixing a meeting's
 * record. A change to the 主题党日 moves its generated meeting with it while that meeting still sits
 * where the old setting put it and has not started: a meeting moved by hand stays where it was put.
 */
import type { Payload, Result } from '../actions'
import type { Branch, BranchSchedule } from '../../../types/models'
import type { CalendarSettings } from '../../../types/views'
import { nextMonth } from '../../../src/domain/relative-day'
import { shanghaiDate, toShanghaiIso } from '../../../src/domain/time'
import { monthSchedule } from '../domain/schedule'
import { requireMember, type Context } from '../context'
import { invalidInput } from '../errors'
import { themeDayId } from '../records/ids'
import { branchSettings, changeBranch } from '../records/settings'

function calendarOf(branch: Branch, now: Date): CalendarSettings {
  const s = branchSettings(branch, now)
  return { ...s.schedule, reminderTimes: s.reminderTimes, duesSince: s.duesSince, fixWindowDays: s.fixWindowDays }
}

export async function branchCalendar(ctx: Context): Promise<Result<'branch.calendar'>> {
  const me = requireMember(ctx)
  const branch = await ctx.storage.get('branches', me.branchId)
  return { calendar: calendarOf(branch as Branch, ctx.clock.now()) }
}

type Override = NonNullable<Payload<'branch.updateCalendar'>['themeDayOverride']>

function checkOverride(field: string, o: Override | undefined, today: string) {
  if (!o) return
  if (o.month < today.slice(0, 7)) throw invalidInput(`${field}.month`, '已经过去的月份不能再调整')
  if (o.date === null) return
  if (o.date.slice(0, 7) !== o.month) throw invalidInput(`${field}.date`, '日期应在所调整的月份之内')
  if (o.date < today) throw invalidInput(`${field}.date`, '不能调整到今天以前')
}

function withOverride(overrides: Record<string, string>, o: Override | undefined): Record<string, string> {
  if (!o) return overrides
  const { [o.month]: _old, ...rest } = overrides
  return o.date === null ? rest : { ...rest, [o.month]: o.date }
}

export async function branchUpdateCalendar(ctx: Context, p: Payload<'branch.updateCalendar'>): Promise<Result<'branch.updateCalendar'>> {
  const me = requireMember(ctx)
  const now = ctx.clock.now()
  const today = shanghaiDate(now)
  checkOverride('themeDayOverride', p.themeDayOverride, today)
  checkOverride('duesDayOverride', p.duesDayOverride, today)
  if (p.duesSince && p.duesSince > today.slice(0, 7)) throw invalidInput('duesSince', '起始月份不能晚于本月')
  let before: BranchSchedule | null = null
  const branch = await changeBranch(ctx.storage, me.branchId, (stored) => {
    const current = branchSettings(stored, now)
    before = current.schedule
    const schedule: BranchSchedule = {
      themeDayRule: p.themeDayRule ?? current.schedule.themeDayRule,
      duesDayRule: p.duesDayRule ?? current.schedule.duesDayRule,
      themeDayOverrides: withOverride(current.schedule.themeDayOverrides, p.themeDayOverride),
      duesDayOverrides: withOverride(current.schedule.duesDayOverrides, p.duesDayOverride),
    }
    const settings = {
      ...stored.settings,
      ...(p.reminderTimes ? { reminderTimes: p.reminderTimes } : {}),
      ...(p.duesSince ? { duesSince: p.duesSince } : {}),
      ...(p.fixWindowDays !== undefined ? { fixWindowDays: p.fixWindowDays } : {}),
    }
    const sent = Object.values(p).some((v) => v !== undefined)
    return sent ? { schedule, settings } : null
  })
  if (before) await followThemeDays(ctx, branch, before, today)
  return { calendar: calendarOf(branch, now) }
}

/** This and next month's generated 主题党日, moved to the new day when it sat on the old one and has not started. */
async function followThemeDays(ctx: Context, branch: Branch, before: BranchSchedule, today: string) {
  const months = [today.slice(0, 7), nextMonth(today.slice(0, 7))]
  const meetings = await ctx.storage.find('meetings', { id: { $in: months.map((m) => themeDayId(branch.id, m)) } })
  const now = ctx.clock.now()
  for (const meeting of meetings) {
    const month = meeting.themeMonth as string
    const was = monthSchedule(month, before).themeDay.date
    const next = monthSchedule(month, branch.schedule).themeDay.date
    const day = shanghaiDate(meeting.startAt)
    if (next === was || day !== was || next < today || meeting.status !== 'scheduled' || Date.parse(meeting.startAt) <= now.getTime()) continue
    const shift = Date.parse(`${next}T00:00:00+08:00`) - Date.parse(`${was}T00:00:00+08:00`)
    const by = (at: string) => toShanghaiIso(Date.parse(at) + shift)
    const moved = { startAt: by(meeting.startAt), endAt: by(meeting.endAt), updatedAt: toShanghaiIso(now) }
    await ctx.storage.updateWhere('meetings', meeting.id, { startAt: meeting.startAt }, { set: moved })
  }
}
