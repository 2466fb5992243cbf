import Taro from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { answersForSubmit, HURRY_SECONDS, secondsLeft, toggleChoice, unansweredCount } from '../../display/quiz-view'
import { useActionForm } from '../../hooks/use-action-form'
import { call, type Result } from '../../services/call'
import { now } from '../../services/clock'

export type Started = Result<'quiz.start'>
export type Submitted = Result<'quiz.submit'>
type Answers = Record<string, number[]>
type QuestionType = Started['questions'][number]['type']

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

/** Whole seconds to the deadline, ticking every second. */
function useCountdown(deadline: string) {
  const [left, setLeft] = useState(() => secondsLeft(deadline, now()))
  useEffect(() => {
    const timer = setInterval(() => setLeft(secondsLeft(deadline, now())), 1000)
    return () => clearInterval(timer)
  }, [deadline])
  return left
}

/** 交卷 exactly once, by a tap or by the clock; the answers are the form's values, kept as a draft. */
function useHandIn(started: Started, onSubmitted: (r: Submitted, auto: boolean) => void) {
  const quizId = started.quiz.id
  const ids = started.questions.map((q) => q.id)
  const auto = useRef(false)
  const form = useActionForm({
    initial: () => readDraft(quizId),
    send: (answers: Answers) => call('quiz.submit', { quizId, answers: answersForSubmit(ids, answers) }),
    onDone: (result) => {
      Taro.removeStorageSync(draftKey(quizId))
      onSubmitted(result, auto.current)
    },
    fallbackError: '交卷没有成功，请检查网络后再点“交卷”',
  })
  const handing = form.busy || form.done !== null
  const handIn = (byTimer: boolean) => {
    auto.current = byTimer
    form.submit()
  }
  const optionTapped = (questionId: string, type: QuestionType, index: number) => {
    if (handing) return
    form.setValues((a) => {
      const next = { ...a, [questionId]: toggleChoice(type, a[questionId] ?? [], index) }
      Taro.setStorageSync(draftKey(quizId), next)
      return next
    })
  }
  return { form, ids, handing, handIn, optionTapped }
}

/**
 * A test under way: the answers (kept as a draft), the countdown, and 交卷 exactly once, by a tap
 * or by itself when time runs out. A failed hand-in keeps the answers and may be tapped again
 * (the server takes one attempt only).
 */
export function useQuizTaking(started: Started, onSubmitted: (r: Submitted, auto: boolean) => void) {
  const { form, ids, handing, handIn, optionTapped } = useHandIn(started, onSubmitted)
  const left = useCountdown(started.deadline)
  const [confirming, setConfirming] = useState(false)

  // Time is up: hand in what there is.
  useEffect(() => {
    if (left === 0 && !handing && !form.error) handIn(true)
  }, [left, handing, form.error])

  const open = unansweredCount(ids, form.values)
  return {
    answers: form.values,
    error: form.error,
    busy: form.busy,
    left,
    hurry: left <= HURRY_SECONDS,
    answered: ids.length - open,
    total: ids.length,
    open,
    confirming,
    optionTapped,
    // Questions left open, with time left: ask first.
    handInTapped: () => (open > 0 && left > 0 ? setConfirming(true) : handIn(left === 0)),
    handInConfirmed: () => {
      setConfirming(false)
      handIn(false)
    },
    confirmDismissed: () => setConfirming(false),
  }
}
