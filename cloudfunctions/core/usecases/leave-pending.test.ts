/** leave.pending: what 首页 and the meeting list count for the leadership. */
import { DEMO, failure, theDemoBranch } from '../../../tests/support/app'
import { aMeeting } from '../../../tests/support/builders'

async function twoMeetingsWithLeave() {
  const app = await theDemoBranch({ at: '2026-05-18T10:00:00+08:00' })
  const create = (title: string, day: string) => app.as(DEMO.secretary).ok('meeting.create', aMeeting('branch_assembly').titled(title).startingAt(`${day}T14:30:00+08:00`).build())
  const { meeting: a } = await create('五月党员大会', '2026-05-20')
  const { meeting: b } = await create('五月党课', '2026-05-21')
  const ask = (n: number, meetingId: string) => app.as(DEMO.member(n)).ok('leave.request', { meetingId, reason: '单位出差，无法参加' })
  return { app, a, b, ask }
}

describe('leave.pending', () => {
  it('lists the requests waiting for a decision across meetings, oldest first, with names and titles', async () => {
    const { app, a, b, ask } = await twoMeetingsWithLeave()
    await ask(1, a.id)
    app.clock.set('2026-05-18T11:00:00+08:00')
    await ask(2, b.id)
    const { leaves } = await app.as(DEMO.committee).ok('leave.pending', {})
    expect(leaves.map((l) => [l.meetingTitle, l.memberId])).toEqual([
      ['五月党员大会', DEMO.member(1)],
      ['五月党课', DEMO.member(2)],
    ])
    expect(leaves[0]).toMatchObject({ meetingId: a.id, name: expect.any(String), reason: '单位出差，无法参加' })
  })

  it('drops a decided, withdrawn or cancelled one, and one whose member checked in', async () => {
    const { app, a, b, ask } = await twoMeetingsWithLeave()
    const decided = await ask(1, a.id)
    const withdrawn = await ask(2, a.id)
    await ask(3, b.id)
    await ask(4, a.id)
    await app.as(DEMO.secretary).ok('leave.review', { leaveId: decided.leaveId, approve: true })
    await app.as(DEMO.member(2)).ok('leave.withdraw', { leaveId: withdrawn.leaveId })
    await app.as(DEMO.secretary).ok('meeting.cancel', { meetingId: b.id, reason: '与上级会议冲突，改期' })
    app.clock.set('2026-05-20T14:35:00+08:00')
    await app.as(DEMO.committee).ok('checkin.manual', { meetingId: a.id, memberId: DEMO.member(4), reason: '手机没电，现场确认到会' })
    expect((await app.as(DEMO.secretary).ok('leave.pending', {})).leaves).toEqual([])
  })

  it('does not list an organiser’s own request to them', async () => {
    const { app, a } = await twoMeetingsWithLeave()
    await app.as(DEMO.committee).ok('leave.request', { meetingId: a.id, reason: '单位出差，无法参加' })
    expect((await app.as(DEMO.committee).ok('leave.pending', {})).leaves).toEqual([])
    expect((await app.as(DEMO.secretary).ok('leave.pending', {})).leaves).toHaveLength(1)
  })

  it('is the leadership’s', async () => {
    const { app } = await twoMeetingsWithLeave()
    expect(await app.as(DEMO.member(1)).call('leave.pending', {})).toEqual(failure('FORBIDDEN'))
  })
})
