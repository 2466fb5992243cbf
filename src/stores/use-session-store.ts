/**
 * Who is using the app. Persisted: the local-mode session token, and the page to come back to
 * after the demo sign-in (a check-in link opened before signing in must still check in).
 */
import Taro from '@tarojs/taro'
import { create } from 'zustand'
import type { Result } from '../services/call'
import { ApiError, call, setAuthToken } from '../services/call'
import { serverTimeSeen } from '../services/clock'

const TOKEN_KEY = 'zhibu.session'
const RETURN_KEY = 'zhibu.returnTo'

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
  /** H5: the page (route and query) that sent the user to sign in; null for none. */
  returnTo: string | null
  signInRequired: (returnTo: string | null) => void
  /** Answers the page to go back to after signing in, and forgets it. */
  returnConsumed: () => string | null
}

function readToken(): string | null {
  try {
    return (Taro.getStorageSync(TOKEN_KEY) as string) || null
  } catch {
    return null
  }
}

function readReturnTo(): string | null {
  if (process.env.TARO_ENV !== 'h5') return null
  try {
    return (Taro.getStorageSync(RETURN_KEY) as string) || null
  } catch {
    return null
  }
}

const SIGNED_OUT = { token: null, me: null, status: 'ready', error: null } as const

type Set = (partial: Partial<SessionState>) => void

/** Reads the saved token (H5) and asks the server who we are; a token it no longer knows is dropped. */
async function whoAmI(set: Set, get: () => SessionState) {
  if (get().status === 'loading') return
  const token = process.env.TARO_ENV === 'h5' ? readToken() : null
  if (process.env.TARO_ENV === 'h5' && !token) return set(SIGNED_OUT)
  setAuthToken(token)
  set({ token, status: 'loading', error: null })
  try {
    const me = await call('session.me', {})
    serverTimeSeen(me.now)
    set({ me, status: 'ready' })
  } catch (err) {
    const error = err instanceof ApiError ? err : new ApiError('INTERNAL', '读取登录信息失败')
    if (error.code === 'UNAUTHENTICATED') get().signedOut()
    else set({ status: 'error', error })
  }
}

export const useSessionStore = create<SessionState>((set, get) => ({
  token: null,
  returnTo: readReturnTo(),
  me: null,
  status: 'idle',
  error: null,

  sessionRequested: () => whoAmI(set, get),

  signedIn: async (token) => {
    Taro.setStorageSync(TOKEN_KEY, token)
    set({ status: 'idle', me: null })
    await get().sessionRequested()
  },

  signedOut: () => {
    Taro.removeStorageSync(TOKEN_KEY)
    setAuthToken(null)
    set(SIGNED_OUT)
  },

  signInRequired: (returnTo) => {
    if (returnTo) Taro.setStorageSync(RETURN_KEY, returnTo)
    else Taro.removeStorageSync(RETURN_KEY)
    set({ returnTo })
  },

  returnConsumed: () => {
    const { returnTo } = get()
    if (returnTo) {
      Taro.removeStorageSync(RETURN_KEY)
      set({ returnTo: null })
    }
    return returnTo
  },
}))

/** The signed-in member, or null (not signed in, or not bound to a branch). */
export const useMember = () => useSessionStore((s) => s.me?.member ?? null)
