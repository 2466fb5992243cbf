/**
 * A check-in stored but not acknowledged (the function died between the attendance record and
 * its ledger row) still earns its award (issue 9 item 8): the next call that touches the record
 * finishes it — a retry of the scan, the organiser's 补签, attendance.get, or the remind timer's
 * sweep — once, and `pointsAwarded` answers the points to the call that awarded them.
 */
import type { Storage } from '../ports'
import { DEMO, theDemoBranch, type DemoBranch } from '../../../tests/support/app'
import { aMeeting } from '../../../tests/support/builders'
import { firstInsertFails } from '../../../tests/support/faults'
import { runRemind } from '../remind'

const BEFORE_START = '2026-05-20T14:25:00+08:00'
const DURING = '2026-05-20T15:00:00+08:00'

/** A meeting at 14:30 whose first ledger write fails, and member 1's scan that died after storing the check-in. */
async function aScanThatDiedBeforeItsAward() {
  const app = await theDemoBranch({ at: BEFORE_START, storage: firstInsertFails('ledger') as (real: Storage) => Storage })
  const { meeting } = await app.as(DEMO.secretary).ok('meeting.create', aMeeting().build())
  const { token } = await app.as(DEMO.secretary).ok('checkin.code', { meetingId: meeting.id })
  const died = await app.as(DEMO.member(1)).call('checkin.submit', { token })
  expect(died).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
  expect(await app.storage.find('attendance', { meetingId: meeting.id })).toHaveLength(1)
  expect(await awards(app)).toEqual([])
  return { app, meeting, token }
}

const awards = (app: DemoBranch) => app.storage.find('ledger', { kind: 'meeting' })
const total = async (app: DemoBranch) => (await app.as(DEMO.member(1)).ok('points.mine', {})).total

describe('a check-in whose award a crash left undone', () => {
  it('is awarded by the retry of the scan, which answers the points; a further retry answers none', async () => {
    const { app, token } = await aScanThatDiedBeforeItsAward()
    expect(await app.as(DEMO.member(1)).ok('checkin.submit', { token })).toMatchObject({ already: true, status: 'present', pointsAwarded: 2 })
    expect(await app.as(DEMO.member(1)).ok('checkin.submit', { token })).toMatchObject({ already: true, pointsAwarded: 0 })
    expect(await awards(app)).toHaveLength(1)
    expect(await total(app)).toBe(2)
  })

  it('is awarded by an organiser’s 补签 of the same member, which keeps the scan as the record', async () => {
    const { app, meeting } = await aScanThatDiedBeforeItsAward()
    app.clock.set(DURING)
    expect(await app.as(DEMO.secretary).ok('checkin.manual', { meetingId: meeting.id, memberId: DEMO.member(1), reason: '扫码后页面无响应' })).toEqual({
      status: 'present',
      already: true,
    })
    expect(await awards(app)).toEqual([expect.objectContaining({ memberId: DEMO.member(1), points: 2, by: DEMO.member(1), at: BEFORE_START })])
  })

  it('is awarded when the organiser opens the attendance, once however often', async () => {
    const { app, meeting } = await aScanThatDiedBeforeItsAward()
    await Promise.all([1, 2, 3].map(() => app.as(DEMO.secretary).ok('attendance.get', { meetingId: meeting.id })))
    expect(await app.as(DEMO.secretary).ok('attendance.get', { meetingId: meeting.id })).toMatchObject({ present: 1 })
    expect(await awards(app)).toHaveLength(1)
    expect(await total(app)).toBe(2)
  })

  it('is awarded by the remind timer’s next run, which reports it', async () => {
    const { app } = await aScanThatDiedBeforeItsAward()
    app.clock.set('2026-05-20T16:00:00+08:00')
    expect(await runRemind(app.ports)).toMatchObject({ awardsCompleted: 1 })
    expect(await runRemind(app.ports)).toMatchObject({ awardsCompleted: 0 })
    expect(await awards(app)).toHaveLength(1)
    expect(await total(app)).toBe(2)
  })

  it('is not awarded once its meeting is cancelled: a cancelled meeting owes no points', async () => {
    const { app, meeting } = await aScanThatDiedBeforeItsAward()
    await app.as(DEMO.secretary).ok('meeting.cancel', { meetingId: meeting.id, reason: '临时改期' })
    await app.as(DEMO.secretary).ok('attendance.get', { meetingId: meeting.id })
    expect(await runRemind(app.ports)).toMatchObject({ awardsCompleted: 0 })
    expect(await awards(app)).toEqual([])
  })
})
