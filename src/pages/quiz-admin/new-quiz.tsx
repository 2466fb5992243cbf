import { Text, View } from '@tarojs/components'
import { ChoiceList } from '../../components/ChoiceList'
import { FormError, FormField } from '../../components/FormField'
import { StateView } from '../../components/StateView'
import { ArrowRight, Button, Cell, CellGroup, Input } from '../../components/ui'
import { QUESTION_TYPE_LABELS } from '../../display/quiz-view'
import { LIMITS } from '../../domain/limits'
import { QUIZ_DEFAULTS } from '../../domain/study'
import { addDays, formatDateZh } from '../../domain/time'
import { DayPicker } from '../../features/study/day-picker'
import { ActionBar } from '../../features/study/views'
import { useQuizForm } from './use-quiz-form'

type Form = ReturnType<typeof useQuizForm>

const DAYS = [
  { which: 'opens', title: '开始日期', time: '0:00' },
  { which: 'closes', title: '截止日期', time: '23:59' },
] as const

function QuestionPicker({ form }: { form: Form }) {
  const { questions } = form
  return (
    <FormField label={`选择题目（已选 ${form.values.questionIds.length} 题）`}>
      <StateView remote={form.bank} rows={4} isEmpty={questions.length === 0} empty={{ title: '题库还是空的', hint: '请先回到题库添加或导入题目。' }}>
        <Button fill='outline' className='qa__all' onClick={form.allToggled}>
          {form.allChosen ? '全部不选' : `全选 ${questions.length} 题`}
        </Button>
        <ChoiceList
          options={questions.map((q) => `【${QUESTION_TYPE_LABELS[q.type]}】${q.stem}`)}
          chosen={questions.flatMap((q, i) => (form.chosen(q.id) ? [i] : []))}
          multiple
          letters={false}
          onToggle={(i) => form.questionToggled(questions[i].id)}
        />
      </StateView>
    </FormField>
  )
}

function Period({ form }: { form: Form }) {
  return (
    <CellGroup className='qa__cells'>
      {DAYS.map((d) => (
        <Cell
          key={d.which}
          title={d.title}
          align='center'
          clickable
          onClick={() => form.pickerOpened(d.which)}
          extra={
            <View className='qa__value'>
              <Text className='qa__value-text'>
                {formatDateZh(form.values[d.which])} {d.time}
              </Text>
              <ArrowRight className='qa__arrow' />
            </View>
          }
        />
      ))}
    </CellGroup>
  )
}

function Rules({ form }: { form: Form }) {
  const { values, set } = form
  return (
    <>
      <View className='qa__numbers'>
        <FormField label='答题分钟数'>
          <Input className='field__input' type='number' value={values.minutes} onChange={(v) => set('minutes', v)} />
        </FormField>
        <FormField label='及格分（百分制）'>
          <Input className='field__input' type='number' value={values.passScore} onChange={(v) => set('passScore', v)} />
        </FormField>
      </View>
      <FormField label='通过可得积分（可不填）' hint={`不填则为 ${QUIZ_DEFAULTS.points} 分；通过还计 ${QUIZ_DEFAULTS.studyTenths / 10} 学时`}>
        <Input className='field__input' type='number' value={values.points} onChange={(v) => set('points', v)} placeholder={`0–${LIMITS.quiz.pointsMax}`} />
      </FormField>
    </>
  )
}

/** 新建测试. */
export function NewQuiz() {
  const form = useQuizForm()
  const { values, today } = form
  return (
    <View className='page page--actions qa'>
      <FormField label='测试名称'>
        <Input className='field__input' value={values.title} onChange={(v) => form.set('title', v)} maxLength={LIMITS.quiz.title + 10} clearable />
      </FormField>
      <QuestionPicker form={form} />
      <Period form={form} />
      <Rules form={form} />
      <FormError text={form.error} />
      <ActionBar text='发布测试' busy={form.busy || form.done !== null} onClick={form.submit} />
      <DayPicker
        visible={form.picker === 'opens'}
        title='开始日期'
        value={values.opens}
        from={today}
        to={addDays(today, 366)}
        onPick={form.opensPicked}
        onClose={() => form.pickerOpened(null)}
      />
      <DayPicker
        visible={form.picker === 'closes'}
        title='截止日期'
        value={values.closes}
        from={values.opens}
        to={addDays(today, 366)}
        onPick={form.closesPicked}
        onClose={() => form.pickerOpened(null)}
      />
    </View>
  )
}
