/**
 * The action map: the single source of truth for what each action takes and returns.
 * The router's schema table, the role table and the client's typed `call()` are all keyed by it.
 */
import type {
  AttendanceStatus,
  LeaveState,
  Meeting,
  MeetingScope,
  MeetingType,
  MemberView,
  PointsKind,
  Role,
  Notice,
  PaymentState,
  ScheduledDay,
  TemplateKind,
  BranchSettings,
  Question,
  QuestionType,
  Quiz,
  ReviewState,
  Study,
  StudyKind,
  XuexiReport,
} from './models'
import type { DuesCategory } from '../cloudfunctions/core/domain/dues'

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
  leave: { state: LeaveState; reason: string } | null
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
  status: AttendanceStatus
  checkedInAt?: string
  /** The organiser's reason for a make-up. */
  reason?: string
  leave?: { state: LeaveState; reason: string; leaveId: string }
}

export interface ActionMap {
  'session.me': {
    payload: Record<string, never>
    result: {
      openid: string
      member: MemberView | null
      /** The server's clock, so that the app's "today" and check-in windows agree with it. */
      now: string
      /** The caller's branch's 党小组 (empty for an unbound user). */
      groups: Array<{ id: string; name: string }>
    }
  }
  'schedule.month': {
    payload: { month: string }
    result: {
      month: string
      themeDay: ScheduledDay
      duesDay: ScheduledDay
      holidayDataKnown: boolean
    }
  }
  'points.mine': {
    payload: { year?: number }
    result: {
      year: number
      total: number
      byKind: Partial<Record<PointsKind, number>>
      studyHours: number
      targetHours: number
    }
  }
  'meeting.create': {
    payload: MeetingFields
    result: { meeting: MeetingView }
  }
  'meeting.update': {
    payload: { meetingId: string } & Partial<Omit<MeetingFields, 'type'>> & { type?: MeetingType }
    result: { meeting: MeetingView }
  }
  'meeting.cancel': {
    payload: { meetingId: string; reason: string }
    result: { meeting: MeetingView }
  }
  'meeting.list': {
    /** Dates (YYYY-MM-DD) in Asia/Shanghai, both inclusive; default from 60 days ago to 60 days ahead. */
    payload: { from?: string; to?: string }
    result: { meetings: Array<MeetingView & { myStatus: MyMeetingStatus }> }
  }
  'meeting.get': {
    payload: { meetingId: string }
    result: { meeting: MeetingView; myStatus: MyMeetingStatus; canManage: boolean }
  }
  'checkin.code': {
    payload: { meetingId: string }
    /** `path` is the app page that checks in with this token (also encoded in the QR code). */
    result: { token: string; expiresAt: string; refreshInSec: number; path: string }
  }
  'checkin.live': {
    payload: { meetingId: string }
    result: {
      expected: number
      arrived: number
      newest: Array<{ memberId: string; name: string; status: 'present' | 'late' | 'makeup'; checkedInAt: string }>
    }
  }
  'checkin.submit': {
    payload: { token: string }
    result: {
      meetingId: string
      status: 'present' | 'late' | 'makeup'
      checkedInAt: string
      already: boolean
      pointsAwarded: number
    }
  }
  'checkin.manual': {
    payload: { meetingId: string; memberId: string; reason: string }
    result: { status: 'present' | 'late' | 'makeup'; already: boolean }
  }
  'leave.request': {
    payload: { meetingId: string; reason: string }
    result: { leaveId: string; state: LeaveState }
  }
  'leave.review': {
    payload: { leaveId: string; approve: boolean }
    result: { state: LeaveState }
  }
  'attendance.get': {
    payload: { meetingId: string }
    result: {
      meeting: MeetingView
      expected: number
      present: number
      late: number
      leave: number
      absent: number
      makeup: number
      members: AttendanceRow[]
      /** Leave requests waiting for a decision. */
      pendingLeaves: Array<{ leaveId: string; memberId: string; name: string; reason: string; requestedAt: string }>
    }
  }
  'subscription.record': {
    payload: { results: Partial<Record<TemplateKind, SubscribeAnswer>> }
    result: { credits: Credits }
  }
  'subscription.mine': {
    payload: Record<string, never>
    result: { credits: Credits }
  }
  'subscription.overview': {
    payload: Record<string, never>
    result: {
      /** The next 主题党日 and 党费缴纳日 and the template each is sent with. */
      next: Array<{ kind: TemplateKind; title: string; date: string }>
      members: Array<{ memberId: string; name: string; bound: boolean; credits: Credits }>
    }
  }
  'notice.list': {
    payload: Record<string, never>
    result: { notices: Notice[] }
  }
  'dues.setBase': {
    payload: { memberId: string; category: DuesCategory; base?: number; amount?: number }
    result: { amount: number }
  }
  'dues.status': {
    payload: { month: string }
    result: {
      month: string
      /** True for the secretary's whole-branch view; false for a member's own row. */
      branchView: boolean
      items: DuesItem[]
      totals: { due: number; collected: number; paidCount: number; unpaidCount: number; rate: number | null }
    }
  }
  'dues.pay': {
    /** The member marks a month paid: amount defaults to their 核定 amount, paidAt to today. */
    payload: { month: string; amount?: number; paidAt?: string }
    result: { month: string; amount: number; paidAt: string; state: PaymentState }
  }
  'dues.confirm': {
    /** The secretary confirms, corrects or records a member's payment. */
    payload: { memberId: string; month: string; amount?: number; paidAt?: string }
    result: { month: string; amount: number; paidAt: string; state: PaymentState }
  }
  'dues.mine': {
    payload: { year?: number }
    result: {
      year: number
      amount: number | null
      category: DuesCategory | null
      months: Array<{ month: string; paid: boolean; amount?: number; paidAt?: string; state?: PaymentState; canPay: boolean }>
    }
  }
  'dues.table': {
    payload: Record<string, never>
    result: { members: Array<{ memberId: string; name: string; category: DuesCategory | null; base?: number; amount: number | null }> }
  }
  'points.history': {
    payload: { year?: number }
    result: { year: number; rows: Array<{ id: string; kind: PointsKind; points: number; studyHours: number; reason: string; at: string }> }
  }
  'study.log': {
    /**
     * `requestId`, made once per filled-in form, makes a retried submission (a slow network, a
     * double tap) answer the record it already made instead of logging the study twice.
     */
    payload: { title: string; kind: StudyKind; minutes: number; note?: string; photo?: string; studiedOn?: string; requestId?: string }
    /** `counted` is false while the record waits for a committee member's approval. */
    result: { study: Study; counted: boolean }
  }
  'study.mine': {
    payload: { year?: number }
    result: { studies: Study[] }
  }
  'study.pending': {
    payload: Record<string, never>
    result: { studies: Array<Study & { name: string }> }
  }
  'study.review': {
    payload: { studyId: string; approve: boolean }
    result: { state: ReviewState }
  }
  'study.overview': {
    payload: { year?: number }
    result: {
      year: number
      rankingsEnabled: boolean
      members: Array<{ memberId: string; name: string; studyHours: number; target: number; expectedByNow: number; behind: boolean; points: number }>
    }
  }
  'study.ranking': {
    payload: { year?: number }
    result: { year: number; rows: Array<{ memberId: string; name: string; points: number; studyHours: number }> }
  }
  'xuexi.report': {
    /** Any day of the week reported (default: this week); points as shown in 学习强国. */
    payload: { week?: string; points: number; screenshot?: string }
    result: { report: XuexiReport; target: number }
  }
  'xuexi.mine': {
    payload: Record<string, never>
    result: { target: number; weeks: Array<{ week: string; points: number | null }> }
  }
  'question.create': {
    payload: { type: QuestionType; stem: string; options?: string[]; answer: number[] }
    result: { question: Question }
  }
  'question.import': {
    /** A spreadsheet saved as CSV: 题型,题干,选项A,选项B,选项C,选项D,答案 (first row may be the header). */
    payload: { csv: string }
    result: { imported: number; questions: Question[] }
  }
  'question.list': {
    payload: Record<string, never>
    result: { questions: Question[] }
  }
  'quiz.create': {
    payload: { title: string; questionIds: string[]; opensAt: string; closesAt: string; timeLimitMin: number; passScore?: number; points?: number }
    result: { quiz: QuizView }
  }
  'quiz.list': {
    payload: Record<string, never>
    result: { quizzes: Array<QuizView & { my: MyQuiz }> }
  }
  'quiz.start': {
    payload: { quizId: string }
    result: {
      quiz: QuizView
      startedAt: string
      /** When the answers must be in (the time limit, or the quiz's close, whichever is first). */
      deadline: string
      questions: Array<{ id: string; type: QuestionType; stem: string; options: string[] }>
    }
  }
  'quiz.submit': {
    /** Only the answers: the score is computed on the server, whatever else is sent. */
    payload: { quizId: string; answers: Record<string, number[]> }
    result: {
      score: number
      correct: number
      total: number
      passed: boolean
      pointsAwarded: number
      review: Array<{ questionId: string; right: boolean; answer: number[]; chosen: number[] }>
    }
  }
  'quiz.results': {
    payload: { quizId: string }
    result: {
      quiz: QuizView
      taken: Array<{ memberId: string; name: string; score: number | null; passed: boolean | null }>
      notTaken: Array<{ memberId: string; name: string }>
    }
  }
  'makeup.mine': {
    payload: Record<string, never>
    result: {
      tasks: Array<{
        meetingId: string
        title: string
        type: MeetingType
        endedAt: string
        deadline: string
        overdue: boolean
        /** The meeting's materials (its agenda) to study. */
        materials: string | null
        done: boolean
        completedAt: string | null
      }>
    }
  }
  'makeup.complete': {
    payload: { meetingId: string; note?: string }
    result: { completedAt: string; pointsAwarded: number }
  }
  'makeup.overview': {
    payload: Record<string, never>
    result: { owed: Array<{ meetingId: string; title: string; deadline: string; members: Array<{ memberId: string; name: string; overdue: boolean }> }> }
  }
  'branch.settings': {
    payload: Record<string, never>
    result: { settings: Required<EditableSettings> }
  }
  'branch.updateSettings': {
    payload: Partial<EditableSettings>
    result: { settings: Required<EditableSettings> }
  }
  'attendance.mine': {
    payload: { year?: number }
    result: {
      year: number
      /** Meetings I was invited to that have ended. */
      held: number
      attended: number
      leave: number
      absent: number
      /** attended ÷ held, 0–1; null when nothing was held yet. */
      rate: number | null
      items: Array<{ meetingId: string; title: string; type: MeetingType; startAt: string; status: AttendanceStatus }>
    }
  }
}

export type ActionName = keyof ActionMap
export type Payload<K extends ActionName> = ActionMap[K]['payload']
export type Result<K extends ActionName> = ActionMap[K]['result']

/** Who may call an action: 'anyone' means any signed-in WeChat user, bound to a branch or not. */
export type Audience = 'anyone' | Role[]

export type { Role }
