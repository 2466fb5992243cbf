import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { QuestionType } from '../../../types/models'
import { optionLetter, toggleChoice } from '../../display/quiz-view'
import { LIMITS } from '../../domain/limits'
import { JUDGE_OPTIONS, questionProblem } from '../../domain/study'
import { changer, oneProblem } from '../../features/study/form-helpers'
import { useActionForm } from '../../hooks/use-action-form'
import { call } from '../../services/call'

export interface QuestionForm {
  type: QuestionType
  stem: string
  options: string[]
  answer: number[]
}

const { stemMin, stem: STEM_MAX, option: OPTION_MAX, optionsMin, optionsMax } = LIMITS.question

export const blankQuestion = (type: QuestionType = 'single'): QuestionForm => ({ type, stem: '', options: ['', '', '', ''], answer: [] })

/** The options actually filled in, with the answer indexes moved to match. */
export function filled(form: QuestionForm): { options: string[]; answer: number[] } {
  if (form.type === 'judge') return { options: JUDGE_OPTIONS, answer: form.answer }
  const keep = form.options.map((o, i) => ({ o: o.trim(), i })).filter((x) => x.o)
  return { options: keep.map((x) => x.o), answer: keep.flatMap((x, j) => (form.answer.includes(x.i) ? [j] : [])) }
}

function optionsProblem(form: QuestionForm): string | null {
  // As in the spreadsheet import: a gap would change the letters of the options after it.
  const texts = form.options.map((o) => o.trim())
  const gap = texts.findIndex((o, i) => !o && texts.slice(i + 1).some(Boolean))
  if (gap >= 0) return `选项${optionLetter(gap)}为空：选项应从 A 起连续填写`
  const options = texts.filter(Boolean)
  if (options.length < optionsMin) return '请至少填写两个选项'
  if (options.some((o) => o.length > OPTION_MAX)) return `每个选项不能超过 ${OPTION_MAX} 个字`
  return null
}

export function validateQuestion(form: QuestionForm): string | null {
  const stem = form.stem.trim()
  if (stem.length < stemMin) return `请填写题干，至少 ${stemMin} 个字`
  if (stem.length > STEM_MAX) return `题干不能超过 ${STEM_MAX} 个字`
  const optionsWrong = form.type !== 'judge' ? optionsProblem(form) : null
  if (optionsWrong) return optionsWrong
  const { options, answer } = filled(form)
  if (!answer.length) return '请点选正确答案'
  return questionProblem({ type: form.type, options, answer })
}

/** The answer is picked among the options filled in so far, each under its own letter. */
export function answerChoices(form: QuestionForm): { i: number; text: string }[] {
  if (form.type === 'judge') return JUDGE_OPTIONS.map((text, i) => ({ i, text }))
  return form.options.flatMap((o, i) => (o.trim() ? [{ i, text: `${optionLetter(i)}. ${o.trim()}` }] : []))
}

/** One question after another into the bank: each saved one clears the form for the next, same type. */
export function useQuestionForm() {
  const [added, setAdded] = useState(0)
  const form = useActionForm({
    initial: () => blankQuestion(),
    validate: oneProblem(validateQuestion),
    send: (f: QuestionForm) => call('question.create', { type: f.type, stem: f.stem.trim(), ...filled(f) }),
    onDone: (_, f) => {
      setAdded((n) => n + 1)
      form.reset(blankQuestion(f.type))
      Taro.showToast({ title: '已加入题库', icon: 'success' })
    },
    fallbackError: '没有保存成功，请重试',
    toast: true,
  })
  const { values } = form
  const update = changer(form)
  return {
    ...form,
    added,
    choices: answerChoices(values),
    canAddOption: values.options.length < optionsMax,
    typeChosen: (type: QuestionType) => update(() => ({ type, answer: [] })),
    optionTyped: (i: number, text: string) => update((f) => ({ options: f.options.map((x, j) => (j === i ? text : x)) })),
    optionAdded: () => update((f) => ({ options: [...f.options, ''] })),
    answerTapped: (i: number) => update((f) => ({ answer: toggleChoice(f.type, f.answer, i) })),
  }
}
