/**
 * The router through its public door, `createRouter`, on the in-memory local runtime with the
 * demo seed: the envelope and error codes of CONTRACT §2, the roles of §3 and the seed of §4.
 */
import type { ActionName } from './actions'
import type { Envelope } from '../../types/envelope'
import type { Role } from '../../types/models'
import { mayCall } from '../../src/domain/permissions'
import { ACTIONS } from './actions'
import { aLedgerEntry, aMember } from '../../tests/support/builders'
import { fixedClock, type FixedClock } from '../../tests/support/clock'
import { recordingLogger } from '../../tests/support/log'
import type { Caller, CollectionName, Ports, Storage } from './ports'
import { createRouter } from './router'
import { openLocalRuntime } from './runtime/local'
import { HANDLERS } from './usecases'

const MAY_2026 = '2026-05-20T10:00:00+08:00'

async function aRouter(opts: { at?: string; storage?: (real: Storage) => Storage } = {}) {
  const log = recordingLogger()
  const runtime = await openLocalRuntime({ dataDir: null, seed: true, log })
  const clock: FixedClock = fixedClock(opts.at ?? MAY_2026)
  const storage = opts.storage ? opts.storage(runtime.storage) : runtime.storage
  const ports: Ports = { ...runtime.ports, clock, storage }
  const handle = createRouter(ports)
  const as = (openid: string | null) => (action: unknown, payload?: unknown) =>
    handle({ action, payload }, openid === null ? null : ({ openid } satisfies Caller))
  return { handle, as, clock, log, storage: runtime.storage }
}

/** A storage whose `method` fails the way a broken database would. */
function failing(method: keyof Storage, error: unknown) {
  return (real: Storage): Storage =>
    new Proxy(real, {
      get(target, prop) {
        if (prop === method) {
          return async () => {
            throw error
          }
        }
        const value = Reflect.get(target, prop, target)
        return typeof value === 'function' ? value.bind(target) : value
      },
    })
}

const data = <T = Record<string, unknown>>(envelope: Envelope<unknown>): T => {
  if (!envelope.ok) throw new Error(`expected ok, got ${envelope.error.code}: ${envelope.error.message}`)
  return envelope.data as T
}

// The local runtime's setup code (CONTRACT §5), so that branch.create can succeed in the matrix.
process.env.ZHIBU_SETUP_CODE = 'router-test-setup-code'

