import { View } from '@tarojs/components'
import { StateView } from '../StateView'
import './index.scss'

export type SessionScreenProps =
  | { state: 'loading' }
  | { state: 'error'; error: { message: string; code: string } | null; onRetry: () => void }

/**
 * What shows instead of a page until we know who its user is: loading, or a failed look-up with 重试.
 */
export function SessionScreen(props: SessionScreenProps) {
  if (props.state === 'loading') {
    return (
      <View className='gate'>
        <StateView status='loading' rows={4} />
      </View>
    )
  }
  return (
    <View className='gate'>
      <StateView status='error' errorMessage={props.error?.message} errorCode={props.error?.code} onRetry={props.onRetry} />
    </View>
  )
}
