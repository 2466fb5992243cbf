import Taro from '@tarojs/taro'
import { useEffect, type ReactNode } from 'react'
import type { MemberView } from '../../../types/models'
import { SessionScreen } from '../../components/SessionGate'
import { currentH5Route, LOGIN_PAGE } from '../../services/navigation'
import type { Result } from '../../services/call'
import { useSessionStore } from '../../stores/use-session-store'
import { Onboarding } from './onboarding'

/** H5 local mode: forget this demo user and pick another. */
export function switchUser() {
  useSessionStore.getState().signedOut()
  Taro.redirectTo({ url: LOGIN_PAGE })
}

/**
 * Shows its children only to a signed-in member of a branch: loading while we ask who the
 * user is, the demo sign-in in H5 local mode (which brings the user back to this page, query
 * and all), and to a user bound to no branch the ways in (`joinCode`: an invite link's code).
 */
export function SessionGate({
  children,
  joinCode,
  anyone,
}: {
  children?: (member: MemberView) => ReactNode
  joinCode?: string
  /** A page for whoever is signed in, bound to a branch or not (the 党委's pages, CONTRACT §7). */
  anyone?: (me: Result<'session.me'>) => ReactNode
}) {
  const status = useSessionStore((s) => s.status)
  const me = useSessionStore((s) => s.me)
  const token = useSessionStore((s) => s.token)
  const error = useSessionStore((s) => s.error)
  const sessionRequested = useSessionStore((s) => s.sessionRequested)
  const signInRequired = useSessionStore((s) => s.signInRequired)

  const needsSignIn = process.env.TARO_ENV === 'h5' && status === 'ready' && !token

  useEffect(() => {
    if (status === 'idle') sessionRequested()
  }, [status, sessionRequested])

  useEffect(() => {
    if (!needsSignIn) return
    const here = currentH5Route()
    signInRequired(here && !here.startsWith(LOGIN_PAGE) ? here : null)
    Taro.redirectTo({ url: LOGIN_PAGE })
  }, [needsSignIn, signInRequired])

  if (status === 'error') return <SessionScreen state='error' error={error} onRetry={sessionRequested} />
  if (status !== 'ready' || needsSignIn || !me) return <SessionScreen state='loading' />
  if (anyone) return <>{anyone(me)}</>
  if (!me.member) {
    return <Onboarding me={me} joinCode={joinCode} onSwitchUser={process.env.TARO_ENV === 'h5' ? switchUser : undefined} />
  }
  return <>{children?.(me.member)}</>
}