/** A payload every action accepts; adding an action without one here fails to compile. */
const VALID_PAYLOAD: Record<ActionName, unknown> = {
  'session.me': {},
  'branch.create': { name: '新建党支部', setupCode: 'router-test-setup-code', secretaryName: '张三' },
  'group.create': { name: '第三党小组' },
  'group.update': { groupId: 'demo-group-2', name: '第二党小组' },
  'member.import': { rows: [{ name: '新党员', phoneTail: '1234', standing: 'full' }], commit: false },
  'member.list': {},
  'member.get': { memberId: 'demo-member-01' },
  'member.update': { memberId: 'demo-member-02', standing: 'full' },
  'member.remove': { memberId: 'no-such-member', reason: 'left' },
  'member.unbind': { memberId: 'no-such-member' },
  'invite.get': {},
  'invite.rotate': {},
  // A wrong code: NOT_FOUND is the use case's answer.
  'join.request': { code: 'no-such-code', name: '新党员', phoneTail: '1234' },
  'join.list': {},
  'join.review': { requestId: 'no-such-request', approve: false },
  'schedule.month': { month: '2026-05' },
  'points.mine': {},
  'meeting.create': {
    type: 'group',
    title: '第一党小组学习会',
    startAt: '2026-05-20T19:00:00+08:00',
    endAt: '2026-05-20T20:30:00+08:00',
    scope: { kind: 'group', groupId: 'demo-group-1' },
  },
  'meeting.update': { meetingId: 'no-such-meeting', title: '新标题' },
  'meeting.cancel': { meetingId: 'no-such-meeting', reason: '临时有事' },
  'meeting.list': {},
  'meeting.get': { meetingId: 'no-such-meeting' },
  'checkin.code': { meetingId: 'no-such-meeting' },
  'checkin.live': { meetingId: 'no-such-meeting' },
  'checkin.submit': { token: 'not-a-token' },
  'checkin.manual': { meetingId: 'no-such-meeting', memberId: 'demo-member-01', reason: '忘记扫码' },
  'leave.request': { meetingId: 'no-such-meeting', reason: '出差在外' },
  'leave.review': { leaveId: 'no-such-leave', approve: true },
  'leave.withdraw': { leaveId: 'no-such-leave' },
  'attendance.get': { meetingId: 'no-such-meeting' },
  'attendance.mine': {},
  'subscription.record': { results: { meeting_reminder: 'accept' } },
  'subscription.mine': {},
  'subscription.overview': {},
  'notice.list': {},
  'dues.setBase': { memberId: 'demo-member-01', category: 'employed', base: 450000 },
  'dues.status': { month: '2026-05' },
  'dues.pay': { month: '2026-05', amount: 4500 },
  'dues.confirm': { memberId: 'demo-member-01', month: '2026-05' },
  'dues.mine': {},
  'dues.table': {},
  'points.history': {},
  'study.log': { title: '学习党章第一章', kind: 'original', minutes: 45 },
  'study.mine': {},
  'study.pending': {},
  'study.review': { studyId: 'no-such-study', approve: true },
  'study.overview': {},
  'study.ranking': {},
  'xuexi.report': { points: 120 },
  'xuexi.mine': {},
  'question.create': { type: 'judge', stem: '党的最高理想是实现共产主义', answer: [0] },
  'question.import': { csv: '判断,党的最高理想是实现共产主义,对' },
  'question.list': {},
  'quiz.create': { title: '五月测试', questionIds: ['no-such-question'], opensAt: '2026-05-20T00:00:00+08:00', closesAt: '2026-05-31T23:59:00+08:00', timeLimitMin: 20 },
  'quiz.list': {},
  'quiz.start': { quizId: 'no-such-quiz' },
  'quiz.submit': { quizId: 'no-such-quiz', answers: {} },
  'quiz.results': { quizId: 'no-such-quiz' },
  'makeup.mine': {},
  'makeup.complete': { meetingId: 'no-such-meeting' },
  'makeup.overview': {},
  'branch.settings': {},
  'branch.updateSettings': { rankingsEnabled: false },
  'announce.create': { title: '关于开展主题党日的通知', body: '请各位党员准时参加。' },
  'announce.list': {},
  'announce.read': { announcementId: 'no-such-announcement' },
  'announce.readers': { announcementId: 'no-such-announcement' },
  'duty.set': { month: '2026-06', memberId: 'demo-member-01' },
  'duty.get': {},
  'duty.list': { year: 2026 },
  'org.create': { name: '新建机关党委', setupCode: 'router-test-setup-code', overseerName: '张三' },
  'org.code': {},
  'org.attach': { code: 'no-such-org-code' },
  'org.detach': { branchId: 'demo-branch', reason: '隶属关系调整' },
  'org.overview': { year: 2026 },
  'org.branch': { branchId: 'demo-branch', year: 2026 },
  'org.export': { year: 2026 },
  'org.mine': {},
  'branch.calendar': {},
  'branch.updateCalendar': { fixWindowDays: 30 },
  'leave.pending': {},
  'quiz.allowRetake': { quizId: 'no-such-quiz', memberId: 'demo-member-01', reason: '答题时网络中断' },
  'meeting.poster': { meetingId: 'demo-assembly' },
  'invite.poster': {},
  'minutes.save': { meetingId: 'no-such-meeting', host: '王建华', recorder: '李明', topics: ['学习党章'], summary: '传达学习了上级精神' },
  'minutes.get': { meetingId: 'no-such-meeting' },
  'minutes.read': { meetingId: 'no-such-meeting' },
  'photo.upload': { contentBase64: '/9j/4AAQSkZJRgABAQ==', contentType: 'image/jpeg' },
  'checklist.get': { year: 2026 },
  'warnings.list': {},
  'makeup.clear': { meetingId: 'no-such-meeting', memberId: 'demo-member-01', reason: '因病住院，已当面补课' },
  'export.attendance': { meetingId: 'no-such-meeting' },
  'export.meetings': { year: 2026 },
  'export.dues': { year: 2026 },
  'export.study': { year: 2026 },
  'export.minutes': { meetingId: 'no-such-meeting' },
}

