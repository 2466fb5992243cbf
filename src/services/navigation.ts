/** Moving between pages where the tab bar's pages need switchTab and the others do not. */
import Taro from '@tarojs/taro'

/** H5 local mode's demo sign-in. */
export const LOGIN_PAGE = '/pages/login/index'

export const TAB_PAGES = ['/pages/index/index', '/pages/meetings/index', '/pages/study/index', '/pages/me/index']

/** Opens an app route in place of the current page: a tab page by switching to it, any other by redirecting. */
export function replaceWith(url: string) {
  const path = url.split('?')[0]
  return TAB_PAGES.includes(path) ? Taro.switchTab({ url: path }) : Taro.redirectTo({ url })
}

/** Back to the previous page, or to the given tab when this page was opened directly (a link, a scan). */
export function backOr(tab: string) {
  if (Taro.getCurrentPages().length > 1) return Taro.navigateBack()
  return Taro.switchTab({ url: tab })
}

/** H5: the route shown now (e.g. "/pages/checkin/index?t=…"), to come back to after signing in. */
export function currentH5Route(): string | null {
  if (process.env.TARO_ENV !== 'h5') return null
  const route = window.location.hash.replace(/^#/, '')
  return route.startsWith('/pages/') ? route : null
}
