/** Plain data shapes shared by the mini-program, the H5 app and the cloud functions. */

export const ROLES = ['secretary', 'deputy', 'committee', 'group_leader', 'member'] as const
export type Role = (typeof ROLES)[number]

/** How a branch places a monthly day (主题党日, 党费缴纳日). */
export type DayRule =
  /** The n-th given weekday of the month ("第4个周五"; the default reading of 每月第4周周五). */
  | { kind: 'nth_weekday'; n: 1 | 2 | 3 | 4; weekday: Weekday }
  /** The given weekday of the n-th Monday-start week that contains days of the month. */
  | { kind: 'week_of_month'; week: 1 | 2 | 3 | 4 | 5; weekday: Weekday }
  /** The last given weekday of the month ("每月最后一个周三"). */
  | { kind: 'last_weekday'; weekday: Weekday }
  /** A fixed day of the month (1–28). */
  | { kind: 'day_of_month'; day: number }

/** 1 = Monday … 7 = Sunday (ISO). */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7

export interface BranchSchedule {
  themeDayRule: DayRule
  duesDayRule: DayRule
  /** Single-month overrides: month (YYYY-MM) → date (YYYY-MM-DD). */
  themeDayOverrides: Record<string, string>
  duesDayOverrides: Record<string, string>
}

export interface BranchSettings {
  /** 学时 a year a member should reach (党员教育管理工作条例: normally 32). */
  targetHours: number
  /** 学时 a year for committee members (some branches ask 40). */
  committeeTargetHours: number
  /** Study points a check-in earns, by meeting type; missing types use the defaults. */
  meetingPoints?: Partial<Record<MeetingType, number>>
  /** When the generated 主题党日 starts and ends (HH:mm, Shanghai). */
  themeDayTime?: { start: string; end: string }
  /** When reminders go out (HH:mm, Shanghai): the evening before and the morning of an event. */
  reminderTimes?: { dayBefore: string; morningOf: string }
  /** How long before a meeting its reminder goes out. */
  meetingReminderHours?: number
  /** The first month (YYYY-MM) the dues register covers; unpaid streaks start counting here. */
  duesSince?: string
  /** Days after a meeting's end that organisers may still 补签 or decide a leave (default 30). */
  fixWindowDays?: number
  /** Self-study counts only after a committee member approves it (default: at once). */
  selfStudyNeedsApproval?: boolean
  /** Point rankings are shown only if the branch turns them on (off by default: 2023 rules against 指尖上的形式主义). */
  rankingsEnabled?: boolean
  /** 学习强国 points a week a member aims for (seed 002: 150). */
  xuexiWeeklyTarget?: number
}

export interface Branch {
  id: string
  /** A branch is its own branch; kept so that every document carries a branchId. */
  branchId: string
  name: string
  schedule: BranchSchedule
  settings: BranchSettings
  /** Bumped by every settings change: the compare-and-set that keeps concurrent edits. */
  settingsVersion?: number
  createdAt: string
}

export interface Group {
  id: string
  branchId: string
  name: string
  leaderId: string | null
}

export interface Member {
  id: string
  branchId: string
  /** WeChat OPENID bound to this member; absent until the person joins. */
  openid?: string
  name: string
  roles: Role[]
  groupId: string | null
  /** 正式党员 or 预备党员. */
  standing: 'full' | 'probationary'
  active: boolean
  /** The 核定 monthly dues: category, the income it was computed from and the amount, in 分. */
  dues: { category: DuesCategory; base?: number; amount: number; setAt?: string; setBy?: string } | null
  /** The last 4 digits of a phone number, for matching a join request: the only phone data kept. */
  phoneTail?: string
  /** 入党日期 (YYYY-MM-DD), as the roster gives it. */
  joinedAt?: string
  /** Why and when a member left the roll (their history stays). */
  removed?: { reason: RemovalReason; note?: string; at: string; by: string }
}

export const REMOVAL_REASONS = ['transfer_out', 'left', 'deceased', 'other'] as const
export type RemovalReason = (typeof REMOVAL_REASONS)[number]

/**
 * One WeChat user bound to one member: the document id is the OPENID, so two approvals racing
 * cannot bind one user twice (a unique index on members.openid is not reliable on CloudBase).
 */
export interface Binding {
  id: string
  branchId: string
  memberId: string
  at: string
}

/** A branch's join code, printable as a QR; rotating it makes a new one. */
export interface Invite {
  /** The code itself (unguessable): looked up by id. */
  id: string
  branchId: string
  createdAt: string
  createdBy: string
  active: boolean
}

export type JoinState = 'pending' | 'approved' | 'refused'

