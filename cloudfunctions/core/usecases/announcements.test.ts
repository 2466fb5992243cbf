/**
 * The leadership's notices (通知) and the month's 轮值党务干事, through the router as each user
 * calls them, and the remind timer sending a notice once to members with a meeting-reminder credit.
 *
 * The demo branch at 2026-05-20 10:00 (a Wednesday): 23 active members, the secretary among them;
 * demo-member-01 … 10 and the group leader are in 第一党小组, 11 … 20 in 第二党小组.
 */
import type { Payload } from '../actions'
import type { MessageSender, SendResult } from '../ports'
import { aBranch, aMember } from '../../../tests/support/builders'
import { DEMO, failure, theDemoBranch, type DemoBranch } from '../../../tests/support/app'
import { TEMPLATE_FIELDS, THING_MAX } from '../domain/template-fit'
import { runRemind } from '../remind'

const AT = '2026-05-20T10:00:00+08:00'
const NOTICE = { title: '关于开展五月主题党日的通知', body: '请各位党员5月22日14:30到党员活动室参加主题党日，带好笔记本。' }
const { member } = DEMO

async function withNotice(payload: Partial<Payload<'announce.create'>> = {}, app?: DemoBranch) {
  const branch = app ?? (await theDemoBranch({ at: AT }))
  const { announcement } = await branch.as(DEMO.secretary).ok('announce.create', { ...NOTICE, push: true, ...payload })
  return { app: branch, announcement }
}

/** The messages the local sender delivered for notices (the timer may also send its dated reminders). */
async function noticeMessages(app: DemoBranch) {
  return (await app.outbox()).filter((m) => m.page.startsWith('pages/announce/'))
}

const grant = (app: DemoBranch, openids: string[]) =>
  Promise.all(openids.map((o) => app.as(o).ok('subscription.record', { results: { meeting_reminder: 'accept' } })))

const credits = async (app: DemoBranch, openid: string) => (await app.as(openid).ok('subscription.mine', {})).credits.meeting_reminder

