import { Text, View } from '@tarojs/components'
import { ChoiceList } from '../../components/ChoiceList'
import { FormError } from '../../components/FormField'
import { Dialog } from '../../components/ui'
import { formatCountdown, QUESTION_TYPE_LABELS } from '../../display/quiz-view'
import { useQuizTaking, type Started, type Submitted } from '../../features/study/use-quiz-taking'
import { ActionBar } from '../../features/study/views'

type Taking = ReturnType<typeof useQuizTaking>

function Clock({ t }: { t: Taking }) {
  // A fragment: the bar is sticky within the page, so it must not get a parent of its own.
  return (
    <>
      <View className='quiz__bar' role='timer'>
        <View className='quiz__clock'>
          <Text className='quiz__clock-label'>{t.left === 0 ? '时间到' : '剩余时间'}</Text>
          <Text className={t.hurry ? 'quiz__clock-time quiz__clock-time--hurry' : 'quiz__clock-time'}>{formatCountdown(t.left)}</Text>
        </View>
        <Text className='quiz__progress'>
          已答 {t.answered} / {t.total}
        </Text>
      </View>
      {t.hurry && t.left > 0 ? <Text className='quiz__hurry'>不到 1 分钟，时间到会自动交卷</Text> : null}
    </>
  )
}

function ConfirmDialog({ t }: { t: Taking }) {
  return (
    <Dialog
      visible={t.confirming}
      title='确定交卷吗？'
      confirmText='交卷'
      cancelText='继续答题'
      closeOnOverlayClick={false}
      onConfirm={t.handInConfirmed}
      onCancel={t.confirmDismissed}
      onClose={t.confirmDismissed}
    >
      <Text className='quiz__dialog-text'>还有 {t.open} 题没有作答，交卷后不能再改。</Text>
    </Dialog>
  )
}

/** The questions in one scroll under a countdown; 交卷 once, or automatically when time runs out. */
export function Taking({ started, onSubmitted }: { started: Started; onSubmitted: (r: Submitted, auto: boolean) => void }) {
  const t = useQuizTaking(started, onSubmitted)
  return (
    <View className='page page--actions quiz'>
      <Clock t={t} />
      {started.questions.map((q, n) => (
        <View key={q.id} className='card quiz__question' data-question={q.id}>
          <View className='quiz__stem'>
            <Text className='quiz__number'>{n + 1}.</Text>
            <Text className='quiz__type'>{QUESTION_TYPE_LABELS[q.type]}</Text>
            <Text className='quiz__stem-text'>{q.stem}</Text>
          </View>
          {q.type === 'multiple' ? <Text className='muted quiz__multi'>可选多项</Text> : null}
          <ChoiceList
            options={q.options}
            chosen={t.answers[q.id] ?? []}
            multiple={q.type === 'multiple'}
            letters={q.type !== 'judge'}
            onToggle={(i) => t.optionTapped(q.id, q.type, i)}
          />
        </View>
      ))}
      <FormError text={t.error} />
      <ActionBar text='交卷' busy={t.busy} onClick={t.handInTapped} />
      <ConfirmDialog t={t} />
    </View>
  )
}
