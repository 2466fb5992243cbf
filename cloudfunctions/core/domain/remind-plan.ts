/**
 * What the remind timer does for one branch at one moment, decided from a snapshot of what it
 * read, without touching storage: the notices to write and the sends to make. Pure, so that a
 * doubled or retried run comes to the same plan, and so that it is specified as a table.
 */
import type { Attendance, Branch, Credit, Leave, Meeting, Member, Notice, Payment, ReminderMoment, Send } from '../../../types/models'
import { isInvited, MEETING_TYPE_LABELS } from '../../../src/domain/meetings'
import { nextMonth } from '../../../src/domain/relative-day'
import { formatDateZh, inShanghai, shanghaiDate, toShanghaiIso } from '../../../src/domain/time'
import { dueReminders, type DueReminder } from './reminders'
import { monthNumber, monthSchedule } from './schedule'
import { templateData } from './template-fit'
import type { OutgoingMessage } from '../ports'
import { balancesOf } from '../records/credits'
import { eventKey, noticeId, sendId } from '../records/ids'
import type { Settings } from '../records/settings'

/** A failed send is tried at most this many times. */
export const MAX_ATTEMPTS = 3

/** Meetings starting in this window are read: a reminder goes out at most two days ahead. */
export function meetingWindow(now: Date) {
  return { $gte: toShanghaiIso(now.getTime() - 3600_000), $lte: toShanghaiIso(now.getTime() + 2 * 86400_000) }
}

/**
 * What is due at `now`: this and next month's 主题党日 and 党费缴纳日 when they are near, and the
 * meetings starting soon. `meetings` holds those and this and next month's generated 主题党日,
 * wherever they were moved to: a moved day is reminded on its new date.
 */
export function dueAt(settings: Settings, meetings: Meeting[], now: Date): DueReminder[] {
  const today = shanghaiDate(now)
  const generated = new Map(meetings.filter((m) => m.themeMonth).map((m) => [m.themeMonth as string, m]))
  const months = [today.slice(0, 7), nextMonth(today.slice(0, 7))].map((m) => monthSchedule(m, settings.schedule, generated.get(m)))
  const soon = ({ date }: { date: string }) => date >= today && date <= shanghaiDate(now.getTime() + 2 * 86400_000)
  return dueReminders({
    now,
    timing: settings,
    themeDays: months.map((s) => ({ month: s.month, date: s.themeDay.date })).filter(soon),
    duesDays: months.map((s) => ({ month: s.month, date: s.duesDay.date })).filter(soon),
    meetings,
  })
}

/** Everything the plan needs about one branch, read once. */
export interface BranchSnapshot {
  branch: Pick<Branch, 'id'>
  now: Date
  due: DueReminder[]
  /** The meetings starting soon (the due ones among them). */
  meetings: Meeting[]
  /** Active members. */
  members: Member[]
  credits: Credit[]
  /** Sends already claimed for the due events. */
  sends: Send[]
  /** Payments of the months whose dues day is due. */
  payments: Payment[]
  /** Attendance records and approved leaves of the due meetings. */
  attendance: Attendance[]
  leaves: Leave[]
}

export interface Delivery {
  /** The claim to write (its id is the claim key). */
  send: Send
  /** The earlier failed attempt this one retries. */
  retrying: Send | undefined
  message: OutgoingMessage
}

export interface ReminderPlan {
  notices: Notice[]
  deliveries: Delivery[]
  /** Already claimed by this or an earlier run, and not to be retried. */
  skipped: number
}

