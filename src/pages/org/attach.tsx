/** A branch secretary puts the branch under a 党委 by the code the 党委 gave them. */
import { Text, View } from '@tarojs/components'
import { FormError, FormField } from '../../components/FormField'
import { ResultPanel } from '../../components/ResultPanel'
import { Input } from '../../components/ui'
import { ActionBar } from '../../features/study/views'
import { formSentence } from '../../features/roster/form-sentence'
import { useAttachForm } from './use-org'

export function AttachScreen({ branchName }: { branchName: string }) {
  const form = useAttachForm()
  if (form.done) {
    return (
      <View className='page org'>
        <ResultPanel tone='ok' word='已加入党委' lines={[`「${branchName}」已在「${form.done.org.name}」之下。`, '党委可以看到本支部的三会一课、出勤、党费和学时等统计，看不到党员个人的记录。']} />
      </View>
    )
  }
  return (
    <View className='page page--actions org'>
      <Text className='org__note'>上级党委会给您一个代码。加入后，党委可以看到本支部的统计数字（不含党员个人记录），但不能修改本支部的任何内容。</Text>
      <FormField label='党委代码' error={form.errors.code}>
        <Input className='field__input' value={form.values.code} onChange={(v) => form.set('code', v)} placeholder='例如 Ab3dE…' />
      </FormField>
      <FormError text={formSentence(form)} />
      <ActionBar text='加入党委' busy={form.busy} onClick={form.submit} />
    </View>
  )
}
