/**
 * Meetings through the router (CONTRACT §3): who may create, edit and cancel which meeting,
 * what a meeting must look like to be stored, who sees it, and the monthly 主题党日 that
 * appears by itself on the branch's rule date (DOMAIN "Organisational life", "Dates that repeat").
 */
import type { MeetingView } from '../../../types/views'
import { MEETING_TYPES, type MeetingScope, type MeetingType } from '../../../types/models'
import { DEMO, failure, theDemoBranch, type DemoBranch } from '../../../tests/support/app'
import { aMeeting, aMember } from '../../../tests/support/builders'

const NOW = '2026-05-20T10:00:00+08:00'
const GROUP_1: MeetingScope = { kind: 'group', groupId: DEMO.group1 }
const GROUP_2: MeetingScope = { kind: 'group', groupId: DEMO.group2 }
const SCOPES: Array<[string, MeetingScope]> = [
  ['the whole branch', { kind: 'branch' }],
  ['the committee', { kind: 'committee' }],
  ['group 1', GROUP_1],
  ['group 2', GROUP_2],
]

async function withDeputy(app: DemoBranch) {
  await app.storage.insert('members', aMember('wx-deputy').withRoles('deputy').inGroup(DEMO.group2).boundTo('wx-deputy').build())
  return app
}

/** Another branch with its own secretary, sharing the deployment (and its signing secret). */
async function withOtherBranch(app: DemoBranch) {
  await app.storage.insert('groups', { id: 'other-group', branchId: 'other-branch', name: '别的党小组', leaderId: null })
  await app.storage.insert('members', aMember('other-secretary').inBranch('other-branch').withRoles('secretary').inGroup('other-group').boundTo('other-secretary').build())
  const { meeting } = await app.as('other-secretary').ok('meeting.create', aMeeting().titled('别的支部的会').build())
  return meeting
}

const allMeetings = (app: DemoBranch) => app.storage.find('meetings', {}, { orderBy: [['id', 'asc']] })

describe('meeting.create by the leadership: every type, every scope', () => {
  const organisers = [
    ['demo-secretary', 'the secretary'],
    ['wx-deputy', 'a deputy'],
    ['demo-committee', 'a committee member'],
  ] as const

  it.each(MEETING_TYPES.flatMap((type) => organisers.map(([openid, who]) => [type, who, openid] as const)))(
    'a %s meeting by %s, for each scope, stored as answered',
    async (type, _who, openid) => {
      const app = await withDeputy(await theDemoBranch({ at: NOW }))
      for (const [, scope] of SCOPES) {
        const { meeting } = await app.as(openid).ok('meeting.create', aMeeting(type).forScope(scope).at('党员活动室').build())
        expect(meeting).toMatchObject({
          branchId: DEMO.branchId,
          type,
          scope,
          title: '学习贯彻会议精神',
          startAt: '2026-05-20T14:30:00+08:00',
          endAt: '2026-05-20T16:30:00+08:00',
          location: '党员活动室',
          agenda: null,
          status: 'scheduled',
          cancelReason: null,
          themeMonth: null,
          createdAt: NOW,
          updatedAt: NOW,
          groupName: scope.kind === 'group' ? (scope.groupId === DEMO.group1 ? '第一党小组' : '第二党小组') : null,
        })
        const { groupName: _view, ...stored } = meeting
        expect(await app.storage.get('meetings', meeting.id)).toEqual(stored)
      }
    },
  )

  it.each<[MeetingType, string, MeetingScope]>([
    ['branch_assembly', 'demo-secretary', { kind: 'branch' }],
    ['lecture', 'demo-secretary', { kind: 'branch' }],
    ['theme_day', 'demo-secretary', { kind: 'branch' }],
    ['life_meeting', 'demo-secretary', { kind: 'branch' }],
    ['other', 'demo-secretary', { kind: 'branch' }],
    ['committee', 'demo-secretary', { kind: 'committee' }],
    ['group', 'demo-secretary', GROUP_1],
    ['group', 'demo-committee', GROUP_2],
    ['group', 'demo-leader-1', GROUP_1],
  ])('a %s meeting by %s without a scope is for %j', async (type, openid, scope) => {
    const app = await theDemoBranch({ at: NOW })
    const { meeting } = await app.as(openid).ok('meeting.create', aMeeting(type).build())
    expect(meeting.scope).toEqual(scope)
  })

  it('stores times given in any offset as the same instants in +08:00', async () => {
    const app = await theDemoBranch({ at: NOW })
    const { meeting } = await app.as(DEMO.secretary).ok('meeting.create', aMeeting().startingAt('2026-05-20T06:30:00Z').build())
    expect(meeting).toMatchObject({ startAt: '2026-05-20T14:30:00+08:00', endAt: '2026-05-20T16:30:00+08:00' })
  })
})

