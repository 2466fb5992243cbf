import Taro from '@tarojs/taro'

/** The roster's screens, each opened as its own page (`?view=`) so that 返回 goes back to the list. */
export type Screen = 'list' | 'member' | 'add' | 'groups' | 'joins' | 'invite' | 'import'

export const TITLES: Record<Screen, string> = {
  list: '支部名册',
  member: '党员信息',
  add: '添加党员',
  groups: '党小组',
  joins: '加入申请',
  invite: '邀请加入',
  import: '导入名册',
}

export function screenOf(view: string | undefined): Screen {
  return (Object.keys(TITLES) as Screen[]).find((v) => v === view) ?? 'list'
}

export function open(view: Screen, id?: string) {
  Taro.navigateTo({ url: `/pages/roster/index?view=${view}${id ? `&id=${encodeURIComponent(id)}` : ''}` })
}
