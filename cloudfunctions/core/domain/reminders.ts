/**
 * What reminders are due at a given moment. The timer runs on a fixed schedule; this decides in
 * code, from the clock, so a doubled or retried run comes to the same answer. A reminder stays
 * due from its time until it can no longer help (the next reminder or the event itself).
 */
import type { BranchSettings, Meeting, ReminderMoment, TemplateKind } from '../../../types/models'
import { addDays } from '../../../src/domain/time'

export const DEFAULT_REMINDER_TIMES = { dayBefore: '18:00', morningOf: '08:00' }
export const DEFAULT_MEETING_REMINDER_HOURS = 2
/** Dues can be paid all day: the morning reminder helps until the evening. */
const DUES_DAY_ENDS = '20:00'

/** What a reminder is about: a month's 主题党日 or 党费缴纳日, or one meeting. */
export type ReminderEvent = { kind: 'theme_day'; month: string } | { kind: 'dues_day'; month: string } | { kind: 'meeting'; meetingId: string }

/** When a branch's reminders go out, its defaults resolved. */
export type ReminderTiming = Required<Pick<BranchSettings, 'reminderTimes' | 'meetingReminderHours'>>

export interface DueReminder {
  kind: TemplateKind
  event: ReminderEvent
  moment: ReminderMoment
  /** The event's date (YYYY-MM-DD) in Shanghai. */
  eventDate: string
  /** For meeting reminders (主题党日 included): the meeting. */
  meetingId: string | null
  dueFrom: number
  usefulUntil: number
}

export interface MonthDay {
  /** YYYY-MM: the month the day belongs to. */
  month: string
  /** YYYY-MM-DD: when it falls. */
  date: string
}

const at = (date: string, hhmm: string) => Date.parse(`${date}T${hhmm}:00+08:00`)

/**
 * The 主题党日 (the month's generated meeting, or the rule date when there is none), dues day, and
 * every scheduled meeting: each moment whose time has come and that can still help.
 */
export function dueReminders(input: {
  now: Date
  timing: ReminderTiming
  /**
   * The 主题党日 and 党费缴纳日 of this and next month (from the branch's schedule), each with the
   * month it belongs to: a holiday can move next month's day into this month (国庆 moves a 1 October
   * day to 30 September), and the event is still next month's.
   */
  themeDays: MonthDay[]
  duesDays: MonthDay[]
  /** Scheduled meetings starting soon, the generated 主题党日 among them. */
  meetings: Pick<Meeting, 'id' | 'type' | 'startAt' | 'status' | 'themeMonth'>[]
}): DueReminder[] {
  const now = input.now.getTime()
  const times = input.timing.reminderTimes
  const hours = input.timing.meetingReminderHours
  const out: DueReminder[] = []
  const push = (r: DueReminder) => {
    if (r.dueFrom <= now && now < r.usefulUntil) out.push(r)
  }
  const dayMoments = (kind: TemplateKind, event: ReminderEvent, date: string, endsAt: number, meetingId: string | null) => {
    push({ kind, event, moment: 'day_before', eventDate: date, meetingId, dueFrom: at(addDays(date, -1), times.dayBefore), usefulUntil: Math.min(at(date, times.morningOf), endsAt) })
    push({ kind, event, moment: 'morning_of', eventDate: date, meetingId, dueFrom: at(date, times.morningOf), usefulUntil: endsAt })
  }

  const themeMeetings = new Map(input.meetings.filter((m) => m.themeMonth).map((m) => [m.themeMonth as string, m]))
  for (const { month, date } of input.themeDays) {
    const meeting = themeMeetings.get(month)
    if (meeting?.status === 'cancelled') continue
    const eventDate = meeting ? meeting.startAt.slice(0, 10) : date
    const startsAt = meeting ? Date.parse(meeting.startAt) : at(date, '12:00')
    dayMoments('meeting_reminder', { kind: 'theme_day', month }, eventDate, startsAt, meeting?.id ?? null)
  }
  for (const { month, date } of input.duesDays) dayMoments('dues_reminder', { kind: 'dues_day', month }, date, at(date, DUES_DAY_ENDS), null)
  for (const m of input.meetings) {
    if (m.status !== 'scheduled' || m.themeMonth) continue
    const start = Date.parse(m.startAt)
    push({
      kind: 'meeting_reminder',
      event: { kind: 'meeting', meetingId: m.id },
      moment: 'before_start',
      eventDate: m.startAt.slice(0, 10),
      meetingId: m.id,
      dueFrom: start - hours * 3600_000,
      usefulUntil: start,
    })
  }
  return out
}