describe('a 党小组长 (demo-leader-1, group 1)', () => {
  const leader = (app: DemoBranch) => app.as(DEMO.leader1)

  it("creates, edits, cancels and shows the code of their own group's 党小组会", async () => {
    const app = await theDemoBranch({ at: NOW })
    const { meeting } = await leader(app).ok('meeting.create', aMeeting('group').forGroup(DEMO.group1).build())
    expect(meeting).toMatchObject({ type: 'group', scope: GROUP_1, createdBy: 'demo-leader-1' })
    expect((await leader(app).ok('meeting.update', { meetingId: meeting.id, title: '五月党小组会' })).meeting.title).toBe('五月党小组会')
    expect(await leader(app).call('checkin.code', { meetingId: meeting.id })).toMatchObject({ ok: true })
    expect(await leader(app).call('checkin.live', { meetingId: meeting.id })).toMatchObject({ ok: true })
    expect((await leader(app).ok('meeting.cancel', { meetingId: meeting.id, reason: '与支部大会冲突' })).meeting.status).toBe('cancelled')
  })

  it.each(MEETING_TYPES.filter((t) => t !== 'group'))('may not create a %s meeting, even for their own group', async (type) => {
    const app = await theDemoBranch({ at: NOW })
    expect(await leader(app).call('meeting.create', aMeeting(type).build())).toEqual(failure('FORBIDDEN', '党小组长'))
    expect(await leader(app).call('meeting.create', aMeeting(type).forGroup(DEMO.group1).build())).toEqual(failure('FORBIDDEN'))
    expect(await allMeetings(app)).toEqual([])
  })

  it.each<[string, MeetingScope]>([
    ['for another group', GROUP_2],
    ['for the whole branch', { kind: 'branch' }],
    ['for the committee', { kind: 'committee' }],
  ])('may not create a 党小组会 %s', async (_what, scope) => {
    const app = await theDemoBranch({ at: NOW })
    expect(await leader(app).call('meeting.create', aMeeting('group').forScope(scope).build())).toEqual(failure('FORBIDDEN'))
    expect(await allMeetings(app)).toEqual([])
  })

  it.each<[MeetingType, MeetingScope]>([
    ['group', GROUP_2],
    ['branch_assembly', { kind: 'branch' }],
    ['committee', { kind: 'committee' }],
    ['lecture', GROUP_1],
  ])("may not edit, cancel or show the code of a %s meeting for %j that the secretary made", async (type, scope) => {
    const app = await theDemoBranch({ at: NOW })
    const { meeting } = await app.as(DEMO.secretary).ok('meeting.create', aMeeting(type).forScope(scope).build())
    const before = await allMeetings(app)
    expect(await leader(app).call('meeting.update', { meetingId: meeting.id, title: '改一下' })).toEqual(failure('FORBIDDEN'))
    expect(await leader(app).call('meeting.cancel', { meetingId: meeting.id, reason: '不开了' })).toEqual(failure('FORBIDDEN'))
    expect(await leader(app).call('checkin.code', { meetingId: meeting.id })).toEqual(failure('FORBIDDEN'))
    expect(await leader(app).call('checkin.live', { meetingId: meeting.id })).toEqual(failure('FORBIDDEN'))
    expect(await allMeetings(app)).toEqual(before)
  })

  it.each<[string, object]>([
    ['to another group', { scope: GROUP_2 }],
    ['to the whole branch', { scope: { kind: 'branch' } }],
    ['into a 支部党员大会', { type: 'branch_assembly' }],
  ])('may not move their own 党小组会 %s', async (_what, change) => {
    const app = await theDemoBranch({ at: NOW })
    const { meeting } = await leader(app).ok('meeting.create', aMeeting('group').build())
    expect(await leader(app).call('meeting.update', { meetingId: meeting.id, ...change })).toEqual(failure('FORBIDDEN'))
    expect(await app.storage.get('meetings', meeting.id)).toMatchObject({ type: 'group', scope: GROUP_1 })
  })

  it('may not record a make-up, review leave or read the attendance (secretary and committee only)', async () => {
    const app = await theDemoBranch({ at: NOW })
    const { meeting } = await leader(app).ok('meeting.create', aMeeting('group').build())
    expect(await leader(app).call('checkin.manual', { meetingId: meeting.id, memberId: DEMO.member(1), reason: '忘记扫码' })).toEqual(failure('FORBIDDEN'))
    expect(await leader(app).call('attendance.get', { meetingId: meeting.id })).toEqual(failure('FORBIDDEN'))
    expect(await leader(app).call('leave.review', { leaveId: `${meeting.id}:${DEMO.member(1)}`, approve: true })).toEqual(failure('FORBIDDEN'))
  })
})

