import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { Result } from '../../services/call'
import type { MyQuiz, QuizView } from '../../../types/views'
import { ChoiceList } from '../../components/ChoiceList'
import { FormError } from '../../components/FormField'
import { ResultPanel } from '../../components/ResultPanel'
import { SessionGate } from '../../containers/SessionGate'
import { StateView } from '../../components/StateView'
import { Button, Dialog } from '../../components/ui'
import { withoutFieldPrefix } from '../../display/meeting-display'
import {
  answersForSubmit,
  formatCountdown,
  HURRY_SECONDS,
  QUESTION_TYPE_LABELS,
  quizPhase,
  secondsLeft,
  toggleChoice,
  unansweredCount,
} from '../../display/quiz-view'
import { dateTimeZh } from '../../display/study-display'
import { useRemote } from '../../hooks/use-remote'
import { ApiError, call } from '../../services/call'
import { now } from '../../services/clock'
import { backOr } from '../../services/navigation'
import './index.scss'

type Started = Result<'quiz.start'>
type Submitted = Result<'quiz.submit'>
type Answers = Record<string, number[]>
type ListedQuiz = QuizView & { my: MyQuiz }

/** Answers are kept on the phone while a test is under way, so a reload or a call does not lose them. */
const draftKey = (quizId: string) => `zhibu.quiz.${quizId}`

function readDraft(quizId: string): Answers {
  try {
    const saved = Taro.getStorageSync(draftKey(quizId)) as Answers | ''
    return saved && typeof saved === 'object' ? saved : {}
  } catch {
    return {}
  }
}

function pointsLine(quiz: Pick<QuizView, 'points' | 'studyTenths'>): string | null {
  const parts = [quiz.points ? `${quiz.points} 积分` : '', quiz.studyTenths ? `${quiz.studyTenths / 10} 学时` : ''].filter(Boolean)
  return parts.length ? `通过可得 ${parts.join('、')}` : null
}

/** Before starting: what the test is, and the one button that starts the clock. */
function Intro({ quiz, onStarted }: { quiz: ListedQuiz; onStarted: (s: Started) => void }) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const phase = quizPhase(quiz, now())
  const resuming = quiz.my.state === 'in_progress'

  async function start() {
    if (busy) return
    setBusy(true)
    setError(null)
    try {
      onStarted(await call('quiz.start', { quizId: quiz.id }))
    } catch (err) {
      setError(err instanceof ApiError ? withoutFieldPrefix(err.message) : '没能开始，请重试')
      setBusy(false)
    }
  }

  const facts = [
    `共 ${quiz.questionCount} 题，限时 ${quiz.timeLimitMin} 分钟`,
    `${quiz.passScore} 分及格（满分 100）`,
    phase === 'upcoming' ? `${dateTimeZh(quiz.opensAt)}开始，${dateTimeZh(quiz.closesAt)}截止` : `${dateTimeZh(quiz.closesAt)}截止`,
    pointsLine(quiz),
  ].filter((x): x is string => Boolean(x))

  return (
    <View className='page page--actions quiz'>
      <View className='card quiz__intro'>
        <Text className='quiz__title'>{quiz.title}</Text>
        {facts.map((f) => (
          <Text key={f} className='quiz__fact'>
            {f}
          </Text>
        ))}
      </View>
      {phase === 'open' ? (
        <Text className='muted quiz__note'>
          {resuming
            ? '您已开始作答，计时没有停。继续后请在剩余时间内交卷。'
            : '点“开始答题”后开始计时；每人只能作答一次，时间到会自动交卷。'}
        </Text>
      ) : (
        <View className='card'>
          <Text className='quiz__closed'>{phase === 'upcoming' ? `测试还没开始，${dateTimeZh(quiz.opensAt)}起可以作答。` : '测试已结束，您没有参加。'}</Text>
        </View>
      )}
      <FormError text={error} />
      <View className='action-bar'>
        {phase === 'open' ? (
          <Button block type='primary' className='action-bar__main' loading={busy} onClick={start}>
            {resuming ? '继续答题' : '开始答题'}
          </Button>
        ) : (
          <Button block fill='outline' className='action-bar__main' onClick={() => backOr('/pages/study/index')}>
            返回学习
          </Button>
        )}
      </View>
    </View>
  )
}

