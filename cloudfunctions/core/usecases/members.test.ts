/** The roster, 党小组, roles, joining and leaving, through the router (CONTRACT §5). */
import { DEMO, failure, theDemoBranch } from '../../../tests/support/app'

const ME = 'demo-member-01'

async function aBranch() {
  const app = await theDemoBranch({ at: '2026-12-01T10:00:00+08:00' })
  const secretary = app.as(DEMO.secretary)
  const idOf = async (openid: string) => (await app.as(openid).ok('session.me', {})).member!.id
  return { ...app, secretary, idOf }
}

describe('groups and roles', () => {
  it('creates a 党小组 and makes its leader 党小组长, who leaves the role when replaced', async () => {
    const { secretary, as, idOf } = await aBranch()
    const { group } = await secretary.ok('group.create', { name: '第三党小组' })
    expect(group).toMatchObject({ name: '第三党小组', leaderId: null })
    expect(await secretary.call('group.create', { name: '第三党小组' })).toEqual(failure('CONFLICT', '已有'))
    const first = await idOf(DEMO.member(3))
    await secretary.ok('group.update', { groupId: group.id, leaderId: first })
    expect((await as(DEMO.member(3)).ok('session.me', {})).member).toMatchObject({ roles: expect.arrayContaining(['group_leader']), groupId: group.id })
    const second = await idOf(DEMO.member(4))
    await secretary.ok('group.update', { groupId: group.id, leaderId: second, name: '第三小组' })
    expect((await as(DEMO.member(3)).ok('session.me', {})).member!.roles).not.toContain('group_leader')
    expect((await as(DEMO.member(4)).ok('session.me', {})).member).toMatchObject({ roles: expect.arrayContaining(['group_leader']), groupName: '第三小组' })
    // The new leader may now run their group's meeting.
    expect(await as(DEMO.member(4)).call('meeting.create', {
      type: 'group', title: '第三小组学习', startAt: '2026-12-03T14:00:00+08:00', endAt: '2026-12-03T15:00:00+08:00', scope: { kind: 'group', groupId: group.id },
    })).toMatchObject({ ok: true })
  })

  it('assigns 副书记 and 支委, and the role table follows at once', async () => {
    const { secretary, as, idOf } = await aBranch()
    expect(await as(ME).call('attendance.get', { meetingId: 'x' })).toEqual(failure('FORBIDDEN'))
    const { member } = await secretary.ok('member.update', { memberId: await idOf(ME), roles: ['deputy'] })
    expect(member.roles).toEqual(['member', 'deputy'])
    expect(await as(ME).call('member.list', {})).toMatchObject({ ok: true })
    expect(await as(ME).call('member.update', { memberId: member.id, roles: ['secretary'] })).toEqual(failure('FORBIDDEN'))
  })

  it('always keeps a secretary: taking the role from the last one, or removing them, is CONFLICT', async () => {
    const { secretary, idOf } = await aBranch()
    const self = await idOf(DEMO.secretary)
    expect(await secretary.call('member.update', { memberId: self, roles: ['committee'] })).toEqual(failure('CONFLICT', '至少要有一位书记'))
    expect(await secretary.call('member.remove', { memberId: self, reason: 'left' })).toEqual(failure('CONFLICT', '至少要有一位书记'))
    await secretary.ok('member.update', { memberId: await idOf(DEMO.committee), roles: ['secretary'] })
    expect(await secretary.call('member.update', { memberId: self, roles: ['committee'] })).toMatchObject({ ok: true })
  })

  it("refuses another branch's member or group as NOT_FOUND, and a group that does not exist as INVALID_INPUT", async () => {
    const { secretary, idOf } = await aBranch()
    expect(await secretary.call('member.update', { memberId: 'other-branch-member', name: '甲' })).toEqual(failure('NOT_FOUND'))
    expect(await secretary.call('group.update', { groupId: 'no-such-group', name: '甲' })).toEqual(failure('NOT_FOUND'))
    const answer = await secretary.call('member.update', { memberId: await idOf(ME), groupId: 'no-such-group' })
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'groupId' } })
  })
})

