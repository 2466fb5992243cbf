/** Meetings, live check-in, leave and attendance (CONTRACT §3). */
import { z } from 'zod'
import type { AttendanceRow, MeetingView, MyMeetingStatus, PosterAnswer } from '../../../types/views'
import type { AttendanceStatus, LeaveState, MeetingType } from '../../../types/models'
import { LIMITS } from '../../../src/domain/limits'
import { date, declare, empty, flag, id, instant, LEADERSHIP, meetingType, MEMBERS, optionalYear, ORGANISERS, reason, returns, text } from './define'

const scope = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('branch') }),
    z.object({ kind: z.literal('committee') }),
    z.object({ kind: z.literal('group'), groupId: id }),
  ],
  { error: 'kind 应为 branch、committee 或 group' },
)

const meetingFields = {
  title: text('会议名称', 1, LIMITS.meeting.title),
  startAt: instant,
  endAt: instant,
  location: text('地点', 0, LIMITS.meeting.location).optional(),
  agenda: text('议程', 0, LIMITS.meeting.agenda).optional(),
  scope: scope.optional(),
}

const oneMeeting = z.object({ meetingId: id })

export const meetingActions = declare({
  'meeting.create': {
    who: ORGANISERS,
    input: z.object({ type: meetingType, ...meetingFields }),
    result: returns<{ meeting: MeetingView }>(),
  },
  'meeting.update': {
    who: ORGANISERS,
    input: z.object({
      meetingId: id,
      type: meetingType.optional(),
      ...meetingFields,
      title: meetingFields.title.optional(),
      startAt: instant.optional(),
      endAt: instant.optional(),
    }),
    result: returns<{ meeting: MeetingView }>(),
  },
  'meeting.cancel': {
    who: ORGANISERS,
    input: z.object({ meetingId: id, reason: reason('取消原因') }),
    result: returns<{ meeting: MeetingView }>(),
  },
  /** Dates (YYYY-MM-DD) in Asia/Shanghai, both inclusive; default from 60 days ago to 60 days ahead. */
  'meeting.list': {
    who: MEMBERS,
    input: z.object({ from: date.optional(), to: date.optional() }),
    result: returns<{ meetings: Array<MeetingView & { myStatus: MyMeetingStatus }> }>(),
  },
  'meeting.get': {
    who: MEMBERS,
    input: oneMeeting,
    result: returns<{ meeting: MeetingView; myStatus: MyMeetingStatus; canManage: boolean }>(),
  },
  /** `path` is the app page that checks in with this token (also encoded in the QR code). */
  'checkin.code': {
    who: ORGANISERS,
    input: z.object({ meetingId: id, ahead: flag('应为 true（先取下一时段的码）或 false').optional() }),
    result: returns<{
      token: string
      expiresAt: string
      refreshInSec: number
      path: string
      /** The compact form of the same code, for a 小程序码's scene (24 characters). */
      scene: string
      /** In WeChat: the 小程序码 image (a data: URL), or why there is none and the plain QR is shown. */
      miniCode?: { image: string } | { problem: string }
    }>(),
  },
  'checkin.live': {
    who: ORGANISERS,
    input: oneMeeting,
    result: returns<{
      expected: number
      arrived: number
      newest: Array<{ memberId: string; name: string; status: 'present' | 'late' | 'makeup'; checkedInAt: string }>
    }>(),
  },
  'checkin.submit': {
    who: MEMBERS,
    input: z.object({
      token: z.string({ error: '应为签到码内容' }).min(1, { error: '不能为空' }).max(2000, { error: '过长' }),
    }),
    result: returns<{
      meetingId: string
      status: 'present' | 'late' | 'makeup'
      checkedInAt: string
      already: boolean
      pointsAwarded: number
    }>(),
  },
  'checkin.manual': {
    who: LEADERSHIP,
    input: z.object({ meetingId: id, memberId: id, reason: reason('补签原因') }),
    result: returns<{ status: 'present' | 'late' | 'makeup'; already: boolean }>(),
  },
  'leave.request': {
    who: MEMBERS,
    input: z.object({ meetingId: id, reason: reason('请假原因') }),
    result: returns<{ leaveId: string; state: LeaveState }>(),
  },
  'leave.review': {
    who: LEADERSHIP,
    input: z.object({ leaveId: id, approve: flag('应为 true（批准）或 false（不批准）'), reason: reason('审批意见').optional() }),
    result: returns<{ state: LeaveState }>(),
  },
  'leave.withdraw': {
    who: MEMBERS,
    input: z.object({ leaveId: id }),
    result: returns<{ state: 'withdrawn' }>(),
  },
  'attendance.get': {
    who: LEADERSHIP,
    input: oneMeeting,
    result: returns<{
      meeting: MeetingView
      expected: number
      present: number
      late: number
      leave: number
      absent: number
      makeup: number
      /** Before the start: invited members not checked in yet (未签到); 0 once it has started. */
      pending: number
      members: AttendanceRow[]
      /** Leave requests waiting for a decision (not those of members who checked in since). */
      pendingLeaves: Array<{ leaveId: string; memberId: string; name: string; reason: string; requestedAt: string }>
      /** Organisers' fixes (补签, leave decisions), oldest first: who, when, what, why. */
      audit: Array<{ action: 'checkin.manual' | 'leave.review'; memberId: string; name: string; by: string; byName: string; at: string; detail: string; reason: string }>
    }>(),
  },
  /** The meeting's printable code: opens its page (never a check-in); in WeChat a 小程序码 kept in cloud storage. */
  'meeting.poster': {
    who: ORGANISERS,
    input: oneMeeting,
    result: returns<PosterAnswer>(),
  },
  'attendance.mine': {
    who: MEMBERS,
    input: optionalYear,
    result: returns<{
      year: number
      /** Meetings I was invited to that have ended. */
      held: number
      attended: number
      leave: number
      absent: number
      /** attended ÷ held, 0–1; null when nothing was held yet. */
      rate: number | null
      items: Array<{ meetingId: string; title: string; type: MeetingType; startAt: string; status: AttendanceStatus }>
    }>(),
  },
  /** Leave requests waiting for the caller's decision, across meetings (首页 and the meeting list count them). */
  'leave.pending': {
    who: LEADERSHIP,
    input: empty,
    result: returns<{
      leaves: Array<{ leaveId: string; meetingId: string; meetingTitle: string; startAt: string; memberId: string; name: string; reason: string; requestedAt: string }>
    }>(),
  },
})
