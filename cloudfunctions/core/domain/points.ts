import type { BranchSettings, LedgerEntry, PointsKind, Role } from '../../../types/models'

export const DEFAULT_STUDY_SETTINGS: BranchSettings = { targetHours: 32, committeeTargetHours: 32 }

/** Totals computed from ledger rows; 学时 are kept in tenths so that sums are exact. */
export function sumLedger(rows: Pick<LedgerEntry, 'kind' | 'points' | 'studyTenths'>[]) {
  const byKind: Partial<Record<PointsKind, number>> = {}
  let total = 0
  let tenths = 0
  for (const row of rows) {
    total += row.points
    tenths += row.studyTenths
    byKind[row.kind] = (byKind[row.kind] ?? 0) + row.points
  }
  return { total, byKind, studyHours: tenths / 10 }
}

/** The yearly 学时 target for a member: the committee's target applies to the branch's leadership. */
export function studyTarget(roles: readonly Role[], settings: Pick<BranchSettings, 'targetHours' | 'committeeTargetHours'>): number {
  const leads = roles.some((r) => r === 'secretary' || r === 'deputy' || r === 'committee')
  return leads ? settings.committeeTargetHours : settings.targetHours
}
