/**
 * Every document id and unique key the core writes, in one place. Most ids are the uniqueness
 * rule itself (one attendance per meeting and member is the id `${meetingId}:${memberId}`), so
 * they are stored data: never change one of these strings.
 */
import { createHash, randomBytes } from 'node:crypto'
import type { ReminderMoment, TemplateKind } from '../../../types/models'
import type { ReminderEvent } from '../domain/reminders'

/** A fresh id for a document that has no natural key: time first, so ids sort roughly by creation. */
export const newId = (prefix: string, at: Date) => `${prefix}-${at.getTime().toString(36)}-${randomBytes(4).toString('hex')}`

const ofMeeting = (meetingId: string, memberId: string) => `${meetingId}:${memberId}`
export const attendanceId = ofMeeting
export const leaveId = ofMeeting
export const makeupId = ofMeeting
export const attemptId = (quizId: string, memberId: string) => `${quizId}:${memberId}`
export const paymentId = (memberId: string, month: string) => `${memberId}:${month}`
export const xuexiId = (memberId: string, week: string) => `${memberId}:${week}`
export const creditId = (memberId: string, kind: TemplateKind) => `${memberId}:${kind}`
export const themeDayId = (branchId: string, month: string) => `theme-${branchId}-${month}`

/** A self-study record: a form's requestId makes its retries the same record. */
export const studyId = (memberId: string, requestId: string | undefined, at: Date) =>
  requestId ? `s-${memberId}-${requestId}` : newId('s', at)

/** A ledger row's id and its source: the unique (memberId, sourceId) key allows one award per source. */
export const ledgerKeys = {
  attendance: (attendance: string) => ({ id: `attendance:${attendance}`, sourceId: attendance }),
  makeup: (meetingId: string, memberId: string) => ({ id: `makeup:${makeupId(meetingId, memberId)}`, sourceId: `makeup:${meetingId}` }),
  quiz: (quizId: string, memberId: string) => ({ id: `quiz:${quizId}:${memberId}`, sourceId: `quiz:${quizId}` }),
  study: (study: string) => ({ id: `study:${study}`, sourceId: `study:${study}` }),
  /** The row that cancels an award: one per award row, so a repeated cancel reverses it once. */
  reversal: (row: { id: string; sourceId: string }) => ({ id: `reversal:${row.id}`, sourceId: `reversal:${row.sourceId}` }),
}

/** The stored form of a reminder's event, as sends and notices carry it. */
export function eventKey(event: ReminderEvent): string {
  switch (event.kind) {
    case 'theme_day':
      return `theme:${event.month}`
    case 'dues_day':
      return `dues:${event.month}`
    case 'meeting':
      return `meeting:${event.meetingId}`
  }
}

/** The claim key of one reminder to one member: inserting it is what makes the send happen at most once. */
export const sendId = (branchId: string, event: ReminderEvent, moment: ReminderMoment, memberId: string) =>
  `${noticeId(branchId, event, moment)}|${memberId}`

/** One notice per branch, event and moment. */
export const noticeId = (branchId: string, event: ReminderEvent, moment: ReminderMoment) => `${branchId}|${eventKey(event)}|${moment}`

/** The remind timer's one cursor document. */
export const REMIND_JOB_ID = 'remind'

/**
 * The branch a person creates with a setup code, and their secretary record: derived from who
 * and what, so a double tap or a retry finds the first ones instead of making a second branch.
 */
export function founderIds(openid: string, branchName: string): { branchId: string; memberId: string } {
  const key = createHash('sha256').update(`${openid}\n${branchName}`).digest('hex').slice(0, 16)
  return { branchId: `b-${key}`, memberId: `m-${key}` }
}

/** One join request per WeChat user: a second one replaces the first. */
export const joinRequestId = (openid: string) => `join:${openid}`

/** Wrong setup codes of one user in one clock hour (hours since the epoch). */
export const setupThrottleId = (openid: string, hour: number) => `setup:${openid}:${hour}`

/** A secretary's notice: a form's requestId makes its retries the same notice. */
export const announcementId = (memberId: string, requestId: string | undefined, at: Date) =>
  requestId ? `a-${memberId}-${requestId}` : newId('a', at)
export const receiptId = (announcementId: string, memberId: string) => `${announcementId}:${memberId}`
/** The event key a notice's sends carry, and the claim key of its one send to one member. */
export const announcementEventKey = (announcementId: string) => `announce:${announcementId}`
export const announcementSendId = (branchId: string, announcementId: string, memberId: string) =>
  `${branchId}|${announcementEventKey(announcementId)}|announced|${memberId}`
export const dutyId = (branchId: string, month: string) => `${branchId}:${month}`
