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

/**
 * Writes one ledger row unless its (member, source) already has one; answers the points it
 * awarded now (0 when the row already existed).
 */
export async function awardOnce(storage: Storage, entry: LedgerEntry): Promise<number> {
  if (entry.points <= 0 && entry.studyTenths <= 0) return 0
  try {
    await storage.insert('ledger', entry)
    return entry.points
  } catch (err) {
    if (err instanceof DuplicateKeyError) return 0
    throw err
  }
}

/** Writes the award; answers the points it awarded now (0 when the row already existed). */
export async function awardAttendance(storage: Storage, a: AttendanceAward): Promise<number> {
  return awardOnce(storage, {
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
  })
}

/** A ledger row for an award earned at `at`: the year is Shanghai's. */
export function ledgerRow(fields: Omit<LedgerEntry, 'year' | 'at'> & { at: Date }): LedgerEntry {
  return { ...fields, year: inShanghai(fields.at).year(), at: toShanghaiIso(fields.at) }
}
