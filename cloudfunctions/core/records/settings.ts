/** A branch's settings with every default filled in: the one place the defaults are resolved. */
import type { Branch } from '../../../types/models'
import { settingsWithDefaults } from '../../../src/domain/study'
import { shanghaiMonth } from '../../../src/domain/time'
import { DEFAULT_MEETING_REMINDER_HOURS, DEFAULT_REMINDER_TIMES } from '../domain/reminders'
import { DEFAULT_SCHEDULE } from '../domain/schedule'

export const DEFAULT_THEME_DAY_TIME = { start: '14:30', end: '16:30' }
/** How long after a meeting organisers may still fix its record: long enough for a month's paperwork. */
export const DEFAULT_FIX_WINDOW_DAYS = 30

/** `now` stands in for the creation month of a branch that cannot be read. */
export function branchSettings(branch: Pick<Branch, 'settings' | 'schedule' | 'createdAt'> | null, now: Date) {
  const s = branch?.settings
  return {
    /** What branch.settings shows and edits. */
    editable: settingsWithDefaults(s),
    schedule: branch?.schedule ?? DEFAULT_SCHEDULE,
    themeDayTime: s?.themeDayTime ?? DEFAULT_THEME_DAY_TIME,
    reminderTimes: s?.reminderTimes ?? DEFAULT_REMINDER_TIMES,
    meetingReminderHours: s?.meetingReminderHours ?? DEFAULT_MEETING_REMINDER_HOURS,
    fixWindowDays: s?.fixWindowDays ?? DEFAULT_FIX_WINDOW_DAYS,
    /** The first month the dues register covers: the branch's own setting, or the month it was created. */
    duesSince: s?.duesSince ?? (branch ? branch.createdAt.slice(0, 7) : shanghaiMonth(now)),
  }
}

export type Settings = ReturnType<typeof branchSettings>
