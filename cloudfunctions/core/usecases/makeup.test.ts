/**
 * 补学 through the router (DOMAIN "Study"): a member absent from, or on leave from, a 支部党员大会
 * or 党课 that has ended owes a make-up study of its materials within 7 days; completing it is
 * recorded once and earns the meeting's 学时; the secretary sees who still owes one.
 */
import type { MeetingType } from '../../../types/models'
import { DEMO, failure, theDemoBranch, type DemoBranch } from '../../../tests/support/app'
import { aMeeting } from '../../../tests/support/builders'
import { firstInsertFails, firstInsertHeld } from '../../../tests/support/faults'
import type { Storage } from '../ports'

const DAY_BEFORE = '2026-05-19T09:00:00+08:00'
/** The meeting runs 14:30–16:30 on 2026-05-20. */
const START = '2026-05-20T14:30:00+08:00'
const END = '2026-05-20T16:30:00+08:00'
const DEADLINE = '2026-05-27T16:30:00+08:00'
const NEXT_DAY = '2026-05-21T09:00:00+08:00'

/**
 * A meeting created the day before: member 01 scans in, member 02 is on approved leave, member
 * 04's leave was refused, everyone else stays away.
 */
async function aMeetingHeld(opts: { type?: MeetingType; storage?: (real: Storage) => Storage; attendance?: boolean } = {}) {
  const app = await theDemoBranch({ at: DAY_BEFORE, storage: opts.storage })
  const secretary = app.as(DEMO.secretary)
  const fields = { ...aMeeting(opts.type ?? 'branch_assembly').titled('学习二十届三中全会精神').build(), agenda: '1. 传达全会精神\n2. 交流发言' }
  const { meeting } = await secretary.ok('meeting.create', fields)
  if (opts.attendance !== false) {
    const leave = await app.as(DEMO.member(2)).ok('leave.request', { meetingId: meeting.id, reason: '出差在外地' })
    await secretary.ok('leave.review', { leaveId: leave.leaveId, approve: true })
    const refused = await app.as(DEMO.member(4)).ok('leave.request', { meetingId: meeting.id, reason: '家里有事' })
    await secretary.ok('leave.review', { leaveId: refused.leaveId, approve: false })
    app.clock.set('2026-05-20T14:25:00+08:00')
    const { token } = await secretary.ok('checkin.code', { meetingId: meeting.id })
    await app.as(DEMO.member(1)).ok('checkin.submit', { token })
  }
  app.clock.set(NEXT_DAY)
  const tasks = async (openid: string) => (await app.as(openid).ok('makeup.mine', {})).tasks
  const complete = (openid: string, note?: string) => app.as(openid).call('makeup.complete', { meetingId: meeting.id, ...(note ? { note } : {}) })
  return { app, meeting, tasks, complete }
}

const makeupsOf = (app: DemoBranch) => app.storage.find('makeups', {}, { orderBy: [['id', 'asc']] })
const makeupLedger = (app: DemoBranch) => app.storage.find('ledger', { kind: 'makeup_study' }, { orderBy: [['id', 'asc']] })