describe('announce.create and who sees a notice', () => {
  it('posts to the whole branch: every active member but the poster has it unread on 首页', async () => {
    const { app, announcement } = await withNotice()
    const members = await app.as(DEMO.secretary).ok('member.list', {})
    expect(announcement).toMatchObject({ ...NOTICE, scope: { kind: 'branch' }, scopeName: '全支部', byName: '王建华', audienceCount: members.members.length - 1, readCount: 0 })
    const list = await app.as(member(12)).ok('announce.list', {})
    expect(list.unread).toBe(1)
    expect(list.items).toEqual([expect.objectContaining({ id: announcement.id, title: NOTICE.title, read: false })])
    // Members see no counts; the leadership does.
    expect(list.items[0].readCount).toBeUndefined()
    expect((await app.as(DEMO.committee).ok('announce.list', {})).items[0]).toMatchObject({ audienceCount: announcement.audienceCount, readCount: 0 })
    // Not for the poster: listed for them as leadership, without a read mark.
    expect((await app.as(DEMO.secretary).ok('announce.list', {})).items[0]).toMatchObject({ id: announcement.id, read: null })
  })

  it('posts to one 党小组: only its members see it; others are told it is not there', async () => {
    const { app, announcement } = await withNotice({ groupId: DEMO.group1 })
    expect(announcement).toMatchObject({ scope: { kind: 'group', groupId: DEMO.group1 }, scopeName: '第一党小组' })
    expect((await app.as(member(3)).ok('announce.list', {})).items.map((i) => i.id)).toEqual([announcement.id])
    expect((await app.as(member(13)).ok('announce.list', {})).items).toEqual([])
    expect(await app.as(member(13)).call('announce.read', { announcementId: announcement.id })).toEqual(failure('NOT_FOUND', '找不到这条通知'))
    const readers = await app.as(DEMO.secretary).ok('announce.readers', { announcementId: announcement.id })
    expect(readers.unread.map((u) => u.memberId)).not.toContain(member(13))
    expect(readers.unread.map((u) => u.memberId)).toContain(member(3))
  })

  it('keeps a branch’s notices from other branches', async () => {
    const { app, announcement } = await withNotice()
    await app.storage.insert('branches', aBranch('other-branch').named('另一个党支部').build())
    await app.storage.insert('members', aMember('other-sec').inBranch('other-branch').withRoles('secretary').boundTo('other-sec').build())
    const other = app.as('other-sec')
    expect((await other.ok('announce.list', {})).items).toEqual([])
    expect(await other.call('announce.read', { announcementId: announcement.id })).toEqual(failure('NOT_FOUND'))
    expect(await other.call('announce.readers', { announcementId: announcement.id })).toEqual(failure('NOT_FOUND'))
  })

  it('answers a retried post (same requestId) with the first notice, once', async () => {
    const app = await theDemoBranch({ at: AT })
    const post = { ...NOTICE, push: true, requestId: 'form-12345678' }
    const [a, b] = await Promise.all([app.as(DEMO.secretary).ok('announce.create', post), app.as(DEMO.secretary).ok('announce.create', post)])
    expect(b.announcement.id).toBe(a.announcement.id)
    expect(await app.as(DEMO.secretary).ok('announce.create', post)).toEqual(a)
    expect((await app.as(member(1)).ok('announce.list', {})).items).toHaveLength(1)
    expect(await app.storage.count('receipts', { announcementId: a.announcement.id })).toBe(a.announcement.audienceCount)
  })

  it('refuses what it cannot post, storing nothing', async () => {
    const app = await theDemoBranch({ at: AT })
    const sec = app.as(DEMO.secretary)
    expect(await sec.call('announce.create', { ...NOTICE, push: true, groupId: 'no-such-group' })).toEqual(failure('INVALID_INPUT', '本支部没有这个党小组'))
    expect(await sec.call('announce.create', { ...NOTICE, push: true, meetingId: 'no-such-meeting' })).toEqual(failure('INVALID_INPUT', '找不到这次会议'))
    expect(await sec.raw('announce.create', { ...NOTICE, title: '' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'title' } })
    expect(await sec.raw('announce.create', { ...NOTICE, body: '字'.repeat(501) })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'body' } })
    expect(await app.as(member(1)).call('announce.create', { ...NOTICE, push: true })).toEqual(failure('FORBIDDEN'))
    expect(await app.storage.count('announcements', {})).toBe(0)
    expect(await app.storage.count('receipts', {})).toBe(0)
  })

  it('links a meeting of the branch, not a cancelled one', async () => {
    const app = await theDemoBranch({ at: AT })
    const sec = app.as(DEMO.secretary)
    const { meeting } = await sec.ok('meeting.create', { type: 'group', title: '五月党小组会', startAt: '2026-05-25T19:00:00+08:00', endAt: '2026-05-25T20:30:00+08:00', location: '三楼会议室', scope: { kind: 'group', groupId: DEMO.group2 } })
    const { announcement } = await sec.ok('announce.create', { ...NOTICE, push: true, groupId: DEMO.group2, meetingId: meeting.id })
    expect((await app.as(member(15)).ok('announce.read', { announcementId: announcement.id })).announcement.meetingId).toBe(meeting.id)
    await sec.ok('meeting.cancel', { meetingId: meeting.id, reason: '时间冲突，另行通知' })
    expect(await sec.call('announce.create', { ...NOTICE, push: true, meetingId: meeting.id })).toEqual(failure('INVALID_INPUT', '已取消'))
  })
})