export function planReminders(s: BranchSnapshot): ReminderPlan {
  const balances = balancesOf(s.credits)
  const meetingOf = new Map(s.meetings.map((m) => [m.id, m]))
  const sendOf = new Map(s.sends.map((x) => [x.id, x]))
  const plan: ReminderPlan = { notices: [], deliveries: [], skipped: 0 }
  for (const d of s.due) {
    const meeting = d.meetingId ? meetingOf.get(d.meetingId) ?? null : null
    const notice = noticeFor(s.branch.id, d, meeting, s.now)
    plan.notices.push(notice)
    for (const member of recipientsOf(s, d, meeting)) {
      const id = sendId(s.branch.id, d.event, d.moment, member.id)
      const existing = sendOf.get(id)
      if (existing && !(existing.state === 'failed' && existing.attempts < MAX_ATTEMPTS)) {
        plan.skipped += 1
        continue
      }
      // No credit, no send: the member still sees the in-app notice.
      if (!member.openid || (balances.get(member.id)?.[d.kind] ?? 0) <= 0) continue
      const send: Send = {
        id, branchId: s.branch.id, memberId: member.id, kind: d.kind, eventKey: notice.eventKey, moment: d.moment,
        state: 'claimed', attempts: 1, errCode: null, errMsg: null, claimedAt: notice.createdAt, sentAt: null,
      }
      plan.deliveries.push({ send, retrying: existing, message: messageFor(d, meeting, member, notice) })
    }
  }
  return plan
}

function recipientsOf(s: BranchSnapshot, d: DueReminder, meeting: Meeting | null): Member[] {
  if (d.event.kind === 'dues_day') {
    // Only those who have not paid this month's dues yet: nobody is nagged for nothing.
    const month = d.event.month
    const done = new Set(s.payments.filter((p) => p.month === month).map((p) => p.memberId))
    // A member whose amount is not set yet would be told "0.00元": the secretary sets it first.
    return s.members.filter((m) => !done.has(m.id) && (m.dues?.amount ?? 0) > 0)
  }
  if (!meeting) return s.members
  const excused = new Set([...s.attendance, ...s.leaves].filter((r) => r.meetingId === meeting.id).map((r) => r.memberId))
  return s.members.filter((m) => isInvited(m, meeting.scope) && !excused.has(m.id))
}

const WHEN: Record<ReminderMoment, string> = { day_before: '明天', morning_of: '今天', before_start: '即将开始' }

function noticeFor(branchId: string, d: DueReminder, meeting: Meeting | null, now: Date): Notice {
  const { kind } = d.event
  const what = kind === 'dues_day' ? '党费缴纳日' : kind === 'theme_day' ? '主题党日' : meeting ? MEETING_TYPE_LABELS[meeting.type] : '会议'
  const time = meeting ? ` ${inShanghai(meeting.startAt).format('HH:mm')}` : ''
  const place = meeting?.location ? ` · ${meeting.location}` : ''
  return {
    id: noticeId(branchId, d.event, d.moment),
    branchId,
    kind: d.kind,
    eventKey: eventKey(d.event),
    moment: d.moment,
    title: `${WHEN[d.moment]} · ${meeting && kind !== 'theme_day' ? meeting.title : what}`,
    body: `${formatDateZh(d.eventDate)}${time}${place}`,
    eventDate: d.eventDate,
    meetingId: meeting && meeting.scope.kind !== 'branch' ? meeting.id : null,
    createdAt: toShanghaiIso(now),
  }
}

/** The message in the template's field order (TEMPLATE_FIELDS names and types the fields). */
function messageFor(d: DueReminder, meeting: Meeting | null, member: Member, notice: Notice): OutgoingMessage {
  const openid = member.openid as string
  if (d.event.kind === 'dues_day') {
    const note = d.moment === 'day_before' ? '明天是党费缴纳日，请按时缴纳' : '今天是党费缴纳日，请按时缴纳'
    return {
      openid,
      kind: 'dues_reminder',
      page: 'pages/dues/index',
      data: templateData('dues_reminder', [`${monthNumber(d.event.month)}月党费`, d.eventDate, member.dues?.amount ?? 0, note]),
    }
  }
  const note = d.event.kind === 'theme_day' ? `${WHEN[d.moment]}是主题党日，请准时参加` : `${WHEN[d.moment]}，请准时参加`
  return {
    openid,
    kind: 'meeting_reminder',
    page: meeting ? `pages/meeting-detail/index?id=${meeting.id}` : 'pages/meetings/index',
    data: templateData('meeting_reminder', [
      meeting?.title ?? notice.title,
      meeting?.startAt ?? `${d.eventDate}T09:00:00+08:00`,
      meeting?.location ?? '地点待通知',
      note,
    ]),
  }
}
