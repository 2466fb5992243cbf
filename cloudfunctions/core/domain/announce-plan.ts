/**
 * Which members the remind timer sends a secretary's notice to, decided from what it read: those
 * it was for who have not opened it in the app yet, are bound to WeChat and hold a meeting-reminder
 * credit, and have no send of it that is settled. Pure, like the reminder plan, so that a doubled
 * or retried run comes to the same claims and the claim keys make each send happen once.
 */
import type { Announcement, AnnouncementReceipt, Credit, Meeting, Member, Send } from '../../../types/models'
import { toShanghaiIso } from '../../../src/domain/time'
import { balancesOf } from '../records/credits'
import { announcementEventKey, announcementSendId } from '../records/ids'
import { MAX_ATTEMPTS, type Delivery } from './remind-plan'
import { templateData } from './template-fit'

/** A notice is sent as a meeting reminder: it is about the branch's organisational life, and members already allow that template. */
export const ANNOUNCEMENT_TEMPLATE = 'meeting_reminder' as const

/** How long after posting the timer still sends a notice (and retries a failed send): later it is old news. */
export const PUSH_HOURS = 24

export interface AnnouncementSnapshot {
  announcement: Announcement
  meeting: Meeting | null
  receipts: AnnouncementReceipt[]
  /** The members of the receipts. */
  members: Member[]
  credits: Credit[]
  /** Sends of this notice already claimed. */
  sends: Send[]
  now: Date
}

export function planAnnouncement(s: AnnouncementSnapshot): Delivery[] {
  const a = s.announcement
  const balances = balancesOf(s.credits)
  const unread = new Set(s.receipts.filter((r) => r.readAt === null).map((r) => r.memberId))
  const sendOf = new Map(s.sends.map((x) => [x.id, x]))
  const out: Delivery[] = []
  for (const member of s.members) {
    if (!unread.has(member.id) || !member.active || !member.openid) continue
    const id = announcementSendId(a.branchId, a.id, member.id)
    const existing = sendOf.get(id)
    if (existing && !(existing.state === 'failed' && existing.attempts < MAX_ATTEMPTS)) continue
    if ((balances.get(member.id)?.[ANNOUNCEMENT_TEMPLATE] ?? 0) <= 0) continue
    const send: Send = {
      id, branchId: a.branchId, memberId: member.id, kind: ANNOUNCEMENT_TEMPLATE, eventKey: announcementEventKey(a.id), moment: 'announced',
      state: 'claimed', attempts: 1, errCode: null, errMsg: null, claimedAt: toShanghaiIso(s.now), sentAt: null,
    }
    out.push({ send, retrying: existing, message: messageFor(a, s.meeting, member.openid) })
  }
  return out
}

/** The meeting-reminder fields: 活动 = the title, 时间 = the meeting's start (or when posted), 地点, 备注 = the text's start. */
function messageFor(a: Announcement, meeting: Meeting | null, openid: string) {
  return {
    openid,
    kind: ANNOUNCEMENT_TEMPLATE,
    page: `pages/announce/index?id=${a.id}`,
    data: templateData(ANNOUNCEMENT_TEMPLATE, [
      `通知：${a.title}`,
      meeting?.startAt ?? a.createdAt,
      meeting ? meeting.location || '地点待通知' : '详见支部通',
      a.body,
    ]),
  }
}
