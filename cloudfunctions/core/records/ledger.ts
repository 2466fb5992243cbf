/**
 * Points and 学时 are ledger rows, at most one per member and source (a unique key), so no retry
 * can award twice; totals are sums of rows, never a stored counter.
 */
import type { CollectionName, Collections, Storage } from '../ports'
import type { Attendance, LedgerEntry, MeetingType } from '../../../types/models'
import { MEETING_TYPE_LABELS } from '../../../src/domain/meetings'
import { inShanghai, toShanghaiIso } from '../../../src/domain/time'
import { ledgerKeys } from './ids'
import { insertOnce, recordOnce, type Recorded } from './record-once'

/** A ledger row for an award earned at `at`: the year is Shanghai's. */
export function ledgerRow(fields: Omit<LedgerEntry, 'year' | 'at'> & { at: Date }): LedgerEntry {
  return { ...fields, year: inShanghai(fields.at).year(), at: toShanghaiIso(fields.at) }
}

/** Writes the row unless its (member, source) already has one; answers whether it wrote it. */
export async function award(storage: Storage, entry: LedgerEntry): Promise<boolean> {
  if (entry.points <= 0 && entry.studyTenths <= 0) return false
  return insertOnce(storage, 'ledger', entry)
}

/**
 * Takes back what `rows` awarded with one opposite row each, written by `by` at `at` with
 * `reason`: the record keeps the award and its reversal, never a deletion.
 */
export async function reverse(storage: Storage, rows: LedgerEntry[], by: string, at: Date, reason: string): Promise<void> {
  await Promise.all(
    rows.map((row) =>
      insertOnce(storage, 'ledger', ledgerRow({ ...row, ...ledgerKeys.reversal(row), points: -row.points, studyTenths: -row.studyTenths, by, at, reason })),
    ),
  )
}

/** What a meeting's check-in earns. */
export interface MeetingAward {
  meetingType: MeetingType
  points: number
  studyTenths: number
}

/** The row a check-in earns: one per attendance record, written by whoever recorded it, when. */
export function attendanceAward(record: Attendance, earns: MeetingAward): LedgerEntry {
  return ledgerRow({
    ...ledgerKeys.attendance(record.id),
    branchId: record.branchId,
    memberId: record.memberId,
    kind: 'meeting',
    points: earns.points,
    studyTenths: earns.studyTenths,
    by: record.by,
    at: new Date(record.checkedInAt),
    reason: `参加${MEETING_TYPE_LABELS[earns.meetingType]}`,
  })
}

/**
 * Records `doc` once together with the award it earns (`awardOf` the stored record; null for
 * none). A retry finds the first record and finishes its award, which a crash between the two
 * writes may have left undone; the ledger's key keeps the award single either way. `awarded`
 * says whether this call's ledger row is the one that landed: exactly one call per record can.
 */
export async function recordWithAward<C extends CollectionName>(
  storage: Storage,
  collection: C,
  doc: Collections[C],
  awardOf: (record: Collections[C]) => LedgerEntry | null,
): Promise<Recorded<Collections[C]> & { awarded: boolean }> {
  const once = await recordOnce(storage, collection, doc)
  const entry = awardOf(once.record)
  return { ...once, awarded: entry ? await award(storage, entry) : false }
}

/** The attendance records whose award row is missing: a crash came between recordWithAward's two writes. */
export async function unawarded(storage: Storage, records: Attendance[]): Promise<Attendance[]> {
  if (records.length === 0) return []
  const rows = await storage.find('ledger', { id: { $in: records.map((r) => ledgerKeys.attendance(r.id).id) } })
  const have = new Set(rows.map((r) => r.sourceId))
  return records.filter((r) => !have.has(r.id))
}
