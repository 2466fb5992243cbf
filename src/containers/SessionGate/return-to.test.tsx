import { render, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { SessionGate } from '.'
import { LOGIN_PAGE } from '../../services/navigation'
import { useSessionStore } from '../../stores/use-session-store'

const CHECKIN_ROUTE = '/pages/checkin/index?t=WyJtLWFiYyJd.c2lnbmF0dXJl'

beforeEach(() => {
  Taro.removeStorageSync('zhibu.session')
  Taro.removeStorageSync('zhibu.returnTo')
  useSessionStore.setState({ token: null, me: null, status: 'idle', error: null, returnTo: null })
})

describe('SessionGate sends a signed-out user to the demo sign-in and remembers where they were', () => {
  it('keeps the check-in link, query and all, for after the sign-in', async () => {
    window.location.hash = `#${CHECKIN_ROUTE}`
    const redirect = jest.spyOn(Taro, 'redirectTo').mockImplementation(async () => ({ errMsg: 'redirectTo:ok' }))
    render(<SessionGate>{() => <span>页面内容</span>}</SessionGate>)
    await waitFor(() => expect(redirect).toHaveBeenCalledWith({ url: LOGIN_PAGE }))
    expect(useSessionStore.getState().returnTo).toBe(CHECKIN_ROUTE)
    // Kept in storage too, so a reload of the sign-in page does not lose it.
    expect(Taro.getStorageSync('zhibu.returnTo')).toBe(CHECKIN_ROUTE)
    // Read once, then forgotten.
    expect(useSessionStore.getState().returnConsumed()).toBe(CHECKIN_ROUTE)
    expect(useSessionStore.getState().returnConsumed()).toBeNull()
    expect(Taro.getStorageSync('zhibu.returnTo')).toBeFalsy()
    redirect.mockRestore()
  })

  it('does not ask to come back to the sign-in page itself', async () => {
    window.location.hash = `#${LOGIN_PAGE}`
    const redirect = jest.spyOn(Taro, 'redirectTo').mockImplementation(async () => ({ errMsg: 'redirectTo:ok' }))
    render(<SessionGate>{() => <span>页面内容</span>}</SessionGate>)
    await waitFor(() => expect(redirect).toHaveBeenCalled())
    expect(useSessionStore.getState().returnTo).toBeNull()
    redirect.mockRestore()
  })
})
