/**
 * What reminders are due at a moment: 主题党日 and 党费缴纳日 the evening before and the morning
 * of (times set by the branch), any other meeting a couple of hours before it starts; each stays
 * due until it can no longer help. Pure: the timer and a doubled run come to the same answer.
 */
import type { Meeting } from '../../../types/models'
import { eventKey } from '../records/ids'
import { DEFAULT_MEETING_REMINDER_HOURS, DEFAULT_REMINDER_TIMES, dueReminders, type MonthDay, type ReminderTiming } from './reminders'

type MeetingInput = Pick<Meeting, 'id' | 'type' | 'startAt' | 'status' | 'themeMonth'>

const DEFAULT_TIMING: ReminderTiming = { reminderTimes: DEFAULT_REMINDER_TIMES, meetingReminderHours: DEFAULT_MEETING_REMINDER_HOURS }
const MAY: MonthDay = { month: '2026-05', date: '2026-05-22' }
const themeMeeting = (over: Partial<MeetingInput> = {}): MeetingInput => ({
  id: 'theme-may',
  type: 'theme_day',
  startAt: '2026-05-22T14:30:00+08:00',
  status: 'scheduled',
  themeMonth: '2026-05',
  ...over,
})
const aMeetingAt = (startAt: string, over: Partial<MeetingInput> = {}): MeetingInput => ({
  id: 'assembly',
  type: 'branch_assembly',
  startAt,
  status: 'scheduled',
  themeMonth: null,
  ...over,
})

function due(at: string, input: { timing?: Partial<ReminderTiming>; themeDays?: MonthDay[]; duesDays?: MonthDay[]; meetings?: MeetingInput[] } = {}) {
  return dueReminders({
    now: new Date(at),
    timing: { ...DEFAULT_TIMING, ...input.timing },
    themeDays: input.themeDays ?? [MAY],
    duesDays: input.duesDays ?? [MAY],
    meetings: input.meetings ?? [themeMeeting()],
  }).map((r) => `${eventKey(r.event)} ${r.moment}`)
}

