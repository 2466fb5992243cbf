/**
 * Property-based fuzzing of every action through the router (issue 9, proof in CI): at least
 * 10,000 payloads of wrong types, huge strings, `$` operators, `__proto__`/`constructor` keys,
 * unicode edge cases and impossible dates, from every kind of caller, against one demo branch
 * holding real meetings, a leave, a quiz and a check-in token (so that payloads reach the use
 * cases, not only validation).
 *
 * Pass: no INTERNAL, every refusal a known code with a Chinese message, and a refused call
 * changes nothing stored — every write through the storage port is watched, and every 20th
 * refused call is also checked against a full snapshot of the store. The figures are printed.
 */
import fc from 'fast-check'
import { ACTIONS, type ActionName } from '../cloudfunctions/core/actions'
import { INDEXES } from '../cloudfunctions/core/indexes'
import type { CollectionName, Storage } from '../cloudfunctions/core/ports'
import { createRouter } from '../cloudfunctions/core/router'
import type { ErrorCode } from '../types/envelope'
import { DEMO, theDemoBranch, type DemoBranch } from './support/app'
import { aMeeting } from './support/builders'

const RUNS = 10_000
const SNAPSHOT_EVERY = 20
const NOW = '2026-05-20T14:40:00+08:00'
const KNOWN_CODES: ReadonlySet<ErrorCode> = new Set([
  'UNAUTHENTICATED',
  'NOT_MEMBER',
  'FORBIDDEN',
  'INVALID_INPUT',
  'UNKNOWN_ACTION',
  'NOT_FOUND',
  'CONFLICT',
  'TOKEN_INVALID',
  'TOKEN_EXPIRED',
  'CHECKIN_CLOSED',
  'NOT_INVITED',
])
const CHINESE = /[\u4e00-\u9fff]/
/** Mostly callers who get past the role check, so that payloads reach validation and the use cases. */
const CALLERS = [DEMO.secretary, DEMO.secretary, DEMO.secretary, DEMO.committee, DEMO.leader1, DEMO.member(1), DEMO.member(1), DEMO.member(12), 'wx-stranger', null]
/** The actions that take the deployment's setup code (CONTRACT §5, and §7's org.create). */
const SETUP_CODE_ACTIONS: unknown[] = ['branch.create', 'org.create']
/** The one refusal that writes, by design: a wrong setup code is counted (lockout after repeated tries). */
const allowedWrites = (event: { action: unknown }, code: string) =>
  SETUP_CODE_ACTIONS.includes(event.action) && code === 'FORBIDDEN' ? ['updateWhere throttles', 'insert throttles'] : []

/** Writes through the port that took effect, while `watching`. */
interface Watch {
  writes: string[]
}
const MUTATORS = new Set(['insert', 'update', 'updateWhere', 'remove'])

function watched(watch: Watch) {
  return (real: Storage): Storage =>
    new Proxy(real, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target)
        if (typeof value !== 'function') return value
        if (typeof prop !== 'string' || !MUTATORS.has(prop)) return value.bind(target)
        return async (collection: CollectionName, ...rest: unknown[]) => {
          const done = await (value as (...a: unknown[]) => Promise<unknown>).call(target, collection, ...rest)
          if (prop !== 'updateWhere' || done) watch.writes.push(`${prop} ${collection}`)
          return done
        }
      },
    })
}

/** Every document in the store; the setup-code lockout's counters left out where a refusal may count a try. */
async function snapshot(app: DemoBranch, event: { action: unknown }): Promise<string> {
  const collections = (Object.keys(INDEXES) as CollectionName[]).filter((c) => c !== 'throttles' || !SETUP_CODE_ACTIONS.includes(event.action))
  const all = await Promise.all(collections.map((c) => app.storage.find(c, {}, { orderBy: [['id', 'asc']] })))
  return JSON.stringify(all)
}

