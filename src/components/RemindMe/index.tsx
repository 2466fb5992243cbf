import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { Button } from '../ui'
import './index.scss'

interface Props {
  /** The button's words, e.g. 提醒我 or 会前提醒我. */
  label?: string
  /** A secondary (outline) button, for screens whose main action is something else. */
  secondary?: boolean
  /** Reminders left; null while unknown. */
  left: number | null
  busy: boolean
  onAsk: () => void
  /** H5: the stand-in subscription sheet. */
  children?: ReactNode
}

/** "提醒我": the button that asks for reminders, and how many are left. */
export function RemindMe({ label = '提醒我', secondary, left, busy, onAsk, children }: Props) {
  return (
    <View className='remind-me'>
      <Button className='remind-me__button' type='primary' fill={secondary ? 'outline' : 'solid'} block loading={busy} onClick={onAsk}>
        {label}
      </Button>
      {left !== null ? (
        <Text className='remind-me__left'>{left > 0 ? `还可提醒 ${left} 次` : '目前收不到微信提醒，点上面的按钮开启'}</Text>
      ) : null}
      {children}
    </View>
  )
}
