/**
 * The `remind` timer decides in code, in Asia/Shanghai, what is due at the clock's time, and sends
 * each reminder at most once, to members who still hold a subscription credit for its template.
 * `npm test` runs this suite under TZ=UTC too, where CloudBase runs it.
 *
 * The demo branch is seeded at the test's clock, so its dues history ends the month before: nobody
 * has paid the current month yet. 2026-05-22 is both 主题党日 (14:30–16:30) and 党费缴纳日.
 */
import type { ActionName, Payload, Result } from './actions'
import type { Envelope } from '../../types/envelope'
import type { BranchSchedule, Member, TemplateKind } from '../../types/models'
import { TEMPLATE_FIELDS, THING_MAX, type FieldType } from './domain/template-fit'
import { aBranch as aBranchBuilder, aMember } from '../../tests/support/builders'
import { fixedClock } from '../../tests/support/clock'
import { recordingLogger } from '../../tests/support/log'
import type { MessageSender, OutgoingMessage, Ports, SendResult } from './ports'
import { handleRemind } from './remind-entry'
import { runRemind, type RemindOptions } from './remind'
import { MAX_ATTEMPTS } from './domain/remind-plan'
import { REMIND_JOB_ID, sendId, themeDayId } from './records/ids'
import { ERR_NO_CREDIT } from './records/sends'
import { createRouter } from './router'
import { openLocalRuntime } from './runtime/local'
import { seedDemoBranch } from './seed'

const BRANCH = 'demo-branch'
const member = (n: number) => `demo-member-${String(n).padStart(2, '0')}`
const MAY_THEME_DAY = { kind: 'theme_day', month: '2026-05' } as const
const EVENING_BEFORE = '2026-05-21T18:00:00+08:00'
const MORNING_OF = '2026-05-22T08:00:00+08:00'

async function aRemindRun(at: string, opts: { sender?: (real: MessageSender) => MessageSender } = {}) {
  const log = recordingLogger()
  const runtime = await openLocalRuntime({ dataDir: null, seed: false, log })
  const clock = fixedClock(at)
  await seedDemoBranch({ storage: runtime.storage, clock })
  const sender = opts.sender ? opts.sender(runtime.sender) : runtime.sender
  const ports: Ports = { ...runtime.ports, clock, sender }
  const handle = createRouter(ports)
  const as = (openid: string) => async <K extends ActionName>(action: K, payload: Payload<K>): Promise<Result<K>> => {
    const envelope = (await handle({ action, payload }, { openid })) as Envelope<Result<K>>
    if (!envelope.ok) throw new Error(`${action} as ${openid}: ${envelope.error.code} ${envelope.error.message}`)
    return envelope.data
  }
  return {
    ports,
    clock,
    log,
    storage: runtime.storage,
    as,
    run: (options?: RemindOptions) => runRemind(ports, options),
    outbox: () => runtime.sender.messages(),
    /** Each openid taps 允许 for the given templates, `times` times. */
    grant: async (openids: string[], kinds: TemplateKind[], times = 1) => {
      for (const openid of openids) {
        for (let i = 0; i < times; i++) {
          await as(openid)('subscription.record', { results: Object.fromEntries(kinds.map((k) => [k, 'accept'])) })
        }
      }
    },
    credits: async (openid: string) => (await as(openid)('subscription.mine', {})).credits,
  }
}

/** "openid kind" of each message, sorted: who got what. */
const deliveries = (messages: OutgoingMessage[]) => messages.map((m) => `${m.openid} ${m.kind}`).sort()

/** A sender that answers `errCode` for the given openids (the first `times` calls each) and delivers the rest. */
function flakySender(errCode: number, openids: string[], times = Infinity) {
  const calls: OutgoingMessage[] = []
  const failures = new Map<string, number>()
  return {
    calls,
    wrap: (real: MessageSender): MessageSender => ({
      async send(message): Promise<SendResult> {
        calls.push(message)
        const n = failures.get(message.openid) ?? 0
        if (openids.includes(message.openid) && n < times) {
          failures.set(message.openid, n + 1)
          return { ok: false, errCode, errMsg: errCode === ERR_NO_CREDIT ? 'user refuse to accept the msg' : 'system error' }
        }
        return real.send(message)
      },
    }),
  }
}

const aBranch = (id: string, schedule: Partial<BranchSchedule> = {}) => aBranchBuilder(id).withSchedule(schedule).build()

/** A member bound to WeChat, with a 核定 amount (a member without one gets no dues reminder). */
const boundMember = (branchId: string, openid: string): Member => ({
  ...aMember(openid).inBranch(branchId).boundTo(openid).build(),
  dues: { category: 'student', amount: 20 },
})

/** A due entry of the report: `theme:` and `dues:` keys are the stored event keys. */
const dueOf = (kind: TemplateKind, key: 'theme' | 'dues') => (moment: string, eventDate: string, branchId = BRANCH) => ({
  branchId,
  kind,
  eventKey: `${key}:${eventDate.slice(0, 7)}`,
  moment,
  eventDate,
})
const theme = dueOf('meeting_reminder', 'theme')
const dues = dueOf('dues_reminder', 'dues')

