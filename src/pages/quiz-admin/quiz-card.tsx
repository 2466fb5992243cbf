import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { MyQuiz, QuizView } from '../../../types/views'
import { ReasonDialog } from '../../components/ReasonDialog'
import { StateView } from '../../components/StateView'
import { Button } from '../../components/ui'
import { quizPhase } from '../../display/quiz-view'
import { periodZh } from '../../display/study-display'
import { Names } from '../../features/study/views'
import { useRemote } from '../../hooks/use-remote'
import { call, type Result } from '../../services/call'
import { now } from '../../services/clock'
import { useMember } from '../../stores/use-session-store'
import { useRetake } from './use-retake'

export type ListedQuiz = QuizView & { my: MyQuiz }
type Taker = Result<'quiz.results'>['taken'][number]

const PHASE_WORDS = { upcoming: '未开始', open: '进行中', closed: '已结束' } as const

/** One member's best attempt; for the secretary while the test is open, 允许重考 (or that it is allowed). */
function TakerRow({ p, onRetake }: { p: Taker; onRetake: (() => void) | null }) {
  return (
    <View className='qa__row' data-member={p.memberId}>
      <View className='qa__row-name'>
        <Text>{p.name}</Text>
        {p.attempts > 1 ? <Text className='qa__attempts'>共 {p.attempts} 次</Text> : null}
      </View>
      <Text className='qa__row-score'>{p.score === null ? '答题中' : `${p.score} 分`}</Text>
      {p.passed === null ? null : <Text className={p.passed ? 'qa__passed qa__passed--yes' : 'qa__passed'}>{p.passed ? '通过' : '未通过'}</Text>}
      {p.retakeAllowed ? (
        <Text className='qa__retake-note'>已允许重考</Text>
      ) : onRetake ? (
        <Button fill='outline' className='qa__retake' onClick={onRetake}>
          允许重考
        </Button>
      ) : null}
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

/** Who has taken a test and who has not, loaded when its card is opened; `mayRetake`: the secretary, while it is open. */
function QuizResults({ quizId, mayRetake }: { quizId: string; mayRetake: boolean }) {
  const results = useRemote(() => call('quiz.results', { quizId }), [quizId])
  const { retakeFor, setRetakeFor, retakeConfirmed } = useRetake(quizId, results.reload)
  const me = useMember()
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
                <TakerRow key={p.memberId} p={p} onRetake={mayRetake && p.memberId !== me?.id ? () => setRetakeFor(p) : null} />
              ))}
            </View>
          ) : null}
          <ReasonDialog
            visible={retakeFor !== null}
            title={retakeFor ? `允许${retakeFor.name}重考` : '允许重考'}
            hint='重考前的成绩会保留备查；多次通过只记一次积分。'
            placeholder='请写明原因，例如：答题时网络中断'
            confirmText='允许重考'
            onConfirm={retakeConfirmed}
            onClose={() => setRetakeFor(null)}
          />
        </View>
      ) : null}
    </StateView>
  )
}

export function QuizCard({ quiz }: { quiz: ListedQuiz }) {
  const [expanded, setExpanded] = useState(false)
  const phase = quizPhase(quiz, now())
  const isSecretary = Boolean(useMember()?.roles.includes('secretary'))
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
      {expanded ? <QuizResults quizId={quiz.id} mayRetake={isSecretary && phase === 'open'} /> : null}
    </View>
  )
}
