/**
 * 请假 and 考勤 through the router (DOMAIN "Check-in", CONTRACT §3): a member asks for leave
 * before the meeting, the secretary or committee decide; attendance counts every invited
 * member once, under present, late, leave, absent or makeup.
 */
import type { MeetingScope, MeetingType } from '../../../types/models'
import { DEMO, failure, theDemoBranch, type DemoBranch } from '../../../tests/support/app'
import { aMeeting, aMember } from '../../../tests/support/builders'

const DAY_BEFORE = '2026-05-19T09:00:00+08:00'

/** A 14:30–16:30 meeting on 2026-05-20, created the day before. */
async function aMeetingTomorrow(opts: { type?: MeetingType; scope?: MeetingScope } = {}) {
  const app = await theDemoBranch({ at: DAY_BEFORE })
  const built = aMeeting(opts.type ?? 'branch_assembly')
  if (opts.scope) built.forScope(opts.scope)
  const { meeting } = await app.as(DEMO.secretary).ok('meeting.create', built.build())
  const ask = (openid: string, reason = '单位出差') => app.as(openid).call('leave.request', { meetingId: meeting.id, reason })
  /** Files a leave request that must be accepted; answers its id. */
  const leaveOf = async (openid: string, reason?: string) => (await app.as(openid).ok('leave.request', { meetingId: meeting.id, reason: reason ?? '单位出差' })).leaveId
  const review = (leaveId: string, approve: boolean, openid: string = DEMO.secretary) => app.as(openid).call('leave.review', { leaveId, approve })
  const scanAt = async (openid: string, at: string) => {
    app.clock.set(at)
    const { token } = await app.as(DEMO.secretary).ok('checkin.code', { meetingId: meeting.id })
    return app.as(openid).ok('checkin.submit', { token })
  }
  const attendance = () => app.as(DEMO.secretary).ok('attendance.get', { meetingId: meeting.id })
  const myStatus = async (openid: string) => (await app.as(openid).ok('meeting.get', { meetingId: meeting.id })).myStatus
  return { app, meeting, ask, leaveOf, review, scanAt, attendance, myStatus }
}

const leavesOf = (app: DemoBranch) => app.storage.find('leaves', {}, { orderBy: [['id', 'asc']] })

describe('leave.request', () => {
  it('files a pending request with its reason, one per member and meeting', async () => {
    const { app, meeting, ask } = await aMeetingTomorrow()
    expect(await ask(DEMO.member(1), '  出差在外地  ')).toEqual({ ok: true, data: { leaveId: `${meeting.id}:demo-member-01`, state: 'pending' } })
    expect(await ask(DEMO.member(1), '再请一次')).toEqual({ ok: true, data: { leaveId: `${meeting.id}:demo-member-01`, state: 'pending' } })
    expect(await leavesOf(app)).toEqual([
      {
        id: `${meeting.id}:demo-member-01`,
        branchId: DEMO.branchId,
        meetingId: meeting.id,
        memberId: 'demo-member-01',
        reason: '出差在外地',
        state: 'pending',
        requestedAt: DAY_BEFORE,
        reviewedBy: null,
        reviewedAt: null,
      },
    ])
  })

  it('files one request when the same member asks many times at once', async () => {
    const { app, ask } = await aMeetingTomorrow()
    const answers = await Promise.all(Array.from({ length: 20 }, () => ask(DEMO.member(1))))
    for (const a of answers) expect(a).toMatchObject({ ok: true, data: { state: 'pending' } })
    expect(await leavesOf(app)).toHaveLength(1)
  })

  it.each<[string, Record<string, unknown>, string]>([
    ['no reason', {}, 'reason：'],
    ['a one-character reason', { reason: '病' }, 'reason：'],
    ['a blank reason', { reason: '    ' }, 'reason：'],
    ['no meeting', { meetingId: undefined, reason: '出差在外' }, 'meetingId：'],
  ])('refuses %s with INVALID_INPUT naming the field', async (_what, change, field) => {
    const { app, meeting } = await aMeetingTomorrow()
    expect(await app.as(DEMO.member(1)).raw('leave.request', { meetingId: meeting.id, ...change })).toEqual(failure('INVALID_INPUT', field))
    expect(await leavesOf(app)).toEqual([])
  })

  it.each([
    ['at the start', '2026-05-20T14:30:00+08:00'],
    ['after the start', '2026-05-20T15:00:00+08:00'],
    ['after the end', '2026-05-21T09:00:00+08:00'],
  ])('is CONFLICT %s: ask the secretary in person', async (_when, at) => {
    const { app, ask } = await aMeetingTomorrow()
    app.clock.set(at)
    expect(await ask(DEMO.member(1))).toEqual(failure('CONFLICT', '会议已经开始'))
    expect(await leavesOf(app)).toEqual([])
  })

  it('is CONFLICT once the member has checked in', async () => {
    const { app, ask, scanAt } = await aMeetingTomorrow()
    await scanAt(DEMO.member(1), '2026-05-20T14:20:00+08:00')
    expect(await ask(DEMO.member(1))).toEqual(failure('CONFLICT', '已经签到'))
    expect(await leavesOf(app)).toEqual([])
  })

  it('is NOT_INVITED for a meeting the member is not expected at, NOT_FOUND for an unknown one', async () => {
    const { app, ask } = await aMeetingTomorrow({ type: 'committee' })
    expect(await ask(DEMO.member(1))).toEqual(failure('NOT_INVITED'))
    expect(await app.as(DEMO.member(1)).call('leave.request', { meetingId: 'no-such-meeting', reason: '出差在外' })).toEqual(failure('NOT_FOUND'))
    expect(await leavesOf(app)).toEqual([])
  })
})

