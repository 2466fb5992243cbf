import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ChoiceList } from '../../components/ChoiceList'
import { FormDialog } from '../../components/FormDialog'
import { StateView } from '../../components/StateView'
import { Button } from '../../components/ui'
import { useDutyRota } from './use-notices'

const monthZh = (month: string) => `${Number(month.slice(0, 4))}年${Number(month.slice(5))}月`

/** 轮值党务干事 (the secretary's): one member a month, for this month and the five after it. */
export function DutyRota() {
  const { rota, roster, busy, chosen } = useDutyRota()
  const [editing, setEditing] = useState<string | null>(null)
  const [pick, setPick] = useState(0)
  const people = (roster.data?.members ?? []).filter((m) => m.active)
  const open = (month: string, current: string | null) => {
    setPick(current ? people.findIndex((p) => p.id === current) + 1 : 0)
    setEditing(month)
  }
  return (
    <View className='page announce'>
      <Text className='muted announce__note'>每月由一名党员轮值，协助书记和支委做好当月党务工作；首页向全体党员显示本月的轮值党务干事。</Text>
      <StateView remote={rota.status === 'ready' ? roster : rota} rows={6}>
        <View className='card announce__list'>
          {(rota.data ?? []).map((d) => (
            <View key={d.month} className='announce__row' data-month={d.month}>
              <View>
                <Text className='announce__name announce__month'>{monthZh(d.month)}</Text>
                <Text className={d.member ? 'announce__duty' : 'muted announce__month'}>{d.member ? d.member.name : '未安排'}</Text>
              </View>
              <Button fill='outline' className='announce__side' loading={busy === d.month} onClick={() => open(d.month, d.member?.id ?? null)}>
                {d.member ? '更换' : '安排'}
              </Button>
            </View>
          ))}
        </View>
      </StateView>
      <FormDialog
        visible={editing !== null}
        title={editing ? `${monthZh(editing)}轮值党务干事` : ''}
        confirmText='确定'
        onClose={() => setEditing(null)}
        onConfirm={async () => {
          if (!editing) return true
          const ok = await chosen(editing, pick === 0 ? null : people[pick - 1].id)
          if (ok) setEditing(null)
          return ok
        }}
      >
        <View className='announce__choices'>
          <ChoiceList options={['不安排', ...people.map((p) => p.name)]} chosen={[pick]} onToggle={setPick} letters={false} columns={3} />
        </View>
      </FormDialog>
    </View>
  )
}
