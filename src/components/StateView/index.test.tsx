import { fireEvent, render, screen } from '@testing-library/react'
import { OneErrorBlock, StateView } from '.'

describe('StateView', () => {
  it('shows a skeleton and says it is loading, without the content', () => {
    render(
      <StateView status='loading'>
        <span>内容</span>
      </StateView>,
    )
    expect(screen.getByText('正在加载…')).toBeTruthy()
    expect(screen.queryByText('内容')).toBeNull()
  })

  it('says what went wrong, offers 重试 and shows the code small', () => {
    const retry = jest.fn()
    render(<StateView status='error' errorMessage='网络不太好，请检查网络后重试' errorCode='NETWORK' onRetry={retry} />)
    expect(screen.getByText('没能加载出来')).toBeTruthy()
    expect(screen.getByText('网络不太好，请检查网络后重试')).toBeTruthy()
    expect(screen.getByText('错误代码 NETWORK')).toBeTruthy()
    fireEvent.click(screen.getByText('重试'))
    expect(retry).toHaveBeenCalledTimes(1)
  })

  it('explains an empty list and offers the action that fills it', () => {
    const act = jest.fn()
    render(
      <StateView status='ready' isEmpty empty={{ title: '还没有会议', hint: '新建一次会议后会显示在这里', actionText: '新建会议', onAction: act }}>
        <span>列表</span>
      </StateView>,
    )
    expect(screen.getByText('还没有会议')).toBeTruthy()
    expect(screen.queryByText('列表')).toBeNull()
    fireEvent.click(screen.getByText('新建会议'))
    expect(act).toHaveBeenCalled()
  })

  it('shows the content when ready', () => {
    render(
      <StateView status='ready' isEmpty={false} empty={{ title: '空' }}>
        <span>内容</span>
      </StateView>,
    )
    expect(screen.getByText('内容')).toBeTruthy()
    expect(screen.queryByText('空')).toBeNull()
  })
})

describe('StateView: answers that trying again cannot change, and old data', () => {
  const remote = (code: string) => ({ status: 'error' as const, error: { code, message: '您不在本次支委会的参会范围内' }, reload: jest.fn() })

  it.each([
    ['FORBIDDEN', '无权查看'],
    ['NOT_FOUND', '没有找到'],
  ])('offers no 重试 on %s', (code, title) => {
    render(<StateView remote={remote(code)} />)
    expect(screen.getByText(title)).toBeTruthy()
    expect(screen.queryByText('重试')).toBeNull()
  })

  it('offers 重试 on a network failure', () => {
    render(<StateView remote={remote('NETWORK')} />)
    expect(screen.getByText('重试')).toBeTruthy()
  })

  it('says it is offline when what it shows was loaded before', () => {
    render(
      <StateView remote={{ status: 'ready', error: null, reload: jest.fn(), stale: true }}>
        <span>内容</span>
      </StateView>,
    )
    expect(screen.getByText('网络不通，显示的是之前加载的内容')).toBeTruthy()
    expect(screen.getByText('内容')).toBeTruthy()
  })
})

describe('OneErrorBlock', () => {
  const failed = (reload: () => void) => ({ status: 'error' as const, error: { code: 'NETWORK', message: '网络不太好，请检查网络后重试' }, reload })
  const old = { status: 'ready' as const, error: null, reload: jest.fn(), stale: true }

  it('shows the failures of its cards once, and 重试 retries each', () => {
    const [a, b] = [jest.fn(), jest.fn()]
    render(
      <OneErrorBlock>
        <StateView remote={failed(a)} />
        <StateView remote={failed(b)} />
        <StateView status='ready'>
          <span>还在的内容</span>
        </StateView>
      </OneErrorBlock>,
    )
    expect(screen.getAllByText('没能加载出来')).toHaveLength(1)
    expect(screen.getByText('还在的内容')).toBeTruthy()
    fireEvent.click(screen.getByText('重试'))
    expect([a.mock.calls.length, b.mock.calls.length]).toEqual([1, 1])
  })

  it('says once that cards show old data', () => {
    render(
      <OneErrorBlock>
        <StateView remote={old}>
          <span>一</span>
        </StateView>
        <StateView remote={old}>
          <span>二</span>
        </StateView>
      </OneErrorBlock>,
    )
    expect(screen.getAllByText('网络不通，显示的是之前加载的内容')).toHaveLength(1)
  })
})
