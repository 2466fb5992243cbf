import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import IndexPage from '.'
import { useSessionStore } from '../../stores/use-session-store'
import { fakeServer, type Refusal } from '../../testing/fake-server'

jest.mock('@tarojs/taro', () => require('../../testing/taro-page').withPageHooks())

// 2 December: this month's days are still ahead; January's holidays may not be published yet.
const NOW = '2026-12-02T10:00:00+08:00'
const day = (date: string) => ({ date, shifted: false, ruleDate: date, overridden: false })
const MEMBER = { id: 'demo-member-01', name: '陈志强', roles: ['member'], branchId: 'b', groupId: 'g', branchName: '示例党支部', groupName: '第一党小组' }
const COMMITTEE = { ...MEMBER, id: 'demo-committee', name: '李明', roles: ['committee', 'member'] }
const NOTICE = { id: 'n1', branchId: 'b', kind: 'meeting_reminder', eventKey: 'theme:2026-12', moment: 'day_before', title: '明天 · 主题党日', body: '12月25日（周五） 14:30', eventDate: '2026-12-25', meetingId: null, createdAt: NOW, page: '/pages/meeting-detail/index?id=theme-b-2026-12' }

function homeServer(me: typeof MEMBER, overrides: Record<string, (p: Record<string, unknown>) => unknown> = {}) {
  return fakeServer((action, payload) => {
    if (overrides[action]) return overrides[action](payload)
    switch (action) {
      case 'session.me':
        return { openid: me.id, member: me, now: NOW, groups: [], pendingJoin: null }
      case 'schedule.month': {
        const month = payload.month as string
        return { month, themeDay: day(`${month}-25`), duesDay: day(`${month}-25`), holidayDataKnown: month.startsWith('2026') }
      }
      case 'meeting.list':
        return { meetings: [] }
      case 'dues.mine':
        return { year: 2026, amount: 2000, category: 'employed', months: [] }
      case 'notice.list':
        return { notices: [NOTICE] }
      case 'points.mine':
        return { year: 2026, total: 10, byKind: {}, studyHours: 8, targetHours: 32 }
      case 'leave.pending':
        return { leaves: [1, 2].map((n) => ({ leaveId: `l${n}`, meetingId: 'm1', meetingTitle: '十二月党员大会', startAt: NOW, memberId: `x${n}`, name: '张三', reason: '出差', requestedAt: NOW })) }
      case 'subscription.mine':
        return { credits: { meeting_reminder: 0, dues_reminder: 0 } }
    }
    throw { code: 'INTERNAL', message: `no answer for ${action}` } satisfies Refusal
  })
}

afterEach(() => jest.restoreAllMocks())

beforeEach(() => {
  useSessionStore.setState({ token: null, me: null, status: 'idle', error: null })
  Taro.setStorageSync('zhibu.session', 'a.sig')
})

describe('首页', () => {
  it('says nothing of unpublished holidays when the dates shown are in a year the data covers', async () => {
    homeServer(MEMBER)
    render(<IndexPage />)
    await waitFor(() => expect(screen.getAllByText('12月25日（周五）').length).toBeGreaterThan(0))
    expect(screen.queryByText(/节假日安排尚未公布/)).toBeNull()
  })

  it('says so when a date shown is in such a year', async () => {
    homeServer(MEMBER, {
      'schedule.month': (p) => {
        const month = p.month as string
        // December's days have passed: January's are shown.
        return { month, themeDay: day(`${month}-01`), duesDay: day(`${month}-01`), holidayDataKnown: month.startsWith('2026') }
      },
    })
    render(<IndexPage />)
    await waitFor(() => expect(screen.getByText(/节假日安排尚未公布/)).toBeTruthy())
  })

  /** Where 首页 goes when `me` taps the words. */
  async function tapped(me: typeof MEMBER, words: string) {
    homeServer(me)
    const navigate = jest.spyOn(Taro, 'navigateTo').mockImplementation(() => Promise.resolve({ errMsg: 'ok' }))
    render(<IndexPage />)
    fireEvent.click(await screen.findByText(words))
    return navigate.mock.calls.map(([options]) => options.url)
  }

  it('opens what a notice is about', async () => {
    expect(await tapped(MEMBER, '明天 · 主题党日')).toEqual(['/pages/meeting-detail/index?id=theme-b-2026-12'])
  })

  it('shows the leadership its undecided leave as a count that opens the meeting’s attendance', async () => {
    expect(await tapped(COMMITTEE, '2 条')).toEqual(['/pages/attendance/index?id=m1'])
  })

  it('asks a member for no leave to decide', async () => {
    const sent = homeServer(MEMBER)
    render(<IndexPage />)
    await screen.findByText('明天 · 主题党日')
    expect(sent.map((s) => s.action)).not.toContain('leave.pending')
    expect(screen.queryByText('请假申请')).toBeNull()
  })

  it('offline, shows one error block for all its cards', async () => {
    const offline = () => {
      throw { code: 'NETWORK', message: '网络不太好，请检查网络后重试' }
    }
    const sent = homeServer(COMMITTEE, Object.fromEntries(['schedule.month', 'meeting.list', 'dues.mine', 'notice.list', 'points.mine', 'leave.pending'].map((a) => [a, offline])))
    render(<IndexPage />)
    // Six loads fail in turn: wait for the last before counting.
    await waitFor(() => expect(sent.filter((x) => x.action === 'leave.pending')).toHaveLength(1), { timeout: 5000 })
    await waitFor(() => expect(screen.getAllByText('没能加载出来')).toHaveLength(1), { timeout: 5000 })
    expect(screen.getAllByText('重试')).toHaveLength(1)
  })
})
