/**
 * 党费: the 核定表 (each member's monthly amount from the official brackets) and the monthly
 * 登记表 (who paid, when). A member marks a month paid; the secretary confirms or corrects.
 * Back-payment reaches six months back. Money is integer 分 throughout.
 */
import type { Payload, Result } from '../actions'
import type { DuesItem } from '../../../types/views'
import type { Member, Payment } from '../../../types/models'
import { monthlyDues } from '../domain/dues'
import { fitAmount } from '../domain/template-fit'
import { effectiveRoles } from '../../../src/domain/permissions'
import { nextMonth } from '../../../src/domain/relative-day'
import { calendarDay, shanghaiDate, shanghaiMonth, toShanghaiIso } from '../../../src/domain/time'
import { requireMember, type Context } from '../context'
import { AppError, invalidInput } from '../errors'
import type { Filter } from '../ports'
import { paymentId } from '../records/ids'
import { insertOnce } from '../records/record-once'
import { branchSettings } from '../records/settings'
import { branchMembers } from './meeting-support'

/** How far back a member may pay (补交): this month and the six before it. */
export const BACK_PAY_MONTHS = 6
/** How far back the streak of unpaid months is counted. */
const STREAK_LOOKBACK = 12

const monthsBefore = (month: string, n: number) => calendarDay(`${month}-01`).subtract(n, 'month').format('YYYY-MM')

export async function duesSetBase(ctx: Context, p: Payload<'dues.setBase'>): Promise<Result<'dues.setBase'>> {
  const secretary = requireMember(ctx)
  const target = await ctx.storage.get('members', p.memberId)
  if (!target || target.branchId !== secretary.branchId) throw new AppError('NOT_FOUND', '本支部没有这位党员')
  const r = monthlyDues(p)
  if (!r.ok) throw invalidInput(r.field, r.message)
  const base = p.category === 'employed' || p.category === 'retired' ? p.base : undefined
  await ctx.storage.update('members', target.id, {
    dues: { category: p.category, ...(base !== undefined ? { base } : {}), amount: r.amount, setAt: toShanghaiIso(ctx.clock.now()), setBy: secretary.id },
  })
  return { amount: r.amount }
}

/** Consecutive unpaid months ending with `month`, not counting months before `since`. */
export function unpaidStreak(paidMonths: Set<string>, month: string, since: string): number {
  let n = 0
  for (let m = month; m >= since && n < STREAK_LOOKBACK; m = monthsBefore(m, 1)) {
    if (paidMonths.has(m)) break
    n += 1
  }
  return n
}

function item(member: Member, payment: Payment | undefined, streak: number): DuesItem {
  return {
    memberId: member.id,
    name: member.name,
    amount: member.dues?.amount ?? 0,
    paid: Boolean(payment),
    ...(payment ? { paidAt: payment.paidOn, paidAmount: payment.amount, state: payment.state } : {}),
    unpaidStreak: streak,
  }
}

export async function duesStatus(ctx: Context, p: Payload<'dues.status'>): Promise<Result<'dues.status'>> {
  const me = requireMember(ctx)
  const branchView = effectiveRoles(me.roles).has('secretary')
  const since = monthsBefore(p.month, STREAK_LOOKBACK - 1)
  const [branch, members, payments] = await Promise.all([
    ctx.storage.get('branches', me.branchId),
    branchView ? branchMembers(ctx, me.branchId) : Promise.resolve([me]),
    branchView
      ? ctx.storage.find('payments', { branchId: me.branchId, month: { $gte: since, $lte: p.month } })
      : ctx.storage.find('payments', { memberId: me.id, month: { $gte: since, $lte: p.month } }),
  ])
  const { duesSince } = branchSettings(branch, ctx.clock.now())
  const paidBy = new Map<string, Set<string>>()
  const thisMonth = new Map<string, Payment>()
  for (const pay of payments) {
    if (!paidBy.has(pay.memberId)) paidBy.set(pay.memberId, new Set())
    paidBy.get(pay.memberId)!.add(pay.month)
    if (pay.month === p.month) thisMonth.set(pay.memberId, pay)
  }
  // Members whose amount is not yet set (核定) are listed too, at 0, so the secretary sees them.
  const items = members.map((m) => item(m, thisMonth.get(m.id), unpaidStreak(paidBy.get(m.id) ?? new Set(), p.month, duesSince)))
  const paid = items.filter((i) => i.paid)
  const due = items.reduce((s, i) => s + i.amount, 0)
  return {
    month: p.month,
    branchView,
    items,
    totals: {
      due,
      collected: paid.reduce((s, i) => s + (i.paidAmount ?? 0), 0),
      paidCount: paid.length,
      unpaidCount: items.length - paid.length,
      rate: items.length ? Math.round((paid.length / items.length) * 1000) / 1000 : null,
    },
  }
}

function checkPayable(month: string, today: string) {
  const current = today.slice(0, 7)
  if (month > current) throw invalidInput('month', '不能预缴以后月份的党费')
  if (month < monthsBefore(current, BACK_PAY_MONTHS)) throw invalidInput('month', `只能补交最近 ${BACK_PAY_MONTHS} 个月的党费，更早的请联系书记`)
}

function checkPaidAt(month: string, paidAt: string, today: string) {
  if (paidAt > today) throw invalidInput('paidAt', '缴纳日期不能晚于今天')
  if (paidAt < `${month}-01`) throw invalidInput('paidAt', '缴纳日期不能早于该月')
}

