import type { Payload, Result } from '../actions'
import type { PointsKind } from '../../../types/models'
import { inShanghai } from '../../../src/domain/time'
import { studyTarget, sumLedger } from '../domain/points'
import { requireMember, type Context } from '../context'
import { branchSettings } from '../records/settings'

/** The caller's points and 学时 for a year, summed from ledger rows (never a stored counter). */
export async function pointsMine(ctx: Context, payload: Payload<'points.mine'>): Promise<Result<'points.mine'>> {
  const member = requireMember(ctx)
  const now = ctx.clock.now()
  const year = payload.year ?? inShanghai(now).year()
  const [rows, branch] = await Promise.all([
    ctx.storage.find('ledger', { memberId: member.id, year }),
    ctx.storage.get('branches', member.branchId),
  ])
  const sums = sumLedger(rows)
  return {
    year,
    total: sums.total,
    byKind: sums.byKind as Partial<Record<PointsKind, number>>,
    studyHours: sums.studyHours,
    targetHours: studyTarget(member.roles, branchSettings(branch, now).editable),
  }
}
