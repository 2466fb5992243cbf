import type { MemberView } from '../../../types/models'
import type { Result } from '../../services/call'
import { meetingActions, statusLine } from './use-meeting-detail'

const MEMBER: MemberView = { id: 'm', name: '陈志强', roles: ['member'], branchId: 'b', groupId: 'g', branchName: '示例党支部', groupName: null }
const SECRETARY: MemberView = { ...MEMBER, id: 's', roles: ['secretary'] }

/** A meeting today 14:30–16:30 (Shanghai) that I am invited to and have not checked in at. */
function loaded(over: { status?: 'scheduled' | 'cancelled'; canManage?: boolean; leave?: 'pending' | 'refused' } = {}): Result<'meeting.get'> {
  return {
    meeting: { id: 'mt', type: 'branch_assembly', title: '支部党员大会', startAt: '2025-03-28T14:30:00+08:00', endAt: '2025-03-28T16:30:00+08:00', status: over.status ?? 'scheduled', scope: { kind: 'branch' } },
    myStatus: { invited: true, status: null, checkedInAt: null, leave: over.leave ? { state: over.leave, reason: '出差' } : null },
    canManage: over.canManage ?? false,
  } as unknown as Result<'meeting.get'>
}

const at = (hhmm: string) => new Date(`2025-03-28T${hhmm}:00+08:00`)

describe('what a member may do at a meeting', () => {
  it.each([
    ['the morning before', '09:00', {}, { canLeave: true, primary: null }],
    ['until it starts, though check-in is open', '14:20', {}, { canLeave: true }],
    ['once it has started', '15:00', {}, { canLeave: false, primary: null }],
    ['with a leave waiting for approval', '09:00', { leave: 'pending' as const }, { canLeave: false, canWithdraw: true }],
    ['after a refused leave', '09:00', { leave: 'refused' as const }, { canLeave: true, canWithdraw: false }],
    ['once it is cancelled', '09:00', { status: 'cancelled' as const }, { canLeave: false, cancelled: true, manages: false }],
  ])('%s', (_, time, over, expected) => {
    expect(meetingActions(loaded(over), MEMBER, at(time))).toMatchObject(expected)
  })

  it('gives an organiser the code as the one primary action until the meeting ends, and the attendance', () => {
    expect(meetingActions(loaded({ canManage: true }), SECRETARY, at('14:20'))).toMatchObject({ primary: 'code', manages: true, seesAttendance: true })
    expect(meetingActions(loaded({ canManage: true }), SECRETARY, at('17:00'))).toMatchObject({ primary: null })
  })
})

describe('the sentence under my status', () => {
  it('says when check-in opens before it does', () => {
    expect(statusLine('upcoming', loaded())).toBe('会前 30 分钟（14:00）起可以签到')
  })

  it('repeats the reason of a leave waiting for approval', () => {
    expect(statusLine('leave_pending', loaded({ leave: 'pending' }))).toBe('已提交请假（出差），等待书记或支委审批')
  })
})
