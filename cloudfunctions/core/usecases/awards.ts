/**
 * Study points for attending: one ledger row per attendance record, whose unique
 * (memberId, sourceId) key makes a second award impossible, whatever retries happen.
 */
import type { LedgerEntry, MeetingType } from '../../../types/models'
import { MEETING_TYPE_LABELS } from '../../../src/domain/meetings'
import { inShanghai, toShanghaiIso } from '../../../src/domain/time'
import { DuplicateKeyError } from '../errors'
import type { Storage } from '../ports'

export interface AttendanceAward {
  branchId: string
  memberId: string
  attendanceId: string
  meetingType: MeetingType
  points: number
  studyTenths: number
  by: string
  at: Date
}

/** Writes the award; answers the points it awarded now (0 when the row already existed). */
export async function awardAttendance(storage: Storage, a: AttendanceAward): Promise<number> {
  if (a.points <= 0 && a.studyTenths <= 0) return 0
  const entry: LedgerEntry = {
    id: `attendance:${a.attendanceId}`,
    branchId: a.branchId,
    memberId: a.memberId,
    kind: 'meeting',
    points: a.points,
    studyTenths: a.studyTenths,
    sourceId: a.attendanceId,
    year: inShanghai(a.at).year(),
    by: a.by,
    at: toShanghaiIso(a.at),
    reason: `参加${MEETING_TYPE_LABELS[a.meetingType]}`,
  }
  try {
    await storage.insert('ledger', entry)
    return a.points
  } catch (err) {
    if (err instanceof DuplicateKeyError) return 0
    throw err
  }
}
