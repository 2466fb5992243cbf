import { View } from '@tarojs/components'
import './index.scss'

/**
 * A thin bar that empties over `seconds`. Give it a new `key` to start again; the CSS animation
 * runs by itself, so the page does not re-render every frame.
 */
export function CountdownBar({ seconds }: { seconds: number }) {
  return (
    <View className='countdown-bar' role='progressbar' ariaLabel='距离二维码更新的时间'>
      <View className='countdown-bar__fill' style={{ animationDuration: `${Math.max(1, seconds)}s` }} />
    </View>
  )
}