describe('what is due', () => {
  it.each([
    ['2026-05-21T17:59:00+08:00', []],
    [EVENING_BEFORE, [theme('day_before', '2026-05-22'), dues('day_before', '2026-05-22')]],
    ['2026-05-22T07:59:00+08:00', [theme('day_before', '2026-05-22'), dues('day_before', '2026-05-22')]],
    [MORNING_OF, [theme('morning_of', '2026-05-22'), dues('morning_of', '2026-05-22')]],
    ['2026-05-22T14:29:00+08:00', [theme('morning_of', '2026-05-22'), dues('morning_of', '2026-05-22')]],
    // The 主题党日 has started: its reminder can no longer help; dues can be paid until the evening.
    ['2026-05-22T14:30:00+08:00', [dues('morning_of', '2026-05-22')]],
    ['2026-05-22T20:00:00+08:00', []],
  ])('at %s: the evening before (18:00) and the morning of (08:00) 主题党日 and 党费缴纳日', async (at, due) => {
    const { run } = await aRemindRun(at)
    expect((await run()).due).toEqual(due)
  })

  it('at 16:30 UTC is the next day in Shanghai: 00:30 on 2026-09-24, the evening-before reminder still due', async () => {
    const { run } = await aRemindRun('2026-09-23T16:30:00Z')
    const report = await run()
    expect(report.today).toBe('2026-09-24')
    expect(report.runKey).toBe('2026-09-24T00')
    expect(report.due).toEqual([theme('day_before', '2026-09-24'), dues('day_before', '2026-09-24')])
  })

  it('at 16:30 UTC a day earlier (00:30 on 09-23 in Shanghai) nothing is due yet', async () => {
    const { run } = await aRemindRun('2026-09-22T16:30:00Z')
    const report = await run()
    expect(report.today).toBe('2026-09-23')
    expect(report.due).toEqual([])
  })

  it('at 10:00 UTC (18:00 in Shanghai) on 09-23 it is the evening before the day 中秋 moved to 09-24', async () => {
    const { run } = await aRemindRun('2026-09-23T10:00:00Z')
    expect((await run()).due).toEqual([theme('day_before', '2026-09-24'), dues('day_before', '2026-09-24')])
  })

  it('on the morning of the shifted day (2026-09-24) is the morning-of reminder', async () => {
    const { run } = await aRemindRun('2026-09-24T08:00:00+08:00')
    expect((await run()).due).toEqual([theme('morning_of', '2026-09-24'), dues('morning_of', '2026-09-24')])
  })

  it.each(['2026-09-24T18:00:00+08:00', '2026-09-25T08:00:00+08:00', '2026-09-25T12:00:00+08:00'])(
    'is nothing for the holiday the day moved away from (2026-09-25 中秋), at %s',
    async (at) => {
      const { run } = await aRemindRun(at)
      const report = await run()
      expect(report.due.filter((d) => d.eventDate === '2026-09-25')).toEqual([])
      if (at.startsWith('2026-09-25')) expect(report.due).toEqual([])
    },
  )

  it("is next month's day when a holiday moved it into this month, under next month's key", async () => {
    // A branch meeting on the 1st: 2026-10-01 is 国庆, so October's day is Wednesday 09-30.
    const { run, storage } = await aRemindRun('2026-09-29T18:00:00+08:00')
    const firstOfMonth = { kind: 'day_of_month', day: 1 } as const
    await storage.insert('branches', aBranch('first-of-month', { themeDayRule: firstOfMonth, duesDayRule: firstOfMonth }))
    const due = (await run()).due.filter((d) => d.branchId === 'first-of-month')
    expect(due).toEqual([
      { branchId: 'first-of-month', kind: 'meeting_reminder', eventKey: 'theme:2026-10', moment: 'day_before', eventDate: '2026-09-30' },
      { branchId: 'first-of-month', kind: 'dues_reminder', eventKey: 'dues:2026-10', moment: 'day_before', eventDate: '2026-09-30' },
    ])
  })

  it('sends no dues reminder to a member whose amount is not set yet (it would say 0.00元)', async () => {
    const { run, storage, grant, outbox } = await aRemindRun('2026-09-23T18:00:00+08:00')
    await storage.insert('members', { ...boundMember(BRANCH, 'wx-unset'), dues: null })
    await grant(['wx-unset'], ['meeting_reminder', 'dues_reminder'])
    await run()
    expect((await outbox()).filter((m) => m.openid === 'wx-unset').map((m) => m.kind)).toEqual(['meeting_reminder'])
  })

  it("reminds of next month's moved day even though this month's day was reminded earlier", async () => {
    const firstOfMonth = { kind: 'day_of_month', day: 1 } as const
    const { run, storage, clock, grant, outbox } = await aRemindRun('2026-08-31T18:00:00+08:00')
    await storage.insert('branches', aBranch('first-of-month', { themeDayRule: firstOfMonth, duesDayRule: firstOfMonth }))
    await storage.insert('members', boundMember('first-of-month', 'wx-first'))
    await grant(['wx-first'], ['meeting_reminder', 'dues_reminder'])
    await run() // the evening before 09-01
    await grant(['wx-first'], ['meeting_reminder', 'dues_reminder'])
    clock.set('2026-09-29T18:00:00+08:00')
    await run() // the evening before 09-30, October's day
    const mine = (await outbox()).filter((m) => m.openid === 'wx-first')
    expect(mine.map((m) => [m.kind, m.data.thing1])).toEqual([
      ['meeting_reminder', '9月主题党日'],
      ['dues_reminder', '9月党费'],
      ['meeting_reminder', '10月主题党日'],
      ['dues_reminder', '10月党费'],
    ])
  })

  it('is the same when the timer fires twice', async () => {
    const { run } = await aRemindRun(EVENING_BEFORE)
    expect((await run()).due).toEqual((await run()).due)
  })

  it('looks at every branch, more than one page of 100', async () => {
    const { run, storage, grant, outbox } = await aRemindRun(EVENING_BEFORE)
    for (let i = 0; i < 150; i++) await storage.insert('branches', aBranch(`b-${String(i).padStart(3, '0')}`))
    // On the second page (ids after the first 100 in order).
    await storage.insert('members', boundMember('b-149', 'wx-b-149'))
    await grant(['wx-b-149'], ['meeting_reminder'])
    const report = await run()
    expect(report.branches).toBe(151)
    expect(report.due.filter((d) => d.kind === 'meeting_reminder')).toHaveLength(151)
    expect(deliveries(await outbox())).toEqual(['wx-b-149 meeting_reminder'])
  })
})