describe('a plain member', () => {
  it('may not create, edit, cancel or show the code of any meeting', async () => {
    const app = await theDemoBranch({ at: NOW })
    const member = app.as(DEMO.member(1))
    const { meeting } = await app.as(DEMO.secretary).ok('meeting.create', aMeeting().build())
    for (const type of MEETING_TYPES) expect(await member.call('meeting.create', aMeeting(type).build())).toEqual(failure('FORBIDDEN'))
    expect(await member.call('meeting.update', { meetingId: meeting.id, title: '改一下' })).toEqual(failure('FORBIDDEN'))
    expect(await member.call('meeting.cancel', { meetingId: meeting.id, reason: '不开了' })).toEqual(failure('FORBIDDEN'))
    expect(await member.call('checkin.code', { meetingId: meeting.id })).toEqual(failure('FORBIDDEN'))
    expect(await allMeetings(app)).toHaveLength(1)
  })
})

describe('meeting.create refuses a bad meeting with INVALID_INPUT naming the field, and stores nothing', () => {
  const good = () => aMeeting().build() as unknown as Record<string, unknown>

  it.each<[string, Record<string, unknown>, string, RegExp]>([
    ['no type', { type: undefined }, 'type', /会议类型/],
    ['an unknown type', { type: 'party_day' }, 'type', /会议类型/],
    ['no title', { title: undefined }, 'title', /必填/],
    ['a blank title', { title: '   ' }, 'title', /不能为空/],
    ['a title of 41 characters', { title: '党'.repeat(41) }, 'title', /40/],
    ['a start without an offset', { startAt: '2026-05-20T14:30:00' }, 'startAt', /时区/],
    ['a start that is a date only', { startAt: '2026-05-20' }, 'startAt', /时区/],
    ['a start at 25 o’clock', { startAt: '2026-05-20T25:00:00+08:00' }, 'startAt', /有效/],
    ['a start on 30 February', { startAt: '2026-02-30T14:30:00+08:00', endAt: '2026-02-30T16:30:00+08:00' }, 'startAt', /有效/],
    ['a start on 31 April', { startAt: '2026-04-31T14:30:00+08:00', endAt: '2026-04-31T16:30:00+08:00' }, 'startAt', /有效/],
    ['a number for the start', { startAt: 1779258600000 }, 'startAt', /时区/],
    ['no end', { endAt: undefined }, 'endAt', /必填/],
    ['an end before the start', { endAt: '2026-05-20T14:00:00+08:00' }, 'endAt', /晚于开始时间/],
    ['an end equal to the start', { endAt: '2026-05-20T14:30:00+08:00' }, 'endAt', /晚于开始时间/],
    ['an end the day before', { endAt: '2026-05-19T16:30:00+08:00' }, 'endAt', /晚于开始时间/],
    ['a meeting of 13 hours', { endAt: '2026-05-21T03:30:00+08:00' }, 'endAt', /12 小时/],
    ['a location of 61 characters', { location: '楼'.repeat(61) }, 'location', /60/],
    ['a scope that is a string', { scope: 'branch' }, 'scope', /kind/],
    ['a scope of an unknown kind', { scope: { kind: 'everyone' } }, 'scope.kind', /branch、committee 或 group/],
    ['a group scope without a group', { scope: { kind: 'group' } }, 'scope.groupId', /必填/],
    ['an unknown group', { scope: { kind: 'group', groupId: 'no-such-group' } }, 'scope.groupId', /没有这个党小组/],
    ["another branch's group", { scope: { kind: 'group', groupId: 'other-group' } }, 'scope.groupId', /没有这个党小组/],
    ['an operator for a group id', { scope: { kind: 'group', groupId: { $ne: null } } }, 'scope.groupId', /编号/],
  ])('%s', async (_what, change, field, detail) => {
    const app = await theDemoBranch({ at: NOW })
    await withOtherBranch(app)
    const before = await allMeetings(app)
    const envelope = await app.as(DEMO.secretary).raw('meeting.create', { ...good(), ...change })
    expect(envelope).toEqual(failure('INVALID_INPUT', `${field}：`))
    if (!envelope.ok) expect(envelope.error.message).toMatch(detail)
    expect(await allMeetings(app)).toEqual(before)
  })

  it('a 党小组会 by an organiser without a group, with no scope, names scope', async () => {
    const app = await theDemoBranch({ at: NOW })
    await app.storage.insert('members', aMember().withRoles('committee').inGroup(null).boundTo('wx-floating').build())
    expect(await app.as('wx-floating').call('meeting.create', aMeeting('group').build())).toEqual(failure('INVALID_INPUT', 'scope'))
    expect(await allMeetings(app)).toEqual([])
  })
})