describe('leave.review', () => {
  it('approves: the member is on leave before, during and after the meeting', async () => {
    const { app, leaveOf, review, attendance, myStatus } = await aMeetingTomorrow()
    const leaveId = await leaveOf(DEMO.member(1))
    app.clock.set('2026-05-19T10:00:00+08:00')
    expect(await review(leaveId, true)).toEqual({ ok: true, data: { state: 'approved' } })
    expect(await app.storage.get('leaves', leaveId)).toMatchObject({ state: 'approved', reviewedBy: 'demo-secretary', reviewedAt: '2026-05-19T10:00:00+08:00' })
    for (const at of ['2026-05-19T10:00:00+08:00', '2026-05-20T15:00:00+08:00', '2026-05-20T17:00:00+08:00']) {
      app.clock.set(at)
      expect(await myStatus(DEMO.member(1))).toEqual({ invited: true, status: 'leave', checkedInAt: null, leave: { state: 'approved', reason: '单位出差', leaveId } })
      const a = await attendance()
      expect(a.leave).toBe(1)
      expect(a.members.find((m) => m.memberId === 'demo-member-01')).toMatchObject({ status: 'leave', leave: { state: 'approved', leaveId } })
      expect(a.pendingLeaves).toEqual([])
    }
  })

  it('refuses: nothing yet before the end, absent after it; asking again puts it back to pending', async () => {
    const { app, ask, leaveOf, review, attendance, myStatus } = await aMeetingTomorrow()
    const leaveId = await leaveOf(DEMO.member(1))
    expect(await review(leaveId, false, DEMO.committee)).toEqual({ ok: true, data: { state: 'refused' } })
    expect((await myStatus(DEMO.member(1))).status).toBeNull()
    expect(await ask(DEMO.member(1), '家中老人住院')).toEqual({ ok: true, data: { leaveId, state: 'pending' } })
    expect(await app.storage.get('leaves', leaveId)).toMatchObject({ state: 'pending', reason: '家中老人住院', reviewedBy: null })
    await review(leaveId, false)
    app.clock.set('2026-05-20T16:31:00+08:00')
    expect(await myStatus(DEMO.member(1))).toMatchObject({ status: 'absent', leave: { state: 'refused' } })
    expect((await attendance()).members.find((m) => m.memberId === 'demo-member-01')).toMatchObject({ status: 'absent' })
  })

  it('is open to a deputy; FORBIDDEN to a 党小组长 and a plain member, who change nothing', async () => {
    const { app, leaveOf, review } = await aMeetingTomorrow({ type: 'group', scope: { kind: 'group', groupId: DEMO.group1 } })
    await app.storage.insert('members', aMember().withRoles('deputy').boundTo('wx-deputy').build())
    const leaveId = await leaveOf(DEMO.member(1))
    expect(await review(leaveId, true, DEMO.leader1)).toEqual(failure('FORBIDDEN'))
    expect(await review(leaveId, true, DEMO.member(2))).toEqual(failure('FORBIDDEN'))
    expect(await app.storage.get('leaves', leaveId)).toMatchObject({ state: 'pending' })
    expect(await review(leaveId, true, 'wx-deputy')).toEqual({ ok: true, data: { state: 'approved' } })
  })

  it('answers NOT_FOUND for an unknown leave and INVALID_INPUT naming approve without a decision', async () => {
    const { app, meeting, ask } = await aMeetingTomorrow()
    await ask(DEMO.member(1))
    expect(await app.as(DEMO.secretary).call('leave.review', { leaveId: 'no-such-leave', approve: true })).toEqual(failure('NOT_FOUND'))
    expect(await app.as(DEMO.secretary).raw('leave.review', { leaveId: `${meeting.id}:demo-member-01`, approve: 'yes' })).toEqual(failure('INVALID_INPUT', 'approve：'))
    expect(await app.as(DEMO.secretary).raw('leave.review', { leaveId: `${meeting.id}:demo-member-01` })).toEqual(failure('INVALID_INPUT', 'approve：'))
    expect((await leavesOf(app))[0].state).toBe('pending')
  })
})

