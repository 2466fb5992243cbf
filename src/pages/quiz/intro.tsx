import { Text, View } from '@tarojs/components'
import type { MyQuiz, QuizView } from '../../../types/views'
import { FormError } from '../../components/FormField'
import { quizPhase } from '../../display/quiz-view'
import { dateTimeZh } from '../../display/study-display'
import type { Started } from '../../features/study/use-quiz-taking'
import { ActionBar, BackToStudy } from '../../features/study/views'
import { useActionForm } from '../../hooks/use-action-form'
import { call } from '../../services/call'
import { now } from '../../services/clock'

export type ListedQuiz = QuizView & { my: MyQuiz }

function pointsLine(quiz: Pick<QuizView, 'points' | 'studyTenths'>): string | null {
  const parts = [quiz.points ? `${quiz.points} 积分` : '', quiz.studyTenths ? `${quiz.studyTenths / 10} 学时` : ''].filter(Boolean)
  return parts.length ? `通过可得 ${parts.join('、')}` : null
}

function facts(quiz: ListedQuiz, phase: ReturnType<typeof quizPhase>): string[] {
  return [
    `共 ${quiz.questionCount} 题，限时 ${quiz.timeLimitMin} 分钟`,
    `${quiz.passScore} 分及格（满分 100）`,
    phase === 'upcoming' ? `${dateTimeZh(quiz.opensAt)}开始，${dateTimeZh(quiz.closesAt)}截止` : `${dateTimeZh(quiz.closesAt)}截止`,
    pointsLine(quiz),
  ].filter((x): x is string => Boolean(x))
}

function PhaseNote({ quiz, phase }: { quiz: ListedQuiz; phase: ReturnType<typeof quizPhase> }) {
  if (phase === 'open') {
    return (
      <Text className='muted quiz__note'>
        {quiz.my.state === 'in_progress' ? '您已开始作答，计时没有停。继续后请在剩余时间内交卷。' : '点“开始答题”后开始计时；每人只能作答一次，时间到会自动交卷。'}
      </Text>
    )
  }
  return (
    <View className='card'>
      <Text className='quiz__closed'>{phase === 'upcoming' ? `测试还没开始，${dateTimeZh(quiz.opensAt)}起可以作答。` : '测试已结束，您没有参加。'}</Text>
    </View>
  )
}

/** Before starting: what the test is, and the one button that starts the clock. */
export function Intro({ quiz, onStarted }: { quiz: ListedQuiz; onStarted: (s: Started) => void }) {
  const start = useActionForm({ initial: {}, send: () => call('quiz.start', { quizId: quiz.id }), onDone: onStarted, fallbackError: '没能开始，请重试' })
  const phase = quizPhase(quiz, now())
  return (
    <View className='page page--actions quiz'>
      <View className='card quiz__intro'>
        <Text className='quiz__title'>{quiz.title}</Text>
        {facts(quiz, phase).map((f) => (
          <Text key={f} className='quiz__fact'>
            {f}
          </Text>
        ))}
      </View>
      <PhaseNote quiz={quiz} phase={phase} />
      <FormError text={start.error} />
      {phase === 'open' ? (
        <ActionBar text={quiz.my.state === 'in_progress' ? '继续答题' : '开始答题'} busy={start.busy || start.done !== null} onClick={start.submit} />
      ) : (
        <BackToStudy quiet />
      )}
    </View>
  )
}
