/**
 * The remind timer's part for the leadership's notices: every notice still within its sending
 * window, across branches, read once a run and planned (announce-plan); the sends join the run's
 * pool and are claimed once each (records/sends), so two runs at once or a retried run send
 * nothing twice, and a failed send is tried again on a later run within the window.
 */
import { toShanghaiIso } from '../../src/domain/time'
import type { Ports } from './ports'
import { planAnnouncement, ANNOUNCEMENT_TEMPLATE } from './domain/announce-plan'
import type { Delivery } from './domain/remind-plan'
import { announcementEventKey, creditId } from './records/ids'

/** Notices planned in one run: far more than a day's posting across a 党委's branches. */
const OPEN_LIMIT = 200

export async function announcementDeliveries(ports: Ports, now: Date): Promise<Delivery[]> {
  const { storage } = ports
  const open = await storage.find('announcements', { pushUntil: { $gte: toShanghaiIso(now) } }, { orderBy: [['pushUntil', 'asc']], limit: OPEN_LIMIT })
  const plans = await Promise.all(
    open.map(async (announcement) => {
      const receipts = await storage.find('receipts', { announcementId: announcement.id, readAt: null })
      if (receipts.length === 0) return []
      const memberIds = receipts.map((r) => r.memberId)
      const [members, credits, sends, meeting] = await Promise.all([
        storage.find('members', { id: { $in: memberIds } }),
        storage.find('credits', { id: { $in: memberIds.map((id) => creditId(id, ANNOUNCEMENT_TEMPLATE)) } }),
        storage.find('sends', { branchId: announcement.branchId, eventKey: announcementEventKey(announcement.id), moment: 'announced' }),
        announcement.meetingId ? storage.get('meetings', announcement.meetingId) : Promise.resolve(null),
      ])
      return planAnnouncement({ announcement, meeting, receipts, members, credits, sends, now })
    }),
  )
  return plans.flat()
}
