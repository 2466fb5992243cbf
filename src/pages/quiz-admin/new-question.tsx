import { Text, View } from '@tarojs/components'
import type { QuestionType } from '../../../types/models'
import { ChoiceList } from '../../components/ChoiceList'
import { FormError, FormField } from '../../components/FormField'
import { Button, Input, TextArea } from '../../components/ui'
import { optionLetter, QUESTION_TYPE_LABELS } from '../../display/quiz-view'
import { LIMITS } from '../../domain/limits'
import { ActionBar } from '../../features/study/views'
import { useQuestionForm } from './use-question-form'

const QUESTION_TYPES: QuestionType[] = ['single', 'multiple', 'judge']

type Form = ReturnType<typeof useQuestionForm>

function OptionInputs({ form }: { form: Form }) {
  return (
    <FormField label='选项' hint='不用的选项留空即可'>
      {form.values.options.map((o, i) => (
        <View key={i} className='qa__option-input'>
          <Text className='qa__option-letter'>{optionLetter(i)}</Text>
          <Input
            className='field__input qa__option-field'
            value={o}
            onChange={(v) => form.optionTyped(i, v)}
            placeholder={`选项 ${optionLetter(i)}`}
            maxLength={LIMITS.question.option + 10}
          />
        </View>
      ))}
      {form.canAddOption ? (
        <Button fill='none' className='qa__more-option' onClick={form.optionAdded}>
          + 再加一个选项
        </Button>
      ) : null}
    </FormField>
  )
}

function AnswerField({ form }: { form: Form }) {
  const { values, choices } = form
  const hint = !choices.length ? '先在上面填写选项' : values.type === 'multiple' ? '点选所有正确的选项' : '点选正确的一项'
  return (
    <FormField label='正确答案' hint={hint}>
      <ChoiceList
        options={choices.map((c) => c.text)}
        chosen={choices.flatMap((c, n) => (values.answer.includes(c.i) ? [n] : []))}
        multiple={values.type === 'multiple'}
        letters={false}
        onToggle={(n) => form.answerTapped(choices[n].i)}
      />
    </FormField>
  )
}

/** 添加题目: one question at a time, and the form stays for the next. */
export function NewQuestion() {
  const form = useQuestionForm()
  const { values } = form
  return (
    <View className='page page--actions qa'>
      {form.added ? <Text className='qa__added'>本次已添加 {form.added} 题，可以接着添加下一题。</Text> : null}
      <FormField label='题型'>
        <ChoiceList
          options={QUESTION_TYPES.map((t) => QUESTION_TYPE_LABELS[t])}
          chosen={[QUESTION_TYPES.indexOf(values.type)]}
          onToggle={(i) => form.typeChosen(QUESTION_TYPES[i])}
          letters={false}
          columns={3}
        />
      </FormField>
      <FormField label='题干'>
        <TextArea
          className='field__textarea'
          value={values.stem}
          onChange={(v) => form.set('stem', v)}
          placeholder={values.type === 'judge' ? '例如：党员应按月缴纳党费' : '例如：党的最高理想是什么'}
          maxLength={LIMITS.question.stem}
          autoSize
        />
      </FormField>
      {values.type !== 'judge' ? <OptionInputs form={form} /> : null}
      <AnswerField form={form} />
      <FormError text={form.error} />
      <ActionBar text='加入题库' busy={form.busy} onClick={form.submit} />
    </View>
  )
}
