/**
 * Past meetings written straight into storage with who was recorded at them, for the 台账 specs
 * (checklist, warnings), which read months that meeting.create no longer accepts as new.
 */
import type { Leave, Meeting, MeetingScope, MeetingType } from '../../types/models'
import type { Storage } from '../../cloudfunctions/core/ports'
import { TEST_BRANCH_ID } from './builders'

let n = 0

export interface StoredMeeting {
  type?: MeetingType
  /** `2026-03-10`: the meeting runs 14:30–16:30 that day. */
  on: string
  scope?: MeetingScope
  cancelled?: boolean
  /** Members recorded present. */
  present?: string[]
  /** Members on approved leave. */
  onLeave?: string[]
  title?: string
}

export async function storeMeeting(storage: Storage, m: StoredMeeting): Promise<Meeting> {
  const type = m.type ?? 'branch_assembly'
  const meeting: Meeting = {
    id: `stored-${++n}`,
    branchId: TEST_BRANCH_ID,
    type,
    title: m.title ?? `${m.on} 会议`,
    startAt: `${m.on}T14:30:00+08:00`,
    endAt: `${m.on}T16:30:00+08:00`,
    location: null,
    agenda: null,
    scope: m.scope ?? (type === 'committee' ? { kind: 'committee' } : { kind: 'branch' }),
    status: m.cancelled ? 'cancelled' : 'scheduled',
    cancelReason: m.cancelled ? '改期' : null,
    themeMonth: null,
    createdBy: 'demo-secretary',
    createdAt: `${m.on}T09:00:00+08:00`,
    updatedAt: `${m.on}T09:00:00+08:00`,
  }
  await storage.insert('meetings', meeting)
  for (const memberId of m.present ?? []) {
    await storage.insert('attendance', {
      id: `${meeting.id}:${memberId}`,
      branchId: TEST_BRANCH_ID,
      meetingId: meeting.id,
      memberId,
      status: 'present',
      checkedInAt: meeting.startAt,
      by: memberId,
      reason: null,
    })
  }
  for (const memberId of m.onLeave ?? []) {
    const leave: Leave = {
      id: `${meeting.id}:${memberId}`,
      branchId: TEST_BRANCH_ID,
      meetingId: meeting.id,
      memberId,
      reason: '出差',
      state: 'approved',
      requestedAt: `${m.on}T08:00:00+08:00`,
      reviewedBy: 'demo-secretary',
      reviewedAt: `${m.on}T08:30:00+08:00`,
    }
    await storage.insert('leaves', leave)
  }
  return meeting
}