/** Codes that mean the call got past the router to the use case (a domain answer, not a refusal). */
const REFUSALS = ['UNAUTHENTICATED', 'NOT_MEMBER', 'FORBIDDEN', 'INVALID_INPUT', 'UNKNOWN_ACTION', 'INTERNAL']
const reachedUseCase = (envelope: Envelope<unknown>) => envelope.ok || !REFUSALS.includes(envelope.error.code)

async function everything(storage: Storage) {
  const collections: CollectionName[] = [
    'branches',
    'groups',
    'members',
    'ledger',
    'meetings',
    'attendance',
    'leaves',
    'credits',
    'sends',
    'notices',
    'payments',
    'jobs',
    'studies',
    'xuexi',
    'questions',
    'quizzes',
    'attempts',
    'makeups',
    'announcements',
    'receipts',
    'duties',
  ]
  const dump: Record<string, unknown[]> = {}
  for (const c of collections) dump[c] = await storage.find(c, {}, { orderBy: [['id', 'asc']] })
  return dump
}

describe('the envelope', () => {
  it('is { ok: true, data } on success', async () => {
    const { as } = await aRouter()
    const envelope = await as('demo-member-01')('session.me', {})
    expect(Object.keys(envelope).sort()).toEqual(['data', 'ok'])
    expect(envelope.ok).toBe(true)
  })

  it('is { ok: false, error: { code, message } } on failure, with the message in Chinese', async () => {
    const { as } = await aRouter()
    const envelope = await as('demo-member-01')('schedule.month', { month: 'May' })
    expect(envelope).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: expect.any(String), field: 'month', detail: expect.any(String) } })
    if (!envelope.ok) expect(envelope.error.message).toMatch(/\p{Script=Han}/u)
  })

  it('routes exactly the declared actions, each with a handler', () => {
    const actions = Object.keys(ACTIONS).sort()
    expect(Object.keys(HANDLERS).sort()).toEqual(actions)
    expect(Object.keys(VALID_PAYLOAD).sort()).toEqual(actions)
  })
})

describe('UNAUTHENTICATED', () => {
  it.each(['session.me', 'schedule.month', 'no.such.action', undefined])(
    'answers a call without a platform identity (action %p)',
    async (action) => {
      const { as } = await aRouter()
      const envelope = await as(null)(action, {})
      expect(envelope).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    },
  )

  it('ignores an openid in the payload: identity comes only from the platform', async () => {
    const { as } = await aRouter()
    const envelope = await as('wx-stranger')('session.me', { openid: 'demo-secretary' })
    expect(data(envelope)).toMatchObject({ openid: 'wx-stranger', member: null })
  })
})

describe('UNKNOWN_ACTION', () => {
  it.each([['meeting.delete'], [''], ['__proto__'], ['toString'], ['constructor'], [42], [null], [undefined], [{}]])(
    'answers action %p',
    async (action) => {
      const { as } = await aRouter()
      expect(await as('demo-member-01')(action, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } })
    },
  )

  it.each([[null], ['x'], [[]], [42]])('answers an event that is not an object: %p', async (event) => {
    const { handle } = await aRouter()
    expect(await handle(event, { openid: 'demo-member-01' })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } })
  })

  it('does not echo an unbounded action name back', async () => {
    const { as } = await aRouter()
    const envelope = await as('demo-member-01')('x'.repeat(10_000), {})
    expect(envelope.ok).toBe(false)
    if (!envelope.ok) expect(envelope.error.message.length).toBeLessThan(200)
  })
})

