/**
 * Study rules: what self-study, a passed test and a 补学 are worth, where a member stands against
 * the year's target, and the question-bank spreadsheet format. Points and 学时 are always ledger
 * rows; these functions only say what a row is worth.
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

const TYPE_WORDS: Record<string, QuestionType> = {
  单选: 'single',
  单选题: 'single',
  single: 'single',
  多选: 'multiple',
  多选题: 'multiple',
  multiple: 'multiple',
  判断: 'judge',
  判断题: 'judge',
  judge: 'judge',
}

/**
 * RFC 4180 rows: quoted fields may hold commas, quotes ("") and line breaks. Blank rows are kept
 * (as empty rows) so that a row's index is the row number the spreadsheet shows.
 */
export function csvRows(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  const src = text.replace(/^\ufeff/, '')
  for (let i = 0; i < src.length; i++) {
    const c = src[i]
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(field)
      field = ''
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else field += c
  }
  if (field !== '' || row.length) {
    row.push(field)
    rows.push(row)
  }
  return rows.map((r) => r.map((f) => f.trim()))
}

const isBlank = (cells: string[]) => cells.every((f) => f === '')
const MAX_IMPORT = 500

export type ParsedQuestion = { type: QuestionType; stem: string; options: string[]; answer: number[] }

/**
 * A question bank saved from a spreadsheet as CSV: 题型,题干,选项A,…,答案 — the answer in the last
 * column as letters (A, AC, A、C) or 对/错 for a 判断题. A first row starting with 题型 is a header.
 * A problem names its row as the spreadsheet numbers it, blank rows included.
 */
export function parseQuestionsCsv(text: string): { ok: true; questions: ParsedQuestion[] } | { ok: false; row: number; message: string } {
  const rows = csvRows(text)
  const questions: ParsedQuestion[] = []
  const firstFilled = rows.findIndex((cells) => !isBlank(cells))
  for (let r = 0; r < rows.length; r++) {
    const cells = rows[r]
    const line = r + 1
    if (isBlank(cells) || (r === firstFilled && /^题型/.test(cells[0]))) continue
    if (questions.length === MAX_IMPORT) return { ok: false, row: line, message: `一次最多导入 ${MAX_IMPORT} 道题` }
    if (cells.length < 3) return { ok: false, row: line, message: '至少需要 题型、题干、答案 三列' }
    const type = TYPE_WORDS[cells[0].replace(/\s/g, '')]
    if (!type) return { ok: false, row: line, message: `题型“${cells[0]}”应为 单选、多选 或 判断` }
    const stem = cells[1]
    if (stem.length < 2 || stem.length > 300) return { ok: false, row: line, message: '题干应为 2–300 个字' }
    const answerText = cells[cells.length - 1].replace(/\s/g, '')
    let options: string[]
    let answer: number[]
    if (type === 'judge') {
      options = JUDGE_OPTIONS
      if (/^(对|正确|√|T|TRUE|是|A)$/i.test(answerText)) answer = [0]
      else if (/^(错|错误|×|X|F|FALSE|否|B)$/i.test(answerText)) answer = [1]
      else return { ok: false, row: line, message: `判断题的答案“${cells[cells.length - 1]}”应为 对 或 错` }
    } else {
      options = cells.slice(2, -1)
      // Unused option columns at the end are fine; a gap would shift the letters after it.
      while (options.length && options[options.length - 1] === '') options.pop()
      const gap = options.indexOf('')
      if (gap >= 0) return { ok: false, row: line, message: `选项${String.fromCharCode(65 + gap)}为空：选项应从 A 起连续填写` }
      if (options.some((o) => o.length > 100)) return { ok: false, row: line, message: '选项不能超过 100 个字' }
      const letters = answerText.toUpperCase().replace(/[,，、;；/]/g, '')
      if (!/^[A-H]+$/.test(letters)) return { ok: false, row: line, message: `答案“${cells[cells.length - 1]}”应为选项字母，例如 A 或 AC` }
      answer = [...letters].map((ch) => ch.charCodeAt(0) - 65)
    }
    const problem = questionProblem({ type, options, answer })
    if (problem) return { ok: false, row: line, message: problem }
    questions.push({ type, stem, options, answer })
  }
  if (questions.length === 0) return { ok: false, row: 1, message: '没有找到题目' }
  return { ok: true, questions }
}
