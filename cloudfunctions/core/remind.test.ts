/**
 * The daily `remind` timer decides in code, in Asia/Shanghai, what is due at the clock's time.
 * `npm test` runs this suite under TZ=UTC too, where CloudBase runs it.
 */
import type { Branch, DayRule } from '../../types/models'
import { DEFAULT_SCHEDULE } from '../../src/domain/schedule'
import { fixedClock } from '../../tests/support/clock'
import { recordingLogger } from '../../tests/support/log'
import type { Ports } from './ports'
import { handleRemind } from './remind-entry'
import { runRemind } from './remind'
import { openLocalRuntime } from './runtime/local'

async function aRemindRun(at: string) {
  const runtime = await openLocalRuntime({ dataDir: null, seed: true, log: recordingLogger() })
  const ports: Ports = { ...runtime.ports, clock: fixedClock(at) }
  return { ports, storage: runtime.storage }
}

function aBranch(id: string, themeDayRule: DayRule): Branch {
  return {
    id,
    branchId: id,
    name: id,
    schedule: { ...structuredClone(DEFAULT_SCHEDULE), themeDayRule },
    settings: { targetHours: 32, committeeTargetHours: 32 },
    createdAt: '2026-01-01T00:00:00+08:00',
  }
}

describe('what is due', () => {
  it('at 00:30 in Shanghai (16:30 UTC the day before) is the day before 2026-09-24', async () => {
    const { ports } = await aRemindRun('2026-09-22T16:30:00Z')
    const report = await runRemind(ports)
    expect(report.today).toBe('2026-09-23')
    expect(report.due).toEqual([
      { branchId: 'demo-branch', kind: 'theme_day', date: '2026-09-24', moment: 'day_before' },
      { branchId: 'demo-branch', kind: 'dues_day', date: '2026-09-24', moment: 'day_before' },
    ])
  })

  it('on the morning of the (shifted) day is the morning-of reminder', async () => {
    const { ports } = await aRemindRun('2026-09-24T07:00:00+08:00')
    expect((await runRemind(ports)).due).toEqual([
      { branchId: 'demo-branch', kind: 'theme_day', date: '2026-09-24', moment: 'morning_of' },
      { branchId: 'demo-branch', kind: 'dues_day', date: '2026-09-24', moment: 'morning_of' },
    ])
  })

  it('is nothing on the holiday the day moved away from', async () => {
    const { ports } = await aRemindRun('2026-09-25T07:00:00+08:00')
    expect((await runRemind(ports)).due).toEqual([])
  })

  it('is the same when the timer fires twice', async () => {
    const { ports } = await aRemindRun('2026-09-23T08:00:00+08:00')
    expect(await runRemind(ports)).toEqual(await runRemind(ports))
  })

  it("includes next month's day when a holiday moved it to the end of this month", async () => {
    // Day 1 of 2026-10 is 国庆, so that month's day is Wednesday 09-30.
    const { ports, storage } = await aRemindRun('2026-09-29T08:00:00+08:00')
    await storage.insert('branches', aBranch('first-of-month', { kind: 'day_of_month', day: 1 }))
    expect((await runRemind(ports)).due).toContainEqual({
      branchId: 'first-of-month',
      kind: 'theme_day',
      date: '2026-09-30',
      moment: 'day_before',
    })
  })

  it('looks at every branch, more than one page of 100', async () => {
    const { ports, storage } = await aRemindRun('2026-09-23T08:00:00+08:00')
    for (let i = 0; i < 150; i++) await storage.insert('branches', aBranch(`b-${String(i).padStart(3, '0')}`, DEFAULT_SCHEDULE.themeDayRule))
    const report = await runRemind(ports)
    expect(report.branches).toBe(151)
    expect(report.due.filter((d) => d.kind === 'theme_day')).toHaveLength(151)
  })
})

describe('the remind entry', () => {
  it('runs for its timer', async () => {
    const { ports } = await aRemindRun('2026-09-23T08:00:00+08:00')
    expect(await handleRemind(ports, { Type: 'Timer', TriggerName: 'daily' })).toMatchObject({ ok: true })
  })

  it.each([[{}], [{ action: 'run' }], [null], ['Timer']])('refuses a client calling in with %p', async (event) => {
    const { ports } = await aRemindRun('2026-09-23T08:00:00+08:00')
    expect(await handleRemind(ports, event)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})
