import { useState } from 'react'
import { PageRoute } from '../../containers/PageRoute'
import type { Started, Submitted } from '../../features/study/use-quiz-taking'
import { NotFound } from '../../features/study/views'
import { useRemote } from '../../hooks/use-remote'
import { call } from '../../services/call'
import { AlreadyDone, Outcome } from './outcome'
import { Intro } from './intro'
import { Taking } from './taking'
import './index.scss'

/** One test: its intro, then the questions against the clock, then the outcome. */
function Quiz({ id }: { id: string }) {
  const list = useRemote(() => call('quiz.list', {}), [])
  const [started, setStarted] = useState<Started | null>(null)
  const [result, setResult] = useState<{ submitted: Submitted; auto: boolean } | null>(null)

  if (started && result) return <Outcome quiz={started.quiz} questions={started.questions} result={result.submitted} auto={result.auto} />
  if (started) return <Taking started={started} onSubmitted={(submitted, auto) => setResult({ submitted, auto })} />

  const quiz = list.data?.quizzes.find((q) => q.id === id)
  if (!quiz) return <NotFound remote={list} rows={5} empty={{ title: '没有找到这次测试', hint: '测试可能已被删除，请回到“学习”查看当前的测试。' }} />
  if (quiz.my.state === 'submitted') return <AlreadyDone quiz={quiz} />
  return <Intro quiz={quiz} onStarted={setStarted} />
}

export default function QuizPage() {
  return <PageRoute params={['id']} missing='没有找到这次测试，请从“学习”页进入。' render={({ params }) => <Quiz id={params.id} />} />
}
