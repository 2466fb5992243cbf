/**
 * The ways into the 党委's pages (CONTRACT §7): a user who oversees an org switches to its
 * overview from 我的 (or, bound to no branch, from the welcome screen); a branch secretary enters
 * an org's code to put the branch under it.
 */
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { Role } from '../../../types/models'
import { Button, Cell } from '../../components/ui'
import { useSessionStore } from '../../stores/use-session-store'
import './org-entry.scss'

export const ORG_PAGE = '/pages/org/index'
const openOverview = () => Taro.navigateTo({ url: ORG_PAGE })

/** 我的's lines: 切换到党委 for an overseer, 加入上级党委 for a secretary. */
export function OrgCells({ roles }: { roles: readonly Role[] }) {
  const org = useSessionStore((s) => s.me?.org ?? null)
  return (
    <>
      {org ? <Cell title='切换到党委视图' description={org.name} extra='各支部情况' clickable onClick={openOverview} /> : null}
      {roles.includes('secretary') ? <Cell title='上级党委' extra='查看或加入' clickable onClick={() => Taro.navigateTo({ url: `${ORG_PAGE}?view=attach` })} /> : null}
    </>
  )
}

/** For an overseer bound to no branch: their 党委 first, above the ways to join a branch. */
export function OrgWelcome({ org }: { org: { id: string; name: string } | null }) {
  if (!org) return null
  return (
    <View className='card org-entry'>
      <Text className='org-entry__title'>{org.name}</Text>
      <Text className='org-entry__hint'>您是本党委的管理人员，可以查看各支部的三会一课、出勤、党费和学习情况。</Text>
      <Button block type='primary' className='org-entry__go' onClick={openOverview}>
        查看各支部情况
      </Button>
    </View>
  )
}