describe('who gets a reminder', () => {
  it('a member with a credit for the template, spending exactly one; nobody without one', async () => {
    const { run, grant, credits, outbox } = await aRemindRun(EVENING_BEFORE)
    await grant([member(1)], ['meeting_reminder'], 2)
    await grant([member(1)], ['dues_reminder'])
    await grant([member(2)], ['meeting_reminder'])
    await grant([member(3)], ['dues_reminder'])

    const report = await run()
    expect(report).toMatchObject({ sent: 4, failed: 0, noCredit: 0, partial: false })
    expect(deliveries(await outbox())).toEqual([
      `${member(1)} dues_reminder`,
      `${member(1)} meeting_reminder`,
      `${member(2)} meeting_reminder`,
      `${member(3)} dues_reminder`,
    ])
    expect(await credits(member(1))).toEqual({ meeting_reminder: 1, dues_reminder: 0 })
    expect(await credits(member(2))).toEqual({ meeting_reminder: 0, dues_reminder: 0 })
    expect(await credits(member(3))).toEqual({ meeting_reminder: 0, dues_reminder: 0 })
  })

  it('says what and when: the evening before, then the morning of, each once', async () => {
    const { run, clock, grant, outbox } = await aRemindRun(EVENING_BEFORE)
    await grant([member(1)], ['meeting_reminder', 'dues_reminder'], 2)
    await run()
    clock.set(MORNING_OF)
    await run()
    const messages = await outbox()
    expect(messages.map((m) => ({ kind: m.kind, page: m.page, data: m.data }))).toEqual([
      {
        kind: 'meeting_reminder',
        page: `pages/meeting-detail/index?id=${themeDayId(BRANCH, '2026-05')}`,
        data: { thing1: '5月主题党日', time2: '2026年5月22日 14:30', thing3: '地点待通知', thing4: '明天是主题党日，请准时参加' },
      },
      {
        kind: 'dues_reminder',
        page: 'pages/dues/index',
        // demo-member-01 is employed with a base of 8500.00 元: 1.5%.
        data: { thing1: '5月党费', date2: '2026年5月22日', amount3: '127.50元', thing4: '明天是党费缴纳日，请按时缴纳' },
      },
      expect.objectContaining({ kind: 'meeting_reminder', data: expect.objectContaining({ thing4: '今天是主题党日，请准时参加' }) }),
      expect.objectContaining({ kind: 'dues_reminder', data: expect.objectContaining({ thing4: '今天是党费缴纳日，请按时缴纳' }) }),
    ])
  })

  it('dues reminders only to members who have not paid that month', async () => {
    const { run, grant, as, clock, outbox, credits } = await aRemindRun('2026-05-21T12:00:00+08:00')
    await grant([member(1), member(2), member(3)], ['dues_reminder'])
    await as(member(2))('dues.pay', { month: '2026-05' })
    await as('demo-secretary')('dues.confirm', { memberId: member(3), month: '2026-05' })
    clock.set(EVENING_BEFORE)
    await run()
    expect(deliveries(await outbox())).toEqual([`${member(1)} dues_reminder`])
    expect((await credits(member(2))).dues_reminder).toBe(1)
    expect((await credits(member(3))).dues_reminder).toBe(1)
  })

  it('any other meeting: about 2 h before it starts, not to members on approved leave', async () => {
    const { run, grant, as, clock, outbox } = await aRemindRun('2026-05-19T09:00:00+08:00')
    const { meeting } = await as('demo-secretary')('meeting.create', {
      type: 'branch_assembly',
      title: '支部党员大会',
      startAt: '2026-05-19T14:30:00+08:00',
      endAt: '2026-05-19T16:30:00+08:00',
      location: '三楼会议室',
    })
    await grant([member(1), member(2), member(3)], ['meeting_reminder'])
    const leave = await as(member(2))('leave.request', { meetingId: meeting.id, reason: '出差在外' })
    await as('demo-secretary')('leave.review', { leaveId: leave.leaveId, approve: true })
    await as(member(3))('leave.request', { meetingId: meeting.id, reason: '家中有事' }) // still pending

    clock.set('2026-05-19T12:29:00+08:00')
    expect(await run()).toMatchObject({ due: [], sent: 0 })
    clock.set('2026-05-19T12:30:00+08:00')
    const report = await run()
    expect(report.due).toEqual([
      { branchId: BRANCH, kind: 'meeting_reminder', eventKey: `meeting:${meeting.id}`, moment: 'before_start', eventDate: '2026-05-19' },
    ])
    const messages = await outbox()
    expect(deliveries(messages)).toEqual([`${member(1)} meeting_reminder`, `${member(3)} meeting_reminder`])
    expect(messages[0]).toMatchObject({
      page: `pages/meeting-detail/index?id=${meeting.id}`,
      data: { thing1: '支部党员大会', time2: '2026年5月19日 14:30', thing3: '三楼会议室', thing4: '即将开始，请准时参加' },
    })
  })

  it('a committee meeting reminds only its invitees', async () => {
    const { run, grant, as, clock, outbox } = await aRemindRun('2026-05-19T09:00:00+08:00')
    await as('demo-secretary')('meeting.create', {
      type: 'committee',
      title: '五月支委会',
      startAt: '2026-05-19T15:00:00+08:00',
      endAt: '2026-05-19T16:00:00+08:00',
      scope: { kind: 'committee' },
    })
    await grant(['demo-secretary', 'demo-committee', member(1)], ['meeting_reminder'])
    clock.set('2026-05-19T13:00:00+08:00')
    await run()
    expect(deliveries(await outbox())).toEqual(['demo-committee meeting_reminder', 'demo-secretary meeting_reminder'])
  })

  it('a meeting that has started is not reminded any more, and no credit is spent', async () => {
    const { grant, as, clock, credits, ports } = await aRemindRun('2026-05-19T09:00:00+08:00')
    const sender = flakySender(0, [])
    const watched: Ports = { ...ports, sender: sender.wrap(ports.sender) }
    await as('demo-secretary')('meeting.create', {
      type: 'lecture',
      title: '专题党课',
      startAt: '2026-05-19T14:30:00+08:00',
      endAt: '2026-05-19T16:00:00+08:00',
    })
    await grant([member(1)], ['meeting_reminder'])
    clock.set('2026-05-19T14:30:00+08:00')
    expect(await runRemind(watched)).toMatchObject({ due: [], sent: 0 })
    // After the 主题党日 has started, and after dues day is over.
    clock.set('2026-05-22T15:00:00+08:00')
    expect((await runRemind(watched)).due.map((d) => d.kind)).toEqual(['dues_reminder'])
    clock.set('2026-05-22T21:00:00+08:00')
    expect((await runRemind(watched)).due).toEqual([])
    expect(sender.calls).toEqual([])
    expect(await credits(member(1))).toEqual({ meeting_reminder: 1, dues_reminder: 0 })
  })
})