describe('announce.read and announce.readers (已读)', () => {
  it('marks a notice read on its first opening, counting each reader once', async () => {
    const { app, announcement } = await withNotice()
    const first = await app.as(member(1)).ok('announce.read', { announcementId: announcement.id })
    expect(first).toMatchObject({ readAt: AT, announcement: { read: true, body: NOTICE.body } })
    app.clock.set('2026-05-20T11:00:00+08:00')
    expect((await app.as(member(1)).ok('announce.read', { announcementId: announcement.id })).readAt).toBe(AT)
    await Promise.all([1, 2, 3].map(() => app.as(member(2)).ok('announce.read', { announcementId: announcement.id })))
    const readers = await app.as(DEMO.secretary).ok('announce.readers', { announcementId: announcement.id })
    expect(readers.read.map((r) => r.memberId)).toEqual([member(1), member(2)])
    expect(readers.unread).toHaveLength(Number(announcement.audienceCount) - 2)
    expect(readers.announcement.readCount).toBe(2)
    expect((await app.as(DEMO.secretary).ok('announce.list', {})).items[0].readCount).toBe(2)
    expect((await app.as(member(1)).ok('announce.list', {})).unread).toBe(0)
  })

  it('no longer waits for a member who has left the branch since, and keeps one who had read it', async () => {
    const { app, announcement } = await withNotice()
    await app.as(member(6)).ok('announce.read', { announcementId: announcement.id })
    for (const n of [5, 6]) await app.as(DEMO.secretary).ok('member.remove', { memberId: member(n), reason: 'transfer_out' })
    const readers = await app.as(DEMO.secretary).ok('announce.readers', { announcementId: announcement.id })
    expect(readers.unread.map((u) => u.memberId)).not.toContain(member(5))
    expect(readers.read.map((r) => r.memberId)).toEqual([member(6)])
  })

  it('lets the leadership open a notice that was not for them without counting them', async () => {
    // 李明 (支委) is in 第二党小组.
    const { app, announcement } = await withNotice({ groupId: DEMO.group1 })
    expect(await app.as(DEMO.committee).ok('announce.read', { announcementId: announcement.id })).toMatchObject({ readAt: null, announcement: { read: null } })
    expect((await app.as(DEMO.secretary).ok('announce.readers', { announcementId: announcement.id })).read).toEqual([])
  })
})

describe('the remind timer sends a notice once', () => {
  it('to each member with a credit, spending it once, even with two timers at once and a rerun', async () => {
    const { app, announcement } = await withNotice({}, await grantedBranch([member(1), member(2), member(11)]))
    await Promise.all([runRemind(app.ports), runRemind(app.ports)])
    await runRemind(app.ports)
    const messages = await noticeMessages(app)
    expect(messages.map((m) => m.openid).sort()).toEqual([member(1), member(11), member(2)].sort())
    expect(messages[0]).toMatchObject({ kind: 'meeting_reminder', page: `pages/announce/index?id=${announcement.id}` })
    expect(Object.keys(messages[0].data)).toEqual(Object.keys(TEMPLATE_FIELDS.meeting_reminder))
    expect(Array.from(messages[0].data.thing1).length).toBeLessThanOrEqual(THING_MAX)
    expect(Array.from(messages[0].data.thing4).length).toBeLessThanOrEqual(THING_MAX)
    for (const o of [member(1), member(2), member(11)]) expect(await credits(app, o)).toBe(0)
    const readers = await app.as(DEMO.secretary).ok('announce.readers', { announcementId: announcement.id })
    const push = new Map(readers.unread.map((u) => [u.memberId, u.push]))
    expect([push.get(member(1)), push.get(member(3))]).toEqual(['sent', 'none'])
  })

  it('only to the group it was for, and not to a member who has already read it', async () => {
    const app = await grantedBranch([member(1), member(2), member(11)])
    const { announcement } = await withNotice({ groupId: DEMO.group1 }, app)
    await app.as(member(2)).ok('announce.read', { announcementId: announcement.id })
    await runRemind(app.ports)
    expect((await noticeMessages(app)).map((m) => m.openid)).toEqual([member(1)])
    expect([await credits(app, member(2)), await credits(app, member(11))]).toEqual([1, 1])
  })

  it('not at all when the poster turned it off', async () => {
    const { app } = await withNotice({ push: false }, await grantedBranch([member(1)]))
    await runRemind(app.ports)
    expect(await noticeMessages(app)).toEqual([])
    expect(await credits(app, member(1))).toBe(1)
  })

  it('again on a later run after WeChat failed, giving the credit back meanwhile; never after its day', async () => {
    let failing = true
    const flaky = (real: MessageSender): MessageSender => ({
      send: async (m): Promise<SendResult> => (failing && m.openid === member(1) ? { ok: false, errCode: -1, errMsg: 'system error' } : real.send(m)),
    })
    const app = await grantedBranch([member(1)], flaky)
    await withNotice({}, app)
    await runRemind(app.ports)
    expect(await noticeMessages(app)).toEqual([])
    expect(await credits(app, member(1))).toBe(1)
    failing = false
    app.clock.set('2026-05-20T11:00:00+08:00')
    await runRemind(app.ports)
    app.clock.set('2026-05-20T12:00:00+08:00')
    await runRemind(app.ports)
    expect((await noticeMessages(app)).map((m) => m.openid)).toEqual([member(1)])
    expect(await credits(app, member(1))).toBe(0)
    // A notice posted now whose send keeps failing stops being tried after its day.
    failing = true
    await grant(app, [member(1)])
    await withNotice({ title: '第二条通知' }, app)
    app.clock.set('2026-05-21T13:00:00+08:00')
    await runRemind(app.ports)
    expect(await noticeMessages(app)).toHaveLength(1)
  })
})