describe('makeup.mine', () => {
  it('gives an absent member a 补学 of the meeting’s materials, due 7 days after it ended', async () => {
    const { meeting, tasks } = await aMeetingHeld()
    expect(await tasks(DEMO.member(3))).toEqual([
      {
        meetingId: meeting.id,
        title: '学习二十届三中全会精神',
        type: 'branch_assembly',
        endedAt: END,
        deadline: DEADLINE,
        overdue: false,
        materials: '1. 传达全会精神\n2. 交流发言',
        done: false,
        completedAt: null,
      },
    ])
  })

  it('gives one to a member on approved leave, and to one whose leave was refused', async () => {
    const { meeting, tasks } = await aMeetingHeld()
    expect(await tasks(DEMO.member(2))).toEqual([expect.objectContaining({ meetingId: meeting.id, done: false })])
    expect(await tasks(DEMO.member(4))).toEqual([expect.objectContaining({ meetingId: meeting.id, done: false })])
  })

  it('gives none to a member who attended', async () => {
    const { tasks } = await aMeetingHeld()
    expect(await tasks(DEMO.member(1))).toEqual([])
  })

  it('gives none before the meeting has ended', async () => {
    const { app, tasks } = await aMeetingHeld()
    for (const at of ['2026-05-20T16:00:00+08:00', END]) {
      app.clock.set(at)
      expect(await tasks(DEMO.member(3))).toEqual([])
    }
    app.clock.set('2026-05-20T16:30:01+08:00')
    expect(await tasks(DEMO.member(3))).toHaveLength(1)
  })

  it('is overdue after the 7 days, and completing it then is refused', async () => {
    const { app, tasks, complete } = await aMeetingHeld()
    app.clock.set(DEADLINE)
    expect(await tasks(DEMO.member(3))).toEqual([expect.objectContaining({ overdue: false })])
    app.clock.set('2026-05-27T16:30:01+08:00')
    expect(await tasks(DEMO.member(3))).toEqual([expect.objectContaining({ deadline: DEADLINE, overdue: true, done: false })])
    expect(await complete(DEMO.member(3))).toEqual(failure('CONFLICT', '补学已过期限'))
    expect(await tasks(DEMO.member(3))).toEqual([expect.objectContaining({ overdue: true, done: false })])
  })

  it('is owed for a 党课 as well', async () => {
    const { tasks } = await aMeetingHeld({ type: 'lecture' })
    expect(await tasks(DEMO.member(3))).toEqual([expect.objectContaining({ type: 'lecture' })])
  })

  it.each<MeetingType>(['theme_day', 'committee', 'life_meeting', 'other'])('is not owed for a meeting of type %s', async (type) => {
    const { tasks, complete } = await aMeetingHeld({ type, attendance: false })
    expect(await tasks(DEMO.member(3))).toEqual([])
    expect(await tasks(DEMO.secretary)).toEqual([])
    expect(await complete(DEMO.secretary)).toEqual(failure('CONFLICT', '不需要补学'))
  })

  it('is not owed for a group meeting', async () => {
    const app = await theDemoBranch({ at: DAY_BEFORE })
    await app.as(DEMO.secretary).ok('meeting.create', aMeeting('group').forGroup(DEMO.group1).build())
    app.clock.set(NEXT_DAY)
    expect((await app.as(DEMO.member(3)).ok('makeup.mine', {})).tasks).toEqual([])
  })

  it('is not owed for a cancelled meeting', async () => {
    const { app, meeting, tasks, complete } = await aMeetingHeld({ attendance: false })
    app.clock.set(DAY_BEFORE)
    await app.as(DEMO.secretary).ok('meeting.cancel', { meetingId: meeting.id, reason: '改期另行通知' })
    app.clock.set(NEXT_DAY)
    expect(await tasks(DEMO.member(3))).toEqual([])
    expect(await complete(DEMO.member(3))).toEqual(failure('CONFLICT'))
  })
})