describe('meeting.update', () => {
  async function aScheduledMeeting() {
    const app = await theDemoBranch({ at: NOW })
    const { meeting } = await app.as(DEMO.secretary).ok('meeting.create', aMeeting().at('党员活动室').build())
    app.clock.set('2026-05-20T11:00:00+08:00')
    return { app, meeting }
  }

  it('changes the fields given and keeps the others', async () => {
    const { app, meeting } = await aScheduledMeeting()
    const { meeting: updated } = await app.as(DEMO.secretary).ok('meeting.update', {
      meetingId: meeting.id,
      title: '学习党章',
      startAt: '2026-05-20T15:00:00+08:00',
      agenda: '一、学习；二、讨论',
    })
    const expected = { ...meeting, title: '学习党章', startAt: '2026-05-20T15:00:00+08:00', agenda: '一、学习；二、讨论', updatedAt: '2026-05-20T11:00:00+08:00' }
    expect(updated).toEqual(expected)
    const { groupName: _view, ...stored } = expected
    expect(await app.storage.get('meetings', meeting.id)).toEqual(stored)
  })

  it('clears the location when given an empty one', async () => {
    const { app, meeting } = await aScheduledMeeting()
    expect((await app.as(DEMO.secretary).ok('meeting.update', { meetingId: meeting.id, location: '' })).meeting.location).toBeNull()
  })

  it('gives a meeting whose type changes the scope of its new type, unless one is given', async () => {
    const { app, meeting } = await aScheduledMeeting()
    const secretary = app.as(DEMO.secretary)
    expect((await secretary.ok('meeting.update', { meetingId: meeting.id, type: 'committee' })).meeting.scope).toEqual({ kind: 'committee' })
    expect((await secretary.ok('meeting.update', { meetingId: meeting.id, type: 'group', scope: GROUP_2 })).meeting).toMatchObject({ scope: GROUP_2, groupName: '第二党小组' })
  })

  it.each(['demo-committee', 'wx-deputy'])('is open to %s for any meeting', async (openid) => {
    const { app, meeting } = await aScheduledMeeting()
    await withDeputy(app)
    expect((await app.as(openid).ok('meeting.update', { meetingId: meeting.id, location: '三楼会议室' })).meeting.location).toBe('三楼会议室')
  })

  it.each<[string, Record<string, unknown>, string]>([
    ['an end before the stored start', { endAt: '2026-05-20T14:00:00+08:00' }, 'endAt'],
    ['a start after the stored end', { startAt: '2026-05-20T17:00:00+08:00' }, 'endAt'],
    ['an unknown group', { scope: { kind: 'group', groupId: 'no-such-group' } }, 'scope.groupId'],
    ['a blank title', { title: ' ' }, 'title'],
    ['an unknown type', { type: 'banquet' }, 'type'],
    ['no meeting id', { meetingId: undefined }, 'meetingId'],
  ])('refuses %s with INVALID_INPUT naming %s, changing nothing', async (_what, change, field) => {
    const { app, meeting } = await aScheduledMeeting()
    const before = await allMeetings(app)
    expect(await app.as(DEMO.secretary).raw('meeting.update', { meetingId: meeting.id, ...change })).toEqual(failure('INVALID_INPUT', `${field}：`))
    expect(await allMeetings(app)).toEqual(before)
  })

  it('answers NOT_FOUND for an unknown meeting', async () => {
    const { app } = await aScheduledMeeting()
    expect(await app.as(DEMO.secretary).call('meeting.update', { meetingId: 'no-such-meeting', title: '新' })).toEqual(failure('NOT_FOUND'))
  })

  it('answers CONFLICT for a cancelled meeting', async () => {
    const { app, meeting } = await aScheduledMeeting()
    await app.as(DEMO.secretary).ok('meeting.cancel', { meetingId: meeting.id, reason: '改期另行通知' })
    expect(await app.as(DEMO.secretary).call('meeting.update', { meetingId: meeting.id, title: '新' })).toEqual(failure('CONFLICT', '已取消'))
  })
})

