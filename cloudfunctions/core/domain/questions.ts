/** The question-bank spreadsheet (question.import): its rows read as questions, or the row at fault. */
import type { QuestionType } from '../../../types/models'
import { JUDGE_OPTIONS, questionProblem } from '../../../src/domain/study'

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

const isBlank = (cells: string[]) => cells.every((f) => f === '')
const MAX_IMPORT = 500

export type ParsedQuestion = { type: QuestionType; stem: string; options: string[]; answer: number[] }

/**
 * A question bank's rows (cells as text, as the spreadsheet shows them, blank rows kept):
 * 题型,题干,选项A,…,答案 — the answer in the last column as letters (A, AC, A、C) or 对/错 for a
 * 判断题. A first row starting with 题型 is a header. A problem names its row as the spreadsheet
 * numbers it, blank rows included.
 */
export function parseQuestionRows(
  rows: string[][],
  /** The rules a question typed in one by one obeys: the question as it is kept, or why not. */
  check: (q: ParsedQuestion) => ParsedQuestion | string = (q) => q,
): { ok: true; questions: ParsedQuestion[] } | { ok: false; row: number; message: string } {
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
    const checked = check({ type, stem, options, answer })
    if (typeof checked === 'string') return { ok: false, row: line, message: checked }
    questions.push(checked)
  }
  if (questions.length === 0) return { ok: false, row: 1, message: '没有找到题目' }
  return { ok: true, questions }
}
