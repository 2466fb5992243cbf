/** 首页's part of the leadership's notices and the 轮值党务干事: its loads, and the links into the notice pages. */
import Taro from '@tarojs/taro'
import type { MemberView } from '../../../types/models'
import { useRefreshOnReturn } from '../../hooks/use-refresh-on-return'
import { useRemote } from '../../hooks/use-remote'
import { call } from '../../services/call'

export const ANNOUNCE_PAGE = '/pages/announce/index'
export const openNotice = (id: string) => Taro.navigateTo({ url: `${ANNOUNCE_PAGE}?id=${encodeURIComponent(id)}` })
export const openScreen = (view: 'compose' | 'readers' | 'duty', id?: string) =>
  Taro.navigateTo({ url: `${ANNOUNCE_PAGE}?view=${view}${id ? `&id=${encodeURIComponent(id)}` : ''}` })

/** Who may post notices and see who has read them: the secretary, a deputy, the 支委. */
export const mayAnnounce = (member: Pick<MemberView, 'roles'>) => member.roles.some((r) => r === 'secretary' || r === 'deputy' || r === 'committee')

/** 首页's board: this month's 轮值党务干事 and the newest notices. */
export function useHomeBoard() {
  const notices = useRemote(() => call('announce.list', {}), [])
  const duty = useRemote(() => call('duty.get', {}), [])
  // Back from a notice just read, one just posted or the rota: what 首页 shows has changed.
  useRefreshOnReturn(() => {
    notices.refresh()
    duty.refresh()
  })
  return { notices, duty }
}