describe('never twice', () => {
  const everyone = [
    'demo-secretary',
    'demo-committee',
    'demo-leader-1',
    ...Array.from({ length: 20 }, (_, i) => member(i + 1)),
  ]

  it('the timer run twice at the same time sends each message once and spends each credit once', async () => {
    const { ports, grant, outbox, credits } = await aRemindRun(EVENING_BEFORE)
    await grant(everyone, ['meeting_reminder', 'dues_reminder'])
    const [a, b] = await Promise.all([runRemind(ports), runRemind(ports)])
    const messages = await outbox()
    expect(messages).toHaveLength(2 * everyone.length)
    expect(new Set(deliveries(messages)).size).toBe(messages.length)
    expect(a.sent + b.sent).toBe(2 * everyone.length)
    expect(a.notices + b.notices).toBe(2)
    for (const openid of everyone) expect(await credits(openid)).toEqual({ meeting_reminder: 0, dues_reminder: 0 })
  })

  it('the timer run twice in a row sends nothing the second time', async () => {
    const { run, grant, outbox, credits } = await aRemindRun(EVENING_BEFORE)
    await grant(everyone, ['meeting_reminder', 'dues_reminder'], 2)
    expect(await run()).toMatchObject({ sent: 46, skipped: 0 })
    expect(await run()).toMatchObject({ sent: 0, skipped: 46 })
    expect(await outbox()).toHaveLength(46)
    for (const openid of everyone) expect(await credits(openid)).toEqual({ meeting_reminder: 1, dues_reminder: 1 })
  })

  it('every hourly run of the same evening finds the reminder already sent', async () => {
    const { run, grant, clock, outbox } = await aRemindRun(EVENING_BEFORE)
    await grant([member(1)], ['meeting_reminder'], 5)
    for (const hour of ['18', '19', '20', '21', '22', '23']) {
      clock.set(`2026-05-21T${hour}:00:00+08:00`)
      await run()
    }
    expect(deliveries(await outbox())).toEqual([`${member(1)} meeting_reminder`])
  })
})

