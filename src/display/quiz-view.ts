/**
 * Taking a test on the phone: choosing options, the countdown to the deadline, and which tests
 * a member still has to take. Pure, so that the page's rules are tested without a screen.
 */
import type { MyQuiz, QuizView } from '../../types/views'
import type { QuestionType } from '../../types/models'
import { JUDGE_OPTIONS } from '../domain/study'

export const QUESTION_TYPE_LABELS: Record<QuestionType, string> = {
  single: '单选',
  multiple: '多选',
  judge: '判断',
}

/** A, B, C … for option i. */
export function optionLetter(i: number): string {
  return String.fromCharCode(65 + i)
}

/** "A、C" for the chosen indexes; a judge answer reads as its word. */
export function answerText(indexes: readonly number[], type: QuestionType = 'single'): string {
  if (indexes.length === 0) return '未作答'
  if (type === 'judge') return indexes.map((i) => JUDGE_OPTIONS[i] ?? optionLetter(i)).join('、')
  return [...indexes]
    .sort((a, b) => a - b)
    .map(optionLetter)
    .join('、')
}

/** Tapping option `index`: a single or judge question keeps only it; a multiple one toggles it. */
export function toggleChoice(type: QuestionType, chosen: readonly number[], index: number): number[] {
  if (type !== 'multiple') return [index]
  return chosen.includes(index) ? chosen.filter((i) => i !== index) : [...chosen, index].sort((a, b) => a - b)
}

/** Whole seconds until the deadline, never below zero. */
export function secondsLeft(deadline: string, now: Date): number {
  return Math.max(0, Math.ceil((Date.parse(deadline) - now.getTime()) / 1000))
}

/** "9:05", "1:02:03" — a countdown as a clock reads. */
export function formatCountdown(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds))
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const pad = (n: number) => String(n).padStart(2, '0')
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`
}

/** Under a minute left: the countdown turns red and says so. */
export const HURRY_SECONDS = 60

export function unansweredCount(questionIds: readonly string[], answers: Readonly<Record<string, readonly number[]>>): number {
  return questionIds.filter((id) => !(answers[id]?.length)).length
}

/** What quiz.submit is sent: an entry for every question, empty for one left unanswered. */
export function answersForSubmit(questionIds: readonly string[], answers: Readonly<Record<string, readonly number[]>>): Record<string, number[]> {
  const out: Record<string, number[]> = {}
  for (const id of questionIds) out[id] = [...(answers[id] ?? [])]
  return out
}

export type QuizPhase = 'upcoming' | 'open' | 'closed'

export function quizPhase(quiz: Pick<QuizView, 'opensAt' | 'closesAt'>, now: Date): QuizPhase {
  const t = now.getTime()
  if (t < Date.parse(quiz.opensAt)) return 'upcoming'
  if (t > Date.parse(quiz.closesAt)) return 'closed'
  return 'open'
}

/** Open tests I have not handed in yet, the one closing soonest first. */
export function dueQuizzes<Q extends Pick<QuizView, 'opensAt' | 'closesAt'> & { my: Pick<MyQuiz, 'state'> }>(quizzes: readonly Q[], now: Date): Q[] {
  return quizzes
    .filter((q) => q.my.state !== 'submitted' && quizPhase(q, now) === 'open')
    .sort((a, b) => Date.parse(a.closesAt) - Date.parse(b.closesAt))
}

/** The one word for where I stand with a test. */
export function myQuizWord(quiz: Pick<QuizView, 'opensAt' | 'closesAt'> & { my: MyQuiz }, now: Date): string {
  if (quiz.my.state === 'submitted') return quiz.my.passed ? '已通过' : '未通过'
  const phase = quizPhase(quiz, now)
  if (phase === 'upcoming') return '未开始'
  if (phase === 'closed') return '未参加'
  return quiz.my.state === 'in_progress' ? '答题中' : '待参加'
}
