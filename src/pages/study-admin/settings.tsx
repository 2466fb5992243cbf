import { Text, View } from '@tarojs/components'
import { ChoiceList } from '../../components/ChoiceList'
import { FormError, FormField } from '../../components/FormField'
import { StateView } from '../../components/StateView'
import { Input } from '../../components/ui'
import { ActionBar } from '../../features/study/views'
import { useRemote } from '../../hooks/use-remote'
import { call } from '../../services/call'
import { useSettingsForm, type Settings } from './use-settings-form'

type Form = ReturnType<typeof useSettingsForm>
type NumberKey = 'targetHours' | 'committeeTargetHours' | 'xuexiWeeklyTarget'
type SwitchKey = 'selfStudyNeedsApproval' | 'rankingsEnabled'

function NumberField({ form, field, label, hint }: { form: Form; field: NumberKey; label: string; hint?: string }) {
  return (
    <FormField label={label} hint={hint}>
      <Input className='field__input' type='number' value={form.values[field]} onChange={(v) => form.set(field, v)} />
    </FormField>
  )
}

/** A setting that is off or on, as two choices side by side. */
function Switch({ form, field, label, hint, words }: { form: Form; field: SwitchKey; label: string; hint: string; words: [string, string] }) {
  return (
    <FormField label={label} hint={hint}>
      <ChoiceList options={words} chosen={[form.values[field] ? 1 : 0]} onToggle={(i) => form.set(field, i === 1)} letters={false} columns={2} />
    </FormField>
  )
}

const RANKINGS_HINT = '默认关闭。2023 年整治“指尖上的形式主义”的规定要求，不得把积分排名、打卡等作为硬性要求。开启后，全体党员可以在“学习”里看到排名。'

function SettingsFields({ saved }: { saved: Settings }) {
  const form = useSettingsForm(saved)
  return (
    <View>
      <View className='sa__numbers'>
        <NumberField form={form} field='targetHours' label='党员全年学时' />
        <NumberField form={form} field='committeeTargetHours' label='支委全年学时' />
      </View>
      <Text className='muted sa__explain'>《党员教育管理工作条例》要求党员每年集中学习培训一般不少于 32 学时。</Text>
      <NumberField form={form} field='xuexiWeeklyTarget' label='学习强国每周目标（分）' hint='党员自行上报，只作统计参考' />
      <Switch form={form} field='selfStudyNeedsApproval' label='自学记录' hint='需要审核时，党员提交的自学由支委通过后才计入学时' words={['提交即计入', '需支委审核']} />
      <Switch form={form} field='rankingsEnabled' label='学习积分排名' hint={RANKINGS_HINT} words={['关闭', '开启']} />
      <FormError text={form.error} />
      <ActionBar text='保存设置' busy={form.busy} onClick={form.submit} />
    </View>
  )
}

export function SettingsTab() {
  const settings = useRemote(() => call('branch.settings', {}), [])
  return (
    <StateView remote={settings} rows={6}>
      {settings.data ? <SettingsFields saved={settings.data.settings} /> : null}
    </StateView>
  )
}