describe('makeup.complete', () => {
  it('records the 补学 and awards the meeting’s 学时 as one ledger row', async () => {
    const { app, meeting, complete } = await aMeetingHeld()
    expect(await complete(DEMO.member(3), '认真学习了全会公报')).toEqual({ ok: true, data: { completedAt: NEXT_DAY, pointsAwarded: 1 } })
    expect(await makeupsOf(app)).toEqual([
      {
        id: `${meeting.id}:demo-member-03`,
        branchId: DEMO.branchId,
        meetingId: meeting.id,
        memberId: 'demo-member-03',
        note: '认真学习了全会公报',
        completedAt: NEXT_DAY,
      },
    ])
    expect(await makeupLedger(app)).toEqual([
      {
        id: `makeup:${meeting.id}:demo-member-03`,
        branchId: DEMO.branchId,
        memberId: 'demo-member-03',
        kind: 'makeup_study',
        points: 1,
        studyTenths: 20,
        sourceId: `makeup:${meeting.id}`,
        year: 2026,
        by: 'demo-member-03',
        at: NEXT_DAY,
        reason: '补学：学习二十届三中全会精神',
      },
    ])
    expect(await app.as(DEMO.member(3)).ok('points.mine', {})).toMatchObject({ total: 1, byKind: { makeup_study: 1 }, studyHours: 2 })
  })

  it('earns as many 学时 as the meeting lasted', async () => {
    const app = await theDemoBranch({ at: DAY_BEFORE })
    const { meeting } = await app.as(DEMO.secretary).ok('meeting.create', aMeeting('lecture').startingAt(START).endingAt('2026-05-20T17:45:00+08:00').build())
    app.clock.set(NEXT_DAY)
    await app.as(DEMO.member(3)).ok('makeup.complete', { meetingId: meeting.id })
    expect(await makeupLedger(app)).toEqual([expect.objectContaining({ points: 1, studyTenths: 33 })])
  })

  it('a second time answers the first completion and awards nothing more', async () => {
    const { app, complete } = await aMeetingHeld()
    await complete(DEMO.member(3))
    app.clock.set('2026-05-22T09:00:00+08:00')
    expect(await complete(DEMO.member(3), '再交一次')).toEqual({ ok: true, data: { completedAt: NEXT_DAY, pointsAwarded: 0 } })
    expect(await makeupsOf(app)).toEqual([expect.objectContaining({ note: null, completedAt: NEXT_DAY })])
    expect(await makeupLedger(app)).toHaveLength(1)
  })

  it('20 completions at once: one record, one ledger row, the point answered once', async () => {
    const { app, complete } = await aMeetingHeld()
    const answers = await Promise.all(Array.from({ length: 20 }, () => complete(DEMO.member(3))))
    for (const a of answers) expect(a).toMatchObject({ ok: true, data: { completedAt: NEXT_DAY } })
    expect(answers.reduce((sum, a) => sum + (a.ok ? a.data.pointsAwarded : 0), 0)).toBe(1)
    expect(await makeupsOf(app)).toHaveLength(1)
    expect(await makeupLedger(app)).toHaveLength(1)
    expect((await app.as(DEMO.member(3)).ok('points.mine', {})).total).toBe(1)
  })

  it('a completion retried after the function died between the record and the award completes the award', async () => {
    const { app, meeting, complete } = await aMeetingHeld({ storage: firstInsertFails('ledger'), attendance: false })
    expect(await complete(DEMO.member(3))).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(await makeupsOf(app)).toHaveLength(1)
    app.clock.set('2026-05-21T09:05:00+08:00')
    expect(await complete(DEMO.member(3))).toMatchObject({ ok: true, data: { completedAt: NEXT_DAY } })
    expect(await makeupLedger(app)).toEqual([expect.objectContaining({ sourceId: `makeup:${meeting.id}`, studyTenths: 20, at: NEXT_DAY })])
  })

  it('answers the point to the completion that recorded it, even when a retry of it wrote the award first', async () => {
    const slow = firstInsertHeld('ledger')
    const { app, complete } = await aMeetingHeld({ storage: slow.storage, attendance: false })
    const first = complete(DEMO.member(3))
    await slow.started
    expect(await complete(DEMO.member(3))).toEqual({ ok: true, data: { completedAt: NEXT_DAY, pointsAwarded: 0 } })
    slow.release()
    expect(await first).toEqual({ ok: true, data: { completedAt: NEXT_DAY, pointsAwarded: 1 } })
    expect(await makeupLedger(app)).toHaveLength(1)
  })

  it('is CONFLICT 补学已过期限 after the deadline, storing nothing', async () => {
    const { app, complete } = await aMeetingHeld()
    app.clock.set('2026-06-01T09:00:00+08:00')
    expect(await complete(DEMO.member(3))).toEqual(failure('CONFLICT', '补学已过期限'))
    expect(await makeupsOf(app)).toEqual([])
    expect(await makeupLedger(app)).toEqual([])
  })

  it('is CONFLICT for a member who attended, storing nothing', async () => {
    const { app, complete } = await aMeetingHeld()
    expect(await complete(DEMO.member(1))).toEqual(failure('CONFLICT', '不需要补学'))
    expect(await makeupsOf(app)).toEqual([])
    expect(await makeupLedger(app)).toEqual([])
  })

  it('is CONFLICT before the meeting has ended', async () => {
    const { app, complete } = await aMeetingHeld()
    app.clock.set('2026-05-20T16:00:00+08:00')
    expect(await complete(DEMO.member(3))).toEqual(failure('CONFLICT', '还没有结束'))
    expect(await makeupsOf(app)).toEqual([])
  })

  it('is NOT_INVITED for a meeting the member was not invited to', async () => {
    const app = await theDemoBranch({ at: DAY_BEFORE })
    const { meeting } = await app.as(DEMO.secretary).ok('meeting.create', aMeeting('lecture').forScope({ kind: 'committee' }).build())
    app.clock.set(NEXT_DAY)
    expect((await app.as(DEMO.member(3)).ok('makeup.mine', {})).tasks).toEqual([])
    expect(await app.as(DEMO.member(3)).call('makeup.complete', { meetingId: meeting.id })).toEqual(failure('NOT_INVITED'))
    expect((await app.as(DEMO.committee).ok('makeup.mine', {})).tasks).toHaveLength(1)
  })

  it('is NOT_FOUND for an unknown meeting', async () => {
    const { app } = await aMeetingHeld()
    expect(await app.as(DEMO.member(3)).call('makeup.complete', { meetingId: 'm-nothing' })).toEqual(failure('NOT_FOUND'))
  })
})