/** The branch the fuzzer attacks: meetings before, during and after now, a leave, a question, a quiz and a live code. */
async function theTarget() {
  const watch: Watch = { writes: [] }
  const app = await theDemoBranch({ at: '2026-05-20T10:00:00+08:00', storage: watched(watch) })
  const sec = app.as(DEMO.secretary)
  const running = (await sec.ok('meeting.create', aMeeting().startingAt('2026-05-20T14:30:00+08:00').build())).meeting
  const later = (await sec.ok('meeting.create', aMeeting('lecture').startingAt('2026-05-25T14:30:00+08:00').build())).meeting
  const leave = await app.as(DEMO.member(2)).ok('leave.request', { meetingId: later.id, reason: '出差在外地' })
  const question = (await sec.ok('question.create', { type: 'judge', stem: '党的最高理想是实现共产主义', answer: [0] })).question
  const quiz = (await sec.ok('quiz.create', { title: '五月测试', questionIds: [question.id], opensAt: '2026-05-20T00:00:00+08:00', closesAt: '2026-05-31T23:59:00+08:00', timeLimitMin: 20 })).quiz
  app.clock.set(NOW)
  const token = (await sec.ok('checkin.code', { meetingId: running.id })).token
  const ids = [running.id, later.id, leave.leaveId, question.id, quiz.id, DEMO.member(1), DEMO.member(3), DEMO.secretary, DEMO.group1, 'no-such-thing']
  return { app, watch, token, ids }
}

/** Values that survive JSON (what the wire can carry), chosen to break things. */
function junk(ids: string[], token: string): fc.Arbitrary<unknown> {
  const evilStrings = fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '学习\u202E反向',
    '\uD800',
    '\uDFFF孤',
    '\u200B\u200B\u200B',
    '\u3164\uFEFF',
    '👨‍👩‍👧‍👦🇨🇳',
    'e\u0301\u0301\u0301',
    'a'.repeat(100_000),
    '党'.repeat(5_000),
    '2026-02-30',
    '2026-13-01',
    '2026-02-30T10:00:00+08:00',
    '2026-04-31T25:61:00+08:00',
    '9999-12-31T23:59:59+08:00',
    '0000-01-01T00:00:00Z',
    '2026-05',
    '2026-00',
    '$where',
    '$ne',
    '__proto__',
    'constructor',
    'prototype',
    '<script>alert(1)</script>',
    '=HYPERLINK("http://x")',
    '../../etc/passwd',
    'NaN',
    '-0',
    token,
    `${token}x`,
    ...ids,
  )
  const operators = fc.constantFrom<unknown>(
    { $ne: null },
    { $gt: '' },
    { $in: ids },
    { $exists: true },
    { $regex: '.*' },
    { $where: 'this.roles' },
    JSON.parse('{"__proto__": {"roles": ["secretary"], "isAdmin": true}}'),
    JSON.parse('{"constructor": {"prototype": {"roles": ["secretary"]}}}'),
  )
  const plausible = fc.constantFrom<unknown>(
    '2026-05-20',
    '2026-05',
    '2026-05-20T14:30:00+08:00',
    '2026-05-20T16:30:00+08:00',
    'original',
    'single',
    'judge',
    'branch_assembly',
    'employed',
    'accept',
    'left',
    'full',
    '学习党章第一章',
    '因公出差，无法参加',
    2026,
    30,
    4500,
    0,
    -1,
    1e308,
    2 ** 53,
    true,
    false,
    [0],
    [0, 1, 99],
    { kind: 'branch' },
    { kind: 'group', groupId: DEMO.group1 },
    { name: 'a.csv', contentBase64: 'AAAA' },
  )
  const scalar = fc.oneof(evilStrings, plausible, operators, fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null))
  return fc.oneof({ weight: 6, arbitrary: scalar }, { weight: 1, arbitrary: fc.array(scalar, { maxLength: 5 }) }, { weight: 1, arbitrary: fc.jsonValue({ depthSize: 'small' }) })
}

