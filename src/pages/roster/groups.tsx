import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ChoiceList } from '../../components/ChoiceList'
import { FormDialog } from '../../components/FormDialog'
import { FormField } from '../../components/FormField'
import { StateView } from '../../components/StateView'
import { Button, Input } from '../../components/ui'
import { ActionBar } from '../../features/study/views'
import { useGroupActions, useGroups, type RosterMember } from './use-roster'

type Editing = { kind: 'create' } | { kind: 'rename'; groupId: string; name: string } | { kind: 'leader'; groupId: string }

const leaderOf = (members: RosterMember[], groupId: string) => members.find((m) => m.active && m.groupId === groupId && m.roles.includes('group_leader'))

/** The open dialog's state and what 确定 does: create, rename or choose the leader of a group. */
function useGroupEditing(actions: ReturnType<typeof useGroupActions>, inGroup: (groupId: string) => RosterMember[]) {
  const [editing, setEditing] = useState<Editing | null>(null)
  const [name, setName] = useState('')
  const [leader, setLeader] = useState(0)
  const candidates = editing?.kind === 'leader' ? inGroup(editing.groupId) : []
  const confirm = async () => {
    if (!editing) return true
    if (editing.kind === 'leader') {
      await actions.leaderChosen(editing.groupId, leader === 0 ? null : candidates[leader - 1].id)
      return true
    }
    if (!name.trim()) return false
    if (editing.kind === 'create') await actions.created(name.trim())
    else await actions.renamed(editing.groupId, name.trim())
    return true
  }
  return {
    editing,
    name,
    setName,
    leader,
    setLeader,
    candidates,
    confirm,
    close: () => setEditing(null),
    creating: () => {
      setName('')
      setEditing({ kind: 'create' })
    },
    renaming: (groupId: string, current: string) => {
      setName(current)
      setEditing({ kind: 'rename', groupId, name: current })
    },
    choosingLeader: (groupId: string) => {
      setLeader(0)
      setEditing({ kind: 'leader', groupId })
    },
  }
}

type Editor = ReturnType<typeof useGroupEditing>

function GroupCard({ group, size, leader, busy, editor }: { group: { id: string; name: string }; size: number; leader?: RosterMember; busy: boolean; editor: Editor }) {
  return (
    <View className='card roster__group' data-group={group.name}>
      <View className='roster__group-head'>
        <Text className='roster__name'>{group.name}</Text>
        <Text className='muted'>{size} 人</Text>
      </View>
      <Text className='roster__group-leader'>党小组长：{leader ? leader.name : '未设'}</Text>
      <View className='roster__group-actions'>
        <Button fill='outline' className='roster__side' onClick={() => editor.renaming(group.id, group.name)}>
          改名
        </Button>
        <Button fill='outline' className='roster__side' loading={busy} onClick={() => editor.choosingLeader(group.id)}>
          选党小组长
        </Button>
      </View>
    </View>
  )
}

function GroupDialog({ editor }: { editor: Editor }) {
  const { editing, candidates } = editor
  return (
    <FormDialog
      visible={editing !== null}
      title={editing?.kind === 'leader' ? '选党小组长' : editing?.kind === 'rename' ? '党小组改名' : '新建党小组'}
      confirmText='确定'
      onClose={editor.close}
      onConfirm={editor.confirm}
    >
      {editing?.kind === 'leader' ? (
        candidates.length ? (
          <ChoiceList options={['不设党小组长', ...candidates.map((m) => m.name)]} chosen={[editor.leader]} onToggle={editor.setLeader} letters={false} columns={2} />
        ) : (
          <Text className='muted'>这个党小组还没有党员：先在党员信息里把人分到这个组。</Text>
        )
      ) : (
        <FormField label='党小组名称'>
          <Input className='field__input' value={editor.name} onChange={editor.setName} placeholder='例如 第一党小组' />
        </FormField>
      )}
    </FormDialog>
  )
}

/** 党小组: each group with its leader and size; create, rename, choose the leader. */
export function Groups() {
  const { groups } = useGroups()
  const actions = useGroupActions()
  const members = actions.members.data?.members.filter((m) => m.active) ?? []
  const inGroup = (groupId: string) => members.filter((m) => m.groupId === groupId)
  const editor = useGroupEditing(actions, inGroup)
  return (
    <View className='page page--actions roster'>
      <StateView
        remote={actions.members}
        rows={4}
        isEmpty={groups.length === 0}
        empty={{ title: '还没有党小组', hint: '导入名册时表格里写的党小组会自动建立，也可以在这里新建。' }}
      >
        {groups.map((g) => (
          <GroupCard key={g.id} group={g} size={inGroup(g.id).length} leader={leaderOf(members, g.id)} busy={actions.busy === g.id} editor={editor} />
        ))}
      </StateView>
      <GroupDialog editor={editor} />
      <ActionBar text='新建党小组' busy={actions.busy === 'create'} onClick={editor.creating} />
    </View>
  )
}
