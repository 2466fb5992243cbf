import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, type ReactNode } from 'react'
import type { MemberView } from '../../../types/models'
import { currentH5Route } from '../../services/navigation'
import { useSessionStore } from '../../stores/use-session-store'
import { StateView } from '../StateView'
import { Button } from '../ui'
import './index.scss'

export const LOGIN_PAGE = '/pages/login/index'

/**
 * Shows its children only to a signed-in member of a branch: loading while we ask who the
 * user is, the demo sign-in in H5 local mode (which brings the user back to this page, query
 * and all), and a plain explanation for an unbound user.
 */
export function SessionGate({ children }: { children: (member: MemberView) => ReactNode }) {
  const status = useSessionStore((s) => s.status)
  const me = useSessionStore((s) => s.me)
  const token = useSessionStore((s) => s.token)
  const error = useSessionStore((s) => s.error)
  const sessionRequested = useSessionStore((s) => s.sessionRequested)
  const signedOut = useSessionStore((s) => s.signedOut)
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

  if (status === 'error') {
    return (
      <View className='gate'>
        <StateView status='error' errorMessage={error?.message} errorCode={error?.code} onRetry={sessionRequested} />
      </View>
    )
  }
  if (status !== 'ready' || needsSignIn || !me) {
    return (
      <View className='gate'>
        <StateView status='loading' rows={4} />
      </View>
    )
  }
  if (!me.member) {
    return (
      <View className='gate gate--unbound'>
        <Text className='gate__title'>您还没有加入党支部</Text>
        <Text className='gate__hint'>请把下面的编号发给支部书记，由书记把您添加到支部后再打开本页。</Text>
        <Text className='gate__openid' userSelect>
          {me.openid}
        </Text>
        {process.env.TARO_ENV === 'h5' ? (
          <Button
            className='gate__action'
            fill='outline'
            onClick={() => {
              signedOut()
              Taro.redirectTo({ url: LOGIN_PAGE })
            }}
          >
            换一个示例用户
          </Button>
        ) : (
          <Button className='gate__action' fill='outline' onClick={sessionRequested}>
            我已加入，刷新
          </Button>
        )}
      </View>
    )
  }
  return <>{children(me.member)}</>
}
