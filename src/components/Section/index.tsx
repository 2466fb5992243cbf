import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { StateView, useInErrorBlock, type EmptyProps, type RemoteState } from '../StateView'

interface Props {
  title: string
  /** The load the card shows: skeleton, error with 重试, empty, or the children. */
  remote: RemoteState
  rows?: number
  isEmpty?: boolean
  empty?: EmptyProps
  /** Extra classes for the card, beside `card`. */
  className?: string
  onClick?: () => void
  children?: ReactNode
}

/** A titled card of one topic whose content loads: the section title, then the card with its states. */
export function Section({ title, remote, rows, isEmpty, empty, className, onClick, children }: Props) {
  // Its failure is told once for the whole screen: only the report, no empty card under a title.
  const quiet = useInErrorBlock() && remote.status === 'error'
  if (quiet) return <StateView remote={remote} />
  return (
    <>
      <Text className='section-title'>{title}</Text>
      <View className={className ? `card ${className}` : 'card'} onClick={onClick} role={onClick ? 'button' : undefined}>
        <StateView remote={remote} rows={rows} isEmpty={isEmpty} empty={empty}>
          {children}
        </StateView>
      </View>
    </>
  )
}
