import { act, renderHook, waitFor } from '@testing-library/react'
import type { DuesItem } from '../../../types/views'
import { serverTimeSeen } from '../../services/clock'
import { fakeServer } from '../../testing/fake-server'
import { page } from '../../testing/taro-page'
import { useBranchDues, useMyDues } from './use-dues'

jest.mock('@tarojs/taro', () => require('../../testing/taro-page').withPageHooks())

const item = (memberId: string, over: Partial<DuesItem> = {}): DuesItem => ({ memberId, name: memberId, amount: 1200, paid: false, unpaidStreak: 1, ...over })

const STATUS = {
  month: '2025-03',
  branchView: true,
  items: [item('a', { unpaidStreak: 1 }), item('b', { paid: true, paidAt: '2025-03-05', state: 'reported' }), item('c', { unpaidStreak: 4 })],
  totals: { paidCount: 1, due: 3600, collected: 1200, rate: 1 / 3 },
}

// The server's clock says 20 March 2025.
beforeEach(() => serverTimeSeen('2025-03-20T10:00:00+08:00'))

describe('the secretary’s dues register', () => {
  it('lists the longest unpaid first, and goes back a month but not past this one', async () => {
    const sent = fakeServer(() => STATUS)
    const { result } = renderHook(() => useBranchDues())
    await waitFor(() => expect(result.current.status.status).toBe('ready'))
    expect(result.current.unpaid.map((i) => i.memberId)).toEqual(['c', 'a'])
    expect(result.current.paidItems.map((i) => i.memberId)).toEqual(['b'])
    expect(result.current.toNext).toBeUndefined()
    act(() => result.current.toPrev())
    await waitFor(() => expect(sent.at(-1)?.payload).toEqual({ month: '2025-02' }))
    expect(result.current.toNext).toBeDefined()
  })

  it('confirms a reported payment and loads the register again', async () => {
    const sent = fakeServer((action) => (action === 'dues.confirm' ? {} : STATUS))
    const { result } = renderHook(() => useBranchDues())
    await waitFor(() => expect(result.current.status.status).toBe('ready'))
    await act(async () => result.current.confirmed(STATUS.items[1]))
    expect(sent.map((s) => s.action)).toEqual(['dues.status', 'dues.confirm', 'dues.status'])
    expect(sent[1].payload).toEqual({ memberId: 'b', month: '2025-03' })
  })
})

describe('my dues', () => {
  it('reports a month paid with the amount and day chosen, then closes the dialog; pulling down reloads', async () => {
    const sent = fakeServer((action) => (action === 'dues.pay' ? {} : { year: 2025, amount: 1200, category: null, months: [] }))
    const { result } = renderHook(() => useMyDues())
    await waitFor(() => expect(result.current.mine.status).toBe('ready'))
    act(() => result.current.setPaying('2025-03'))
    await act(async () => result.current.paid(1200, '2025-03-18'))
    expect(sent[1]).toEqual({ action: 'dues.pay', payload: { month: '2025-03', amount: 1200, paidAt: '2025-03-18' } })
    expect(result.current.paying).toBeNull()
    await act(async () => page.pullDown())
    expect(sent.filter((s) => s.action === 'dues.mine')).toHaveLength(3)
  })
})
