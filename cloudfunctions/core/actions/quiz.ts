/** The question bank and the monthly knowledge tests, scored on the server. */
import { z } from 'zod'
import type { Question, QuestionType } from '../../../types/models'
import type { MyQuiz, QuizView } from '../../../types/views'
import { LIMITS } from '../../../src/domain/limits'
import { declare, empty, id, instant, int, LEADERSHIP, MEMBERS, PAGES, paged, questionType, reason, returns, SECRETARY, text } from './define'

const optionIndexes = z.array(int('选项序号', 0, 9), { error: '应为选项序号的数组，例如 [0, 2]' }).max(10, { error: '选项过多' })
const { question: Q, quiz: T } = LIMITS

export const quizActions = declare({
  'question.create': {
    who: LEADERSHIP,
    input: z.object({
      type: questionType,
      stem: text('题干', Q.stemMin, Q.stem),
      options: z.array(text('选项', 1, Q.option), { error: '应为选项文字的数组' }).max(Q.optionsMax, { error: `最多 ${Q.optionsMax} 个选项` }).optional(),
      answer: optionIndexes.min(1, { error: '请给出正确答案' }),
    }),
    result: returns<{ question: Question }>(),
  },
  /**
   * A spreadsheet of 题型,题干,选项A,选项B,选项C,选项D,答案 (first row may be the header): a `file`
   * (.xlsx, or .csv in UTF-8 or GBK) or its `csv` text. All of it or nothing.
   */
  'question.import': {
    who: LEADERSHIP,
    input: z
      .object({
        csv: z.string({ error: '应为 CSV 文本' }).min(1, { error: '不能为空' }).max(LIMITS.questionCsv, { error: '文件过大，请分批导入' }).optional(),
        file: z
          .object({
            name: text('文件名', 1, 200),
            contentBase64: z.string({ error: '应为文件内容（base64）' }).max(LIMITS.rosterFile, { error: '文件过大，请分批导入' }),
          })
          .optional(),
      })
      .refine((p) => (p.csv === undefined) !== (p.file === undefined), { error: '请提供题目表格文件（file）或 CSV 文本（csv）之一', path: ['file'] }),
    result: returns<{ imported: number; questions: Question[] }>(),
  },
  'question.list': {
    who: LEADERSHIP,
    input: z.object(paged(PAGES.questions)),
    result: returns<{ questions: Question[]; next: number | null }>(),
  },
  'quiz.create': {
    who: LEADERSHIP,
    input: z.object({
      title: text('测试名称', 1, T.title),
      questionIds: z.array(id, { error: '应为题目编号的数组' }).min(1, { error: '至少选择 1 道题' }).max(T.questionsMax, { error: `最多 ${T.questionsMax} 道题` }),
      opensAt: instant,
      closesAt: instant,
      timeLimitMin: int('答题时间（分钟）', T.timeLimitMin, T.timeLimitMax),
      passScore: int('及格分', 0, T.passScoreMax).optional(),
      points: int('积分', 0, T.pointsMax).optional(),
    }),
    result: returns<{ quiz: QuizView }>(),
  },
  'quiz.list': {
    who: MEMBERS,
    input: empty,
    result: returns<{ quizzes: Array<QuizView & { my: MyQuiz }> }>(),
  },
  'quiz.start': {
    who: MEMBERS,
    input: z.object({ quizId: id }),
    result: returns<{
      quiz: QuizView
      startedAt: string
      /** When the answers must be in (the time limit, or the quiz's close, whichever is first). */
      deadline: string
      questions: Array<{ id: string; type: QuestionType; stem: string; options: string[] }>
    }>(),
  },
  /** Only the answers: the score is computed on the server, whatever else is sent. */
  'quiz.submit': {
    who: MEMBERS,
    input: z.object({
      quizId: id,
      answers: z.record(id, optionIndexes, { error: '应为 { 题目编号: [选项序号] }' }),
    }),
    result: returns<{
      score: number
      correct: number
      total: number
      passed: boolean
      pointsAwarded: number
      review: Array<{ questionId: string; right: boolean; answer: number[]; chosen: number[] }>
    }>(),
  },
  'quiz.results': {
    who: LEADERSHIP,
    input: z.object({ quizId: id }),
    result: returns<{
      quiz: QuizView
      /** `score` and `passed`: the member's best submitted attempt; `attempts` counts the submitted ones; `retakeAllowed` while a retake is allowed and not yet submitted. */
      taken: Array<{ memberId: string; name: string; score: number | null; passed: boolean | null; attempts: number; retakeAllowed: boolean }>
      notTaken: Array<{ memberId: string; name: string }>
    }>(),
  },
  /**
   * The secretary lets a member who has submitted take the test again while it is open; the
   * earlier attempt is kept. The best passing attempt counts, once: the ledger holds one award per test.
   */
  'quiz.allowRetake': {
    who: SECRETARY,
    input: z.object({ quizId: id, memberId: id, reason: reason('重考原因') }),
    result: returns<{ memberId: string; retakeAllowed: true }>(),
  },
})
