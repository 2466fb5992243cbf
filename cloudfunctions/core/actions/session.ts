/** Who is calling, the branch calendar and the branch settings. */
import { z } from 'zod'
import type { JoinState, MemberView, ScheduledDay } from '../../../types/models'
import type { CalendarSettings, EditableSettings } from '../../../types/views'
import { LIMITS } from '../../../src/domain/limits'
import { date, declare, empty, flag, int, meetingType, MEMBERS, month, returns, SECRETARY } from './define'

const { targetHoursMin, targetHoursMax, fixWindowDaysMin, fixWindowDaysMax } = LIMITS.settings

const weekday = z.literal([1, 2, 3, 4, 5, 6, 7] as const, { error: '星期应为 1（周一）到 7（周日）' })
/** How a monthly day is placed (DayRule). */
const dayRule = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('nth_weekday'), n: z.literal([1, 2, 3, 4] as const, { error: '应为第 1–4 个' }), weekday }),
    z.object({ kind: z.literal('week_of_month'), week: z.literal([1, 2, 3, 4, 5] as const, { error: '应为第 1–5 周' }), weekday }),
    z.object({ kind: z.literal('last_weekday'), weekday }),
    z.object({ kind: z.literal('day_of_month'), day: int('每月几日', 1, 28) }),
  ],
  { error: '应为 nth_weekday、week_of_month、last_weekday 或 day_of_month 规则' },
)
const clock = (label: string, from: string, to: string) =>
  z
    .string({ error: `${label}应为 HH:mm 格式的时间` })
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: `${label}应为 HH:mm 格式的时间，例如 18:00` })
    .refine((t) => t >= from && t <= to, { error: `${label}应在 ${from} 到 ${to} 之间` })
/** One month's date set by hand (null: back to the rule). */
const override = z.object({ month, date: date.nullable() })

export const sessionActions = declare({
  'session.me': {
    who: 'anyone',
    input: empty,
    result: returns<{
      openid: string
      member: MemberView | null
      /** The server's clock, so that the app's "today" and check-in windows agree with it. */
      now: string
      /** The caller's branch's 党小组 (empty for an unbound user). */
      groups: Array<{ id: string; name: string }>
      /** An unbound user's join request waiting for the secretary, or refused (CONTRACT §5). */
      pendingJoin: { branchName: string; state: JoinState } | null
      /** The 党委 the caller oversees as its party_committee (CONTRACT §7), whether or not they are a member too. */
      org: { id: string; name: string } | null
    }>(),
  },
  'schedule.month': {
    who: MEMBERS,
    input: z.object({ month }),
    result: returns<{
      month: string
      themeDay: ScheduledDay
      duesDay: ScheduledDay
      holidayDataKnown: boolean
    }>(),
  },
  'branch.settings': {
    who: MEMBERS,
    input: empty,
    result: returns<{ settings: Required<EditableSettings> }>(),
  },
  'branch.updateSettings': {
    who: SECRETARY,
    input: z.object({
      targetHours: int('全年学时目标', targetHoursMin, targetHoursMax).optional(),
      committeeTargetHours: int('支委全年学时目标', targetHoursMin, targetHoursMax).optional(),
      selfStudyNeedsApproval: flag('应为 true 或 false').optional(),
      rankingsEnabled: flag('应为 true 或 false').optional(),
      xuexiWeeklyTarget: int('学习强国每周目标', 0, LIMITS.settings.xuexiWeeklyTargetMax).optional(),
      meetingPoints: z
        .partialRecord(meetingType, int('每次签到积分', 0, LIMITS.settings.meetingPointsMax), { error: '应为 { 会议类型: 积分 }' })
        .optional(),
    }),
    result: returns<{ settings: Required<EditableSettings> }>(),
  },
  'branch.calendar': {
    who: SECRETARY,
    input: empty,
    result: returns<{ calendar: CalendarSettings }>(),
  },
  /** Only the fields sent change (compare-and-set, like branch.updateSettings). */
  'branch.updateCalendar': {
    who: SECRETARY,
    input: z.object({
      themeDayRule: dayRule.optional(),
      duesDayRule: dayRule.optional(),
      themeDayOverride: override.optional(),
      duesDayOverride: override.optional(),
      reminderTimes: z
        .object({ dayBefore: clock('前一天的提醒', '12:00', '22:00'), morningOf: clock('当天的提醒', '06:00', '11:00') }, { error: '应为 { dayBefore, morningOf }' })
        .optional(),
      duesSince: month.optional(),
      fixWindowDays: int('补签和审批期限（天）', fixWindowDaysMin, fixWindowDaysMax).optional(),
    }),
    result: returns<{ calendar: CalendarSettings }>(),
  },
})