describe('a failed send', () => {
  it('is recorded with its error code, its credit given back, and retried by a later run while it can still help', async () => {
    const sender = flakySender(-1, [member(1)], 1)
    const { run, grant, clock, outbox, storage, credits, log } = await aRemindRun(EVENING_BEFORE, { sender: sender.wrap })
    await grant([member(1)], ['meeting_reminder'])
    expect(await run()).toMatchObject({ sent: 0, failed: 1 })
    const id = sendId(BRANCH, MAY_THEME_DAY, 'day_before', member(1))
    expect(await storage.get('sends', id)).toMatchObject({ state: 'failed', errCode: -1, attempts: 1, sentAt: null })
    expect(await credits(member(1))).toEqual({ meeting_reminder: 1, dues_reminder: 0 })
    expect(log.lines).toContainEqual(expect.objectContaining({ level: 'error', msg: 'remind send failed', fields: expect.objectContaining({ errCode: -1 }) }))
    expect(await outbox()).toEqual([])

    clock.set('2026-05-21T19:00:00+08:00')
    expect(await run()).toMatchObject({ sent: 1, failed: 0 })
    expect(await storage.get('sends', id)).toMatchObject({ state: 'sent', errCode: null, attempts: 2 })
    expect(await credits(member(1))).toEqual({ meeting_reminder: 0, dues_reminder: 0 })
    expect(deliveries(await outbox())).toEqual([`${member(1)} meeting_reminder`])
  })

  it(`is tried at most ${MAX_ATTEMPTS} times`, async () => {
    const sender = flakySender(-1, [member(1)])
    const { run, grant, clock, storage, credits } = await aRemindRun(EVENING_BEFORE, { sender: sender.wrap })
    await grant([member(1)], ['meeting_reminder'])
    for (const hour of ['18', '19', '20', '21', '22']) {
      clock.set(`2026-05-21T${hour}:00:00+08:00`)
      await run()
    }
    expect(sender.calls).toHaveLength(MAX_ATTEMPTS)
    expect(await storage.get('sends', sendId(BRANCH, MAY_THEME_DAY, 'day_before', member(1)))).toMatchObject({
      state: 'failed',
      attempts: MAX_ATTEMPTS,
    })
    expect(await credits(member(1))).toEqual({ meeting_reminder: 1, dues_reminder: 0 })
  })

  it('is not retried once it can no longer help; the next moment is its own send', async () => {
    const sender = flakySender(-1, [member(1)], 1)
    const { run, grant, clock, storage, outbox } = await aRemindRun(EVENING_BEFORE, { sender: sender.wrap })
    await grant([member(1)], ['meeting_reminder'])
    await run()
    clock.set(MORNING_OF)
    await run()
    expect(sender.calls.map((m) => m.data.thing4)).toEqual(['明天是主题党日，请准时参加', '今天是主题党日，请准时参加'])
    expect(await storage.get('sends', sendId(BRANCH, MAY_THEME_DAY, 'day_before', member(1)))).toMatchObject({ state: 'failed', attempts: 1 })
    expect((await outbox()).map((m) => m.data.thing4)).toEqual(['今天是主题党日，请准时参加'])
  })

  it('that threw (network) is recorded as -1 and retried', async () => {
    let thrown = false
    const { run, grant, clock, storage, outbox } = await aRemindRun(EVENING_BEFORE, {
      sender: (real) => ({
        async send(m) {
          if (!thrown) {
            thrown = true
            throw new Error('socket hang up')
          }
          return real.send(m)
        },
      }),
    })
    await grant([member(1)], ['meeting_reminder'])
    expect(await run()).toMatchObject({ failed: 1 })
    expect(await storage.get('sends', sendId(BRANCH, MAY_THEME_DAY, 'day_before', member(1)))).toMatchObject({
      state: 'failed',
      errCode: -1,
      errMsg: 'socket hang up',
    })
    clock.set('2026-05-21T19:00:00+08:00')
    expect(await run()).toMatchObject({ sent: 1 })
    expect(await outbox()).toHaveLength(1)
  })

  it(`answered ${ERR_NO_CREDIT} (no credit) zeroes the credit and is not retried`, async () => {
    const sender = flakySender(ERR_NO_CREDIT, [member(1)])
    const { run, grant, clock, storage, credits } = await aRemindRun(EVENING_BEFORE, { sender: sender.wrap })
    await grant([member(1)], ['meeting_reminder'], 3)
    expect(await run()).toMatchObject({ sent: 0, failed: 0, noCredit: 1 })
    expect(await storage.get('sends', sendId(BRANCH, MAY_THEME_DAY, 'day_before', member(1)))).toMatchObject({
      state: 'no_credit',
      errCode: ERR_NO_CREDIT,
      attempts: 1,
    })
    expect(await credits(member(1))).toEqual({ meeting_reminder: 0, dues_reminder: 0 })
    for (const at of ['2026-05-21T19:00:00+08:00', MORNING_OF]) {
      clock.set(at)
      await run()
    }
    expect(sender.calls).toHaveLength(1)
  })

  it('is not resent to a member who checked in meanwhile; the others are retried', async () => {
    const sender = flakySender(-1, [member(1), member(2)], 1)
    const { run, grant, as, clock, outbox } = await aRemindRun('2026-05-19T09:00:00+08:00', { sender: sender.wrap })
    const { meeting } = await as('demo-secretary')('meeting.create', {
      type: 'group',
      title: '第一党小组学习会',
      startAt: '2026-05-19T14:30:00+08:00',
      endAt: '2026-05-19T16:00:00+08:00',
      scope: { kind: 'group', groupId: 'demo-group-1' },
    })
    await grant([member(1), member(2)], ['meeting_reminder'])
    clock.set('2026-05-19T12:30:00+08:00')
    expect(await run()).toMatchObject({ failed: 2 })
    clock.set('2026-05-19T14:05:00+08:00')
    const { token } = await as('demo-secretary')('checkin.code', { meetingId: meeting.id })
    await as(member(1))('checkin.submit', { token })
    clock.set('2026-05-19T14:10:00+08:00')
    expect(await run()).toMatchObject({ sent: 1, failed: 0 })
    expect(deliveries(await outbox())).toEqual([`${member(2)} meeting_reminder`])
  })
})

