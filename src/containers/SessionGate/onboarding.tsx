import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { Result } from '../../services/call'
import { FormError, FormField } from '../../components/FormField'
import { formSentence } from '../../features/roster/form-sentence'
import { TabSwitch } from '../../components/TabSwitch'
import { Button, Input } from '../../components/ui'
import { ActionBar } from '../../features/study/views'
import { useCreateBranchForm, useJoinForm, usePendingJoin } from '../../features/onboarding/use-onboarding'
import { OrgWelcome } from '../../features/org/org-entry'
import './onboarding.scss'

type Way = 'join' | 'create'
const WAYS = [
  { key: 'join', label: '加入支部' },
  { key: 'create', label: '创建支部' },
] as const

function JoinForm({ code, onSent }: { code?: string; onSent: () => void }) {
  const form = useJoinForm(code, onSent)
  return (
    <View className='onboarding__form'>
      {code ? (
        <Text className='onboarding__note'>您打开的是支部的邀请链接。填写姓名和手机尾号，书记核对后即可加入。</Text>
      ) : (
        <FormField label='邀请码' hint='在书记给的邀请海报上；扫海报上的二维码可自动填写。' error={form.errors.code}>
          <Input className='field__input' value={form.values.code} onChange={(v) => form.set('code', v)} placeholder='例如 Ab3dE…' />
        </FormField>
      )}
      <FormField label='您的姓名' hint='与支部名册上的一致。' error={form.errors.name}>
        <Input className='field__input' value={form.values.name} onChange={(v) => form.set('name', v)} placeholder='姓名' />
      </FormField>
      <FormField label='手机号后 4 位' error={form.errors.phoneTail}>
        <Input className='field__input' type='number' maxLength={4} value={form.values.phoneTail} onChange={(v) => form.set('phoneTail', v)} placeholder='例如 1234' />
      </FormField>
      <FormError text={formSentence(form)} />
      <ActionBar text='申请加入' busy={form.busy} onClick={form.submit} />
    </View>
  )
}

function CreateForm() {
  const form = useCreateBranchForm()
  return (
    <View className='onboarding__form'>
      <Text className='onboarding__note'>创建后您就是本支部的书记，可以导入名册、邀请党员加入。</Text>
      <FormField label='设置码' hint='由部署本系统的人提供。' error={form.errors.setupCode}>
        <Input className='field__input' value={form.values.setupCode} onChange={(v) => form.set('setupCode', v)} placeholder='设置码' />
      </FormField>
      <FormField label='支部名称' error={form.errors.name}>
        <Input className='field__input' value={form.values.name} onChange={(v) => form.set('name', v)} placeholder='例如 第一党支部' />
      </FormField>
      <FormField label='您的姓名' error={form.errors.secretaryName}>
        <Input className='field__input' value={form.values.secretaryName} onChange={(v) => form.set('secretaryName', v)} placeholder='姓名' />
      </FormField>
      <FormError text={formSentence(form)} />
      <ActionBar text='创建支部' busy={form.busy} onClick={form.submit} />
    </View>
  )
}

function Waiting({ branchName }: { branchName: string }) {
  usePendingJoin(true)
  return (
    <View className='onboarding__waiting'>
      <Text className='onboarding__title'>已提交，等待书记审核</Text>
      <Text className='onboarding__hint'>您申请加入「{branchName}」。书记通过后，本页会自动打开，不用退出重进。</Text>
    </View>
  )
}

/**
 * A signed-in user bound to no branch: their join request waiting for the secretary, or the two
 * ways in — 加入支部 (an invite's code) and 创建支部 (the deployment's setup code).
 */
export function Onboarding({ me, joinCode, onSwitchUser }: { me: Result<'session.me'>; joinCode?: string; onSwitchUser?: () => void }) {
  const [way, setWay] = useState<Way>('join')
  const [again, setAgain] = useState(false)
  const pending = me.pendingJoin
  if (pending?.state === 'pending' && !again) return (
    <View className='page onboarding'>
      <Waiting branchName={pending.branchName} />
      <Button block fill='outline' className='onboarding__again' onClick={() => setAgain(true)}>
        填错了，重新申请
      </Button>
    </View>
  )
  return (
    <View className='page page--actions onboarding'>
      <View className='onboarding__head'>
        <Text className='onboarding__title'>您还没有加入党支部</Text>
        {onSwitchUser ? (
          <Button fill='none' className='onboarding__switch' onClick={onSwitchUser}>
            换一个用户
          </Button>
        ) : null}
      </View>
      <OrgWelcome org={me.org} />
      {pending?.state === 'refused' ? (
        <View className='onboarding__refused' role='alert'>
          「{pending.branchName}」的书记没有通过您的申请。请核对姓名和手机尾号后重新申请，或联系书记。
        </View>
      ) : null}
      {joinCode ? null : <TabSwitch items={WAYS} value={way} onChange={setWay} />}
      {way === 'join' || joinCode ? <JoinForm code={joinCode} onSent={() => setAgain(false)} /> : <CreateForm />}
    </View>
  )
}
