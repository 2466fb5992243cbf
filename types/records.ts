/** What the 台账 actions answer (CONTRACT §6): minutes, the 三会一课 checklist and early warnings. */
import type { ChecklistItem } from '../cloudfunctions/core/domain/checklist'
import type { AttendanceStatus, Minutes } from './models'

/** A checklist item with the meeting already arranged for it, if any (not ended yet). */
export interface ChecklistEntry extends ChecklistItem {
  upcoming: { meetingId: string; startAt: string } | null
}

/** The minutes' fields under the names minutes.save takes, and who saved them last. */
export type MinutesView = Omit<Minutes, 'id' | 'branchId'> & { updatedByName: string }

/** 应到 and each status's count, as attendance.get answers them. */
export type AttendanceCounts = Record<AttendanceStatus | 'expected', number>

/** 应到 / 实到 / 缺席及原因, always computed from the check-in records and leave. */
export interface MinutesAttendance extends AttendanceCounts {
  absentees: Array<{ name: string; status: Extract<AttendanceStatus, 'leave' | 'absent'>; reason?: string }>
}

/** 条例: a 支部党员大会 may vote only when more than half of the 正式党员 expected are present. */
export interface Quorum {
  fullExpected: number
  fullPresent: number
  met: boolean
}

export interface MinutesEdit {
  version: number
  by: string
  byName: string
  at: string
}

export type WarningKind = 'dues_unpaid' | 'absent_streak' | 'makeup_overdue' | 'no_credits'

export interface WarningItem {
  memberId: string
  name: string
  kind: WarningKind
  months?: number
  /** What is wrong, in words for the secretary. */
  detail: string
  /** For makeup_overdue: the meeting the 补学 is owed for (what makeup.clear takes). */
  meetingId?: string
}
