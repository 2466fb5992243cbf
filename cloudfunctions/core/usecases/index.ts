import type { ActionName, Payload, Result } from '../actions'
import type { Context } from '../context'
import { attendanceGet, attendanceMine } from './attendance'
import { branchCreate } from './branches'
import { inviteGet, inviteRotate, joinList, joinRequest, joinReview } from './joins'
import { memberImport } from './roster-import'
import { groupCreate, groupUpdate, memberGet, memberList, memberRemove, memberUnbind, memberUpdate } from './members'
import { checkinCode, checkinLive, checkinManual, checkinSubmit } from './checkin'
import { duesConfirm, duesMine, duesPay, duesSetBase, duesStatus, duesTable } from './dues'
import { leavePending, leaveRequest, leaveReview, leaveWithdraw } from './leave'
import { meetingCancel, meetingCreate, meetingGet, meetingList, meetingUpdate } from './meetings'
import { makeupComplete, makeupMine, makeupOverview } from './makeup'
import { pointsMine } from './points'
import { questionCreate, questionImport, questionList, quizAllowRetake, quizCreate, quizList, quizResults, quizStart, quizSubmit } from './quiz'
import {
  branchSettingsGet,
  branchSettingsUpdate,
  pointsHistory,
  studyLog,
  studyMine,
  studyOverview,
  studyPending,
  studyRanking,
  studyReview,
  xuexiMine,
  xuexiReport,
} from './study'
import { noticeList, subscriptionMine, subscriptionOverview, subscriptionRecord } from './subscriptions'
import { scheduleMonth } from './schedule'
import { sessionMe } from './session'
import { announceCreate, announceList, announceRead, announceReaders } from './announcements'
import { dutyGet, dutyList, dutySet } from './duty'
import { orgAttach, orgCode, orgCreate, orgDetach, orgMine } from './org'
import { orgBranch, orgExport, orgOverview } from './org-overview'
import { branchCalendar, branchUpdateCalendar } from './calendar'
import { invitePoster, meetingPoster } from './posters'
import { minutesGet, minutesRead, minutesSave, photoUpload } from './minutes'
import { checklistGet } from './checklist'
import { makeupClear, warningsList } from './warnings'
import { exportAttendance, exportDues, exportMeetings, exportMinutes, exportStudy } from './exports'

export type Handler<K extends ActionName> = (ctx: Context, payload: Payload<K>) => Promise<Result<K>>

/** Action → use case. Adding an action to the map in types/ without a handler fails to compile. */
export const HANDLERS: { [K in ActionName]: Handler<K> } = {
  'session.me': sessionMe,
  'branch.create': branchCreate,
  'group.create': groupCreate,
  'group.update': groupUpdate,
  'member.import': memberImport,
  'member.list': memberList,
  'member.get': memberGet,
  'member.update': memberUpdate,
  'member.remove': memberRemove,
  'member.unbind': memberUnbind,
  'invite.get': inviteGet,
  'invite.rotate': inviteRotate,
  'join.request': joinRequest,
  'join.list': joinList,
  'join.review': joinReview,
  'schedule.month': scheduleMonth,
  'points.mine': pointsMine,
  'meeting.create': meetingCreate,
  'meeting.update': meetingUpdate,
  'meeting.cancel': meetingCancel,
  'meeting.list': meetingList,
  'meeting.get': meetingGet,
  'checkin.code': checkinCode,
  'checkin.live': checkinLive,
  'checkin.submit': checkinSubmit,
  'checkin.manual': checkinManual,
  'leave.request': leaveRequest,
  'leave.review': leaveReview,
  'leave.withdraw': leaveWithdraw,
  'attendance.get': attendanceGet,
  'attendance.mine': attendanceMine,
  'subscription.record': subscriptionRecord,
  'subscription.mine': subscriptionMine,
  'subscription.overview': subscriptionOverview,
  'notice.list': noticeList,
  'dues.setBase': duesSetBase,
  'dues.status': duesStatus,
  'dues.pay': duesPay,
  'dues.confirm': duesConfirm,
  'dues.mine': duesMine,
  'dues.table': duesTable,
  'points.history': pointsHistory,
  'study.log': studyLog,
  'study.mine': studyMine,
  'study.pending': studyPending,
  'study.review': studyReview,
  'study.overview': studyOverview,
  'study.ranking': studyRanking,
  'xuexi.report': xuexiReport,
  'xuexi.mine': xuexiMine,
  'question.create': questionCreate,
  'question.import': questionImport,
  'question.list': questionList,
  'quiz.create': quizCreate,
  'quiz.list': quizList,
  'quiz.start': quizStart,
  'quiz.submit': quizSubmit,
  'quiz.results': quizResults,
  'makeup.mine': makeupMine,
  'makeup.complete': makeupComplete,
  'makeup.overview': makeupOverview,
  'branch.settings': branchSettingsGet,
  'branch.updateSettings': branchSettingsUpdate,
  'announce.create': announceCreate,
  'announce.list': announceList,
  'announce.read': announceRead,
  'announce.readers': announceReaders,
  'duty.set': dutySet,
  'duty.get': dutyGet,
  'duty.list': dutyList,
  'org.create': orgCreate,
  'org.code': orgCode,
  'org.attach': orgAttach,
  'org.detach': orgDetach,
  'org.overview': orgOverview,
  'org.branch': orgBranch,
  'org.export': orgExport,
  'org.mine': orgMine,
  'branch.calendar': branchCalendar,
  'branch.updateCalendar': branchUpdateCalendar,
  'leave.pending': leavePending,
  'quiz.allowRetake': quizAllowRetake,
  'meeting.poster': meetingPoster,
  'invite.poster': invitePoster,
  'minutes.save': minutesSave,
  'minutes.get': minutesGet,
  'minutes.read': minutesRead,
  'photo.upload': photoUpload,
  'checklist.get': checklistGet,
  'warnings.list': warningsList,
  'makeup.clear': makeupClear,
  'export.attendance': exportAttendance,
  'export.meetings': exportMeetings,
  'export.dues': exportDues,
  'export.study': exportStudy,
  'export.minutes': exportMinutes,
}