describe('NOT_MEMBER', () => {
  it('answers a WeChat user bound to no branch on a member action', async () => {
    const { as } = await aRouter()
    expect(await as('wx-stranger')('schedule.month', { month: '2026-05' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_MEMBER' },
    })
  })

  it('tells any caller the server time, in Shanghai, so the app\u2019s clock can follow it', async () => {
    const { as } = await aRouter()
    expect(data<{ now: string; groups: unknown[] }>(await as('wx-stranger')('session.me'))).toMatchObject({ now: '2026-05-20T10:00:00+08:00', groups: [] })
    expect(data<{ groups: unknown[] }>(await as('demo-member-01')('session.me')).groups).toEqual([
      { id: 'demo-group-1', name: '第一党小组' },
      { id: 'demo-group-2', name: '第二党小组' },
    ])
  })

  it('does not stop session.me, which answers member null', async () => {
    const { as } = await aRouter()
    expect(data(await as('wx-stranger')('session.me'))).toMatchObject({ openid: 'wx-stranger', member: null })
  })

  it('treats a member who has left (inactive) as unbound', async () => {
    const { as, storage } = await aRouter()
    await storage.insert('members', aMember().boundTo('wx-left').inactive().build())
    expect(data(await as('wx-left')('session.me'))).toMatchObject({ openid: 'wx-left', member: null })
    expect(await as('wx-left')('points.mine', {})).toMatchObject({ ok: false, error: { code: 'NOT_MEMBER' } })
  })
})

describe('roles, every cell through the router', () => {
  type Who = Role | 'unbound'
  const WHO: Who[] = ['secretary', 'deputy', 'committee', 'group_leader', 'member', 'unbound']
  const cells = (Object.keys(VALID_PAYLOAD) as ActionName[]).flatMap((action) => WHO.map((who) => [action, who] as const))

  it.each(cells)('%s by %s', async (action, who) => {
    const { as, storage } = await aRouter()
    const openid = `wx-${who}`
    // In group 1, so that a 党小组长 is the leader of the group the sample 党小组会 is for.
    if (who !== 'unbound') await storage.insert('members', aMember().withRoles(who).inGroup('demo-group-1').boundTo(openid).build())
    const envelope = await as(openid)(action, VALID_PAYLOAD[action])
    const audience = ACTIONS[action].who
    if (audience === 'anyone') expect(envelope.ok || ['CONFLICT', 'NOT_FOUND'].includes(envelope.error.code)).toBe(true)
    else if (who === 'unbound') expect(envelope).toMatchObject({ ok: false, error: { code: 'NOT_MEMBER' } })
    else if (mayCall(audience, [who])) expect(reachedUseCase(envelope)).toBe(true)
    else expect(envelope).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})

describe('INVALID_INPUT', () => {
  it.each([[null], ['x'], [[]], [42], [true]])('answers a payload %p that is not an object, naming the payload', async (payload) => {
    const { as } = await aRouter()
    for (const action of ['session.me', 'schedule.month', 'points.mine']) {
      const envelope = await as('demo-member-01')(action, payload)
      expect(envelope).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('payload') } })
    }
  })

  it.each([
    ['schedule.month', {}, 'month', /必填/],
    ['schedule.month', undefined, 'month', /必填/],
    ['schedule.month', { month: '2026-13' }, 'month', /YYYY-MM/],
    ['schedule.month', { month: '2026-5' }, 'month', /YYYY-MM/],
    ['schedule.month', { month: '2026-05-01' }, 'month', /YYYY-MM/],
    ['schedule.month', { month: '' }, 'month', /YYYY-MM/],
    ['schedule.month', { month: 202605 }, 'month', /YYYY-MM/],
    ['schedule.month', { month: null }, 'month', /YYYY-MM/],
    ['schedule.month', { month: ['2026-05'] }, 'month', /YYYY-MM/],
    ['points.mine', { year: '2026' }, 'year', /年份/],
    ['points.mine', { year: 2026.5 }, 'year', /整数/],
    ['points.mine', { year: 1999 }, 'year', /2000/],
    ['points.mine', { year: null }, 'year', /年份/],
  ])('%s with %j names the field %s', async (action, payload, field, detail) => {
    const { as } = await aRouter()
    const envelope = await as('demo-member-01')(action, payload)
    expect(envelope).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    if (!envelope.ok) {
      expect(envelope.error.message).toContain(field)
      expect(envelope.error.message).toMatch(detail)
      // The field travels as data and the sentence for people without it: no client parses `message`.
      expect(envelope.error.field).toBe(field)
      expect(envelope.error.detail).toMatch(detail)
      expect(envelope.error.message).toBe(`参数有误：${field}：${envelope.error.detail}`)
    }
  })

  it('checks the role before the payload, so a stranger learns nothing about the schema', async () => {
    const { as } = await aRouter()
    expect(await as('wx-stranger')('schedule.month', 'x')).toMatchObject({ ok: false, error: { code: 'NOT_MEMBER' } })
  })

  it('changes nothing stored, whatever the payload', async () => {
    const { as, storage } = await aRouter()
    // A valid meeting.list creates this and next month's 主题党日 by design (extra payload
    // fields are ignored, so some "bad" payloads below are valid for it): let it happen first.
    await as('demo-member-01')('meeting.list', {})
    const before = await everything(storage)
    const bad: unknown[] = [
      null,
      'x',
      [],
      42,
      { month: '2026-13' },
      { year: -1 },
      { month: { $gt: '' } },
      { year: { $ne: null } },
      { id: 'demo-branch', branchId: 'other', $set: { name: 'x' } },
      JSON.parse('{"__proto__": {"polluted": true}, "month": "2026-05-01"}'),
      JSON.parse('{"constructor": {"prototype": {"polluted": true}}}'),
    ]
    for (const openid of ['demo-secretary', 'demo-member-01', 'wx-stranger']) {
      for (const action of [...Object.keys(HANDLERS), 'meeting.create', 'dues.setBase']) {
        for (const payload of bad) await as(openid)(action, payload)
      }
    }
    expect(await everything(storage)).toEqual(before)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

describe('INTERNAL', () => {
  const crash = Object.assign(new Error('disk on fire at /var/lib/db'), { stack: 'Error: disk on fire\n    at secret.ts:1:1' })

  it.each([
    ['the member lookup', 'find' as const],
    ['a use case', 'get' as const],
  ])('answers a failure in %s with a request id, logged, and no stack or detail in the envelope', async (_where, method) => {
    const { as, log } = await aRouter({ storage: failing(method, crash) })
    const envelope = await as('demo-member-01')('schedule.month', { month: '2026-05' })

    expect(envelope).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: expect.any(String), requestId: expect.any(String) },
    })
    if (envelope.ok) return
    const { requestId, message } = envelope.error
    expect(message).toContain(requestId!.slice(0, 8))
    const wire = JSON.stringify(envelope)
    expect(wire).not.toMatch(/disk on fire|secret\.ts|\bat\s|\/var\/lib/)

    const errors = log.lines.filter((l) => l.level === 'error')
    expect(errors).toHaveLength(1)
    expect(errors[0].fields.requestId).toBe(requestId)
    expect(JSON.stringify(errors[0])).not.toContain('secret.ts')
  })

  it('also catches a thrown value that is not an Error', async () => {
    const { as, log } = await aRouter({ storage: failing('get', 'just a string') })
    expect(await as('demo-member-01')('points.mine', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(log.lines.filter((l) => l.level === 'error')).toHaveLength(1)
  })

  it('gives every request its own id', async () => {
    const { as } = await aRouter({ storage: failing('find', crash) })
    const a = await as('demo-member-01')('session.me')
    const b = await as('demo-member-01')('session.me')
    if (a.ok || b.ok) throw new Error('expected failures')
    expect(a.error.requestId).not.toBe(b.error.requestId)
  })
})

describe('session.me for the demo users (CONTRACT §4)', () => {
  it.each([
    ['demo-secretary', 'secretary', 'demo-group-1'],
    ['demo-committee', 'committee', 'demo-group-2'],
    ['demo-leader-1', 'group_leader', 'demo-group-1'],
  ])('%s is the %s', async (openid, role, groupId) => {
    const { as } = await aRouter()
    const me = data<{ openid: string; member: Record<string, unknown> }>(await as(openid)('session.me'))
    expect(me.openid).toBe(openid)
    expect(me.member).toMatchObject({ id: expect.any(String), name: expect.any(String), branchId: 'demo-branch', groupId })
    expect(me.member.roles).toEqual(expect.arrayContaining([role, 'member']))
    expect(me.member.branchName).toBe('示例党支部')
  })

  it('knows demo-member-01 … demo-member-20 as plain members in one of the two groups', async () => {
    const { as } = await aRouter()
    const groups = new Map<string, number>()
    for (let i = 1; i <= 20; i++) {
      const openid = `demo-member-${String(i).padStart(2, '0')}`
      const { member } = data<{ member: { roles: Role[]; groupId: string } }>(await as(openid)('session.me'))
      expect(member.roles).toEqual(['member'])
      groups.set(member.groupId, (groups.get(member.groupId) ?? 0) + 1)
    }
    expect([...groups.keys()].sort()).toEqual(['demo-group-1', 'demo-group-2'])
  })

  it('leads group 1 with demo-leader-1', async () => {
    const { storage } = await aRouter()
    expect(await storage.get('groups', 'demo-group-1')).toMatchObject({ leaderId: 'demo-leader-1' })
  })
})

describe('schedule.month', () => {
  it('gives 2026-09 the day before 中秋 for both days', async () => {
    const { as } = await aRouter()
    expect(data(await as('demo-member-01')('schedule.month', { month: '2026-09' }))).toMatchObject({
      themeDay: { date: '2026-09-24', shifted: true },
      duesDay: { date: '2026-09-24', shifted: true },
      holidayDataKnown: true,
    })
  })

  it('says so for a year the holiday data does not cover', async () => {
    const { as } = await aRouter()
    expect(data(await as('demo-member-01')('schedule.month', { month: '2027-03' }))).toMatchObject({
      themeDay: { date: '2027-03-26', shifted: false },
      holidayDataKnown: false,
    })
  })

  it("uses the branch's own rule and overrides", async () => {
    const { as, storage } = await aRouter()
    await storage.update('branches', 'demo-branch', {
      schedule: {
        themeDayRule: { kind: 'week_of_month', week: 4, weekday: 5 },
        duesDayRule: { kind: 'nth_weekday', n: 4, weekday: 5 },
        themeDayOverrides: {},
        duesDayOverrides: { '2026-03': '2026-03-31' },
      },
    })
    expect(data(await as('demo-member-01')('schedule.month', { month: '2026-03' }))).toMatchObject({
      themeDay: { date: '2026-03-20', shifted: false },
      duesDay: { date: '2026-03-31', overridden: true },
    })
  })

  it('answers NOT_FOUND when the branch is gone', async () => {
    const { as, storage } = await aRouter()
    await storage.insert('members', aMember().inBranch('no-such-branch').boundTo('wx-orphan').build())
    expect(await as('wx-orphan')('schedule.month', { month: '2026-05' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
  })
})

describe('points.mine', () => {
  type Points = { year: number; total: number; byKind: Record<string, number>; studyHours: number; targetHours: number }

  async function withLedger(at = MAY_2026) {
    const r = await aRouter({ at })
    const mine = (b: ReturnType<typeof aLedgerEntry>) => r.storage.insert('ledger', b.forMember('demo-member-01').build())
    await mine(aLedgerEntry().ofKind('meeting').worth(5).withStudyHours(2))
    await mine(aLedgerEntry().ofKind('self_study').worth(3).withStudyHours(1.5))
    await mine(aLedgerEntry().ofKind('test').worth(10))
    await mine(aLedgerEntry().ofKind('meeting').worth(2).withStudyHours(0.1))
    await mine(aLedgerEntry().ofKind('meeting').worth(7).withStudyHours(4).inYear(2025))
    await r.storage.insert('ledger', aLedgerEntry().forMember('demo-member-02').worth(100).withStudyHours(9).build())
    return r
  }

  it("sums the caller's own rows for this year (in Shanghai), by kind, with 学时", async () => {
    const { as } = await withLedger()
    expect(data<Points>(await as('demo-member-01')('points.mine', {}))).toEqual({
      year: 2026,
      total: 20,
      byKind: { meeting: 7, self_study: 3, test: 10 },
      studyHours: 3.6,
      targetHours: 32,
    })
  })

  it('sums another year on request', async () => {
    const { as } = await withLedger()
    expect(data<Points>(await as('demo-member-01')('points.mine', { year: 2025 }))).toMatchObject({
      year: 2025,
      total: 7,
      byKind: { meeting: 7 },
      studyHours: 4,
    })
  })

  it("counts in Shanghai's year: at 00:30 on New Year's Day there it is already 2026", async () => {
    const { as } = await withLedger('2025-12-31T16:30:00Z')
    expect(data<Points>(await as('demo-member-01')('points.mine')).year).toBe(2026)
  })

  it('answers zero, not an error, for a member with no rows', async () => {
    const { as } = await withLedger()
    expect(data<Points>(await as('demo-member-03')('points.mine'))).toMatchObject({ total: 0, byKind: {}, studyHours: 0 })
  })

  it('sums every row, more than one page of 100', async () => {
    const { as, storage } = await aRouter()
    for (let i = 0; i < 130; i++) await storage.insert('ledger', aLedgerEntry().forMember('demo-member-05').worth(1).build())
    expect(data<Points>(await as('demo-member-05')('points.mine')).total).toBe(130)
  })

  it("uses the branch's 学时 targets, the committee's for its leadership", async () => {
    const { as, storage } = await aRouter()
    await storage.update('branches', 'demo-branch', { settings: { targetHours: 24, committeeTargetHours: 40 } })
    expect(data<Points>(await as('demo-member-01')('points.mine')).targetHours).toBe(24)
    expect(data<Points>(await as('demo-secretary')('points.mine')).targetHours).toBe(40)
    expect(data<Points>(await as('demo-committee')('points.mine')).targetHours).toBe(40)
  })
})

describe('the party_committee, every action through the router (CONTRACT §7)', () => {
  /** A user who only oversees a 党委 over the demo branch: no branch role of their own. */
  async function anOverseer() {
    const router = await aRouter()
    data(await router.as('wx-org')('org.create', { name: '示例党委', setupCode: 'router-test-setup-code', overseerName: '吴卫东' }))
    const { code } = data<{ code: string }>(await router.as('wx-org')('org.code', {}))
    data(await router.as('demo-secretary')('org.attach', { code }))
    return router
  }

  it.each(Object.keys(VALID_PAYLOAD) as ActionName[])('%s', async (action) => {
    const { as } = await anOverseer()
    const envelope = await as('wx-org')(action, VALID_PAYLOAD[action])
    const audience = ACTIONS[action].who
    if (audience === 'anyone') expect(envelope.ok || ['CONFLICT', 'NOT_FOUND'].includes(envelope.error.code)).toBe(true)
    else if (mayCall(audience, null, true)) expect(reachedUseCase(envelope)).toBe(true)
    else expect(envelope).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})