describe('attendance.get', () => {
  const byStatus = (members: Array<{ name: string; status: string }>) => {
    const names: Record<string, string[]> = { present: [], late: [], leave: [], absent: [], makeup: [] }
    for (const m of members) names[m.status].push(m.name)
    for (const list of Object.values(names)) list.sort()
    return names
  }

  async function aMeetingThatHappened() {
    const t = await aMeetingTomorrow()
    await t.review(await t.leaveOf(DEMO.member(5), '住院治疗'), true)
    await t.review(await t.leaveOf(DEMO.member(6), '临时有事'), false)
    await t.leaveOf(DEMO.member(7), '外地培训')
    for (const openid of [DEMO.member(1), DEMO.member(2), DEMO.member(11)]) await t.scanAt(openid, '2026-05-20T14:25:00+08:00')
    for (const openid of [DEMO.member(3), DEMO.member(12)]) await t.scanAt(openid, '2026-05-20T14:35:00+08:00')
    t.app.clock.set('2026-05-20T16:40:00+08:00')
    await t.app.as(DEMO.secretary).ok('checkin.manual', { meetingId: t.meeting.id, memberId: DEMO.member(4), reason: '在门口签了纸质名单' })
    t.app.clock.set('2026-05-20T16:41:00+08:00')
    return t
  }

  it('counts every invited member once, and the five counts add up to expected', async () => {
    const { attendance } = await aMeetingThatHappened()
    const a = await attendance()
    expect(a).toMatchObject({ expected: 23, present: 3, late: 2, leave: 1, makeup: 1, absent: 16 })
    expect(a.present + a.late + a.leave + a.absent + a.makeup).toBe(a.expected)
    expect(a.members).toHaveLength(23)
    expect(new Set(a.members.map((m) => m.memberId)).size).toBe(23)
  })

  it('puts each name under its status', async () => {
    const { attendance } = await aMeetingThatHappened()
    const names = byStatus((await attendance()).members)
    expect(names.present).toEqual(['刘秀英', '胡桂芳', '陈志强'].sort())
    expect(names.late).toEqual(['杨伟', '郭振华'].sort())
    expect(names.leave).toEqual(['周建国'])
    expect(names.makeup).toEqual(['黄丽娟'])
    // The refused and the never-decided leave are absent, with everyone who did not come.
    expect(names.absent).toEqual(expect.arrayContaining(['吴敏', '徐海燕', '王建华', '李明', '赵丽']))
    expect(names.absent).toHaveLength(16)
  })

  it('lists the leave requests still waiting for a decision', async () => {
    const { attendance, meeting } = await aMeetingThatHappened()
    expect((await attendance()).pendingLeaves).toEqual([
      { leaveId: `${meeting.id}:demo-member-07`, memberId: 'demo-member-07', name: '徐海燕', reason: '外地培训', requestedAt: DAY_BEFORE },
    ])
  })

  it('counts whoever has not arrived as absent so far while the meeting runs', async () => {
    const t = await aMeetingTomorrow()
    await t.scanAt(DEMO.member(1), '2026-05-20T14:25:00+08:00')
    t.app.clock.set('2026-05-20T15:00:00+08:00')
    expect(await t.attendance()).toMatchObject({ expected: 23, present: 1, absent: 22 })
  })

  it.each<[string, MeetingType, MeetingScope, number]>([
    ['a 支委会: the secretary and the committee member', 'committee', { kind: 'committee' }, 2],
    ["group 1's 党小组会: its ten members, its leader and the secretary", 'group', { kind: 'group', groupId: DEMO.group1 }, 12],
    ["group 2's 党小组会: its ten members and the committee member", 'group', { kind: 'group', groupId: DEMO.group2 }, 11],
  ])('expects only those in scope: %s', async (_what, type, scope, expected) => {
    const { attendance } = await aMeetingTomorrow({ type, scope })
    const a = await attendance()
    expect(a.expected).toBe(expected)
    expect(a.members).toHaveLength(expected)
  })

  it('still counts a member who checked in and then moved to another group', async () => {
    const t = await aMeetingTomorrow({ type: 'group', scope: { kind: 'group', groupId: DEMO.group1 } })
    await t.scanAt(DEMO.member(1), '2026-05-20T14:25:00+08:00')
    await t.app.storage.update('members', 'demo-member-01', { groupId: DEMO.group2 })
    expect(await t.attendance()).toMatchObject({ expected: 12, present: 1, absent: 0, pending: 11 })
  })

  it('leaves out members who have left the branch and never came', async () => {
    const t = await aMeetingTomorrow()
    await t.app.storage.update('members', 'demo-member-20', { active: false })
    expect((await t.attendance()).expected).toBe(22)
  })
})