/** A WeChat user's request to join a branch: one per user (the id is `join:${openid}`). */
export interface JoinRequest {
  id: string
  branchId: string
  openid: string
  name: string
  phoneTail: string
  state: JoinState
  requestedAt: string
  decidedBy?: string
  decidedAt?: string
  memberId?: string
}

/** One change to a member's record: who, when, what (CONTRACT §5; shown on the member's page). */
export interface MemberAudit {
  id: string
  branchId: string
  memberId: string
  action: 'create' | 'import' | 'update' | 'bind' | 'unbind' | 'remove'
  by: string
  at: string
  /** The fields changed, old → new, in words for the secretary. */
  detail: string
}

/** An organiser's fix to a meeting's record (补签, a leave decision): who, when, what, why; shown on its attendance page. */
export interface MeetingAudit {
  id: string
  branchId: string
  meetingId: string
  /** The member the fix is about. */
  memberId: string
  action: 'checkin.manual' | 'leave.review'
  by: string
  at: string
  /** What was done, in words for the secretary. */
  detail: string
  reason: string
}

/** Wrong setup-code tries of one user in one hour (refused for the hour after 10). */
export interface Throttle {
  id: string
  branchId: string
  count: number
}

/** What session.me tells a client about the caller. */
export interface MemberView {
  id: string
  name: string
  roles: Role[]
  branchId: string
  groupId: string | null
  branchName: string
  groupName: string | null
}

export interface ScheduledDay {
  date: string
  /** True when the rule's date fell on a statutory holiday and moved to the nearest earlier workday. */
  shifted: boolean
  /** The date the rule gives before any holiday shift. */
  ruleDate: string
  /** True when the branch set this month's date by hand. */
  overridden: boolean
}

export type PointsKind = 'meeting' | 'self_study' | 'test' | 'makeup_study' | 'xuexi' | 'adjustment'

export interface LedgerEntry {
  id: string
  branchId: string
  memberId: string
  kind: PointsKind
  points: number
  /** Study hours × 10 as an integer, so that sums never drift (18.5 学时 = 185). */
  studyTenths: number
  sourceId: string
  /** Calendar year in Shanghai, for per-year totals. */
  year: number
  by: string
  at: string
  reason: string
}

export const MEETING_TYPES = ['branch_assembly', 'committee', 'group', 'lecture', 'theme_day', 'life_meeting', 'other'] as const
export type MeetingType = (typeof MEETING_TYPES)[number]

export type MeetingScope = { kind: 'branch' } | { kind: 'committee' } | { kind: 'group'; groupId: string }

export interface Meeting {
  id: string
  branchId: string
  type: MeetingType
  title: string
  /** ISO 8601 with offset. */
  startAt: string
  endAt: string
  location: string | null
  agenda: string | null
  scope: MeetingScope
  status: 'scheduled' | 'cancelled'
  cancelReason: string | null
  /** Set on the 主题党日 generated from the branch's rule: the month it belongs to. */
  themeMonth: string | null
  createdBy: string
  createdAt: string
  updatedAt: string
  /** Set once a live code is shown: the key its compact (小程序码) form names it by, for its current time. */
  checkinKey?: string
  /** What attending earns, fixed when the code was last shown (the compact form cannot carry it). */
  checkinPoints?: number
  /** Set once a poster is printed: the stable key its 小程序码 names the meeting by. */
  posterKey?: string
}

/** A member's standing for a meeting, as every screen shows it. */
export type AttendanceStatus = 'present' | 'late' | 'leave' | 'absent' | 'makeup'

/** One record per member and meeting: its id is `${meetingId}:${memberId}`. */
export interface Attendance {
  id: string
  branchId: string
  meetingId: string
  memberId: string
  status: 'present' | 'late' | 'makeup'
  checkedInAt: string
  /** Who recorded it: the member themself, or the organiser for a make-up. */
  by: string
  /** Why a make-up (补签) was recorded; null for a scan. */
  reason: string | null
}

/** `withdrawn`: the member took back a pending request (kept, not deleted). */
export type LeaveState = 'pending' | 'approved' | 'refused' | 'withdrawn'

/** One leave request per member and meeting: its id is `${meetingId}:${memberId}`. */
export interface Leave {
  id: string
  branchId: string
  meetingId: string
  memberId: string
  reason: string
  state: LeaveState
  requestedAt: string
  reviewedBy: string | null
  reviewedAt: string | null
}

export const TEMPLATE_KINDS = ['meeting_reminder', 'dues_reminder'] as const
export type TemplateKind = (typeof TEMPLATE_KINDS)[number]

/**
 * What the server knows of one member's one-time subscription credits for one template: each
 * 允许 adds one, each send spends one. Its id is `${memberId}:${kind}`.
 */
