import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import MeetingsPage from '.'
import { useSessionStore } from '../../stores/use-session-store'
import { fakeServer } from '../../testing/fake-server'

jest.mock('@tarojs/taro', () => require('../../testing/taro-page').withPageHooks())

const MEMBER = { id: 'demo-member-01', name: '陈志强', roles: ['member'], branchId: 'b', groupId: 'g', branchName: '示例党支部', groupName: '第一党小组' }

function signedIn() {
  useSessionStore.setState({ token: null, me: null, status: 'idle', error: null })
  Taro.setStorageSync('zhibu.session', 'demo-member-01.sig')
}

describe('会议 when the network fails', () => {
  beforeEach(signedIn)

  it('shows one error block with one 重试 for its three loads, and 重试 tries each again', async () => {
    let offline = true
    const sent = fakeServer((action, payload) => {
      if (action === 'session.me') return { openid: MEMBER.id, member: MEMBER, now: new Date().toISOString(), groups: [], pendingJoin: null }
      if (offline) throw { code: 'NETWORK', message: '网络不太好，请检查网络后重试' }
      if (action === 'meeting.list') return { meetings: [] }
      return { month: payload.month, themeDay: { date: '2026-12-25', shifted: false, ruleDate: '2026-12-25', overridden: false }, duesDay: { date: '2026-12-25', shifted: false, ruleDate: '2026-12-25', overridden: false }, holidayDataKnown: true }
    })
    render(<MeetingsPage />)
    await waitFor(() => expect(screen.getAllByText('没能加载出来')).toHaveLength(1))
    expect(screen.getAllByText('重试')).toHaveLength(1)
    offline = false
    const before = sent.length
    fireEvent.click(screen.getByText('重试'))
    await waitFor(() => expect(screen.getByText('近两个月没有会议')).toBeTruthy())
    expect(sent.slice(before).map((s) => s.action)).toEqual(expect.arrayContaining(['meeting.list', 'schedule.month']))
    expect(screen.queryByText('没能加载出来')).toBeNull()
  })
})

describe('会议 for the leadership', () => {
  beforeEach(signedIn)

  it('shows on a meeting how many leave requests wait for a decision', async () => {
    const committee = { ...MEMBER, id: 'demo-committee', roles: ['committee', 'member'] }
    const start = new Date(Date.now() + 86400_000)
    const meeting = {
      id: 'm1', branchId: 'b', type: 'branch_assembly', title: '党员大会', startAt: start.toISOString(), endAt: new Date(start.getTime() + 3600_000).toISOString(),
      location: null, agenda: null, scope: { kind: 'branch' }, status: 'scheduled', cancelReason: null, themeMonth: null, createdBy: 'x', createdAt: '', updatedAt: '', groupName: null,
      myStatus: { invited: true, status: null, checkedInAt: null, leave: null },
    }
    const pending = (n: number) => ({ leaveId: `l${n}`, meetingId: 'm1', meetingTitle: '党员大会', startAt: meeting.startAt, memberId: `x${n}`, name: '张三', reason: '出差', requestedAt: '' })
    fakeServer((action, payload) => {
      if (action === 'session.me') return { openid: committee.id, member: committee, now: new Date().toISOString(), groups: [], pendingJoin: null }
      if (action === 'meeting.list') return { meetings: [meeting] }
      if (action === 'leave.pending') return { leaves: [pending(1), pending(2)] }
      return { month: payload.month, themeDay: { date: '2026-12-25', shifted: false, ruleDate: '2026-12-25', overridden: false }, duesDay: { date: '2026-12-25', shifted: false, ruleDate: '2026-12-25', overridden: false }, holidayDataKnown: true }
    })
    render(<MeetingsPage />)
    expect(await screen.findByText('2 条请假待审批')).toBeTruthy()
  })
})
