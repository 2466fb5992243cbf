/**
 * The leadership's notices (通知): posted to the branch or a 党小组, each member it is for gets a
 * receipt (who may read it, and whether they have), and the remind timer sends it once as a
 * WeChat message to those with a credit (announce-delivery). The poster is not among its readers.
 */
import type { AnnouncementItem, PushState } from '../actions/announcements'
import type { Payload, Result } from '../actions'
import type { Announcement, AnnouncementReceipt, AnnouncementScope, Member, Send } from '../../../types/models'
import { inScope, isLeadership } from '../../../src/domain/meetings'
import { toShanghaiIso } from '../../../src/domain/time'
import { requireMember, type Context } from '../context'
import { MAX_ATTEMPTS } from '../domain/remind-plan'
import { ANNOUNCEMENT_TEMPLATE, PUSH_HOURS } from '../domain/announce-plan'
import { AppError, invalidInput } from '../errors'
import { balancesOf } from '../records/credits'
import { announcementEventKey, announcementId, receiptId } from '../records/ids'
import { insertOnce, recordOnce } from '../records/record-once'
import { inPool } from '../pool'
import { branchMembers, groupNames } from './meeting-support'

/** Notices 首页 lists. */
const LIST_LIMIT = 20
/** Receipts written at once when posting. */
const RECEIPT_CONCURRENCY = 10

const NOT_FOUND_WORDS = '找不到这条通知，可能不是发给您的'

function scopeNameOf(scope: AnnouncementScope, groups: Map<string, string>): string {
  return scope.kind === 'branch' ? '全支部' : groups.get(scope.groupId) ?? '党小组'
}

function toItem(a: Announcement, groups: Map<string, string>, receipt: AnnouncementReceipt | null, leadership: boolean): AnnouncementItem {
  const item: AnnouncementItem = {
    id: a.id,
    scope: a.scope,
    scopeName: scopeNameOf(a.scope, groups),
    title: a.title,
    body: a.body,
    meetingId: a.meetingId,
    byName: a.byName,
    createdAt: a.createdAt,
    push: a.push,
    read: receipt ? receipt.readAt !== null : null,
  }
  return leadership ? { ...item, audienceCount: a.audienceCount, readCount: a.readCount } : item
}

async function scopeOf(ctx: Context, me: Member, groupId: string | undefined): Promise<AnnouncementScope> {
  if (!groupId) return { kind: 'branch' }
  const group = await ctx.storage.get('groups', groupId)
  if (!group || group.branchId !== me.branchId) throw invalidInput('groupId', '本支部没有这个党小组')
  return { kind: 'group', groupId }
}

async function checkMeeting(ctx: Context, me: Member, meetingId: string | undefined): Promise<string | null> {
  if (!meetingId) return null
  const meeting = await ctx.storage.get('meetings', meetingId)
  if (!meeting || meeting.branchId !== me.branchId) throw invalidInput('meetingId', '找不到这次会议')
  if (meeting.status === 'cancelled') throw invalidInput('meetingId', '这次会议已取消，不能再为它发通知')
  return meeting.id
}

export async function announceCreate(ctx: Context, p: Payload<'announce.create'>): Promise<Result<'announce.create'>> {
  const me = requireMember(ctx)
  const now = ctx.clock.now()
  const id = announcementId(me.id, p.requestId, now)
  const [scope, meetingId, groups] = await Promise.all([scopeOf(ctx, me, p.groupId), checkMeeting(ctx, me, p.meetingId), groupNames(ctx, me.branchId)])
  const first = await ctx.storage.get('announcements', id)
  if (first) return { announcement: toItem(first, groups, null, true) }
  const audience = (await branchMembers(ctx, me.branchId)).filter((m) => m.id !== me.id && inScope(m, scope))
  if (audience.length === 0) throw invalidInput('groupId', '这个党小组除您以外还没有党员')
  const createdAt = toShanghaiIso(now)
  // Receipts before the notice: a notice that exists has all its readers, even if this call dies halfway and is retried.
  await inPool(audience, RECEIPT_CONCURRENCY, (m) =>
    insertOnce(ctx.storage, 'receipts', { id: receiptId(id, m.id), branchId: me.branchId, announcementId: id, memberId: m.id, createdAt, readAt: null }),
  )
  const { record } = await recordOnce(ctx.storage, 'announcements', {
    id,
    branchId: me.branchId,
    scope,
    title: p.title,
    body: p.body,
    meetingId,
    audienceCount: audience.length,
    readCount: 0,
    push: p.push,
    pushUntil: p.push ? toShanghaiIso(now.getTime() + PUSH_HOURS * 3600_000) : null,
    by: me.id,
    byName: me.name,
    createdAt,
  })
  ctx.log.info('announce.create', { announcementId: id, audience: audience.length, push: p.push })
  return { announcement: toItem(record, groups, null, true) }
}

