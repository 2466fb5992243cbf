import { formatMeetingTime, myStatusKind } from './meeting-display'

const meeting = { status: 'scheduled' as const, startAt: '2026-12-25T14:00:00+08:00', endAt: '2026-12-25T16:00:00+08:00' }
const waiting = { invited: true, status: null, leave: null }
const at = (hhmm: string, day = '2026-12-25') => new Date(`${day}T${hhmm}:00+08:00`)

describe('myStatusKind', () => {
  it('says 待参加 until check-in opens, 可签到 while it is open and 缺席 once it closed', () => {
    expect(myStatusKind(meeting, waiting, at('13:29'))).toBe('upcoming')
    expect(myStatusKind(meeting, waiting, at('13:30'))).toBe('open')
    expect(myStatusKind(meeting, waiting, at('16:00'))).toBe('open')
    expect(myStatusKind(meeting, waiting, at('16:01'))).toBe('absent')
  })

  it("repeats the server's attendance status when there is one", () => {
    expect(myStatusKind(meeting, { ...waiting, status: 'late' }, at('14:10'))).toBe('late')
    expect(myStatusKind(meeting, { ...waiting, status: 'leave', leave: { state: 'approved', reason: '出差', leaveId: 'm-1:demo-member-01' } }, at('10:00'))).toBe('leave')
  })

  it('shows a leave request waiting for a decision, and a refused one before the meeting', () => {
    expect(myStatusKind(meeting, { ...waiting, leave: { state: 'pending', reason: '出差', leaveId: 'm-1:demo-member-01' } }, at('10:00'))).toBe('leave_pending')
    expect(myStatusKind(meeting, { ...waiting, leave: { state: 'refused', reason: '出差', leaveId: 'm-1:demo-member-01' } }, at('10:00'))).toBe('leave_refused')
    expect(myStatusKind(meeting, { ...waiting, leave: { state: 'refused', reason: '出差', leaveId: 'm-1:demo-member-01' } }, at('13:45'))).toBe('open')
  })

  it('puts a cancelled meeting and one I am not invited to first', () => {
    expect(myStatusKind({ ...meeting, status: 'cancelled' }, { ...waiting, status: 'present' }, at('14:00'))).toBe('cancelled')
    expect(myStatusKind(meeting, { invited: false, status: null, leave: null }, at('14:00'))).toBe('not_invited')
  })
})

describe('formatMeetingTime', () => {
  it('reads as people say it, in Shanghai time whatever the offset given', () => {
    expect(formatMeetingTime(meeting.startAt, meeting.endAt)).toBe('12月25日（周五）14:00–16:00')
    expect(formatMeetingTime('2026-12-25T06:00:00Z', '2026-12-25T08:00:00Z')).toBe('12月25日（周五）14:00–16:00')
  })

  it('names both days when a meeting runs past midnight', () => {
    expect(formatMeetingTime('2026-12-25T20:00:00+08:00', '2026-12-26T01:00:00+08:00')).toBe('12月25日（周五）20:00 至 12月26日（周六）01:00')
  })
})