/** The questions in one scroll under a countdown; 交卷 once, or automatically when time runs out. */
function Taking({ started, onSubmitted }: { started: Started; onSubmitted: (r: Submitted, auto: boolean) => void }) {
  const quizId = started.quiz.id
  const ids = started.questions.map((q) => q.id)
  const [answers, setAnswers] = useState<Answers>(() => readDraft(quizId))
  const [left, setLeft] = useState(() => secondsLeft(started.deadline, now()))
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const sent = useRef(false)
  const latest = useRef(answers)
  latest.current = answers

  const submit = useCallback(async (auto = false) => {
    if (sent.current) return
    sent.current = true
    setBusy(true)
    setError(null)
    try {
      const result = await call('quiz.submit', { quizId, answers: answersForSubmit(ids, latest.current) })
      Taro.removeStorageSync(draftKey(quizId))
      onSubmitted(result, auto)
    } catch (err) {
      // Not sent: the answers stay, and 交卷 can be tapped again (the server takes one attempt only).
      sent.current = false
      setBusy(false)
      setError(err instanceof ApiError ? withoutFieldPrefix(err.message) : '交卷没有成功，请检查网络后再点“交卷”')
    }
  }, [quizId, ids.join(), onSubmitted])

  useEffect(() => {
    const timer = setInterval(() => setLeft(secondsLeft(started.deadline, now())), 1000)
    return () => clearInterval(timer)
  }, [started.deadline])

  // Time is up: hand in what there is.
  useEffect(() => {
    if (left === 0 && !sent.current && !error) submit(true)
  }, [left, error, submit])

  function choose(questionId: string, type: Started['questions'][number]['type'], index: number) {
    if (sent.current) return
    setAnswers((a) => {
      const next = { ...a, [questionId]: toggleChoice(type, a[questionId] ?? [], index) }
      Taro.setStorageSync(draftKey(quizId), next)
      return next
    })
  }

  const open = unansweredCount(ids, answers)
  const hurry = left <= HURRY_SECONDS
  return (
    <View className='page page--actions quiz'>
      <View className='quiz__bar' role='timer'>
        <View className='quiz__clock'>
          <Text className='quiz__clock-label'>{left === 0 ? '时间到' : '剩余时间'}</Text>
          <Text className={hurry ? 'quiz__clock-time quiz__clock-time--hurry' : 'quiz__clock-time'}>{formatCountdown(left)}</Text>
        </View>
        <Text className='quiz__progress'>
          已答 {ids.length - open} / {ids.length}
        </Text>
      </View>
      {hurry && left > 0 ? <Text className='quiz__hurry'>不到 1 分钟，时间到会自动交卷</Text> : null}

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
            chosen={answers[q.id] ?? []}
            multiple={q.type === 'multiple'}
            letters={q.type !== 'judge'}
            onToggle={(i) => choose(q.id, q.type, i)}
          />
        </View>
      ))}

      <FormError text={error} />
      <View className='action-bar'>
        <Button
          block
          type='primary'
          className='action-bar__main'
          loading={busy}
          onClick={() => (open > 0 && left > 0 ? setConfirming(true) : submit(left === 0))}
        >
          交卷
        </Button>
      </View>
      <Dialog
        visible={confirming}
        title='确定交卷吗？'
        confirmText='交卷'
        cancelText='继续答题'
        closeOnOverlayClick={false}
        onConfirm={() => {
          setConfirming(false)
          submit()
        }}
        onCancel={() => setConfirming(false)}
        onClose={() => setConfirming(false)}
      >
        <Text className='quiz__dialog-text'>还有 {open} 题没有作答，交卷后不能再改。</Text>
      </Dialog>
    </View>
  )
}

/** Just handed in: the score, passed or not, points, and every question with the right answer. */
function Outcome({ quiz, questions, result, auto }: { quiz: QuizView; questions: Started['questions']; result: Submitted; auto: boolean }) {
  const byId = new Map(result.review.map((r) => [r.questionId, r]))
  const lines = [`答对 ${result.correct} / ${result.total} 题，${quiz.passScore} 分及格`]
  if (auto) lines.unshift('时间到，已自动交卷')
  if (result.pointsAwarded > 0) lines.push(`获得 ${result.pointsAwarded} 积分，已记入学习记录`)
  return (
    <View className='page page--actions quiz'>
      <ResultPanel tone={result.passed ? 'ok' : 'fail'} word={result.passed ? '通过' : '未通过'} figure={`${result.score} 分`} lines={lines} />
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
      <View className='action-bar'>
        <Button block type='primary' className='action-bar__main' onClick={() => backOr('/pages/study/index')}>
          返回学习
        </Button>
      </View>
    </View>
  )
}

/** Handed in earlier: the score as the test list remembers it. */
function AlreadyDone({ quiz }: { quiz: ListedQuiz }) {
  const passed = quiz.my.passed === true
  return (
    <View className='page page--actions quiz'>
      <ResultPanel
        tone={passed ? 'ok' : 'fail'}
        word={passed ? '通过' : '未通过'}
        figure={quiz.my.score !== undefined ? `${quiz.my.score} 分` : undefined}
        lines={[quiz.title, `${quiz.passScore} 分及格 · 每人只能作答一次，您已交卷`]}
      />
      <View className='action-bar'>
        <Button block type='primary' className='action-bar__main' onClick={() => backOr('/pages/study/index')}>
          返回学习
        </Button>
      </View>
    </View>
  )
}

function Quiz({ id }: { id: string }) {
  const list = useRemote(() => call('quiz.list', {}), [])
  const [started, setStarted] = useState<Started | null>(null)
  const [result, setResult] = useState<{ submitted: Submitted; auto: boolean } | null>(null)

  if (started && result) return <Outcome quiz={started.quiz} questions={started.questions} result={result.submitted} auto={result.auto} />
  if (started) return <Taking started={started} onSubmitted={(submitted, auto) => setResult({ submitted, auto })} />

  const quiz = list.data?.quizzes.find((q) => q.id === id)
  if (!quiz) {
    return (
      <View className='page'>
        <StateView
          remote={list}
          rows={5}
          isEmpty
          empty={{ title: '没有找到这次测试', hint: '测试可能已被删除，请回到“学习”查看当前的测试。', actionText: '返回学习', onAction: () => backOr('/pages/study/index') }}
        />
      </View>
    )
  }
  if (quiz.my.state === 'submitted') return <AlreadyDone quiz={quiz} />
  return <Intro quiz={quiz} onStarted={setStarted} />
}

export default function QuizPage() {
  const id = useRouter().params.id
  if (!id) {
    return (
      <View className='page'>
        <StateView status='error' errorMessage='没有找到这次测试，请从“学习”页进入。' />
      </View>
    )
  }
  return <SessionGate>{() => <Quiz id={decodeURIComponent(id)} />}</SessionGate>
}
