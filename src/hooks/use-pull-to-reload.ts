import Taro, { usePullDownRefresh } from '@tarojs/taro'

/** Pulling the page down loads these again, skeletons and all. */
export function usePullToReload(...loads: Array<{ reload: () => void }>) {
  usePullDownRefresh(() => {
    for (const load of loads) load.reload()
    Taro.stopPullDownRefresh()
  })
}
