import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ChoiceList } from '../../components/ChoiceList'
import { FormError, FormField } from '../../components/FormField'
import { formSentence } from '../../features/roster/form-sentence'
import { FormDialog } from '../../components/FormDialog'
import { StateView } from '../../components/StateView'
import { Button, Input, TextArea } from '../../components/ui'
import { ActionBar } from '../../features/study/views'
import { DuesEditor } from './dues-editor'
import { useGroups, useMemberPage } from './use-roster'
import { ASSIGNABLE_ROLES, monthDay, REASON_WORDS, REASONS, ROLE_WORDS, STANDING_WORDS, STANDINGS } from './words'
import type { RemovalReason } from '../../../types/models'

function RemoveDialog({ visible, onClose, onConfirm }: { visible: boolean; onClose: () => void; onConfirm: (reason: RemovalReason, note: string) => Promise<void> }) {
  const [reason, setReason] = useState(0)
  const [note, setNote] = useState('')
  return (
    <FormDialog
      visible={visible}
      title='移出名册'
      confirmText='移出'
      onClose={onClose}
      onConfirm={async () => {
        await onConfirm(REASONS[reason], note)
        return true
      }}
    >
      <Text className='muted'>移出后不再计入以后会议的应到人数，历史记录保留。</Text>
      <ChoiceList options={REASONS.map((r) => REASON_WORDS[r])} chosen={[reason]} onToggle={setReason} letters={false} columns={2} />
      <TextArea className='field__textarea' value={note} onChange={setNote} placeholder='备注（可不填），如转往的支部' maxLength={200} />
    </FormDialog>
  )
}

type Page = ReturnType<typeof useMemberPage>
type Member = NonNullable<Page['record']['data']>['member']

function MemberFields({ form, groups }: { form: Page['form']; groups: Array<{ id: string; name: string }> }) {
  const v = form.values
  const groupOptions = [{ id: null as string | null, name: '不分组' }, ...groups]
  const toggleRole = (i: number) => {
    const r = ASSIGNABLE_ROLES[i]
    form.set('roles', v.roles.includes(r) ? v.roles.filter((x) => x !== r) : [...v.roles, r])
  }
  return (
    <>
      <FormField label='姓名' error={form.errors.name}>
        <Input className='field__input' value={v.name} onChange={(x) => form.set('name', x)} />
      </FormField>
      <FormField label='手机号后 4 位' error={form.errors.phoneTail}>
        <Input className='field__input' type='number' maxLength={4} value={v.phoneTail} onChange={(x) => form.set('phoneTail', x)} />
      </FormField>
      <FormField label='党小组'>
        <ChoiceList options={groupOptions.map((g) => g.name)} chosen={[groupOptions.findIndex((g) => g.id === v.groupId)]} onToggle={(i) => form.set('groupId', groupOptions[i].id)} letters={false} columns={2} />
      </FormField>
      <FormField label='类别'>
        <ChoiceList options={STANDINGS.map((s) => STANDING_WORDS[s])} chosen={[STANDINGS.indexOf(v.standing)]} onToggle={(i) => form.set('standing', STANDINGS[i])} letters={false} columns={2} />
      </FormField>
      <FormField label='职务' hint='可多选；党小组长在“党小组”里选。'>
        <ChoiceList multiple options={ASSIGNABLE_ROLES.map((r) => ROLE_WORDS[r])} chosen={ASSIGNABLE_ROLES.flatMap((r, i) => (v.roles.includes(r) ? [i] : []))} onToggle={toggleRole} letters={false} columns={3} />
      </FormField>
      <FormError text={formSentence(form)} />
    </>
  )
}

function BindingAndLeaving({ m, busy, unbound, removing }: { m: Member; busy: Page['busy']; unbound: Page['unbound']; removing: () => void }) {
  return (
    <View className='roster__more'>
      <Text className='muted'>{m.bound ? '已绑定微信。换了手机号或微信号时可解除，历史记录保留。' : '还没有绑定微信：请他扫描邀请海报加入。'}</Text>
      {m.bound ? (
        <Button fill='outline' className='roster__side' loading={busy === 'unbind'} onClick={unbound}>
          解除微信绑定
        </Button>
      ) : null}
      {m.active ? (
        <Button fill='outline' type='danger' className='roster__side' loading={busy === 'remove'} onClick={removing}>
          移出名册（转出、离开）
        </Button>
      ) : null}
    </View>
  )
}

function History({ audit }: { audit: NonNullable<Page['record']['data']>['audit'] }) {
  return (
    <>
      <Text className='section-title'>变更记录</Text>
      <View className='card roster__list'>
        {audit.map((a) => (
          <View key={a.id} className='roster__audit'>
            <Text className='roster__audit-when'>{monthDay(a.at)}</Text>
            <Text className='roster__audit-what'>{a.detail}</Text>
          </View>
        ))}
      </View>
    </>
  )
}

/** 党员信息: edit the record, roles, remove or unbind, and every change made to it. */
export function MemberScreen({ memberId }: { memberId: string }) {
  const { record, form, removed, unbound, busy } = useMemberPage(memberId)
  const { groups } = useGroups()
  const [removing, setRemoving] = useState(false)
  const m = record.data?.member
  return (
    <View className='page page--actions roster'>
      <StateView remote={record} rows={6}>
        {m ? (
          <View className='roster__form'>
            {m.removed ? (
              <View className='roster__left' role='status'>
                {monthDay(m.removed.at)} 已移出名册：{REASON_WORDS[m.removed.reason]}
              </View>
            ) : null}
            <MemberFields form={form} groups={groups} />
            {m.active ? <DuesEditor memberId={memberId} /> : null}
            <BindingAndLeaving m={m} busy={busy} unbound={unbound} removing={() => setRemoving(true)} />
            <History audit={record.data?.audit ?? []} />
          </View>
        ) : null}
      </StateView>
      <RemoveDialog visible={removing} onClose={() => setRemoving(false)} onConfirm={removed} />
      {m?.active ? <ActionBar text='保存' busy={form.busy} onClick={form.submit} /> : null}
    </View>
  )
}