/** A payload as JSON would parse it: own `__proto__` keys and all. */
function asParsed(entries: Array<[string, unknown]>): Record<string, unknown> {
  return JSON.parse(`{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v) ?? 'null'}`).join(',')}}`)
}

const fieldsOf = (action: ActionName): string[] => {
  const shape = (ACTIONS[action].input as unknown as { shape?: Record<string, unknown> }).shape
  return shape ? Object.keys(shape) : []
}

describe('fuzzing every action through the router', () => {
  it(`${RUNS.toLocaleString('en')} payloads: no INTERNAL, every refusal a known code in Chinese, nothing stored by a refusal`, async () => {
    const { app, watch, token, ids } = await theTarget()
    const handle = createRouter(app.ports)
    const actions = Object.keys(ACTIONS) as ActionName[]
    const value = junk(ids, token)
    const evilKeys = fc.constantFrom('__proto__', 'constructor', 'prototype', '$where', '$set', 'toString', 'hasOwnProperty', 'branchId', 'openid', 'roles', 'score')
    const payloadOf = (action: ActionName) => {
      const fields = fieldsOf(action)
      const named = fields.length ? fc.array(fc.tuple(fc.constantFrom(...fields), value), { maxLength: fields.length + 2 }) : fc.constant([])
      const extra = fc.array(fc.tuple(fc.oneof(evilKeys, fc.string({ maxLength: 8 })), value), { maxLength: 2 })
      return fc.oneof(
        { weight: 8, arbitrary: fc.tuple(named, extra).map(([a, b]) => asParsed([...a, ...b])) },
        { weight: 1, arbitrary: value },
        { weight: 1, arbitrary: fc.constant(undefined) },
      )
    }
    const call = fc.oneof(
      { weight: 20, arbitrary: fc.constantFrom(...actions).chain((action) => fc.record({ action: fc.constant<unknown>(action), payload: payloadOf(action) })) },
      { weight: 1, arbitrary: fc.record({ action: value, payload: value }) },
    )

    const figures = { calls: 0, refused: 0, accepted: 0, snapshots: 0, codes: {} as Record<string, number>, actions: new Set<string>() }
    const started = Date.now()
    await fc.assert(
      fc.asyncProperty(call, fc.constantFrom(...CALLERS), async (event, openid) => {
        figures.calls += 1
        const checkSnapshot = figures.refused % SNAPSHOT_EVERY === 0
        const before = checkSnapshot ? await snapshot(app, event) : ''
        watch.writes = []
        const envelope = await handle(event, openid === null ? null : { openid })
        if (typeof event.action === 'string') figures.actions.add(event.action)
        if (envelope.ok) {
          figures.accepted += 1
          return
        }
        figures.refused += 1
        const { code, message } = envelope.error
        figures.codes[code] = (figures.codes[code] ?? 0) + 1
        expect(KNOWN_CODES.has(code)).toBe(true)
        expect(message).toMatch(CHINESE)
        const allowed = allowedWrites(event, code)
        expect(watch.writes.filter((w) => !allowed.includes(w))).toEqual([])
        if (checkSnapshot) {
          figures.snapshots += 1
          expect(await snapshot(app, event)).toBe(before)
        }
      }),
      { numRuns: RUNS, seed: 20261202, endOnFailure: true },
    )
    const seconds = (Date.now() - started) / 1000
    console.log(
      `fuzz: ${figures.calls} payloads over ${figures.actions.size} action names (${actions.length} declared) in ${seconds.toFixed(1)} s; ` +
        `${figures.refused} refused, ${figures.accepted} accepted; ${figures.snapshots} full-store snapshots compared; codes ${JSON.stringify(figures.codes)}`,
    )
    expect(figures.calls).toBeGreaterThanOrEqual(RUNS)
    expect(app.log.lines.filter((l) => l.msg.includes('INTERNAL'))).toEqual([])
  }, 120_000)

  it('would see a refused call that writes: a wrong setup code is the one refusal that records (its try is counted)', async () => {
    const { app, watch } = await theTarget()
    watch.writes = []
    // The whole store, counters included: the watcher and the snapshot both see the counted try.
    const everything = { action: 'any' }
    const before = await snapshot(app, everything)
    const envelope = await app.as('wx-stranger').raw('branch.create', { name: '新的党支部', setupCode: 'wrong-code', secretaryName: '张三' })
    expect(envelope).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(watch.writes).toEqual(['insert throttles'])
    expect(await snapshot(app, everything)).not.toBe(before)
  })
})
