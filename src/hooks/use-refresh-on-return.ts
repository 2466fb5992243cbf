import { useDidHide, useDidShow } from '@tarojs/taro'
import { useRef } from 'react'

/**
 * Calls `refresh` when the page is shown again after being hidden (back from a form, another
 * page or the background). Keyed on a hide, not on "not the first show": a page opened cold
 * renders its content only after WeChat's first onShow, so counting shows would skip the real return.
 */
export function useRefreshOnReturn(refresh: () => void) {
  const hidden = useRef(false)
  useDidHide(() => {
    hidden.current = true
  })
  useDidShow(() => {
    if (!hidden.current) return
    hidden.current = false
    refresh()
  })
}
