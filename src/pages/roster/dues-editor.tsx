import { Text, View } from '@tarojs/components'
import { ChoiceList } from '../../components/ChoiceList'
import { FormError, FormField } from '../../components/FormField'
import { Button, Input } from '../../components/ui'
import { DUES_CATEGORY_LABELS, yuan } from '../../display/money'
import { FIGURE_OF, useMemberDues } from './use-member-dues'

/** 党费核定: the category and the income (or amount) it is computed from; the brackets give the amount. */
export function DuesEditor({ memberId }: { memberId: string }) {
  const { table, row, form, categories } = useMemberDues(memberId)
  if (table.status !== 'ready') return null
  const v = form.values
  const figure = FIGURE_OF[v.category]
  return (
    <View className='roster__dues' data-dues-editor>
      <Text className='section-title'>党费核定</Text>
      <Text className='muted'>{row?.amount != null ? `现核定 ${yuan(row.amount)} 元/月` : '还没有核定党费'}</Text>
      <FormField label='党费类别'>
        <ChoiceList options={categories.map((c) => DUES_CATEGORY_LABELS[c])} chosen={[categories.indexOf(v.category)]} onToggle={(i) => form.set('category', categories[i])} letters={false} columns={3} />
      </FormField>
      {figure ? (
        <FormField label={figure.label} error={form.errors.figure}>
          <Input className='field__input' type='digit' value={v.figure} onChange={(x) => form.set('figure', x)} />
        </FormField>
      ) : null}
      <FormError text={form.error} />
      <View className='roster__more'>
        <Button fill='outline' className='roster__side' loading={form.busy} onClick={form.submit}>
          保存党费核定
        </Button>
      </View>
    </View>
  )
}
