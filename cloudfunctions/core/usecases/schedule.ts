import type { Payload, Result } from '../actions'
import type { Branch } from '../../../types/models'
import { monthSchedule } from '../domain/schedule'
import { requireMember, type Context } from '../context'
import { AppError } from '../errors'
import { themeDayId } from '../records/ids'
import { branchSettings } from '../records/settings'

/** The months' fixed days as the branch will hold them: a generated 主题党日 that was moved counts on its new day. */
export async function heldMonths(ctx: Context, branch: Branch | null, months: string[]) {
  const { schedule } = branchSettings(branch, ctx.clock.now())
  const generated = branch ? await ctx.storage.find('meetings', { id: { $in: months.map((m) => themeDayId(branch.id, m)) } }) : []
  return months.map((m) => monthSchedule(m, schedule, generated.find((g) => g.themeMonth === m)))
}

export async function scheduleMonth(ctx: Context, payload: Payload<'schedule.month'>): Promise<Result<'schedule.month'>> {
  const member = requireMember(ctx)
  const branch = await ctx.storage.get('branches', member.branchId)
  if (!branch) throw new AppError('NOT_FOUND', '找不到您所在的支部')
  const [month] = await heldMonths(ctx, branch, [payload.month])
  return month
}