describe('every outgoing value fits its field type', () => {
  // eslint-disable-next-line no-control-regex
  const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/
  const FITS: Record<FieldType, (v: string) => boolean> = {
    thing: (v) => Array.from(v).length >= 1 && Array.from(v).length <= THING_MAX && !CONTROL.test(v),
    phrase: (v) => /^\p{Script=Han}{1,5}$/u.test(v),
    time: (v) => /^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/.test(v),
    date: (v) => /^\d{4}年\d{1,2}月\d{1,2}日$/.test(v),
    amount: (v) => /^\d{1,10}(\.\d{1,2})?元$/.test(v),
  }

  it('a 60-character title with control characters becomes at most 20 characters; times, dates and amounts in their formats', async () => {
    const { run, grant, as, clock, storage, outbox } = await aRemindRun('2026-05-21T12:00:00+08:00')
    const longTitle = `关于深入学习贯彻\n党的二十届四中全会精神\t暨开展主题教育\u0000专题组织生活会`.padEnd(60, '学')
    expect(Array.from(longTitle)).toHaveLength(60)
    await storage.insert('meetings', {
      id: 'long-title',
      branchId: BRANCH,
      type: 'other',
      title: longTitle,
      startAt: '2026-05-21T20:00:00+08:00',
      endAt: '2026-05-21T21:00:00+08:00',
      location: '机关大楼\r\n五楼 502 会议室（请从东侧电梯上楼，西侧电梯维修中）',
      agenda: null,
      scope: { kind: 'branch' },
      status: 'scheduled',
      cancelReason: null,
      themeMonth: null,
      createdBy: 'demo-secretary',
      createdAt: '2026-05-01T10:00:00+08:00',
      updatedAt: '2026-05-01T10:00:00+08:00',
    })
    await as('demo-secretary')('dues.setBase', { memberId: member(2), category: 'custom', amount: 123456 })
    await grant([member(1), member(2)], ['meeting_reminder', 'dues_reminder'], 3)
    for (const at of [EVENING_BEFORE, MORNING_OF]) {
      clock.set(at)
      await run()
    }
    const messages = await outbox()
    expect(messages).toHaveLength(10)
    for (const m of messages) {
      const fields = TEMPLATE_FIELDS[m.kind] as Record<string, FieldType>
      expect(Object.keys(m.data).sort()).toEqual(Object.keys(fields).sort())
      for (const [name, value] of Object.entries(m.data)) {
        if (!FITS[fields[name]](value)) throw new Error(`${m.kind}.${name} (${fields[name]}) does not fit: ${JSON.stringify(value)}`)
      }
    }
    const long = messages.find((m) => m.page.endsWith('long-title'))!
    expect(long.data.thing1).toBe('关于深入学习贯彻 党的二十届四中全会精…')
    expect(long.data.time2).toBe('2026年5月21日 20:00')
    expect(messages.find((m) => m.openid === member(2) && m.kind === 'dues_reminder')!.data.amount3).toBe('1234.56元')
  })
})