describe('the roster', () => {
  it('lists members with what the secretary needs and no more, and keeps an audit of every change', async () => {
    const { secretary, idOf } = await aBranch()
    const memberId = await idOf(ME)
    await secretary.ok('member.update', { memberId, name: '张三', phoneTail: '1234', standing: 'probationary' })
    const { members } = await secretary.ok('member.list', {})
    expect(members.find((m) => m.id === memberId)).toEqual({
      id: memberId, name: '张三', roles: ['member'], groupId: DEMO.group1, standing: 'probationary', phoneTail: '1234', bound: true, active: true,
    })
    const { audit } = await secretary.ok('member.get', { memberId })
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ action: 'update', by: await idOf(DEMO.secretary), at: '2026-12-01T10:00:00+08:00' })
    expect(audit[0].detail).toContain('姓名：')
    expect(audit[0].detail).toContain('手机尾号：无 → 1234')
    expect(audit[0].detail).toContain('正式党员 → 预备党员')
  })

  it.each([
    ['a phone tail of 3 digits', { phoneTail: '123' }, 'phoneTail'],
    ['a phone tail with letters', { phoneTail: '12a4' }, 'phoneTail'],
    ['an unknown standing', { standing: 'candidate' }, 'standing'],
    ['an unknown role', { roles: ['king'] }, 'roles.0'],
  ])('refuses %s with INVALID_INPUT naming the field', async (_, change, field) => {
    const { secretary, idOf } = await aBranch()
    const answer = await secretary.raw('member.update', { memberId: await idOf(ME), ...change })
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field } })
  })
})

describe('leaving', () => {
  it('removes a member from the roll and from later meetings, keeping their history', async () => {
    const { secretary, as, idOf } = await aBranch()
    const memberId = await idOf(ME)
    await as(ME).ok('study.log', { title: '学习党章', kind: 'original', minutes: 60 })
    const { member } = await secretary.ok('member.remove', { memberId, reason: 'transfer_out', note: '转至街道党工委' })
    expect(member).toMatchObject({ active: false, bound: false, removed: { reason: 'transfer_out', at: '2026-12-01' } })
    expect((await secretary.ok('member.list', {})).members.map((m) => m.id)).not.toContain(memberId)
    expect((await secretary.ok('member.list', { includeInactive: true })).members.map((m) => m.id)).toContain(memberId)
    // Unbound: their WeChat user is no longer a member.
    expect(await as(ME).call('points.mine', {})).toEqual(failure('NOT_MEMBER'))
    // History stays: the ledger row is still there for the secretary.
    const { audit } = await secretary.ok('member.get', { memberId })
    expect(audit[0]).toMatchObject({ action: 'remove', detail: '组织关系转出（转至街道党工委）' })
  })

  it("keeps a past meeting's 应到 as it was and leaves the member out of meetings that start later", async () => {
    const { secretary, idOf } = await aBranch()
    const memberId = await idOf(ME)
    const meetingAt = (day: string) => ({ type: 'branch_assembly' as const, title: '支部党员大会', startAt: `${day}T09:00:00+08:00`, endAt: `${day}T09:30:00+08:00` })
    const past = (await secretary.ok('meeting.create', meetingAt('2026-12-01'))).meeting
    const before = await secretary.ok('attendance.get', { meetingId: past.id })
    await secretary.ok('member.remove', { memberId, reason: 'left' })
    const after = await secretary.ok('attendance.get', { meetingId: past.id })
    expect(after.expected).toBe(before.expected)
    expect(after.members.map((m) => m.memberId)).toContain(memberId)
    const later = (await secretary.ok('meeting.create', meetingAt('2026-12-08'))).meeting
    const next = await secretary.ok('attendance.get', { meetingId: later.id })
    expect(next.expected).toBe(before.expected - 1)
    expect(next.members.map((m) => m.memberId)).not.toContain(memberId)
  })

  it('unbinds a member who changed phone: their history stays and they can join again', async () => {
    const { secretary, as, idOf } = await aBranch()
    const memberId = await idOf(ME)
    expect((await secretary.ok('member.unbind', { memberId })).member).toMatchObject({ bound: false, active: true })
    expect(await as(ME).call('points.mine', {})).toEqual(failure('NOT_MEMBER'))
    const { code } = await secretary.ok('invite.get', {})
    await secretary.ok('member.update', { memberId, phoneTail: '5678' })
    const name = (await secretary.ok('member.get', { memberId })).member.name
    const { requestId } = await as('wx-new-phone').ok('join.request', { code, name, phoneTail: '5678' })
    expect((await secretary.ok('join.list', {})).requests[0]).toMatchObject({ requestId, match: { memberId } })
    expect(await secretary.ok('join.review', { requestId, approve: true })).toEqual({ state: 'approved', memberId })
    expect((await as('wx-new-phone').ok('session.me', {})).member).toMatchObject({ id: memberId })
  })
})