describe('主题党日 and 党费缴纳日', () => {
  it('default to 18:00 the evening before and 08:00 the morning of', () => {
    expect(DEFAULT_REMINDER_TIMES).toEqual({ dayBefore: '18:00', morningOf: '08:00' })
  })

  it.each([
    ['2026-05-21T12:00:00+08:00', []],
    ['2026-05-21T17:59:59+08:00', []],
    ['2026-05-21T18:00:00+08:00', ['theme:2026-05 day_before', 'dues:2026-05 day_before']],
    ['2026-05-22T07:59:59+08:00', ['theme:2026-05 day_before', 'dues:2026-05 day_before']],
    ['2026-05-22T08:00:00+08:00', ['theme:2026-05 morning_of', 'dues:2026-05 morning_of']],
    ['2026-05-22T14:29:59+08:00', ['theme:2026-05 morning_of', 'dues:2026-05 morning_of']],
    ['2026-05-22T14:30:00+08:00', ['dues:2026-05 morning_of']],
    ['2026-05-22T19:59:59+08:00', ['dues:2026-05 morning_of']],
    ['2026-05-22T20:00:00+08:00', []],
    ['2026-05-23T08:00:00+08:00', []],
  ])('at %s: %j', (at, expected) => {
    expect(due(at)).toEqual(expected)
  })

  it('are the same instants however the instant is written (16:30 UTC is 00:30 the next day in Shanghai)', () => {
    expect(due('2026-05-21T16:30:00Z')).toEqual(['theme:2026-05 day_before', 'dues:2026-05 day_before'])
    expect(due('2026-05-21T09:59:00Z')).toEqual([])
    expect(due('2026-05-21T10:00:00Z')).toEqual(['theme:2026-05 day_before', 'dues:2026-05 day_before'])
  })

  it("follow the branch's own reminder times", () => {
    const timing = { reminderTimes: { dayBefore: '20:00', morningOf: '07:30' } }
    expect(due('2026-05-21T18:00:00+08:00', { timing })).toEqual([])
    expect(due('2026-05-21T20:00:00+08:00', { timing })).toEqual(['theme:2026-05 day_before', 'dues:2026-05 day_before'])
    expect(due('2026-05-22T07:30:00+08:00', { timing })).toEqual(['theme:2026-05 morning_of', 'dues:2026-05 morning_of'])
  })

  it('carry the event date, the template and, for 主题党日, the generated meeting', () => {
    const [theme, dues] = dueReminders({
      now: new Date('2026-05-22T08:00:00+08:00'),
      timing: DEFAULT_TIMING,
      themeDays: [MAY],
      duesDays: [MAY],
      meetings: [themeMeeting()],
    })
    expect(theme).toMatchObject({ kind: 'meeting_reminder', event: { kind: 'theme_day', month: '2026-05' }, eventDate: '2026-05-22', meetingId: 'theme-may' })
    expect(dues).toMatchObject({ kind: 'dues_reminder', event: { kind: 'dues_day', month: '2026-05' }, eventDate: '2026-05-22', meetingId: null })
  })

  it('a 主题党日 moved to a morning meeting: the evening-before reminder stops helping at its start', () => {
    const meetings = [themeMeeting({ startAt: '2026-05-22T07:30:00+08:00' })]
    expect(due('2026-05-22T07:29:00+08:00', { meetings, duesDays: [] })).toEqual(['theme:2026-05 day_before'])
    expect(due('2026-05-22T07:30:00+08:00', { meetings, duesDays: [] })).toEqual([])
  })

  it('a cancelled 主题党日 is not reminded; dues day still is', () => {
    expect(due('2026-05-21T18:00:00+08:00', { meetings: [themeMeeting({ status: 'cancelled' })] })).toEqual(['dues:2026-05 day_before'])
  })

  it('without a generated meeting, the 主题党日 is reminded for its rule date until noon', () => {
    const [r] = dueReminders({ now: new Date('2026-05-22T08:00:00+08:00'), timing: DEFAULT_TIMING, themeDays: [MAY], duesDays: [], meetings: [] })
    expect(r).toMatchObject({ event: { kind: 'theme_day', month: '2026-05' }, moment: 'morning_of', eventDate: '2026-05-22', meetingId: null })
    expect(due('2026-05-22T12:00:00+08:00', { duesDays: [], meetings: [] })).toEqual([])
  })

  it("a day a holiday moved into the previous month keeps its own month's key and meeting", () => {
    // October's day on the 1st is 国庆: it moves to 30 September, and it is still October's.
    const october: MonthDay = { month: '2026-10', date: '2026-09-30' }
    const meetings = [themeMeeting({ id: 'theme-oct', themeMonth: '2026-10', startAt: '2026-09-30T14:30:00+08:00' })]
    const [theme, dues] = dueReminders({
      now: new Date('2026-09-29T18:00:00+08:00'),
      timing: DEFAULT_TIMING,
      themeDays: [october],
      duesDays: [october],
      meetings,
    })
    expect(theme).toMatchObject({ event: { kind: 'theme_day', month: '2026-10' }, eventDate: '2026-09-30', meetingId: 'theme-oct' })
    expect(dues).toMatchObject({ event: { kind: 'dues_day', month: '2026-10' }, eventDate: '2026-09-30' })
  })
})

describe('any other meeting', () => {
  const start = '2026-05-19T14:30:00+08:00'

  it(`is due ${DEFAULT_MEETING_REMINDER_HOURS} h before it starts, until it starts`, () => {
    const input = { themeDays: [], duesDays: [], meetings: [aMeetingAt(start)] }
    expect(due('2026-05-19T12:29:59+08:00', input)).toEqual([])
    expect(due('2026-05-19T12:30:00+08:00', input)).toEqual(['meeting:assembly before_start'])
    expect(due('2026-05-19T14:29:59+08:00', input)).toEqual(['meeting:assembly before_start'])
    expect(due('2026-05-19T14:30:00+08:00', input)).toEqual([])
  })

  it("follows the branch's own lead time", () => {
    const input = { timing: { meetingReminderHours: 3 }, themeDays: [], duesDays: [], meetings: [aMeetingAt(start)] }
    expect(due('2026-05-19T11:30:00+08:00', input)).toEqual(['meeting:assembly before_start'])
  })

  it('is not due when cancelled', () => {
    expect(due('2026-05-19T13:00:00+08:00', { themeDays: [], duesDays: [], meetings: [aMeetingAt(start, { status: 'cancelled' })] })).toEqual([])
  })

  it('carries its meeting and date', () => {
    const [r] = dueReminders({ now: new Date('2026-05-19T13:00:00+08:00'), timing: DEFAULT_TIMING, themeDays: [], duesDays: [], meetings: [aMeetingAt(start)] })
    expect(r).toMatchObject({ kind: 'meeting_reminder', event: { kind: 'meeting', meetingId: 'assembly' }, moment: 'before_start', eventDate: '2026-05-19', meetingId: 'assembly' })
  })
})