describe('notices', () => {
  it('are created once per branch, event and moment, and every member sees them, credit or not', async () => {
    const { ports, run, clock, as } = await aRemindRun(EVENING_BEFORE)
    const [a, b] = await Promise.all([runRemind(ports), runRemind(ports)])
    expect(a.notices + b.notices).toBe(2)
    clock.set('2026-05-21T19:00:00+08:00')
    expect((await run()).notices).toBe(0)
    clock.set(MORNING_OF)
    expect((await run()).notices).toBe(2)
    const { notices } = await as(member(5))('notice.list', {})
    expect(notices.map((n) => [n.eventKey, n.moment, n.title, n.body]).sort()).toEqual([
      ['dues:2026-05', 'day_before', '明天 · 党费缴纳日', '5月22日（周五）'],
      ['dues:2026-05', 'morning_of', '今天 · 党费缴纳日', '5月22日（周五）'],
      ['theme:2026-05', 'day_before', '明天 · 主题党日', '5月22日（周五） 14:30'],
      ['theme:2026-05', 'morning_of', '今天 · 主题党日', '5月22日（周五） 14:30'],
    ])
  })

  it("of a committee meeting are not shown to members it did not invite", async () => {
    const { run, as, clock } = await aRemindRun('2026-05-19T09:00:00+08:00')
    const { meeting } = await as('demo-secretary')('meeting.create', {
      type: 'committee',
      title: '五月支委会',
      startAt: '2026-05-19T15:00:00+08:00',
      endAt: '2026-05-19T16:00:00+08:00',
      location: '书记办公室',
      scope: { kind: 'committee' },
    })
    clock.set('2026-05-19T13:00:00+08:00')
    expect((await run()).notices).toBe(1)
    const seen = await as('demo-committee')('notice.list', {})
    expect(seen.notices).toEqual([
      expect.objectContaining({ meetingId: meeting.id, title: '即将开始 · 五月支委会', body: '5月19日（周二） 15:00 · 书记办公室' }),
    ])
    expect((await as(member(1))('notice.list', {})).notices).toEqual([])
  })
})

describe('a run cut short', () => {
  async function fourBranches() {
    const app = await aRemindRun(EVENING_BEFORE)
    for (const id of ['b-1', 'b-2', 'b-3']) {
      await app.storage.insert('branches', aBranch(id))
      await app.storage.insert('members', boundMember(id, `wx-${id}`))
    }
    await app.grant(['wx-b-1', 'wx-b-2', 'wx-b-3', member(1)], ['meeting_reminder'])
    return app
  }
  const stopAfter = (n: number) => {
    let asked = 0
    return () => asked++ >= n
  }

  it('reports partial and the next run of the same hour resumes after the last finished branch', async () => {
    const { run, clock, storage, outbox } = await fourBranches()
    const first = await run({ shouldStop: stopAfter(2) })
    expect(first).toMatchObject({ partial: true, branches: 2, sent: 2 })
    expect(await storage.get('jobs', REMIND_JOB_ID)).toMatchObject({ runKey: '2026-05-21T18', lastBranchId: 'b-2', finished: false })

    clock.set('2026-05-21T18:20:00+08:00')
    const second = await run()
    expect(second).toMatchObject({ partial: false, branches: 2, sent: 2, skipped: 0 })
    expect([...new Set(second.due.map((d) => d.branchId))]).toEqual(['b-3', BRANCH])
    expect(deliveries(await outbox())).toEqual([`${member(1)} meeting_reminder`, 'wx-b-1 meeting_reminder', 'wx-b-2 meeting_reminder', 'wx-b-3 meeting_reminder'])
    expect(await storage.get('jobs', REMIND_JOB_ID)).toMatchObject({ finished: true })

    clock.set('2026-05-21T19:00:00+08:00')
    expect(await run()).toMatchObject({ partial: false, branches: 4, sent: 0, skipped: 4 })
    expect(await outbox()).toHaveLength(4)
  })

  it('a cursor from an earlier hour is not used: the next hour starts from the first branch', async () => {
    const { run, clock } = await fourBranches()
    await run({ shouldStop: stopAfter(1) })
    clock.set('2026-05-21T19:00:00+08:00')
    expect(await run()).toMatchObject({ branches: 4, sent: 3, skipped: 1 })
  })

  it('the entry stops when its time budget is spent', async () => {
    const { ports } = await fourBranches()
    expect(await handleRemind(ports, { Type: 'Timer', TriggerName: 'hourly' }, null, -1)).toMatchObject({ ok: true, data: { partial: true, branches: 0, sent: 0 } })
  })
})