export interface Credit {
  id: string
  branchId: string
  memberId: string
  kind: TemplateKind
  balance: number
  updatedAt: string
}

export type ReminderMoment = 'day_before' | 'morning_of' | 'before_start'

export type SendState = 'claimed' | 'sent' | 'failed' | 'no_credit'

/**
 * One reminder to one member for one event and moment. Its id is the claim key
 * `${branchId}|${eventKey}|${moment}|${memberId}`: inserting it is what makes a send happen at most once.
 */
export interface Send {
  id: string
  branchId: string
  memberId: string
  kind: TemplateKind
  eventKey: string
  /** `announced`: a secretary's notice (Announcement), sent once when the timer first sees it. */
  moment: ReminderMoment | 'announced'
  state: SendState
  attempts: number
  errCode: number | null
  errMsg: string | null
  claimedAt: string
  sentAt: string | null
}

/** A reminder as everyone sees it in the app, whether or not WeChat could deliver it. */
export interface Notice {
  id: string
  branchId: string
  kind: TemplateKind
  eventKey: string
  moment: ReminderMoment
  title: string
  body: string
  /** The event's date (YYYY-MM-DD). */
  eventDate: string
  /** For a meeting: only its invitees see the notice. */
  meetingId: string | null
  createdAt: string
}

export type PaymentState = 'reported' | 'confirmed'

/** One month's dues of one member (登记表 row). Its id is `${memberId}:${month}`. */
export interface Payment {
  id: string
  branchId: string
  memberId: string
  month: string
  /** 分. */
  amount: number
  /** The day it was paid (YYYY-MM-DD). */
  paidOn: string
  state: PaymentState
  reportedBy: string
  confirmedBy: string | null
  updatedAt: string
}

/** Progress of a remind run that may be cut short: where the next run of the same hour resumes. */
export interface Job {
  id: string
  branchId: string
  runKey: string
  lastBranchId: string | null
  finished: boolean
  updatedAt: string
}

/** 自学 kinds: 原文, 党课视频, 学习强国, 其他. */
export const STUDY_KINDS = ['original', 'video', 'xuexi', 'other'] as const
export type StudyKind = (typeof STUDY_KINDS)[number]

export type ReviewState = 'pending' | 'approved' | 'refused'

/** A self-study record a member logged. It counts once approved (at once, unless the branch reviews them). */
export interface Study {
  id: string
  branchId: string
  memberId: string
  title: string
  kind: StudyKind
  minutes: number
  note: string | null
  /** A photo: a cloud fileID in WeChat, a small data URL locally. */
  photo: string | null
  /** The day studied (YYYY-MM-DD). */
  studiedOn: string
  state: ReviewState
  createdAt: string
  reviewedBy: string | null
  reviewedAt: string | null
}

/** A member's own report of one week's 学习强国 points (there is no API to read them). Id `${memberId}:${week}`. */
export interface XuexiReport {
  id: string
  branchId: string
  memberId: string
  /** The Monday the week starts on (YYYY-MM-DD). */
  week: string
  points: number
  screenshot: string | null
  reportedAt: string
}

export const QUESTION_TYPES = ['single', 'multiple', 'judge'] as const
export type QuestionType = (typeof QUESTION_TYPES)[number]

/** 党费类别 (CONTRACT §3): the official brackets apply to the first five; farmer and custom set an amount. */
export const DUES_CATEGORIES = ['employed', 'retired', 'student', 'unemployed', 'subsistence', 'farmer', 'custom'] as const
export type DuesCategory = (typeof DUES_CATEGORIES)[number]

export interface Question {
  id: string
  branchId: string
  type: QuestionType
  stem: string
  /** For judge questions: ['正确', '错误']. */
  options: string[]
  /** Indexes into options; never sent to a member before they submit. */
  answer: number[]
  createdBy: string
  createdAt: string
}

/** A monthly knowledge test: a set of questions, open for a period, answered once, timed. */
export interface Quiz {
  id: string
  branchId: string
  title: string
  questionIds: string[]
  opensAt: string
  closesAt: string
  timeLimitMin: number
  /** Percentage (0–100) needed to pass. */
  passScore: number
  points: number
  studyTenths: number
  createdBy: string
  createdAt: string
}

/** One member's one attempt at a quiz. Id `${quizId}:${memberId}`. */
export interface QuizAttempt {
  id: string
  branchId: string
  quizId: string
  memberId: string
  startedAt: string
  submittedAt: string | null
  /** questionId → chosen option indexes. */
  answers: Record<string, number[]> | null
  correct: number
  total: number
  /** 0–100, computed on the server. */
  score: number | null
  passed: boolean | null
  /** Earlier submitted attempts, oldest first, each set aside when the secretary allowed a retake. */
  previous?: Array<{ startedAt: string; submittedAt: string; score: number; passed: boolean; allowedBy: string; allowedAt: string; reason: string }>
  /** True from the secretary's permission until the member starts the retake (its clock starts then). */
  retakeReady?: boolean
}

