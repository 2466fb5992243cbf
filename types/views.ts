/**
 * Shapes that actions answer and the app shows, shared by several actions. Each action's own
 * payload and result are declared with it (cloudfunctions/core/actions).
 */
import type {
  AttendanceStatus,
  DayRule,
  LeaveState,
  Meeting,
  MeetingScope,
  MeetingType,
  Notice,
  PaymentState,
  TemplateKind,
  BranchSettings,
  Quiz,
} from './models'

/** What WeChat's requestSubscribeMessage answered for one template. */
export type SubscribeAnswer = 'accept' | 'reject' | 'ban' | 'filter'

export type Credits = Record<TemplateKind, number>

/** A quiz as a member sees it: never the answers. */
export interface QuizView extends Omit<Quiz, 'questionIds'> {
  questionCount: number
}

export interface MyQuiz {
  state: 'not_started' | 'in_progress' | 'submitted'
  startedAt?: string
  score?: number
  passed?: boolean
}

/** The settings a branch may change (the rest of BranchSettings has defaults). */
export type EditableSettings = Pick<
  BranchSettings,
  'targetHours' | 'committeeTargetHours' | 'selfStudyNeedsApproval' | 'rankingsEnabled' | 'xuexiWeeklyTarget' | 'meetingPoints'
>

/** A reminder notice as 首页 lists it, with the page it is about (the meeting, or the dues register). */
export type NoticeView = Notice & { page: string }

/** The branch's calendar as the secretary sets it: the monthly days, reminder times and record windows. */
export interface CalendarSettings {
  themeDayRule: DayRule
  duesDayRule: DayRule
  /** Single-month dates set by hand: month (YYYY-MM) → date (YYYY-MM-DD). */
  themeDayOverrides: Record<string, string>
  duesDayOverrides: Record<string, string>
  reminderTimes: { dayBefore: string; morningOf: string }
  /** The first month (YYYY-MM) of the dues register. */
  duesSince: string
  /** Days after a meeting's end that 补签 and leave decisions stay open. */
  fixWindowDays: number
}

export interface DuesItem {
  memberId: string
  name: string
  /** The 核定 monthly amount, 分. */
  amount: number
  paid: boolean
  /** The day it was paid (YYYY-MM-DD). */
  paidAt?: string
  paidAmount?: number
  state?: PaymentState
  /** Months in a row unpaid, ending with this month (six means 自行脱党 under 第三十一条). */
  unpaidStreak: number
}

/** A meeting as clients see it: the stored fields plus names resolved for display. */
export interface MeetingView extends Meeting {
  /** The 党小组's name for a group meeting. */
  groupName: string | null
}

/** The caller's own standing for a meeting: an attendance status, or null while it can still be attended. */
export interface MyMeetingStatus {
  invited: boolean
  status: AttendanceStatus | null
  checkedInAt: string | null
  leave: { state: LeaveState; reason: string; leaveId: string } | null
}

export interface MeetingFields {
  type: MeetingType
  title: string
  startAt: string
  endAt: string
  location?: string
  agenda?: string
  scope?: MeetingScope
}

export interface AttendanceRow {
  memberId: string
  name: string
  groupId: string | null
  /** `pending` (未签到): not checked in before the meeting starts. */
  status: AttendanceStatus | 'pending'
  checkedInAt?: string
  /** The organiser's reason for a make-up. */
  reason?: string
  leave?: { state: LeaveState; reason: string; leaveId: string }
}

/**
 * A printable code: `page` opened with `scene` from WeChat's 扫一扫 (a 小程序码), or `link` as a
 * plain QR (locally, or a branch's 普通链接二维码 domain). `image` is the 小程序码 in WeChat;
 * `problem` says why there is none where WeChat refused.
 */
export interface PosterAnswer {
  page: string
  scene: string
  link: string
  image?: { url: string; expiresAt: string }
  problem?: string
}