export async function announceList(ctx: Context): Promise<Result<'announce.list'>> {
  const me = requireMember(ctx)
  const leadership = isLeadership(me)
  const newest = { orderBy: [['createdAt', 'desc']] as Array<['createdAt', 'desc']>, limit: LIST_LIMIT }
  const [groups, mine] = await Promise.all([groupNames(ctx, me.branchId), ctx.storage.find('receipts', { memberId: me.id }, newest)])
  const notices = leadership
    ? await ctx.storage.find('announcements', { branchId: me.branchId }, newest)
    : mine.length
      ? await ctx.storage.find('announcements', { id: { $in: mine.map((r) => r.announcementId) } })
      : []
  const receiptOf = new Map(mine.map((r) => [r.announcementId, r]))
  // The leadership's newest notices may reach further back than their own newest receipts.
  const missing = notices.filter((a) => !receiptOf.has(a.id)).map((a) => receiptId(a.id, me.id))
  if (missing.length) for (const r of await ctx.storage.find('receipts', { id: { $in: missing } })) receiptOf.set(r.announcementId, r)
  const items = notices
    .filter((a) => a.branchId === me.branchId)
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))
    .map((a) => toItem(a, groups, receiptOf.get(a.id) ?? null, leadership))
  return { items, unread: items.filter((i) => i.read === false).length }
}

/** A notice of the caller's branch that was for them (the leadership: any of the branch's), with their receipt. */
async function loadVisible(ctx: Context, me: Member, id: string) {
  const a = await ctx.storage.get('announcements', id)
  if (!a || a.branchId !== me.branchId) throw new AppError('NOT_FOUND', NOT_FOUND_WORDS)
  const receipt = await ctx.storage.get('receipts', receiptId(a.id, me.id))
  if (!receipt && !isLeadership(me)) throw new AppError('NOT_FOUND', NOT_FOUND_WORDS)
  return { a, receipt }
}

export async function announceRead(ctx: Context, p: Payload<'announce.read'>): Promise<Result<'announce.read'>> {
  const me = requireMember(ctx)
  const { a, receipt } = await loadVisible(ctx, me, p.announcementId)
  const groups = await groupNames(ctx, me.branchId)
  if (!receipt) return { announcement: toItem(a, groups, null, true), readAt: null }
  if (receipt.readAt) return { announcement: toItem(a, groups, receipt, isLeadership(me)), readAt: receipt.readAt }
  const readAt = toShanghaiIso(ctx.clock.now())
  // Only the call that sets readAt counts the reader: opening it twice, or twice at once, counts once.
  const first = await ctx.storage.updateWhere('receipts', receipt.id, { readAt: null }, { set: { readAt } })
  if (first) await ctx.storage.updateWhere('announcements', a.id, {}, { inc: { readCount: 1 } })
  const stored = first ? { ...receipt, readAt } : ((await ctx.storage.get('receipts', receipt.id)) ?? receipt)
  const counted = first ? { ...a, readCount: a.readCount + 1 } : a
  return { announcement: toItem(counted, groups, stored, isLeadership(me)), readAt: stored.readAt }
}

function pushStateOf(a: Announcement, member: Member | undefined, send: Send | undefined, credit: number, now: Date): PushState {
  if (send) {
    if (send.state === 'sent') return 'sent'
    if (send.state === 'no_credit') return 'none'
    if (send.state === 'failed' && send.attempts >= MAX_ATTEMPTS) return 'failed'
    return 'waiting'
  }
  const stillSending = a.pushUntil !== null && a.pushUntil >= toShanghaiIso(now)
  return stillSending && member?.active && member.openid && credit > 0 ? 'waiting' : 'none'
}

export async function announceReaders(ctx: Context, p: Payload<'announce.readers'>): Promise<Result<'announce.readers'>> {
  const me = requireMember(ctx)
  const { a, receipt } = await loadVisible(ctx, me, p.announcementId)
  const [groups, receipts, sends, credits] = await Promise.all([
    groupNames(ctx, me.branchId),
    ctx.storage.find('receipts', { announcementId: a.id }),
    ctx.storage.find('sends', { branchId: a.branchId, eventKey: announcementEventKey(a.id), moment: 'announced' }),
    ctx.storage.find('credits', { branchId: a.branchId }),
  ])
  const members = receipts.length ? await ctx.storage.find('members', { id: { $in: receipts.map((r) => r.memberId) } }) : []
  const memberOf = new Map(members.map((m) => [m.id, m]))
  const sendOf = new Map(sends.map((s) => [s.memberId, s]))
  const balances = balancesOf(credits)
  const nameOf = (id: string) => memberOf.get(id)?.name ?? '已移出名册的党员'
  const now = ctx.clock.now()
  const read = receipts
    .flatMap((r) => (r.readAt ? [{ memberId: r.memberId, name: nameOf(r.memberId), readAt: r.readAt }] : []))
    .sort((x, y) => (x.readAt < y.readAt ? -1 : 1))
  // Someone who has left the branch since is no longer waited for.
  const unread = receipts
    .filter((r) => r.readAt === null && memberOf.get(r.memberId)?.active)
    .map((r) => ({
      memberId: r.memberId,
      name: nameOf(r.memberId),
      push: pushStateOf(a, memberOf.get(r.memberId), sendOf.get(r.memberId), balances.get(r.memberId)?.[ANNOUNCEMENT_TEMPLATE] ?? 0, now),
    }))
    .sort((x, y) => x.name.localeCompare(y.name, 'zh'))
  // The receipts are the record; the stored count is what lists show without reading them.
  return { announcement: toItem({ ...a, readCount: read.length }, groups, receipt, true), read, unread }
}
