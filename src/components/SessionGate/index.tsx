import { Text, View } from '@tarojs/components'
import { StateView } from '../StateView'
import { Button } from '../ui'
import './index.scss'

export type SessionScreenProps =
  | { state: 'loading' }
  | { state: 'error'; error: { message: string; code: string } | null; onRetry: () => void }
  /** Signed in, but bound to no branch: the id to give the secretary, and a way on. */
  | { state: 'unbound'; openid: string; onRetry: () => void; onSwitchUser?: () => void }

/**
 * What shows instead of a page until we know its user is a member of a branch: loading, a failed
 * look-up with 重试, or a plain explanation for an unbound user (who may switch demo users in H5).
 */
export function SessionScreen(props: SessionScreenProps) {
  if (props.state === 'loading') {
    return (
      <View className='gate'>
        <StateView status='loading' rows={4} />
      </View>
    )
  }
  if (props.state === 'error') {
    return (
      <View className='gate'>
        <StateView status='error' errorMessage={props.error?.message} errorCode={props.error?.code} onRetry={props.onRetry} />
      </View>
    )
  }
  return (
    <View className='gate gate--unbound'>
      <Text className='gate__title'>您还没有加入党支部</Text>
      <Text className='gate__hint'>请把下面的编号发给支部书记，由书记把您添加到支部后再打开本页。</Text>
      <Text className='gate__openid' userSelect>
        {props.openid}
      </Text>
      {props.onSwitchUser ? (
        <Button className='gate__action' fill='outline' onClick={props.onSwitchUser}>
          换一个示例用户
        </Button>
      ) : (
        <Button className='gate__action' fill='outline' onClick={props.onRetry}>
          我已加入，刷新
        </Button>
      )}
    </View>
  )
}
