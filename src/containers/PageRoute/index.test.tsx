import { render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { PageRoute } from '.'
import { route } from '../../testing/taro-page'
import { useSessionStore } from '../../stores/use-session-store'

const MEMBER = { id: 'demo-member-01', name: '陈志强', roles: ['member'], branchId: 'b', groupId: 'g', branchName: '示例党支部', groupName: '第一党小组' }

// Outside Taro's page runtime there is no router: the route's query is what the test says.
jest.mock('@tarojs/taro', () => require('../../testing/taro-page').withPageHooks())

const routeTo = (params: Record<string, string>) => (route.params = params)

beforeEach(() => {
  useSessionStore.setState({ token: null, me: null, status: 'idle', error: null })
  Taro.setStorageSync('zhibu.session', 'demo-member-01.sig')
  global.fetch = jest.fn(async () => ({ json: async () => ({ ok: true, data: { openid: MEMBER.id, member: MEMBER } }) })) as unknown as typeof fetch
})

describe('PageRoute', () => {
  it('gives the page its decoded parameters and the signed-in member', async () => {
    routeTo({ id: 'm%2F2024%E5%B9%B4' })
    render(<PageRoute params={['id']} missing='没有找到这次会议' render={({ member, params }) => <span>{`${member.name} ${params.id}`}</span>} />)
    await waitFor(() => expect(screen.getByText('陈志强 m/2024年')).toBeTruthy())
  })

  it('says in words that the link is incomplete, without asking anyone to sign in', () => {
    routeTo({})
    render(<PageRoute params={['id']} missing='没有找到这次会议，请从会议详情进入。' render={() => <span>页面内容</span>} />)
    expect(screen.getByText('没有找到这次会议，请从会议详情进入。')).toBeTruthy()
    expect(screen.queryByText('页面内容')).toBeNull()
    expect(global.fetch).not.toHaveBeenCalled()
  })

  it('counts a parameter its reader rejects as missing, and shows the screen given for that', () => {
    routeTo({ t: 'not a token' })
    render(<PageRoute params={['t']} parse={{ t: () => null }} missing={<span>没有读到签到码</span>} render={() => <span>页面内容</span>} />)
    expect(screen.getByText('没有读到签到码')).toBeTruthy()
  })

  it('passes optional parameters when present and leaves them out when not', async () => {
    routeTo({})
    render(<PageRoute optional={['id']} render={({ params }) => <span>{params.id ?? '新建'}</span>} />)
    await waitFor(() => expect(screen.getByText('新建')).toBeTruthy())
  })
})
