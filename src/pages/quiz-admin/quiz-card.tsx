import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { MyQuiz, QuizView } from '../../../types/views'
import { StateView } from '../../components/StateView'
import { quizPhase } from '../../display/quiz-view'
import { periodZh } from '../../display/study-display'
import { Names } from '../../features/study/views'
import { useRemote } from '../../hooks/use-remote'
import { call, type Result } from '../../services/call'
import { now } from '../../services/clock'

export type ListedQuiz = QuizView & { my: MyQuiz }
type Taker = Result<'quiz.results'>['taken'][number]

const PHASE_WORDS = { upcoming: '未开始', open: '进行中', closed: '已结束' } as const

function TakerRow({ p }: { p: Taker }) {
  return (
    <View className='qa__row'>
      <Text className='qa__row-name'>{p.name}</Text>
      <Text className='qa__row-score'>{p.score === null ? '答题中' : `${p.score} 分`}</Text>
      {p.passed === null ? null : <Text className={p.passed ? 'qa__passed qa__passed--yes' : 'qa__passed'}>{p.passed ? '通过' : '未通过'}</Text>}
    </View>
  )
}

function NotTaken({ names }: { names: Result<'quiz.results'>['notTaken'] }) {
  if (!names.length) return <Text className='qa__sub'>全部党员都已参加。</Text>
  return (
    <View>
      <Text className='qa__sub'>还没有参加</Text>
      <Names people={names} className='qa__names' itemClassName='qa__name' />
    </View>
  )
}

/** Who has taken a test and who has not, loaded when its card is opened. */
function QuizResults({ quizId }: { quizId: string }) {
  const results = useRemote(() => call('quiz.results', { quizId }), [quizId])
  const data = results.data
  return (
    <StateView remote={results} rows={3}>
      {data ? (
        <View className='qa__results'>
          <View className='qa__counts'>
            <Text className='qa__count'>
              已参加 <Text className='qa__count-num'>{data.taken.length}</Text> 人
            </Text>
            <Text className='qa__count'>
              未参加 <Text className='qa__count-num qa__count-num--open'>{data.notTaken.length}</Text> 人
            </Text>
          </View>
          <NotTaken names={data.notTaken} />
          {data.taken.length ? (
            <View>
              <Text className='qa__sub'>已参加</Text>
              {data.taken.map((p) => (
                <TakerRow key={p.memberId} p={p} />
              ))}
            </View>
          ) : null}
        </View>
      ) : null}
    </StateView>
  )
}

export function QuizCard({ quiz }: { quiz: ListedQuiz }) {
  const [expanded, setExpanded] = useState(false)
  const phase = quizPhase(quiz, now())
  const toggle = () => setExpanded(!expanded)
  return (
    <View className='card qa__quiz' data-quiz={quiz.id}>
      <View className='qa__quiz-head' role='button' aria-expanded={expanded} onClick={toggle}>
        <View className='qa__quiz-main'>
          <Text className='qa__quiz-title'>{quiz.title}</Text>
          <Text className='muted'>
            {quiz.questionCount} 题 · 限时 {quiz.timeLimitMin} 分钟 · {quiz.passScore} 分及格
          </Text>
          <Text className='muted'>{periodZh(quiz.opensAt, quiz.closesAt)}</Text>
        </View>
        <Text className={`qa__phase qa__phase--${phase}`}>{PHASE_WORDS[phase]}</Text>
      </View>
      <View className='qa__toggle' role='button' onClick={toggle}>
        {expanded ? '收起' : '查看参加情况'}
      </View>
      {expanded ? <QuizResults quizId={quiz.id} /> : null}
    </View>
  )
}
