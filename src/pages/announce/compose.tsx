import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ChoiceList } from '../../components/ChoiceList'
import { FormError, FormField } from '../../components/FormField'
import { ResultPanel } from '../../components/ResultPanel'
import { Button, Input, TextArea } from '../../components/ui'
import { dateTimeZh } from '../../display/study-display'
import { LIMITS } from '../../domain/limits'
import { ANNOUNCE_PAGE } from '../../features/announce/use-home-board'
import { ActionBar } from '../../features/study/views'
import type { Result } from '../../services/call'
import { replaceWith } from '../../services/navigation'
import { useCompose } from './use-notices'

const PUSH_CHOICES = ['同时发微信提醒', '只在支部通显示']

function Posted({ result }: { result: Result<'announce.create'> }) {
  const a = result.announcement
  return (
    <View className='page page--actions announce'>
      <ResultPanel
        tone='ok'
        word='已发布'
        lines={[
          a.title,
          `发给${a.scopeName}的 ${a.audienceCount ?? 0} 位党员，他们在首页就能看到。`,
          a.push ? '微信提醒在整点发出，发给还没看过、有提醒次数的党员，每人用掉一次会议提醒。' : '只在支部通里显示，不发微信提醒。',
        ]}
      />
      <Button block fill='outline' className='announce__again' onClick={() => Taro.redirectTo({ url: `${ANNOUNCE_PAGE}?view=readers&id=${encodeURIComponent(a.id)}` })}>
        查看已读情况
      </Button>
      <ActionBar text='返回首页' onClick={() => replaceWith('/pages/index/index')} />
    </View>
  )
}

/** 发通知: title, text, to whom, the meeting it is about, and whether WeChat reminds too. */
export function Compose() {
  const { form, groups, meetings } = useCompose()
  const { values, set, errors } = form
  if (form.done) return <Posted result={form.done} />
  const scopes = [{ id: '', name: '全支部' }, ...groups]
  const linkable = [{ id: '', label: '不关联会议' }, ...(meetings.data ?? []).map((m) => ({ id: m.id, label: `${m.title}（${dateTimeZh(m.startAt)}）` }))]
  return (
    <View className='page page--actions announce'>
      <FormField label='标题' error={errors.title}>
        <Input className='field__input' value={values.title} onChange={(v) => set('title', v)} placeholder='例如：关于开展5月主题党日的通知' maxLength={LIMITS.announcement.title} clearable />
      </FormField>
      <FormField label='通知内容' error={errors.body}>
        <TextArea className='field__textarea' value={values.body} onChange={(v) => set('body', v)} placeholder='时间、地点、要带什么、要做什么' maxLength={LIMITS.announcement.body} autoSize />
      </FormField>
      <FormField label='发给'>
        <ChoiceList options={scopes.map((s) => s.name)} chosen={[scopes.findIndex((s) => s.id === values.groupId)]} onToggle={(i) => set('groupId', scopes[i].id)} letters={false} columns={2} />
      </FormField>
      <FormField label='关于哪次会议（可不选）' hint='选了会议，党员点通知就能打开这次会议'>
        <ChoiceList options={linkable.map((m) => m.label)} chosen={[linkable.findIndex((m) => m.id === values.meetingId)]} onToggle={(i) => set('meetingId', linkable[i].id)} letters={false} />
      </FormField>
      <FormField label='微信提醒'>
        <ChoiceList options={PUSH_CHOICES} chosen={[values.push ? 0 : 1]} onToggle={(i) => set('push', i === 0)} letters={false} columns={2} />
      </FormField>
      <Text className='muted announce__note'>
        {values.push ? '微信提醒在整点发出，只发给还没看过、有提醒次数的党员，每人用掉一次“会议和主题党日提醒”。' : '只在党员的首页显示，不用掉大家的提醒次数。'}
      </Text>
      <FormError text={form.errorField && errors[form.errorField] ? null : form.error} />
      <ActionBar text='发布' busy={form.busy} onClick={form.submit} />
    </View>
  )
}
