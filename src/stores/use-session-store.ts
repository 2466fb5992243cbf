/**
 * Who is using the app. The only persisted state: the local-mode session token.
 */
import Taro from '@tarojs/taro'
import { create } from 'zustand'
import type { Result } from '../../types/actions'
import { ApiError, call, setAuthToken } from '../services/call'

const TOKEN_KEY = 'zhibu.session'

type Me = Result<'session.me'>

interface SessionState {
  token: string | null
  me: Me | null
  status: 'idle' | 'loading' | 'ready' | 'error'
  error: ApiError | null
  /** Reads the saved token (H5) and asks the server who we are. */
  sessionRequested: () => Promise<void>
  signedIn: (token: string) => Promise<void>
  signedOut: () => void
}

function readToken(): string | null {
  try {
    return (Taro.getStorageSync(TOKEN_KEY) as string) || null
  } catch {
    return null
  }
}

export const useSessionStore = create<SessionState>((set, get) => ({
  token: null,
  me: null,
  status: 'idle',
  error: null,

  sessionRequested: async () => {
    if (get().status === 'loading') return
    const token = process.env.TARO_ENV === 'h5' ? readToken() : null
    if (process.env.TARO_ENV === 'h5' && !token) {
      set({ token: null, me: null, status: 'ready', error: null })
      return
    }
    setAuthToken(token)
    set({ token, status: 'loading', error: null })
    try {
      const me = await call('session.me', {})
      set({ me, status: 'ready' })
    } catch (err) {
      const error = err instanceof ApiError ? err : new ApiError('INTERNAL', '读取登录信息失败')
      if (error.code === 'UNAUTHENTICATED') {
        Taro.removeStorageSync(TOKEN_KEY)
        setAuthToken(null)
        set({ token: null, me: null, status: 'ready', error: null })
        return
      }
      set({ status: 'error', error })
    }
  },

  signedIn: async (token) => {
    Taro.setStorageSync(TOKEN_KEY, token)
    set({ status: 'idle', me: null })
    await get().sessionRequested()
  },

  signedOut: () => {
    Taro.removeStorageSync(TOKEN_KEY)
    setAuthToken(null)
    set({ token: null, me: null, status: 'ready', error: null })
  },
}))

/** The signed-in member, or null (not signed in, or not bound to a branch). */
export const useMember = () => useSessionStore((s) => s.me?.member ?? null)
