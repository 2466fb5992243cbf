/** A branch's settings with every default filled in: the one place the defaults are resolved. */
import type { Branch } from '../../../types/models'
import { AppError } from '../errors'
import type { Storage } from '../ports'
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

/** Concurrent edits each retry on the version they lost to; more than this many at once is not two organisers. */
const SETTINGS_ATTEMPTS = 20

/**
 * Changes a branch's settings and schedule by a compare-and-set on its settings version, retried on
 * a lost race: `change` sees the branch as stored and answers only what it changes (null: nothing),
 * so two organisers editing at once lose nothing. Answers the branch as written.
 */
export async function changeBranch(
  storage: Storage,
  branchId: string,
  change: (branch: Branch) => Partial<Pick<Branch, 'settings' | 'schedule'>> | null,
): Promise<Branch> {
  for (let attempt = 0; attempt < SETTINGS_ATTEMPTS; attempt += 1) {
    const branch = await storage.get('branches', branchId)
    if (!branch) throw new AppError('NOT_FOUND', '找不到您所在的支部')
    const patch = change(branch)
    // Nothing to change changes nothing, not even the version.
    if (!patch) return branch
    const version = branch.settingsVersion ?? 0
    const read = branch.settingsVersion === undefined ? { settingsVersion: { $exists: false } } : { settingsVersion: version }
    if (await storage.updateWhere('branches', branch.id, read, { set: { ...patch, settingsVersion: version + 1 } })) {
      return { ...branch, ...patch, settingsVersion: version + 1 }
    }
  }
  throw new AppError('CONFLICT', '设置正被同时修改，请稍后再试')
}
