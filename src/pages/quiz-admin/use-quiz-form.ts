import Taro from '@tarojs/taro'
import { useState } from 'react'
import { LIMITS } from '../../domain/limits'
import { addDays, shanghaiDate } from '../../domain/time'
import { changer, oneProblem } from '../../features/study/form-helpers'
import { useActionForm } from '../../hooks/use-action-form'
import { useRemote } from '../../hooks/use-remote'
import { call } from '../../services/call'
import { now } from '../../services/clock'

export interface QuizForm {
  title: string
  questionIds: string[]
  /** Shanghai calendar days: the test opens at 0:00 of the first and closes at 23:59:59 of the second. */
  opens: string
  closes: string
  minutes: string
  passScore: string
  points: string
}

const L = LIMITS.quiz

const isIntIn = (text: string, min: number, max: number) => {
  const n = Number(text)
  return Number.isInteger(n) && n >= min && n <= max
}

export function validateQuiz(f: QuizForm): string | null {
  const title = f.title.trim()
  if (!title) return '请填写测试名称'
  if (title.length > L.title) return `测试名称不能超过 ${L.title} 个字`
  if (!f.questionIds.length) return '请至少选择 1 道题'
  if (f.closes < f.opens) return '截止日期不能早于开始日期'
  if (!isIntIn(f.minutes, L.timeLimitMin, L.timeLimitMax)) return `答题时间应为 ${L.timeLimitMin}–${L.timeLimitMax} 分钟`
  if (!isIntIn(f.passScore, 0, L.passScoreMax)) return `及格分应为 0–${L.passScoreMax}`
  if (f.points.trim() && !isIntIn(f.points, 0, L.pointsMax)) return `积分应为 0–${L.pointsMax}`
  return null
}

export const quizPayload = (f: QuizForm) => ({
  title: f.title.trim(),
  questionIds: f.questionIds,
  opensAt: `${f.opens}T00:00:00+08:00`,
  closesAt: `${f.closes}T23:59:59+08:00`,
  timeLimitMin: Number(f.minutes),
  passScore: Number(f.passScore),
  ...(f.points.trim() ? { points: Number(f.points) } : {}),
})

function blankQuiz(today: string): QuizForm {
  return { title: `${Number(today.slice(5, 7))}月知识测试`, questionIds: [], opens: today, closes: addDays(today, 7), minutes: '20', passScore: '60', points: '' }
}

/** 新建测试: the questions picked from the bank, the days it is open, its rules; published once, then back to the lists. */
export function useQuizForm() {
  const today = shanghaiDate(now())
  const bank = useRemote(() => call('question.list', {}), [])
  const [picker, setPicker] = useState<'opens' | 'closes' | null>(null)
  const form = useActionForm({
    initial: () => blankQuiz(today),
    validate: oneProblem(validateQuiz),
    send: (f: QuizForm) => call('quiz.create', quizPayload(f)),
    onDone: () => {
      Taro.showToast({ title: '测试已发布', icon: 'success' })
      setTimeout(() => Taro.navigateBack(), 600)
    },
    fallbackError: '没有发布成功，请重试',
    toast: true,
  })
  const { values } = form
  const update = changer(form)
  const questions = bank.data?.questions ?? []
  const allChosen = questions.length > 0 && values.questionIds.length === questions.length
  return {
    ...form,
    today,
    bank,
    questions,
    allChosen,
    chosen: (id: string) => values.questionIds.includes(id),
    picker,
    pickerOpened: setPicker,
    allToggled: () => update(() => ({ questionIds: allChosen ? [] : questions.map((q) => q.id) })),
    questionToggled: (id: string) => update((f) => ({ questionIds: f.questionIds.includes(id) ? f.questionIds.filter((x) => x !== id) : [...f.questionIds, id] })),
    // A later start carries the end along, so the period never turns inside out.
    opensPicked: (date: string) => update((f) => ({ opens: date, closes: f.closes < date ? date : f.closes })),
    closesPicked: (date: string) => update(() => ({ closes: date })),
  }
}