describe('attendance.mine', () => {
  /** Member 01's May: two meetings attended, one on leave, one missed, and some that do not count. */
  async function aMonthForMember01() {
    const app = await theDemoBranch({ at: '2026-05-01T09:00:00+08:00' })
    const secretary = app.as(DEMO.secretary)
    const create = async (type: MeetingType, day: string, scope?: MeetingScope) => {
      const built = aMeeting(type).startingAt(`2026-05-${day}T14:30:00+08:00`).titled(`${day}日的会`)
      if (scope) built.forScope(scope)
      return (await secretary.ok('meeting.create', built.build())).meeting.id
    }
    const ids = {
      present: await create('branch_assembly', '06'),
      late: await create('lecture', '08'),
      makeup: await create('theme_day', '09'),
      leave: await create('group', '12', { kind: 'group', groupId: DEMO.group1 }),
      absent: await create('other', '14'),
      committee: await create('committee', '15'),
      otherGroup: await create('group', '16', { kind: 'group', groupId: DEMO.group2 }),
      cancelled: await create('life_meeting', '18'),
      running: await create('branch_assembly', '20'),
      futureLeave: await create('lecture', '28'),
    }
    const me = app.as(DEMO.member(1))
    for (const id of [ids.leave, ids.futureLeave]) {
      const { leaveId } = await me.ok('leave.request', { meetingId: id, reason: '外出学习' })
      await secretary.ok('leave.review', { leaveId, approve: true })
    }
    await secretary.ok('meeting.cancel', { meetingId: ids.cancelled, reason: '改期' })
    const scan = async (id: string, at: string) => {
      app.clock.set(at)
      const { token } = await secretary.ok('checkin.code', { meetingId: id })
      await me.ok('checkin.submit', { token })
    }
    await scan(ids.present, '2026-05-06T14:20:00+08:00')
    await scan(ids.late, '2026-05-08T14:50:00+08:00')
    app.clock.set('2026-05-09T17:00:00+08:00')
    await secretary.ok('checkin.manual', { meetingId: ids.makeup, memberId: DEMO.member(1), reason: '签到时网络故障' })
    await scan(ids.running, '2026-05-20T14:20:00+08:00')
    app.clock.set('2026-05-20T15:00:00+08:00')
    return { app, ids, me }
  }

  it('counts the meetings held so far that the member was invited to, and the rate attended ÷ held', async () => {
    const { me } = await aMonthForMember01()
    expect(await me.ok('attendance.mine', {})).toMatchObject({ year: 2026, held: 5, attended: 3, leave: 1, absent: 1, rate: 0.6 })
  })

  it('lists each meeting held with the status, newest first', async () => {
    const { me, ids } = await aMonthForMember01()
    const { items } = await me.ok('attendance.mine', {})
    expect(items.map((i) => [i.meetingId, i.status])).toEqual([
      [ids.absent, 'absent'],
      [ids.leave, 'leave'],
      [ids.makeup, 'makeup'],
      [ids.late, 'late'],
      [ids.present, 'present'],
    ])
  })

  it('counts a meeting once it has ended, whatever the member did', async () => {
    const { app, me } = await aMonthForMember01()
    app.clock.set('2026-05-31T12:00:00+08:00')
    expect(await me.ok('attendance.mine', {})).toMatchObject({ held: 7, attended: 4, leave: 2, absent: 1 })
  })

  it('answers a rate of null when nothing has been held, and reads the year asked for', async () => {
    const { me } = await aMonthForMember01()
    expect(await me.ok('attendance.mine', { year: 2025 })).toEqual({ year: 2025, held: 0, attended: 0, leave: 0, absent: 0, rate: null, items: [] })
  })
})
