import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import type { MemberView } from '../../../types/models'
import type { TabItem } from '../../components/TabSwitch'

export type Tab = 'pending' | 'overview' | 'makeup' | 'settings'

export const tabOf = (param: string | undefined): Tab => (param === 'overview' || param === 'makeup' || param === 'settings' ? param : 'pending')

/** Which tab shows, and a visit count: a tab's content is remounted on each visit, so switching tabs (or pulling down) is also a refresh. */
export function useStudyAdminTabs(member: MemberView, initialTab: Tab) {
  const isSecretary = member.roles.includes('secretary')
  const [tab, setTab] = useState<Tab>(initialTab === 'settings' && !isSecretary ? 'pending' : initialTab)
  const [pendingCount, setPendingCount] = useState(0)
  const [visit, setVisit] = useState(0)

  usePullDownRefresh(() => {
    setVisit((v) => v + 1)
    Taro.stopPullDownRefresh()
  })

  const items: TabItem<Tab>[] = [
    { key: 'pending', label: '待审核', badge: pendingCount },
    { key: 'overview', label: '学时' },
    { key: 'makeup', label: '补学' },
    ...(isSecretary ? [{ key: 'settings' as const, label: '设置' }] : []),
  ]
  const tabChosen = (t: Tab) => {
    setTab(t)
    setVisit((v) => v + 1)
  }
  return { tab, items, visitKey: `${tab}-${visit}`, tabChosen, pendingCounted: setPendingCount }
}