describe('invites and joining', () => {
  it('keeps one invite code until it is rotated; the old code then stops working', async () => {
    const { secretary, as } = await aBranch()
    const first = await secretary.ok('invite.get', {})
    expect(first.code).toMatch(/^[A-Za-z0-9]{12}$/)
    expect(first.url).toBe(`/pages/join/index?code=${first.code}`)
    expect((await secretary.ok('invite.get', {})).code).toBe(first.code)
    const next = await secretary.ok('invite.rotate', {})
    expect(next.code).not.toBe(first.code)
    expect(await as('wx-new').call('join.request', { code: first.code, name: '新人', phoneTail: '1111' })).toEqual(failure('NOT_FOUND'))
    expect(await as('wx-new').call('join.request', { code: next.code, name: '新人', phoneTail: '1111' })).toMatchObject({ ok: true })
  })

  it('shows the request as pending with its roster match, and approving binds the user to that member', async () => {
    const { secretary, as, idOf } = await aBranch()
    const memberId = await idOf(ME)
    await secretary.ok('member.unbind', { memberId })
    await secretary.ok('member.update', { memberId, name: '李四', phoneTail: '4321' })
    const { code } = await secretary.ok('invite.get', {})
    const { requestId, state } = await as('wx-li').ok('join.request', { code, name: '李四', phoneTail: '4321' })
    expect(state).toBe('pending')
    expect((await as('wx-li').ok('session.me', {})).pendingJoin).toEqual({ branchName: '示例党支部', state: 'pending' })
    expect((await secretary.ok('join.list', {})).requests).toEqual([
      { requestId, name: '李四', phoneTail: '4321', state: 'pending', requestedAt: '2026-12-01T10:00:00+08:00', match: { memberId, name: '李四' } },
    ])
    await secretary.ok('join.review', { requestId, approve: true })
    const me = await as('wx-li').ok('session.me', {})
    expect(me).toMatchObject({ member: { id: memberId, name: '李四' }, pendingJoin: null })
    expect((await secretary.ok('join.list', {})).requests).toEqual([])
    expect((await secretary.ok('member.get', { memberId })).audit.map((a) => a.action).sort()).toEqual(['bind', 'unbind', 'update'])
  })

  it('shows no match for a different phone tail, and approving without one makes a new member', async () => {
    const { secretary, as } = await aBranch()
    const { code } = await secretary.ok('invite.get', {})
    const { requestId } = await as('wx-wang').ok('join.request', { code, name: '王五', phoneTail: '9999' })
    expect((await secretary.ok('join.list', {})).requests[0].match).toBeNull()
    const { memberId } = await secretary.ok('join.review', { requestId, approve: true })
    expect((await as('wx-wang').ok('session.me', {})).member).toMatchObject({ id: memberId, name: '王五', roles: ['member'] })
  })

  it('never binds a user to a member who is already bound, nor a bound user again', async () => {
    const { secretary, as, idOf } = await aBranch()
    const { code } = await secretary.ok('invite.get', {})
    expect(await as(ME).call('join.request', { code, name: '某某', phoneTail: '1234' })).toEqual(failure('CONFLICT'))
    const { requestId } = await as('wx-new').ok('join.request', { code, name: '某某', phoneTail: '1234' })
    expect(await secretary.call('join.review', { requestId, approve: true, memberId: await idOf(ME) })).toEqual(failure('CONFLICT', '已绑定'))
    expect((await as('wx-new').ok('session.me', {})).member).toBeNull()
  })

  it('binds one member once when two approvals race for two users', async () => {
    const { secretary, as, idOf, storage } = await aBranch()
    const memberId = await idOf(ME)
    await secretary.ok('member.unbind', { memberId })
    const { code } = await secretary.ok('invite.get', {})
    const a = await as('wx-a').ok('join.request', { code, name: '甲', phoneTail: '1111' })
    const b = await as('wx-b').ok('join.request', { code, name: '乙', phoneTail: '2222' })
    const answers = await Promise.all([
      secretary.call('join.review', { requestId: a.requestId, approve: true, memberId }),
      secretary.call('join.review', { requestId: b.requestId, approve: true, memberId }),
    ])
    expect(answers.filter((x) => x.ok)).toHaveLength(1)
    const member = await storage.get('members', memberId)
    expect(['wx-a', 'wx-b']).toContain(member!.openid)
    expect(await storage.count('bindings', { memberId })).toBe(1)
  })

  it('replaces a pending request by the next one from the same user; a refused one can ask again', async () => {
    const { secretary, as } = await aBranch()
    const { code } = await secretary.ok('invite.get', {})
    await as('wx-new').ok('join.request', { code, name: '错名', phoneTail: '1111' })
    const { requestId } = await as('wx-new').ok('join.request', { code, name: '对名', phoneTail: '1111' })
    expect((await secretary.ok('join.list', {})).requests.map((r) => r.name)).toEqual(['对名'])
    expect(await secretary.ok('join.review', { requestId, approve: false })).toEqual({ state: 'refused' })
    expect((await as('wx-new').ok('session.me', {})).pendingJoin).toEqual({ branchName: '示例党支部', state: 'refused' })
    expect(await secretary.call('join.review', { requestId, approve: true })).toEqual(failure('CONFLICT'))
    await as('wx-new').ok('join.request', { code, name: '对名', phoneTail: '1111' })
    expect((await secretary.ok('join.list', {})).requests).toHaveLength(1)
  })
})
