/** A branch secretary puts the branch under a 党委 by the code the 党委 gave them. */
import { Text, View } from '@tarojs/components'
import { FormError, FormField } from '../../components/FormField'
import { ResultPanel } from '../../components/ResultPanel'
import { StateView } from '../../components/StateView'
import { Input } from '../../components/ui'
import { ActionBar } from '../../features/study/views'
import { formSentence } from '../../features/roster/form-sentence'
import { useAttachForm, useMyOrg } from './use-org'

/** The branch is under an org already: which, and how it would change. */
function Attached({ branchName, orgName }: { branchName: string; orgName: string }) {
  return (
    <View className='card org__code'>
      <Text className='org__code-title'>{orgName}</Text>
      <Text className='org__code-hint'>「{branchName}」已在该党委之下。党委可以看到本支部的统计数字，不能修改本支部的任何内容。如需改到其他党委，请先由该党委将本支部移出。</Text>
    </View>
  )
}

export function AttachScreen({ branchName }: { branchName: string }) {
  const mine = useMyOrg()
  const current = mine.data?.org
  return (
    <View className='page page--actions org'>
      <StateView remote={mine} rows={3}>
        {current ? <Attached branchName={branchName} orgName={current.name} /> : <AttachForm branchName={branchName} />}
      </StateView>
    </View>
  )
}

function AttachForm({ branchName }: { branchName: string }) {
  const form = useAttachForm()
  if (form.done) {
    return <ResultPanel tone='ok' word='已加入党委' lines={[`「${branchName}」已在「${form.done.org.name}」之下。`, '党委可以看到本支部的三会一课、出勤、党费和学时等统计，看不到党员个人的记录。']} />
  }
  return (
    <View>
      <Text className='org__note'>上级党委会给您一个代码。加入后，党委可以看到本支部的统计数字（不含党员个人记录），但不能修改本支部的任何内容。</Text>
      <FormField label='党委代码' error={form.errors.code}>
        <Input className='field__input' value={form.values.code} onChange={(v) => form.set('code', v)} placeholder='例如 Ab3dE…' />
      </FormField>
      <FormError text={formSentence(form)} />
      <ActionBar text='加入党委' busy={form.busy} onClick={form.submit} />
    </View>
  )
}
