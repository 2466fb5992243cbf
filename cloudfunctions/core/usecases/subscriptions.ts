/** Subscription credits as the member and the secretary see them, and the in-app notice list. */
import type { Payload, Result } from '../actions'
import type { Credits } from '../../../types/views'
import { TEMPLATE_KINDS, type Notice, type TemplateKind } from '../../../types/models'
import { isInvited } from '../../../src/domain/meetings'
import { nextMonth } from '../../../src/domain/relative-day'
import { shanghaiDate } from '../../../src/domain/time'
import { requireMember, type Context } from '../context'
import { addCredit, balancesOf } from '../records/credits'
import { paymentId, themeDayId } from '../records/ids'
import { branchMembers } from './meeting-support'
import { heldMonths } from './schedule'

const NOTICE_LIMIT = 30

async function creditsOf(ctx: Context, memberId: string): Promise<Credits> {
  const rows = await ctx.storage.find('credits', { memberId })
  return balancesOf(rows).get(memberId) ?? { meeting_reminder: 0, dues_reminder: 0 }
}

export async function subscriptionRecord(ctx: Context, p: Payload<'subscription.record'>): Promise<Result<'subscription.record'>> {
  const member = requireMember(ctx)
  for (const kind of TEMPLATE_KINDS) {
    if (p.results[kind] === 'accept') await addCredit(ctx.storage, ctx.clock, member, kind)
  }
  return { credits: await creditsOf(ctx, member.id) }
}

export async function subscriptionMine(ctx: Context): Promise<Result<'subscription.mine'>> {
  return { credits: await creditsOf(ctx, requireMember(ctx).id) }
}

export async function subscriptionOverview(ctx: Context): Promise<Result<'subscription.overview'>> {
  const me = requireMember(ctx)
  const [branch, members, credits] = await Promise.all([
    ctx.storage.get('branches', me.branchId),
    branchMembers(ctx, me.branchId),
    ctx.storage.find('credits', { branchId: me.branchId }),
  ])
  const now = ctx.clock.now()
  const today = shanghaiDate(now)
  const months = await heldMonths(ctx, branch, [today.slice(0, 7), nextMonth(today.slice(0, 7))])
  const upcoming = (pick: 'themeDay' | 'duesDay') => months.map((s) => s[pick].date).find((d) => d >= today) as string
  const next: Array<{ kind: TemplateKind; title: string; date: string }> = [
    { kind: 'meeting_reminder', title: '主题党日', date: upcoming('themeDay') },
    { kind: 'dues_reminder', title: '党费缴纳日', date: upcoming('duesDay') },
  ]
  const balances = balancesOf(credits)
  return {
    next,
    members: members.map((m) => ({
      memberId: m.id,
      name: m.name,
      bound: Boolean(m.openid),
      credits: balances.get(m.id) ?? { meeting_reminder: 0, dues_reminder: 0 },
    })),
  }
}

/** The page a notice opens: its meeting (the month's generated one for a 主题党日), or the dues register. */
function pageOf(n: Notice): string {
  const at = n.eventKey.indexOf(':')
  const [kind, key] = [n.eventKey.slice(0, at), n.eventKey.slice(at + 1)]
  if (kind === 'dues') return '/pages/dues/index'
  const meetingId = kind === 'theme' ? themeDayId(n.branchId, key) : key
  return `/pages/meeting-detail/index?id=${encodeURIComponent(meetingId)}`
}

/**
 * Every reminder the branch sent (or would have, for members without credits), newest first, each
 * with the page it is about: a meeting's only to its invitees, a dues day's only while that
 * month's dues are still to pay.
 */
export async function noticeList(ctx: Context): Promise<Result<'notice.list'>> {
  const member = requireMember(ctx)
  const notices = await ctx.storage.find('notices', { branchId: member.branchId }, { orderBy: [['createdAt', 'desc']], limit: NOTICE_LIMIT })
  const meetingIds = [...new Set(notices.map((n) => n.meetingId).filter((id): id is string => Boolean(id)))]
  const duesMonths = [...new Set(notices.filter((n) => n.kind === 'dues_reminder').map((n) => n.eventKey.slice('dues:'.length)))]
  const [meetings, payments] = await Promise.all([
    meetingIds.length ? ctx.storage.find('meetings', { id: { $in: meetingIds } }) : [],
    duesMonths.length ? ctx.storage.find('payments', { id: { $in: duesMonths.map((m) => paymentId(member.id, m)) } }) : [],
  ])
  const invited = new Set(meetings.filter((m) => isInvited(member, m.scope)).map((m) => m.id))
  const paid = new Set(payments.map((p) => `dues:${p.month}`))
  return {
    notices: notices
      .filter((n) => (!n.meetingId || invited.has(n.meetingId)) && !paid.has(n.eventKey))
      .map((n) => ({ ...n, page: pageOf(n) })),
  }
}