describe('makeup.overview', () => {
  it('lists, per meeting, who still owes a 补学 and whether it is overdue', async () => {
    const { app, meeting, complete } = await aMeetingHeld()
    await complete(DEMO.member(3))
    app.clock.set(DAY_BEFORE)
    const { meeting: lecture } = await app.as(DEMO.secretary).ok(
      'meeting.create',
      aMeeting('lecture').titled('专题党课').startingAt('2026-05-22T09:00:00+08:00').forScope({ kind: 'committee' }).build(),
    )
    app.clock.set('2026-05-28T09:00:00+08:00')
    const { owed } = await app.as(DEMO.secretary).ok('makeup.overview', {})
    expect(owed.map((o) => [o.meetingId, o.title, o.deadline])).toEqual([
      [meeting.id, '学习二十届三中全会精神', DEADLINE],
      [lecture.id, '专题党课', '2026-05-29T11:00:00+08:00'],
    ])
    const [assembly, committeeLecture] = owed
    const ids = assembly.members.map((m) => m.memberId)
    expect(ids).toHaveLength(21)
    expect(ids).not.toContain('demo-member-01')
    expect(ids).not.toContain('demo-member-03')
    expect(assembly.members).toContainEqual({ memberId: 'demo-member-02', name: '刘秀英', overdue: true })
    expect(assembly.members).toContainEqual({ memberId: 'demo-member-04', name: '黄丽娟', overdue: true })
    expect(committeeLecture.members).toEqual([
      { memberId: 'demo-committee', name: '李明', overdue: false },
      { memberId: 'demo-secretary', name: '王建华', overdue: false },
    ])
  })

  it('drops a meeting once everyone has attended or made it up', async () => {
    const app = await theDemoBranch({ at: DAY_BEFORE })
    const { meeting } = await app.as(DEMO.secretary).ok('meeting.create', aMeeting('lecture').forScope({ kind: 'committee' }).build())
    app.clock.set(NEXT_DAY)
    await app.as(DEMO.secretary).ok('makeup.complete', { meetingId: meeting.id })
    expect((await app.as(DEMO.secretary).ok('makeup.overview', {})).owed).toEqual([
      { meetingId: meeting.id, title: meeting.title, deadline: DEADLINE, members: [{ memberId: 'demo-committee', name: '李明', overdue: false }] },
    ])
    await app.as(DEMO.committee).ok('makeup.complete', { meetingId: meeting.id })
    expect((await app.as(DEMO.secretary).ok('makeup.overview', {})).owed).toEqual([])
  })

  it('is FORBIDDEN to members', async () => {
    const { app } = await aMeetingHeld()
    expect(await app.as(DEMO.member(3)).call('makeup.overview', {})).toEqual(failure('FORBIDDEN'))
  })
})