async function grantedBranch(openids: string[], sender?: (real: MessageSender) => MessageSender) {
  const app = await theDemoBranch({ at: AT, sender })
  await grant(app, openids)
  return app
}

describe('duty (轮值党务干事)', () => {
  it('is set by the secretary for a month and shown to everyone for this month', async () => {
    const app = await theDemoBranch({ at: AT })
    expect(await app.as(member(5)).ok('duty.get', {})).toEqual({ duty: { month: '2026-05', member: null } })
    expect(await app.as(DEMO.secretary).ok('duty.set', { month: '2026-05', memberId: member(3) })).toEqual({
      duty: { month: '2026-05', member: { id: member(3), name: expect.any(String) } },
    })
    await app.as(DEMO.secretary).ok('duty.set', { month: '2026-07', memberId: member(14) })
    const thisMonth = await app.as(member(15)).ok('duty.get', {})
    expect(thisMonth.duty.member?.id).toBe(member(3))
    const { months } = await app.as(member(15)).ok('duty.list', { year: 2026 })
    expect(months.map((m) => [m.month, m.member?.id ?? null]).filter(([, id]) => id)).toEqual([['2026-05', member(3)], ['2026-07', member(14)]])
    expect(months).toHaveLength(12)
    // Changed and cleared.
    await app.as(DEMO.secretary).ok('duty.set', { month: '2026-05', memberId: member(4) })
    expect((await app.as(member(1)).ok('duty.get', {})).duty.member?.id).toBe(member(4))
    await app.as(DEMO.secretary).ok('duty.set', { month: '2026-05', memberId: null })
    expect((await app.as(member(1)).ok('duty.get', {})).duty.member).toBeNull()
  })

  it('keeps past months, refuses a member of no branch of ours, and is the secretary’s to set', async () => {
    const app = await theDemoBranch({ at: AT })
    const sec = app.as(DEMO.secretary)
    expect(await sec.call('duty.set', { month: '2026-04', memberId: member(3) })).toEqual(failure('INVALID_INPUT', '已过去的月份不能更改'))
    expect(await sec.call('duty.set', { month: '2026-06', memberId: 'no-such-member' })).toEqual(failure('INVALID_INPUT', '名册里没有这位党员'))
    expect(await app.as(DEMO.committee).call('duty.set', { month: '2026-06', memberId: member(3) })).toEqual(failure('FORBIDDEN'))
    expect(await app.storage.count('duties', {})).toBe(0)
    await sec.ok('duty.set', { month: '2026-06', memberId: member(3) })
    await app.storage.insert('branches', aBranch('other-branch').named('另一个党支部').build())
    await app.storage.insert('members', aMember('other-01').inBranch('other-branch').boundTo('other-01').build())
    expect(await app.as('other-01').ok('duty.get', { month: '2026-06' })).toEqual({ duty: { month: '2026-06', member: null } })
  })
})