describe('meeting.cancel', () => {
  it('marks the meeting cancelled with its reason, once', async () => {
    const app = await theDemoBranch({ at: NOW })
    const secretary = app.as(DEMO.secretary)
    const { meeting } = await secretary.ok('meeting.create', aMeeting().build())
    app.clock.set('2026-05-20T11:00:00+08:00')
    const { meeting: cancelled } = await secretary.ok('meeting.cancel', { meetingId: meeting.id, reason: '上级会议冲突' })
    expect(cancelled).toEqual({ ...meeting, status: 'cancelled', cancelReason: '上级会议冲突', updatedAt: '2026-05-20T11:00:00+08:00' })
    app.clock.set('2026-05-20T12:00:00+08:00')
    expect((await secretary.ok('meeting.cancel', { meetingId: meeting.id, reason: '再取消一次' })).meeting).toEqual(cancelled)
    expect(await app.storage.get('meetings', meeting.id)).toMatchObject({ status: 'cancelled', cancelReason: '上级会议冲突' })
  })

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['no reason', {}, /必填/],
    ['a blank reason', { reason: '  ' }, /至少 2 个字/],
    ['a one-character reason', { reason: '忙' }, /至少 2 个字/],
  ])('needs a reason: %s is INVALID_INPUT naming reason', async (_what, change, detail) => {
    const app = await theDemoBranch({ at: NOW })
    const { meeting } = await app.as(DEMO.secretary).ok('meeting.create', aMeeting().build())
    const envelope = await app.as(DEMO.secretary).raw('meeting.cancel', { meetingId: meeting.id, ...change })
    expect(envelope).toEqual(failure('INVALID_INPUT', 'reason：'))
    if (!envelope.ok) expect(envelope.error.message).toMatch(detail)
    expect(await app.storage.get('meetings', meeting.id)).toMatchObject({ status: 'scheduled' })
  })

  it('stops codes and leave requests for the meeting, and keeps it listed as cancelled', async () => {
    const app = await theDemoBranch({ at: NOW })
    const { meeting } = await app.as(DEMO.secretary).ok('meeting.create', aMeeting().build())
    await app.as(DEMO.secretary).ok('meeting.cancel', { meetingId: meeting.id, reason: '改期另行通知' })
    expect(await app.as(DEMO.secretary).call('checkin.code', { meetingId: meeting.id })).toEqual(failure('CONFLICT'))
    expect(await app.as(DEMO.member(1)).call('leave.request', { meetingId: meeting.id, reason: '出差在外' })).toEqual(failure('CONFLICT'))
    const { meetings } = await app.as(DEMO.member(1)).ok('meeting.list', {})
    expect(meetings.find((m) => m.id === meeting.id)).toMatchObject({ status: 'cancelled', cancelReason: '改期另行通知' })
  })
})

