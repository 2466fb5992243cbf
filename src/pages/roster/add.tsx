import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ChoiceList } from '../../components/ChoiceList'
import { FormError, FormField } from '../../components/FormField'
import { formSentence } from '../../features/roster/form-sentence'
import { ResultPanel } from '../../components/ResultPanel'
import { Input } from '../../components/ui'
import { ActionBar } from '../../features/study/views'
import { useAddMember, useGroups } from './use-roster'
import { STANDING_WORDS, STANDINGS } from './words'

/** 添加党员: one member without a spreadsheet (a transfer-in, say). */
export function AddMember() {
  const form = useAddMember()
  const { groups } = useGroups()
  const v = form.values
  const groupNames = ['不分组', ...groups.map((g) => g.name)]
  if (form.done) {
    return (
      <View className='page page--actions roster'>
        <ResultPanel tone='ok' word={form.done.updated ? '已更新' : '已添加'} lines={[`${v.name} 已在名册中。请他扫描邀请海报，用微信加入。`]} />
        <ActionBar text='返回名册' onClick={() => Taro.navigateBack()} />
      </View>
    )
  }
  return (
    <View className='page page--actions roster'>
      <Text className='roster__note'>姓名和手机尾号与名册中已有的人相同时，会更新那个人。</Text>
      <FormField label='姓名' error={form.errors.name}>
        <Input className='field__input' value={v.name} onChange={(x) => form.set('name', x)} placeholder='姓名' />
      </FormField>
      <FormField label='手机号后 4 位' error={form.errors.phoneTail}>
        <Input className='field__input' type='number' maxLength={4} value={v.phoneTail} onChange={(x) => form.set('phoneTail', x)} placeholder='例如 1234' />
      </FormField>
      <FormField label='类别'>
        <ChoiceList options={STANDINGS.map((s) => STANDING_WORDS[s])} chosen={[STANDINGS.indexOf(v.standing)]} onToggle={(i) => form.set('standing', STANDINGS[i])} letters={false} columns={2} />
      </FormField>
      <FormField label='党小组'>
        <ChoiceList options={groupNames} chosen={[Math.max(0, groupNames.indexOf(v.group))]} onToggle={(i) => form.set('group', i === 0 ? '' : groupNames[i])} letters={false} columns={2} />
      </FormField>
      <FormError text={formSentence(form)} />
      <ActionBar text='添加' busy={form.busy} onClick={form.submit} />
    </View>
  )
}
