/**
 * Study rules: what self-study, a passed test and a 补学 are worth, where a member stands against
 * the year's target, and what makes a question well-formed. Points and 学时 are always ledger rows;
 * these functions only say what a row is worth.
 */
import type { BranchSettings, Question, QuestionType } from '../../types/models'
import { DEFAULT_MEETING_POINTS } from './meetings'
import { calendarDay, isoWeekday, addDays } from './time'

/** Self-study: one point per full half hour and one 学时 per hour, at most 4 of each per record. */
export function selfStudyAward(minutes: number): { points: number; studyTenths: number } {
  return { points: Math.min(4, Math.floor(minutes / 30)), studyTenths: Math.min(40, Math.round(minutes / 6)) }
}

export const QUIZ_DEFAULTS = { passScore: 60, points: 2, studyTenths: 10 }
export const MAKEUP_AWARD_POINTS = 1
/** 补学 is owed for these meetings, within this many days of the meeting's end. */
export const MAKEUP_TYPES = ['branch_assembly', 'lecture'] as const
export const MAKEUP_DAYS = 7

export const DEFAULT_XUEXI_WEEKLY_TARGET = 150

export function settingsWithDefaults(s: BranchSettings | undefined) {
  return {
    targetHours: s?.targetHours ?? 32,
    committeeTargetHours: s?.committeeTargetHours ?? 32,
    selfStudyNeedsApproval: s?.selfStudyNeedsApproval ?? false,
    rankingsEnabled: s?.rankingsEnabled ?? false,
    xuexiWeeklyTarget: s?.xuexiWeeklyTarget ?? DEFAULT_XUEXI_WEEKLY_TARGET,
    /** Points a check-in earns, for every meeting type (the branch's own figures over the defaults). */
    meetingPoints: { ...DEFAULT_MEETING_POINTS, ...(s?.meetingPoints ?? {}) },
  }
}

/** The Monday of the week a date falls in. */
export function weekStart(date: string): string {
  return addDays(date, -(isoWeekday(date) - 1))
}

/** 学时 a member should have by `today` to be on track for the year's target (to one decimal). */
export function expectedByNow(target: number, today: string): number {
  const d = calendarDay(today)
  const days = d.endOf('year').diff(d.startOf('year'), 'day') + 1
  const elapsed = d.diff(d.startOf('year'), 'day') + 1
  return Math.round(((target * elapsed) / days) * 10) / 10
}

/** A submitted answer is right when it picks exactly the right options. */
export function isRight(answer: number[], chosen: number[] | undefined): boolean {
  if (!chosen) return false
  const a = [...new Set(answer)].sort()
  const c = [...new Set(chosen)].sort()
  return a.length === c.length && a.every((v, i) => v === c[i])
}

export function scoreQuiz(questions: Pick<Question, 'id' | 'answer'>[], answers: Record<string, number[]>) {
  const review = questions.map((q) => {
    const chosen = Object.prototype.hasOwnProperty.call(answers, q.id) ? answers[q.id] : []
    return { questionId: q.id, right: isRight(q.answer, chosen), answer: q.answer, chosen }
  })
  const correct = review.filter((r) => r.right).length
  const total = questions.length
  return { review, correct, total, score: total ? Math.round((correct / total) * 100) : 0 }
}

export const JUDGE_OPTIONS = ['正确', '错误']

/** Checks a question's shape; answers a Chinese problem, or null. */
export function questionProblem(q: { type: QuestionType; options: string[]; answer: number[] }): string | null {
  if (q.type === 'judge') {
    if (q.answer.length !== 1 || q.answer[0] > 1) return '判断题的答案应为“正确”或“错误”'
    return null
  }
  if (q.options.length < 2) return '选择题至少需要 2 个选项'
  if (q.answer.some((i) => i >= q.options.length)) return '答案不在选项中'
  if (new Set(q.answer).size !== q.answer.length) return '答案有重复'
  if (q.type === 'single' && q.answer.length !== 1) return '单选题只能有一个答案'
  if (q.type === 'multiple' && q.answer.length < 1) return '多选题至少有一个答案'
  return null
}