describe("another branch's meetings do not exist for this branch", () => {
  it('answers NOT_FOUND to get, update, cancel, code and attendance, and lists none of them', async () => {
    const app = await theDemoBranch({ at: NOW })
    const theirs = await withOtherBranch(app)
    const secretary = app.as(DEMO.secretary)
    expect(await secretary.call('meeting.get', { meetingId: theirs.id })).toEqual(failure('NOT_FOUND'))
    expect(await secretary.call('meeting.update', { meetingId: theirs.id, title: '改一下' })).toEqual(failure('NOT_FOUND'))
    expect(await secretary.call('meeting.cancel', { meetingId: theirs.id, reason: '不开了' })).toEqual(failure('NOT_FOUND'))
    expect(await secretary.call('checkin.code', { meetingId: theirs.id })).toEqual(failure('NOT_FOUND'))
    expect(await secretary.call('attendance.get', { meetingId: theirs.id })).toEqual(failure('NOT_FOUND'))
    expect((await secretary.ok('meeting.list', {})).meetings.map((m) => m.id)).not.toContain(theirs.id)
    expect(await app.storage.get('meetings', theirs.id)).toMatchObject({ title: '别的支部的会', status: 'scheduled' })
  })
})

describe('meeting.list and meeting.get', () => {
  async function aMonthOfMeetings() {
    const app = await theDemoBranch({ at: NOW })
    const secretary = app.as(DEMO.secretary)
    const create = async (type: MeetingType, scope: MeetingScope, title: string) =>
      (await secretary.ok('meeting.create', aMeeting(type).forScope(scope).titled(title).build())).meeting
    const meetings = {
      assembly: await create('branch_assembly', { kind: 'branch' }, '支部党员大会'),
      committee: await create('committee', { kind: 'committee' }, '支委会'),
      group1: await create('group', GROUP_1, '第一党小组会'),
      group2: await create('group', GROUP_2, '第二党小组会'),
    }
    return { app, meetings }
  }
  const titles = (ms: MeetingView[]) => ms.filter((m) => m.type !== 'theme_day').map((m) => m.title).sort()

  it.each([
    ['demo-member-01', ['支部党员大会', '第一党小组会']],
    ['demo-member-11', ['支部党员大会', '第二党小组会']],
    ['demo-leader-1', ['支部党员大会', '第一党小组会']],
    ['demo-committee', ['支委会', '支部党员大会', '第一党小组会', '第二党小组会']],
    ['demo-secretary', ['支委会', '支部党员大会', '第一党小组会', '第二党小组会']],
  ])('shows %s the meetings they are invited to or manage', async (openid, expected) => {
    const { app } = await aMonthOfMeetings()
    expect(titles((await app.as(openid).ok('meeting.list', {})).meetings)).toEqual([...expected].sort())
  })

  it('says whether the caller is invited, and their status so far', async () => {
    const { app, meetings } = await aMonthOfMeetings()
    const { meetings: list } = await app.as(DEMO.secretary).ok('meeting.list', {})
    const mine = (id: string) => list.find((m) => m.id === id)?.myStatus
    expect(mine(meetings.assembly.id)).toEqual({ invited: true, status: null, checkedInAt: null, leave: null })
    expect(mine(meetings.group2.id)).toEqual({ invited: false, status: null, checkedInAt: null, leave: null })
  })

  it('lists only the dates asked for, both ends included', async () => {
    const { app } = await aMonthOfMeetings()
    const member = app.as(DEMO.member(1))
    expect(titles((await member.ok('meeting.list', { from: '2026-05-20', to: '2026-05-20' })).meetings)).toHaveLength(2)
    expect(titles((await member.ok('meeting.list', { from: '2026-05-21', to: '2026-05-31' })).meetings)).toEqual([])
  })

  it.each<[object, string]>([
    [{ from: '2026-05-31', to: '2026-05-01' }, 'to'],
    [{ from: '2026-01-01', to: '2027-03-01' }, 'to'],
    [{ from: '2026-02-30' }, 'from'],
    [{ to: '20260501' }, 'to'],
  ])('refuses the range %j, naming %s', async (range, field) => {
    const { app } = await aMonthOfMeetings()
    expect(await app.as(DEMO.member(1)).raw('meeting.list', range)).toEqual(failure('INVALID_INPUT', `${field}：`))
  })

  it('gives one meeting with the caller’s status and whether they may manage it', async () => {
    const { app, meetings } = await aMonthOfMeetings()
    const get = (openid: string, id: string) => app.as(openid).ok('meeting.get', { meetingId: id })
    expect(await get(DEMO.member(1), meetings.group1.id)).toEqual({
      meeting: meetings.group1,
      myStatus: { invited: true, status: null, checkedInAt: null, leave: null },
      canManage: false,
    })
    expect((await get(DEMO.leader1, meetings.group1.id)).canManage).toBe(true)
    expect((await get(DEMO.committee, meetings.group1.id)).canManage).toBe(true)
    expect(await app.as(DEMO.member(1)).call('meeting.get', { meetingId: 'no-such-meeting' })).toEqual(failure('NOT_FOUND'))
  })

  it('does not show a meeting outside the caller’s scope (it is not in their list either)', async () => {
    const { app, meetings } = await aMonthOfMeetings()
    expect(await app.as(DEMO.member(1)).call('meeting.get', { meetingId: meetings.committee.id })).toEqual(failure('NOT_FOUND'))
    expect(await app.as(DEMO.member(1)).call('meeting.get', { meetingId: meetings.group2.id })).toEqual(failure('NOT_FOUND'))
    expect(await app.as(DEMO.leader1).call('meeting.get', { meetingId: meetings.group2.id })).toEqual(failure('NOT_FOUND'))
  })

  it('shows an absent status once a meeting has ended without the member', async () => {
    const { app, meetings } = await aMonthOfMeetings()
    app.clock.set('2026-05-20T16:31:00+08:00')
    expect((await app.as(DEMO.member(1)).ok('meeting.get', { meetingId: meetings.assembly.id })).myStatus.status).toBe('absent')
  })
})

