import { render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { SessionGate } from '.'
import { useSessionStore } from '../../stores/use-session-store'

function answer(data: unknown) {
  global.fetch = jest.fn(async () => ({ json: async () => ({ ok: true, data }) })) as unknown as typeof fetch
}

beforeEach(() => {
  useSessionStore.setState({ token: null, me: null, status: 'idle', error: null })
  Taro.setStorageSync('zhibu.session', 'demo-member-01.sig')
})

describe('SessionGate', () => {
  it('shows the page to a member of a branch, with who they are', async () => {
    answer({
      openid: 'demo-member-01',
      member: { id: 'demo-member-01', name: '陈志强', roles: ['member'], branchId: 'b', groupId: 'g', branchName: '示例党支部', groupName: '第一党小组' },
    })
    render(<SessionGate>{(m) => <span>欢迎 {m.name}</span>}</SessionGate>)
    expect(screen.getByText('正在加载…')).toBeTruthy()
    await waitFor(() => expect(screen.getByText('欢迎 陈志强')).toBeTruthy())
    const [, init] = (global.fetch as jest.Mock).mock.calls[0]
    expect(init.headers.authorization).toBe('Bearer demo-member-01.sig')
  })

  it('offers a WeChat user bound to no branch the two ways in: 加入支部 and 创建支部', async () => {
    answer({ openid: 'wx-new-user', member: null, pendingJoin: null })
    render(<SessionGate>{() => <span>页面内容</span>}</SessionGate>)
    await waitFor(() => expect(screen.getByText('您还没有加入党支部')).toBeTruthy())
    expect(screen.getAllByText('加入支部').length).toBeGreaterThan(0)
    expect(screen.getByText('创建支部')).toBeTruthy()
    expect(screen.queryByText('页面内容')).toBeNull()
  })

  it('tells a user whose request waits that the secretary will decide, naming the branch', async () => {
    answer({ openid: 'wx-new-user', member: null, pendingJoin: { branchName: '第一党支部', state: 'pending' } })
    render(<SessionGate>{() => <span>页面内容</span>}</SessionGate>)
    await waitFor(() => expect(screen.getByText('已提交，等待书记审核')).toBeTruthy())
    expect(screen.getByText(/第一党支部/)).toBeTruthy()
  })

  it('offers 重试 when the network fails', async () => {
    global.fetch = jest.fn(async () => {
      throw new TypeError('Failed to fetch')
    }) as unknown as typeof fetch
    render(<SessionGate>{() => <span>页面内容</span>}</SessionGate>)
    await waitFor(() => expect(screen.getByText('没能加载出来')).toBeTruthy())
    expect(screen.getByText('重试')).toBeTruthy()
  })
})
