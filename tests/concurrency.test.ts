/**
 * Concurrency (issue 9, proof in CI), through the router on one demo branch: many organisers
 * deciding one leave at once, and two remind timers at once, each also finishing an award a
 * crash left undone. What every call answered must agree with what is stored. (100 parallel
 * quiz.submit of one member: cloudfunctions/core/usecases/quiz.test.ts.) Figures are printed.
 */
import type { Storage } from '../cloudfunctions/core/ports'
import type { OutboxSender } from '../cloudfunctions/core/adapters/local/outbox-sender'
import { runRemind } from '../cloudfunctions/core/remind'
import { DEMO, theDemoBranch } from './support/app'
import { aMeeting, aMember } from './support/builders'
import { firstInsertFails } from './support/faults'

describe('50 parallel leave.review of one leave, approvals and refusals mixed', () => {
  it('the first decision is stored; every answer either agrees with it or is CONFLICT; one audit entry', async () => {
    const app = await theDemoBranch({ at: '2026-05-20T10:00:00+08:00' })
    for (const id of ['wx-deputy', 'wx-committee-2']) await app.storage.insert('members', aMember(id).withRoles(id === 'wx-deputy' ? 'deputy' : 'committee').boundTo(id).build())
    const { meeting } = await app.as(DEMO.secretary).ok('meeting.create', aMeeting().startingAt('2026-05-25T14:30:00+08:00').build())
    const { leaveId } = await app.as(DEMO.member(1)).ok('leave.request', { meetingId: meeting.id, reason: '出差在外地' })
    const reviewers = [DEMO.secretary, DEMO.committee, 'wx-deputy', 'wx-committee-2']
    const t0 = Date.now()
    const calls = Array.from({ length: 50 }, (_, i) => ({ who: reviewers[i % reviewers.length], approve: i % 3 !== 0 }))
    const answers = await Promise.all(calls.map((c) => app.as(c.who).call('leave.review', { leaveId, approve: c.approve })))
    const [stored] = await app.storage.find('leaves', { id: leaveId })
    expect(['approved', 'refused']).toContain(stored.state)
    const decided = stored.state === 'approved'
    answers.forEach((a, i) => {
      if (a.ok) {
        expect(a.data.state).toBe(stored.state)
        expect(calls[i].approve).toBe(decided)
      } else {
        expect(a.error.code).toBe('CONFLICT')
        expect(calls[i].approve).not.toBe(decided)
      }
    })
    const audit = await app.storage.find('meetingAudit', { meetingId: meeting.id })
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ by: stored.reviewedBy, action: 'leave.review' })
    const agreed = answers.filter((a) => a.ok).length
    console.log(`concurrency: 50 parallel leave.review → stored ${stored.state}, ${agreed} answers agree, ${50 - agreed} CONFLICT, 1 audit entry, in ${Date.now() - t0} ms`)
  })
})

describe('two remind timers at once', () => {
  it('send each reminder once, spend each credit once, and finish a crashed check-in’s award once', async () => {
    const app = await theDemoBranch({ at: '2026-05-21T17:00:00+08:00', storage: firstInsertFails('ledger') as (real: Storage) => Storage })
    const everyone = [DEMO.secretary, DEMO.committee, DEMO.leader1, ...Array.from({ length: 20 }, (_, i) => DEMO.member(i + 1))]
    for (const openid of everyone) await app.as(openid).ok('subscription.record', { results: { meeting_reminder: 'accept', dues_reminder: 'accept' } })
    const { meeting } = await app.as(DEMO.secretary).ok('meeting.create', aMeeting().startingAt('2026-05-21T17:20:00+08:00').build())
    const { token } = await app.as(DEMO.secretary).ok('checkin.code', { meetingId: meeting.id })
    expect(await app.as(DEMO.member(1)).call('checkin.submit', { token })).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })

    app.clock.set('2026-05-21T18:00:00+08:00')
    const t0 = Date.now()
    const [a, b] = await Promise.all([runRemind(app.ports), runRemind(app.ports)])
    const messages = await (app.ports.sender as OutboxSender).messages()
    const keys = messages.map((m) => `${m.openid} ${m.kind} ${JSON.stringify(m.data)}`)
    expect(new Set(keys).size).toBe(messages.length)
    expect(a.sent + b.sent).toBe(messages.length)
    expect(messages.length).toBeGreaterThanOrEqual(everyone.length)
    expect(a.awardsCompleted + b.awardsCompleted).toBe(1)
    expect(await app.storage.find('ledger', { kind: 'meeting', memberId: DEMO.member(1) })).toEqual([expect.objectContaining({ sourceId: `${meeting.id}:${DEMO.member(1)}` })])
    for (const openid of everyone) {
      const { credits } = await app.as(openid).ok('subscription.mine', {})
      expect(credits.meeting_reminder + credits.dues_reminder).toBe(2 - messages.filter((m) => m.openid === openid).length)
    }
    console.log(`concurrency: 2 remind timers at once → ${messages.length} messages, none twice (${a.sent} + ${b.sent} sent, ${a.skipped + b.skipped} skipped), 1 award completed, in ${Date.now() - t0} ms`)
  })
})