/** A completed 补学 for a missed 支部党员大会 or 党课. Id `${meetingId}:${memberId}`. */
export interface MakeupStudy {
  id: string
  branchId: string
  meetingId: string
  memberId: string
  note: string | null
  completedAt: string
}

/** Who a secretary's notice is for: the whole branch or one 党小组. */
export type AnnouncementScope = { kind: 'branch' } | { kind: 'group'; groupId: string }

/**
 * A notice from the branch's leadership (通知) to the branch or a 党小组. Each member it was for
 * when it was posted has a receipt (AnnouncementReceipt), which is also who may read it.
 */
export interface Announcement {
  id: string
  branchId: string
  scope: AnnouncementScope
  title: string
  body: string
  /** The meeting it is about, if any: the notice opens it. */
  meetingId: string | null
  /** Members it was for when posted (receipts written), and how many of them have opened it. */
  audienceCount: number
  readCount: number
  /** Whether it goes out as a WeChat subscription message (the meeting_reminder template) too. */
  push: boolean
  /** Until when the remind timer sends it (and retries a failed send); null when not pushed. */
  pushUntil: string | null
  by: string
  byName: string
  createdAt: string
}

/** One member's copy of a notice: its id is `${announcementId}:${memberId}`; `readAt` is set once, on first opening. */
export interface AnnouncementReceipt {
  id: string
  branchId: string
  announcementId: string
  memberId: string
  /** The notice's createdAt, so that a member's notices list newest first from their receipts. */
  createdAt: string
  readAt: string | null
}

/** 轮值党务干事 of one month (seed 003): one member per branch and month; id `${branchId}:${month}`. */
export interface Duty {
  id: string
  branchId: string
  month: string
  memberId: string
  setBy: string
  setAt: string
}

/** A 党委 above several branches (CONTRACT §7). It belongs to no branch, so its branchId is `-`. */
export interface Org {
  id: string
  branchId: string
  name: string
  /** The code a branch secretary enters to attach their branch (unguessable; rotated by the org). */
  code: string
  createdAt: string
  /** The OPENID of the user who created it with the setup code. */
  createdBy: string
}

/** A WeChat user who oversees an org (`party_committee`): one org per user, the id is the OPENID. */
export interface OrgOverseer {
  id: string
  branchId: string
  orgId: string
  name: string
  since: string
}

/** A branch's place in an org: the id is the branchId, so a branch belongs to at most one org. */
export interface OrgLink {
  id: string
  branchId: string
  orgId: string
  active: boolean
  attachedAt: string
  /** The member id of the secretary who entered the org's code. */
  attachedBy: string
  /** Who took the branch out of the org (an overseer's OPENID), when and why. */
  detached?: { at: string; by: string; reason: string }
}

/** The minutes (会议记录) of one meeting: its id is the meeting's id. Attendance is never stored here. */
export interface Minutes {
  id: string
  branchId: string
  meetingId: string
  /** 主持人 and 记录人: names as the roster spells them. */
  host: string
  recorder: string
  /** 议题, in order. */
  topics: string[]
  summary: string
  decisions: string
  /** File ids (cloud storage in WeChat, the data directory locally), at most 9. */
  photos: string[]
  updatedBy: string
  updatedAt: string
  /** Saves so far: the history's entries are numbered by it. */
  version: number
}

/** One saved edit of a meeting's minutes: who, when, and what the minutes then said. */
export interface MinutesHistory {
  id: string
  branchId: string
  meetingId: string
  version: number
  by: string
  at: string
  fields: Pick<Minutes, 'host' | 'recorder' | 'topics' | 'summary' | 'decisions' | 'photos'>
}

/** The secretary's clearing of an overdue 补学 (CONTRACT §6): id `${meetingId}:${memberId}`. */
export interface MakeupClearance {
  id: string
  branchId: string
  meetingId: string
  memberId: string
  by: string
  at: string
  reason: string
}

/** A file an organiser uploaded (a minutes photo): counted to bound each person's uploads a year. */
export interface Upload {
  id: string
  branchId: string
  memberId: string
  fileId: string
  bytes: number
  at: string
}

/** A printed 小程序码 kept in cloud storage: the id is `${page}?${scene}`, so it is made once. */
export interface Poster {
  id: string
  branchId: string
  fileId: string
  createdAt: string
}
