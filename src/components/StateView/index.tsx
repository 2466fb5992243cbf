import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { Button, Skeleton } from '../ui'
import './index.scss'

export interface EmptyProps {
  title: string
  hint?: string
  actionText?: string
  onAction?: () => void
}

/** What useRemote gives: one load's state and its retry. */
export interface RemoteState {
  status: 'loading' | 'ready' | 'error'
  error: { message: string; code: string } | null
  reload: () => void
}

interface Props {
  /** A useRemote load: its status, error words, error code and retry in one. */
  remote?: RemoteState
  status?: 'loading' | 'ready' | 'error'
  /** What went wrong, in words for people. */
  errorMessage?: string
  /** The error code, shown small for support. */
  errorCode?: string
  onRetry?: () => void
  /** When set and `isEmpty`, shown instead of the children. */
  empty?: EmptyProps
  isEmpty?: boolean
  /** Skeleton rows while loading. */
  rows?: number
  children?: ReactNode
}

function Failed({ message, code, onRetry }: { message?: string; code?: string; onRetry?: () => void }) {
  return (
    <View className='state state--error' role='alert'>
      <Text className='state__title'>没能加载出来</Text>
      <Text className='state__hint'>{message || '请检查网络后重试'}</Text>
      {onRetry ? (
        <Button className='state__action' type='primary' fill='outline' onClick={onRetry}>
          重试
        </Button>
      ) : null}
      {code ? <Text className='state__code'>错误代码 {code}</Text> : null}
    </View>
  )
}

function Empty({ title, hint, actionText, onAction }: EmptyProps) {
  return (
    <View className='state state--empty'>
      <Text className='state__title'>{title}</Text>
      {hint ? <Text className='state__hint'>{hint}</Text> : null}
      {actionText && onAction ? (
        <Button className='state__action' type='primary' onClick={onAction}>
          {actionText}
        </Button>
      ) : null}
    </View>
  )
}

/** Loading (skeleton), error (what went wrong and 重试), empty (what it means and what to do) or content. */
export function StateView(props: Props) {
  const { remote, empty, isEmpty, rows = 3, children } = props
  const status = remote?.status ?? props.status ?? 'ready'
  if (status === 'loading') {
    return (
      <View className='state state--loading' aria-busy='true'>
        <Skeleton rows={rows} animated />
        <Text className='state__sr'>正在加载…</Text>
      </View>
    )
  }
  if (status === 'error') {
    return <Failed message={remote?.error?.message ?? props.errorMessage} code={remote?.error?.code ?? props.errorCode} onRetry={remote?.reload ?? props.onRetry} />
  }
  if (isEmpty && empty) return <Empty {...empty} />
  return <>{children}</>
}
