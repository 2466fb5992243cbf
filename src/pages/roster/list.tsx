import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { RoleTags } from '../../components/RoleTags'
import { StateView } from '../../components/StateView'
import { TabSwitch } from '../../components/TabSwitch'
import { Cell } from '../../components/ui'
import { ActionBar } from '../../features/study/views'
import { useRefreshOnReturn } from '../../hooks/use-refresh-on-return'
import { open } from './screens'
import { useGroups, useJoinCount, useRosterList, type RosterMember } from './use-roster'
import { monthDay, STANDING_WORDS } from './words'

type Tab = 'active' | 'left'

function Row({ m, groupName }: { m: RosterMember; groupName: string }) {
  return (
    <View className='roster__row' role='button' data-member={m.name} onClick={() => open('member', m.id)}>
      <View className='roster__row-main'>
        <Text className='roster__name'>{m.name}</Text>
        <Text className='muted'>
          {m.removed ? `${monthDay(m.removed.at)} 转出` : `${groupName} · ${STANDING_WORDS[m.standing]} · ${m.bound ? '已绑定微信' : '未绑定微信'}`}
        </Text>
      </View>
      {m.removed ? null : <RoleTags roles={m.roles.filter((r) => r !== 'member')} />}
    </View>
  )
}

/** 支部名册: who is on the roll (and who left, with the date), and the ways to fill it. */
export function RosterList() {
  const list = useRosterList()
  const joins = useJoinCount()
  const { groups, refreshed } = useGroups()
  const [tab, setTab] = useState<Tab>('active')
  // An import or another screen may have made groups; a failure here leaves the names as they were.
  const groupsRefreshed = () => refreshed().catch(() => undefined)
  useEffect(() => {
    groupsRefreshed()
  }, [])
  useRefreshOnReturn(() => {
    list.refresh()
    joins.refresh()
    groupsRefreshed()
  })
  const members = list.data?.members ?? []
  const shown = members.filter((m) => (tab === 'active' ? m.active : !m.active))
  const groupName = (id: string | null) => groups.find((g) => g.id === id)?.name ?? '未分组'
  const pending = joins.data ?? 0
  return (
    <View className='page page--actions roster'>
      <View className='roster__links'>
        <Cell title='加入申请' extra={pending ? `${pending} 人待审核` : '没有待审核'} clickable onClick={() => open('joins')} />
        <Cell title='邀请党员加入' extra='二维码海报' clickable onClick={() => open('invite')} />
        <Cell title='导入名册' extra='.xlsx / .csv' clickable onClick={() => open('import')} />
        <Cell title='党小组' extra={`${groups.length} 个`} clickable onClick={() => open('groups')} />
      </View>
      <TabSwitch
        items={[
          { key: 'active', label: `在册 ${members.filter((m) => m.active).length}` },
          { key: 'left', label: '已转出' },
        ]}
        value={tab}
        onChange={setTab}
      />
      <StateView
        remote={list}
        rows={5}
        isEmpty={shown.length === 0}
        empty={
          tab === 'active'
            ? { title: '名册里还没有党员', hint: '导入支部现有的名册表格，或一个一个添加。', actionText: '导入名册', onAction: () => open('import') }
            : { title: '没有转出的党员', hint: '组织关系转出、离开的党员会列在这里，他们的记录保留。' }
        }
      >
        <View className='card roster__list'>
          {shown.map((m) => (
            <Row key={m.id} m={m} groupName={groupName(m.groupId)} />
          ))}
        </View>
      </StateView>
      <ActionBar text='添加一名党员' onClick={() => open('add')} />
    </View>
  )
}
