import { Text, View } from '@tarojs/components'
import type { QuizView } from '../../../types/views'
import { ChoiceList } from '../../components/ChoiceList'
import { ResultPanel } from '../../components/ResultPanel'
import type { Started, Submitted } from '../../features/study/use-quiz-taking'
import { BackToStudy } from '../../features/study/views'
import type { ListedQuiz } from './intro'

function outcomeLines(quiz: QuizView, result: Submitted, auto: boolean): string[] {
  return [
    ...(auto ? ['时间到，已自动交卷'] : []),
    `答对 ${result.correct} / ${result.total} 题，${quiz.passScore} 分及格`,
    ...(result.pointsAwarded > 0 ? [`获得 ${result.pointsAwarded} 积分，已记入学习记录`] : []),
  ]
}

/** Just handed in: the score, passed or not, points, and every question with the right answer. */
export function Outcome({ quiz, questions, result, auto }: { quiz: QuizView; questions: Started['questions']; result: Submitted; auto: boolean }) {
  const byId = new Map(result.review.map((r) => [r.questionId, r]))
  return (
    <View className='page page--actions quiz'>
      <ResultPanel tone={result.passed ? 'ok' : 'fail'} word={result.passed ? '通过' : '未通过'} figure={`${result.score} 分`} lines={outcomeLines(quiz, result, auto)} />
      <Text className='section-title'>答题情况</Text>
      {questions.map((q, n) => {
        const r = byId.get(q.id)
        return (
          <View key={q.id} className='card quiz__question' data-question={q.id}>
            <View className='quiz__stem'>
              <Text className='quiz__number'>{n + 1}.</Text>
              <Text className={r?.right ? 'quiz__verdict quiz__verdict--right' : 'quiz__verdict quiz__verdict--wrong'}>{r?.right ? '答对' : '答错'}</Text>
              <Text className='quiz__stem-text'>{q.stem}</Text>
            </View>
            <ChoiceList options={q.options} chosen={r?.chosen ?? []} answer={r?.answer ?? []} multiple={q.type === 'multiple'} letters={q.type !== 'judge'} />
          </View>
        )
      })}
      <BackToStudy />
    </View>
  )
}

/** Handed in earlier: the score as the test list remembers it. */
export function AlreadyDone({ quiz }: { quiz: ListedQuiz }) {
  const passed = quiz.my.passed === true
  return (
    <View className='page page--actions quiz'>
      <ResultPanel
        tone={passed ? 'ok' : 'fail'}
        word={passed ? '通过' : '未通过'}
        figure={quiz.my.score !== undefined ? `${quiz.my.score} 分` : undefined}
        lines={[quiz.title, `${quiz.passScore} 分及格 · 每人只能作答一次，您已交卷`]}
      />
      <BackToStudy />
    </View>
  )
}