describe('the remind entry', () => {
  it('runs for its timer', async () => {
    const { ports } = await aRemindRun(EVENING_BEFORE)
    expect(await handleRemind(ports, { Type: 'Timer', TriggerName: 'hourly' }, null)).toMatchObject({ ok: true, data: { partial: false } })
  })

  it.each([[{}], [{ action: 'run' }], [null], ['Timer'], [{ Type: 'timer' }]])('refuses a client calling in with %p', async (event) => {
    const { ports, outbox } = await aRemindRun(EVENING_BEFORE)
    expect(await handleRemind(ports, event, null)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await outbox()).toEqual([])
  })

  it('refuses a client’s callFunction that sends the timer’s own event: it carries the caller’s OPENID', async () => {
    const { ports, outbox } = await aRemindRun(EVENING_BEFORE)
    const timerEvent = { Type: 'Timer', TriggerName: 'hourly' }
    expect(await handleRemind(ports, timerEvent, { openid: 'wx-someone' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await handleRemind(ports, { ...timerEvent, userInfo: { appId: 'wx-app', openId: 'wx-someone' } }, null)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await outbox()).toEqual([])
  })
})

describe('a generated 主题党日 moved by hand', () => {
  // May's day is Friday 05-22 by the rule; the secretary moves it to Wednesday 05-27.
  async function movedToThe27th() {
    const remind = await aRemindRun('2026-05-20T10:00:00+08:00')
    const secretary = remind.as('demo-secretary')
    await secretary('meeting.list', {})
    const meetingId = themeDayId(BRANCH, '2026-05')
    await secretary('meeting.update', { meetingId, startAt: '2026-05-27T14:30:00+08:00', endAt: '2026-05-27T16:30:00+08:00' })
    return { ...remind, meetingId }
  }

  it('is the month’s 主题党日 on its new day for every screen that asks schedule.month', async () => {
    const { as } = await movedToThe27th()
    const may = await as(member(1))('schedule.month', { month: '2026-05' })
    expect(may.themeDay).toEqual({ date: '2026-05-27', shifted: false, ruleDate: '2026-05-22', overridden: true })
    expect(may.duesDay.date).toBe('2026-05-22')
  })

  it('is reminded on the evening before its new day, with the new date in the notice, and not before the old one', async () => {
    const { run, clock, as } = await movedToThe27th()
    clock.set(EVENING_BEFORE)
    expect((await run()).due).toEqual([dues('day_before', '2026-05-22')])
    clock.set('2026-05-26T18:00:00+08:00')
    expect((await run()).due).toEqual([theme('day_before', '2026-05-27')])
    const { notices } = await as(member(1))('notice.list', {})
    expect(notices.find((n) => n.eventKey === 'theme:2026-05')).toMatchObject({ title: '明天 · 主题党日', body: expect.stringContaining('5月27日') })
  })

  it('is the day the 谁收不到提醒 page names as the next 主题党日', async () => {
    const { as } = await movedToThe27th()
    const { next } = await as('demo-secretary')('subscription.overview', {})
    expect(next.find((n) => n.kind === 'meeting_reminder')?.date).toBe('2026-05-27')
  })
})

describe('notices on 首页', () => {
  it('each opens what it is about: the 主题党日 meeting, a meeting, or the dues register', async () => {
    const { run, as, clock } = await aRemindRun('2026-05-19T09:00:00+08:00')
    const { meeting } = await as('demo-secretary')('meeting.create', {
      type: 'lecture',
      title: '五月党课',
      startAt: '2026-05-19T15:00:00+08:00',
      endAt: '2026-05-19T16:00:00+08:00',
    })
    clock.set('2026-05-19T13:00:00+08:00')
    await run()
    clock.set(EVENING_BEFORE)
    await run()
    const { notices } = await as(member(5))('notice.list', {})
    expect(notices.map((n) => [n.eventKey, n.page]).sort()).toEqual([
      ['dues:2026-05', '/pages/dues/index'],
      [`meeting:${meeting.id}`, `/pages/meeting-detail/index?id=${encodeURIComponent(meeting.id)}`],
      ['theme:2026-05', `/pages/meeting-detail/index?id=${encodeURIComponent(themeDayId(BRANCH, '2026-05'))}`],
    ])
  })

  it('the dues-day notice is gone for a member who paid that month, and stays for the others', async () => {
    const { run, as } = await aRemindRun(EVENING_BEFORE)
    await run()
    await as(member(5))('dues.pay', { month: '2026-05' })
    const kinds = async (n: number) => (await as(member(n))('notice.list', {})).notices.map((x) => x.eventKey).sort()
    expect(await kinds(5)).toEqual(['theme:2026-05'])
    expect(await kinds(6)).toEqual(['dues:2026-05', 'theme:2026-05'])
  })
})
