import type { Payload, Result } from '../actions'
import { monthSchedule } from '../domain/schedule'
import { requireMember, type Context } from '../context'
import { AppError } from '../errors'
import { branchSettings } from '../records/settings'

export async function scheduleMonth(ctx: Context, payload: Payload<'schedule.month'>): Promise<Result<'schedule.month'>> {
  const member = requireMember(ctx)
  const branch = await ctx.storage.get('branches', member.branchId)
  if (!branch) throw new AppError('NOT_FOUND', '找不到您所在的支部')
  return monthSchedule(payload.month, branchSettings(branch, ctx.clock.now()).schedule)
}
