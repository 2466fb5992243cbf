/**
 * 轮值党务干事 (seed 003): the secretary names one member a month who helps run the branch's work
 * that month; 首页 shows this month's to everyone. A month that is over stays as it was.
 */
import type { DutyMonth } from '../actions/announcements'
import type { Payload, Result } from '../actions'
import type { Duty } from '../../../types/models'
import { shanghaiMonth, toShanghaiIso } from '../../../src/domain/time'
import { requireMember, type Context } from '../context'
import { invalidInput } from '../errors'
import { dutyId } from '../records/ids'
import { upsert } from '../records/record-once'

const MONTHS = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12']

/** Each duty with its member's name; a member removed since keeps their month. */
async function named(ctx: Context, months: string[], duties: Duty[]): Promise<DutyMonth[]> {
  const ids = [...new Set(duties.map((d) => d.memberId))]
  const members = ids.length ? await ctx.storage.find('members', { id: { $in: ids } }) : []
  const nameOf = new Map(members.map((m) => [m.id, m.name]))
  const dutyOf = new Map(duties.map((d) => [d.month, d]))
  return months.map((month) => {
    const d = dutyOf.get(month)
    return { month, member: d ? { id: d.memberId, name: nameOf.get(d.memberId) ?? '已移出名册的党员' } : null }
  })
}

export async function dutySet(ctx: Context, p: Payload<'duty.set'>): Promise<Result<'duty.set'>> {
  const me = requireMember(ctx)
  const now = ctx.clock.now()
  if (p.month < shanghaiMonth(now)) throw invalidInput('month', '已过去的月份不能更改')
  const id = dutyId(me.branchId, p.month)
  if (p.memberId === null) {
    await ctx.storage.remove('duties', id)
    return { duty: { month: p.month, member: null } }
  }
  const member = await ctx.storage.get('members', p.memberId)
  if (!member || member.branchId !== me.branchId || !member.active) throw invalidInput('memberId', '名册里没有这位党员')
  const set = { memberId: member.id, setBy: me.id, setAt: toShanghaiIso(now) }
  await upsert(ctx.storage, 'duties', { id, branchId: me.branchId, month: p.month, ...set }, { set })
  ctx.log.info('duty.set', { month: p.month, memberId: member.id, by: me.id })
  return { duty: { month: p.month, member: { id: member.id, name: member.name } } }
}

export async function dutyGet(ctx: Context, p: Payload<'duty.get'>): Promise<Result<'duty.get'>> {
  const me = requireMember(ctx)
  const month = p.month ?? shanghaiMonth(ctx.clock.now())
  const duty = await ctx.storage.get('duties', dutyId(me.branchId, month))
  const [answer] = await named(ctx, [month], duty ? [duty] : [])
  return { duty: answer }
}

export async function dutyList(ctx: Context, p: Payload<'duty.list'>): Promise<Result<'duty.list'>> {
  const me = requireMember(ctx)
  const months = MONTHS.map((m) => `${p.year}-${m}`)
  const duties = await ctx.storage.find('duties', { branchId: me.branchId, month: { $gte: months[0], $lte: months[11] } })
  return { months: await named(ctx, months, duties) }
}