describe('the monthly 主题党日, generated by meeting.list', () => {
  const themeDays = async (app: DemoBranch) =>
    (await app.storage.find('meetings', { type: 'theme_day' }, { orderBy: [['startAt', 'asc']] })).map((m) => ({
      id: m.id,
      startAt: m.startAt,
      endAt: m.endAt,
      themeMonth: m.themeMonth,
    }))

  it("appears for this month and next on the rule date (the 4th Friday), for the whole branch", async () => {
    const app = await theDemoBranch({ at: NOW })
    const { meetings } = await app.as(DEMO.member(1)).ok('meeting.list', {})
    expect(meetings.filter((m) => m.type === 'theme_day')).toEqual([
      expect.objectContaining({
        id: 'theme-demo-branch-2026-05',
        title: '5月主题党日',
        startAt: '2026-05-22T14:30:00+08:00',
        endAt: '2026-05-22T16:30:00+08:00',
        scope: { kind: 'branch' },
        status: 'scheduled',
        themeMonth: '2026-05',
        createdBy: 'system',
      }),
      expect.objectContaining({ title: '6月主题党日', startAt: '2026-06-26T14:30:00+08:00', themeMonth: '2026-06' }),
    ])
  })

  it('is never duplicated by a second list', async () => {
    const app = await theDemoBranch({ at: NOW })
    await app.as(DEMO.member(1)).ok('meeting.list', {})
    const first = await themeDays(app)
    await app.as(DEMO.secretary).ok('meeting.list', {})
    expect(await themeDays(app)).toEqual(first)
    expect(first).toHaveLength(2)
  })

  it('is never duplicated by lists at the same moment', async () => {
    const app = await theDemoBranch({ at: NOW })
    const callers = [DEMO.secretary, DEMO.committee, DEMO.leader1, ...Array.from({ length: 20 }, (_, i) => DEMO.member(i + 1))]
    const answers = await Promise.all(callers.map((openid) => app.as(openid).ok('meeting.list', {})))
    expect(await themeDays(app)).toEqual([
      expect.objectContaining({ themeMonth: '2026-05' }),
      expect.objectContaining({ themeMonth: '2026-06' }),
    ])
    for (const { meetings } of answers) expect(meetings.filter((m) => m.type === 'theme_day').map((m) => m.themeMonth)).toEqual(['2026-05', '2026-06'])
  })

  it('moves off a statutory holiday: 2026-09-25 is 中秋, so September’s is on the 24th', async () => {
    const app = await theDemoBranch({ at: '2026-09-01T09:00:00+08:00' })
    await app.as(DEMO.member(1)).ok('meeting.list', {})
    expect((await themeDays(app)).map((d) => d.startAt)).toEqual(['2026-09-24T14:30:00+08:00', '2026-10-23T14:30:00+08:00'])
  })

  it('counts months in Shanghai: at 00:30 on 1 June there, June and July appear, not May', async () => {
    const app = await theDemoBranch({ at: '2026-05-31T16:30:00Z' })
    await app.as(DEMO.member(1)).ok('meeting.list', {})
    expect((await themeDays(app)).map((d) => d.themeMonth)).toEqual(['2026-06', '2026-07'])
  })

  it('does not back-fill past months, and only makes the months the range reaches', async () => {
    const app = await theDemoBranch({ at: NOW })
    await app.as(DEMO.member(1)).ok('meeting.list', { from: '2026-01-01', to: '2026-04-30' })
    expect(await themeDays(app)).toEqual([])
    await app.as(DEMO.member(1)).ok('meeting.list', { from: '2026-05-01', to: '2026-05-31' })
    expect((await themeDays(app)).map((d) => d.themeMonth)).toEqual(['2026-05'])
  })

  it("uses the branch's own rule and time", async () => {
    const app = await theDemoBranch({ at: NOW })
    const branch = await app.storage.get('branches', DEMO.branchId)
    await app.storage.update('branches', DEMO.branchId, {
      schedule: { ...branch!.schedule, themeDayRule: { kind: 'last_weekday', weekday: 3 } },
      settings: { ...branch!.settings, themeDayTime: { start: '09:00', end: '11:00' } },
    })
    await app.as(DEMO.member(1)).ok('meeting.list', {})
    expect((await themeDays(app))[0]).toMatchObject({ startAt: '2026-05-27T09:00:00+08:00', endAt: '2026-05-27T11:00:00+08:00' })
  })

  it('stays cancelled once the secretary cancels it, and keeps the secretary’s edits', async () => {
    const app = await theDemoBranch({ at: NOW })
    const secretary = app.as(DEMO.secretary)
    await secretary.ok('meeting.list', {})
    await secretary.ok('meeting.update', { meetingId: 'theme-demo-branch-2026-06', title: '6月主题党日：重温入党誓词' })
    await secretary.ok('meeting.cancel', { meetingId: 'theme-demo-branch-2026-05', reason: '与上级活动合并' })
    await secretary.ok('meeting.list', {})
    expect(await app.storage.get('meetings', 'theme-demo-branch-2026-05')).toMatchObject({ status: 'cancelled' })
    expect(await app.storage.get('meetings', 'theme-demo-branch-2026-06')).toMatchObject({ title: '6月主题党日：重温入党誓词' })
    expect(await themeDays(app)).toHaveLength(2)
  })
})
