/** The leadership's notices (通知) to the branch or a 党小组, with who has read them, and the month's 轮值党务干事. */
import { z } from 'zod'
import type { AnnouncementScope } from '../../../types/models'
import { LIMITS } from '../../../src/domain/limits'
import { declare, empty, flag, id, LEADERSHIP, MEMBERS, month, returns, SECRETARY, text, year } from './define'

/** A notice as the app shows it. `read`: whether the caller has opened it (null when it was not for them). */
export interface AnnouncementItem {
  id: string
  scope: AnnouncementScope
  /** 全支部 or the group's name. */
  scopeName: string
  title: string
  body: string
  meetingId: string | null
  byName: string
  createdAt: string
  push: boolean
  read: boolean | null
  /** For the leadership only: how many it was for, and how many of them have opened it. */
  audienceCount?: number
  readCount?: number
}

/** How the WeChat message to one member went: sent, waiting for the timer, failed, or none (no credit, not bound, off). */
export type PushState = 'sent' | 'waiting' | 'failed' | 'none'

export interface DutyMonth {
  month: string
  member: { id: string; name: string } | null
}

export const announcementActions = declare({
  /**
   * `groupId` sends it to one 党小组 (default: the whole branch); `push` (default true) also sends
   * it as a WeChat message, at the remind timer's next run, to those with a credit. `requestId`,
   * made once per filled-in form, makes a retry answer the notice it already posted.
   */
  'announce.create': {
    who: LEADERSHIP,
    input: z.object({
      title: text('标题', 1, LIMITS.announcement.title),
      body: text('内容', 1, LIMITS.announcement.body),
      groupId: id.optional(),
      meetingId: id.optional(),
      push: flag('应为 true 或 false').default(true),
      requestId: z
        .string({ error: '应为字符串' })
        .regex(/^[A-Za-z0-9_-]{8,64}$/, { error: '应为 8–64 位字母、数字、下划线或连字符' })
        .optional(),
    }),
    result: returns<{ announcement: AnnouncementItem }>(),
  },
  /** The caller's notices, newest first (the leadership: every notice of the branch). */
  'announce.list': {
    who: MEMBERS,
    input: empty,
    result: returns<{ items: AnnouncementItem[]; unread: number }>(),
  },
  /** Opens one notice; the first opening by a member it was for marks it read. */
  'announce.read': {
    who: MEMBERS,
    input: z.object({ announcementId: id }),
    result: returns<{ announcement: AnnouncementItem; readAt: string | null }>(),
  },
  'announce.readers': {
    who: LEADERSHIP,
    input: z.object({ announcementId: id }),
    result: returns<{
      announcement: AnnouncementItem
      read: Array<{ memberId: string; name: string; readAt: string }>
      unread: Array<{ memberId: string; name: string; push: PushState }>
    }>(),
  },
  /** `memberId: null` clears the month. Months already past are kept as they were. */
  'duty.set': {
    who: SECRETARY,
    input: z.object({ month, memberId: id.nullable() }),
    result: returns<{ duty: DutyMonth }>(),
  },
  /** This month's (by the server clock) unless `month` is given. */
  'duty.get': {
    who: MEMBERS,
    input: z.object({ month: month.optional() }),
    result: returns<{ duty: DutyMonth }>(),
  },
  'duty.list': {
    who: MEMBERS,
    input: z.object({ year }),
    result: returns<{ months: DutyMonth[] }>(),
  },
})