/**
 * Inserts the member's payment for the month, or rewrites it where it still matches
 * `overwritable`: a compare-and-set, so that a confirmation landing between a member's read and
 * write is never turned back into a report.
 */
async function writePayment(
  ctx: Context,
  member: Pick<Member, 'id' | 'branchId'>,
  month: string,
  fields: Pick<Payment, 'amount' | 'paidOn' | 'state' | 'reportedBy' | 'confirmedBy'>,
  overwritable: Filter<Payment>,
): Promise<Result<'dues.pay'>> {
  const patch = { memberId: member.id, month, ...fields, updatedAt: toShanghaiIso(ctx.clock.now()) }
  const id = paymentId(member.id, month)
  const done = { month, amount: fields.amount, paidAt: fields.paidOn, state: fields.state }
  if (await insertOnce(ctx.storage, 'payments', { id, branchId: member.branchId, ...patch })) return done
  if (await ctx.storage.updateWhere('payments', id, overwritable, { set: patch })) return done
  const existing = await ctx.storage.get('payments', id)
  if (!existing) throw new Error('payment vanished')
  if (existing.state === 'confirmed' && fields.state !== 'confirmed') {
    throw new AppError('CONFLICT', '书记已确认这个月的党费，如需更正请联系书记')
  }
  // CloudBase answers false for a rewrite that leaves the document as it was: it already holds this payment.
  return done
}

/**
 * 足额: a payment is at least the member's 核定 amount; above 100 times it is a slip of the keyboard,
 * not a 大额党费 (which a branch records apart). A member with no 核定 yet may pay what they state.
 */
function checkAmount(amount: number, member: Pick<Member, 'dues'>): void {
  const due = member.dues?.amount
  if (!due) return
  if (amount < due) throw invalidInput('amount', `不能少于核定的每月党费 ${fitAmount(due)}（按月足额交纳）`)
  if (amount > due * 100) throw invalidInput('amount', `超过核定党费（${fitAmount(due)}）的 100 倍，请核对金额`)
}

export async function duesPay(ctx: Context, p: Payload<'dues.pay'>): Promise<Result<'dues.pay'>> {
  const me = requireMember(ctx)
  const today = shanghaiDate(ctx.clock.now())
  checkPayable(p.month, today)
  const amount = p.amount ?? me.dues?.amount
  if (!amount) throw invalidInput('amount', '书记还没有核定您的党费，请填写金额或联系书记')
  checkAmount(amount, me)
  const paidAt = p.paidAt ?? today
  checkPaidAt(p.month, paidAt, today)
  return writePayment(ctx, me, p.month, { amount, paidOn: paidAt, state: 'reported', reportedBy: me.id, confirmedBy: null }, { state: 'reported' })
}

export async function duesConfirm(ctx: Context, p: Payload<'dues.confirm'>): Promise<Result<'dues.confirm'>> {
  const secretary = requireMember(ctx)
  const target = await ctx.storage.get('members', p.memberId)
  if (!target || target.branchId !== secretary.branchId) throw new AppError('NOT_FOUND', '本支部没有这位党员')
  const today = shanghaiDate(ctx.clock.now())
  if (p.month > today.slice(0, 7)) throw invalidInput('month', '不能登记以后月份的党费')
  const existing = await ctx.storage.get('payments', paymentId(target.id, p.month))
  const amount = p.amount ?? existing?.amount ?? target.dues?.amount
  if (!amount) throw invalidInput('amount', '这位党员还没有核定党费，请填写金额')
  checkAmount(amount, target)
  const paidAt = p.paidAt ?? existing?.paidOn ?? today
  checkPaidAt(p.month, paidAt, today)
  const fields = { amount, paidOn: paidAt, state: 'confirmed' as const, reportedBy: existing?.reportedBy ?? secretary.id, confirmedBy: secretary.id }
  return writePayment(ctx, target, p.month, fields, {})
}

export async function duesMine(ctx: Context, p: Payload<'dues.mine'>): Promise<Result<'dues.mine'>> {
  const me = requireMember(ctx)
  const today = shanghaiDate(ctx.clock.now())
  const year = p.year ?? Number(today.slice(0, 4))
  const payments = await ctx.storage.find('payments', { memberId: me.id, month: { $gte: `${year}-01`, $lte: `${year}-12` } })
  const byMonth = new Map(payments.map((x) => [x.month, x]))
  const current = shanghaiMonth(ctx.clock.now())
  const oldest = monthsBefore(current, BACK_PAY_MONTHS)
  const months: Result<'dues.mine'>['months'] = []
  for (let m = `${year}-01`; m <= `${year}-12` && m <= current; m = nextMonth(m)) {
    const pay = byMonth.get(m)
    months.push({
      month: m,
      paid: Boolean(pay),
      ...(pay ? { amount: pay.amount, paidAt: pay.paidOn, state: pay.state } : {}),
      canPay: m >= oldest && (!pay || pay.state !== 'confirmed'),
    })
  }
  return { year, amount: me.dues?.amount ?? null, category: me.dues?.category ?? null, months: months.reverse() }
}

export async function duesTable(ctx: Context): Promise<Result<'dues.table'>> {
  const me = requireMember(ctx)
  const members = await branchMembers(ctx, me.branchId)
  return {
    members: members.map((m) => ({
      memberId: m.id,
      name: m.name,
      category: m.dues?.category ?? null,
      ...(m.dues?.base !== undefined ? { base: m.dues.base } : {}),
      amount: m.dues?.amount ?? null,
    })),
  }
}
