/**
 * The monthly knowledge test: a committee member builds it from the question bank and opens it for
 * a period; each member answers once, timed; the server scores it (answers never reach a member
 * before they submit, and a score sent by the client is never read); passing earns ledger points.
 */
import { validatePayload, type Payload, type Result } from '../actions'
import type { QuizView } from '../../../types/views'
import type { Question, Quiz, QuizAttempt } from '../../../types/models'
import { JUDGE_OPTIONS, questionProblem, QUIZ_DEFAULTS, scoreQuiz } from '../../../src/domain/study'
import { toShanghaiIso } from '../../../src/domain/time'
import { requireMember, type Context } from '../context'
import { parseQuestionRows, type ParsedQuestion } from '../domain/questions'
import { AppError, invalidInput } from '../errors'
import { attemptId, ledgerKeys, newId } from '../records/ids'
import { award, ledgerRow } from '../records/ledger'
import { recordOnce } from '../records/record-once'
import { csvTextRows, readSpreadsheet, textRows } from '../spreadsheet'
import { PAGES } from '../actions/define'
import { branchMembers } from './meeting-support'
import { pageOf, pageQuery } from './paging'

/** Answers that arrive this long after the time is up still count (a slow network). */
const SUBMIT_GRACE_MS = 60_000
const QUIZ_LIST_DAYS = 90


function view(q: Quiz): QuizView {
  const { questionIds, ...rest } = q
  return { ...rest, questionCount: questionIds.length }
}

async function loadQuiz(ctx: Context, branchId: string, quizId: string): Promise<Quiz> {
  const quiz = await ctx.storage.get('quizzes', quizId)
  if (!quiz || quiz.branchId !== branchId) throw new AppError('NOT_FOUND', '找不到这次测试')
  return quiz
}

export async function questionCreate(ctx: Context, p: Payload<'question.create'>): Promise<Result<'question.create'>> {
  const me = requireMember(ctx)
  const options = p.type === 'judge' ? JUDGE_OPTIONS : p.options ?? []
  const problem = questionProblem({ type: p.type, options, answer: p.answer })
  if (problem) throw invalidInput(problem.includes('选项') && !problem.includes('答案') ? 'options' : 'answer', problem)
  const now = ctx.clock.now()
  const question: Question = {
    id: newId('q', now),
    branchId: me.branchId,
    type: p.type,
    stem: p.stem,
    options,
    answer: [...new Set(p.answer)].sort(),
    createdBy: me.id,
    createdAt: toShanghaiIso(now),
  }
  await ctx.storage.insert('questions', question)
  return { question }
}

/** An imported question holds question.create's limits (options, lengths, characters), kept as that action would keep it. */
function asTypedIn(q: ParsedQuestion): ParsedQuestion | string {
  const typed = validatePayload('question.create', { type: q.type, stem: q.stem, answer: q.answer, ...(q.type === 'judge' ? {} : { options: q.options }) })
  if (!typed.ok) return typed.detail
  return { ...q, stem: typed.value.stem, options: q.type === 'judge' ? q.options : typed.value.options ?? [] }
}

export async function questionImport(ctx: Context, p: Payload<'question.import'>): Promise<Result<'question.import'>> {
  const me = requireMember(ctx)
  const sheet = p.file ? await readSpreadsheet(p.file) : csvTextRows(p.csv!)
  const parsed = parseQuestionRows(textRows(sheet), asTypedIn)
  // The whole file or nothing: a half-imported bank is worse than a clear message.
  if (!parsed.ok) throw invalidInput(p.file ? 'file' : 'csv', `第 ${parsed.row} 行：${parsed.message}`)
  const now = ctx.clock.now()
  const questions: Question[] = parsed.questions.map((q, i) => ({
    id: `${newId('q', now)}-${i}`,
    branchId: me.branchId,
    ...q,
    createdBy: me.id,
    createdAt: toShanghaiIso(now),
  }))
  for (const q of questions) await ctx.storage.insert('questions', q)
  return { imported: questions.length, questions }
}

export async function questionList(ctx: Context, p: Payload<'question.list'>): Promise<Result<'question.list'>> {
  const me = requireMember(ctx)
  const rule = { limit: PAGES.questions }
  const found = await ctx.storage.find('questions', { branchId: me.branchId }, pageQuery(p, rule, [['createdAt', 'desc'], ['id', 'desc']]))
  const { items, next } = pageOf(found, p, rule)
  return { questions: items, next }
}

export async function quizCreate(ctx: Context, p: Payload<'quiz.create'>): Promise<Result<'quiz.create'>> {
  const me = requireMember(ctx)
  if (Date.parse(p.closesAt) <= Date.parse(p.opensAt)) throw invalidInput('closesAt', '结束时间应晚于开始时间')
  const ids = [...new Set(p.questionIds)]
  const found = await ctx.storage.find('questions', { id: { $in: ids }, branchId: me.branchId })
  if (found.length !== ids.length) throw new AppError('NOT_FOUND', '有题目不在本支部题库中，可能已被删除')
  const now = ctx.clock.now()
  const quiz: Quiz = {
    id: newId('quiz', now),
    branchId: me.branchId,
    title: p.title,
    questionIds: ids,
    opensAt: toShanghaiIso(p.opensAt),
    closesAt: toShanghaiIso(p.closesAt),
    timeLimitMin: p.timeLimitMin,
    passScore: p.passScore ?? QUIZ_DEFAULTS.passScore,
    points: p.points ?? QUIZ_DEFAULTS.points,
    studyTenths: QUIZ_DEFAULTS.studyTenths,
    createdBy: me.id,
    createdAt: toShanghaiIso(now),
  }
  await ctx.storage.insert('quizzes', quiz)
  return { quiz: view(quiz) }
}

export async function quizList(ctx: Context): Promise<Result<'quiz.list'>> {
  const me = requireMember(ctx)
  const since = toShanghaiIso(ctx.clock.now().getTime() - QUIZ_LIST_DAYS * 86400_000)
  const [quizzes, attempts] = await Promise.all([
    ctx.storage.find('quizzes', { branchId: me.branchId, closesAt: { $gte: since } }, { orderBy: [['opensAt', 'desc']] }),
    ctx.storage.find('attempts', { memberId: me.id }),
  ])
  const mine = new Map(attempts.map((a) => [a.quizId, a]))
  return {
    quizzes: quizzes.map((q) => {
      const a = mine.get(q.id)
      return {
        ...view(q),
        my: !a || a.retakeReady
          ? { state: 'not_started' as const }
          : a.submittedAt
            ? { state: 'submitted' as const, startedAt: a.startedAt, score: a.score ?? 0, passed: Boolean(a.passed) }
            : { state: 'in_progress' as const, startedAt: a.startedAt },
      }
    }),
  }
}

function deadlineOf(quiz: Quiz, startedAt: string): number {
  return Math.min(Date.parse(startedAt) + quiz.timeLimitMin * 60_000, Date.parse(quiz.closesAt))
}

export async function quizStart(ctx: Context, p: Payload<'quiz.start'>): Promise<Result<'quiz.start'>> {
  const me = requireMember(ctx)
  const quiz = await loadQuiz(ctx, me.branchId, p.quizId)
  const now = ctx.clock.now()
  if (now.getTime() < Date.parse(quiz.opensAt)) throw new AppError('CONFLICT', '测试还没有开始')
  const attempt: QuizAttempt = {
    id: attemptId(quiz.id, me.id),
    branchId: me.branchId,
    quizId: quiz.id,
    memberId: me.id,
    startedAt: toShanghaiIso(now),
    submittedAt: null,
    answers: null,
    correct: 0,
    total: quiz.questionIds.length,
    score: null,
    passed: null,
  }
  if (now.getTime() > Date.parse(quiz.closesAt)) throw new AppError('CONFLICT', '测试已经结束')
  // Answered once: coming back resumes the same attempt and the same clock.
  const { record: first } = await recordOnce(ctx.storage, 'attempts', attempt)
  if (first.submittedAt) throw new AppError('CONFLICT', '您已经完成了这次测试')
  const startedAt = first.retakeReady ? await startRetake(ctx, first, attempt.startedAt) : first.startedAt
  const questions = await ctx.storage.find('questions', { id: { $in: quiz.questionIds } })
  const byId = new Map(questions.map((q) => [q.id, q]))
  return {
    quiz: view(quiz),
    startedAt,
    deadline: toShanghaiIso(deadlineOf(quiz, startedAt)),
    // Never the answers.
    questions: quiz.questionIds
      .map((id) => byId.get(id))
      .filter((q): q is Question => Boolean(q))
      .map((q) => ({ id: q.id, type: q.type, stem: q.stem, options: q.options })),
  }
}

/** A retake's clock starts when the member opens it; of two opening at once, the first start holds. */
async function startRetake(ctx: Context, attempt: QuizAttempt, startedAt: string): Promise<string> {
  if (await ctx.storage.updateWhere('attempts', attempt.id, { retakeReady: true }, { set: { startedAt }, unset: ['retakeReady'] })) return startedAt
  const now = await ctx.storage.get('attempts', attempt.id)
  return now?.startedAt ?? startedAt
}

function passAward(quiz: Quiz, memberId: string, score: number, at: Date) {
  return ledgerRow({
    ...ledgerKeys.quiz(quiz.id, memberId),
    branchId: quiz.branchId,
    memberId,
    kind: 'test',
    points: quiz.points,
    studyTenths: quiz.studyTenths,
    by: memberId,
    at,
    reason: `通过测试：${quiz.title}（${score} 分）`,
  })
}

export async function quizSubmit(ctx: Context, p: Payload<'quiz.submit'>): Promise<Result<'quiz.submit'>> {
  const me = requireMember(ctx)
  const quiz = await loadQuiz(ctx, me.branchId, p.quizId)
  const attempt = await ctx.storage.get('attempts', attemptId(quiz.id, me.id))
  if (!attempt || attempt.retakeReady) throw new AppError('CONFLICT', '请先开始答题')
  if (attempt.submittedAt) {
    // A retry after a crash between scoring and the award completes the award; the ledger key keeps it single.
    if (attempt.passed && quiz.createdBy !== me.id) await award(ctx.storage, passAward(quiz, me.id, attempt.score ?? 0, new Date(Date.parse(attempt.submittedAt))))
    throw new AppError('CONFLICT', '您已经交过卷了，每次测试只能答一次')
  }
  const now = ctx.clock.now()
  if (now.getTime() > deadlineOf(quiz, attempt.startedAt) + SUBMIT_GRACE_MS) throw new AppError('CONFLICT', '答题时间已经结束，未能交卷')
  const questions = await ctx.storage.find('questions', { id: { $in: quiz.questionIds } })
  const ordered = quiz.questionIds.map((id) => questions.find((q) => q.id === id)).filter((q): q is Question => Boolean(q))
  // Only answers to this quiz's questions are read; the score is ours.
  const answers = Object.fromEntries(ordered.filter((q) => p.answers[q.id]).map((q) => [q.id, p.answers[q.id]]))
  const result = scoreQuiz(ordered, answers)
  const passed = result.score >= quiz.passScore
  // The creator chose the questions and knows the answers: they may take their own test and see
  // their score, but an inspector would not count points a member set for themselves.
  const earns = passed && quiz.createdBy !== me.id
  const submitted = await ctx.storage.updateWhere('attempts', attempt.id, { submittedAt: null }, {
    set: { submittedAt: toShanghaiIso(now), answers, correct: result.correct, total: result.total, score: result.score, passed },
  })
  if (!submitted) throw new AppError('CONFLICT', '您已经交过卷了，每次测试只能答一次')
  if (earns) await award(ctx.storage, passAward(quiz, me.id, result.score, now))
  // This submission earned the points, whether its award row was written here or by a retry of it;
  // a retake after a pass earns nothing more (one award per test).
  const passedBefore = (attempt.previous ?? []).some((a) => a.passed)
  const pointsAwarded = earns && !passedBefore ? quiz.points : 0
  return { score: result.score, correct: result.correct, total: result.total, passed, pointsAwarded, review: result.review }
}

export async function quizResults(ctx: Context, p: Payload<'quiz.results'>): Promise<Result<'quiz.results'>> {
  const me = requireMember(ctx)
  const quiz = await loadQuiz(ctx, me.branchId, p.quizId)
  const [members, attempts] = await Promise.all([branchMembers(ctx, me.branchId), ctx.storage.find('attempts', { quizId: quiz.id })])
  const byMember = new Map(attempts.filter((a) => a.submittedAt || a.previous?.length).map((a) => [a.memberId, a]))
  return {
    quiz: view(quiz),
    taken: members.filter((m) => byMember.has(m.id)).map((m) => ({ memberId: m.id, name: m.name, ...bestOf(byMember.get(m.id)!) })),
    notTaken: members.filter((m) => !byMember.has(m.id)).map((m) => ({ memberId: m.id, name: m.name })),
  }
}

/** A member's best submitted attempt (a pass before a higher fail), how many were submitted, and whether a retake is open. */
function bestOf(a: QuizAttempt) {
  const submitted = [...(a.previous ?? []), ...(a.submittedAt ? [{ score: a.score ?? 0, passed: Boolean(a.passed) }] : [])]
  const best = submitted.reduce<{ score: number; passed: boolean } | null>(
    (b, x) => (!b || (x.passed && !b.passed) || (x.passed === b.passed && x.score > b.score) ? x : b),
    null,
  )
  return { score: best?.score ?? null, passed: best?.passed ?? null, attempts: submitted.length, retakeAllowed: !a.submittedAt }
}

export async function quizAllowRetake(ctx: Context, p: Payload<'quiz.allowRetake'>): Promise<Result<'quiz.allowRetake'>> {
  const me = requireMember(ctx)
  // A retake is a second chance at points: never granted by the person who would take it.
  if (p.memberId === me.id) throw new AppError('FORBIDDEN', '不能允许自己重考，请由其他支委操作')
  const quiz = await loadQuiz(ctx, me.branchId, p.quizId)
  const now = ctx.clock.now()
  if (now.getTime() > Date.parse(quiz.closesAt)) throw new AppError('CONFLICT', '测试已经结束，不能再重考')
  const attempt = await ctx.storage.get('attempts', attemptId(quiz.id, p.memberId))
  if (!attempt || attempt.branchId !== me.branchId) throw new AppError('NOT_FOUND', '这位党员还没有参加这次测试')
  if (attempt.retakeReady || !attempt.submittedAt) return { memberId: p.memberId, retakeAllowed: true }
  const previous = [
    ...(attempt.previous ?? []),
    { startedAt: attempt.startedAt, submittedAt: attempt.submittedAt, score: attempt.score ?? 0, passed: Boolean(attempt.passed), allowedBy: me.id, allowedAt: toShanghaiIso(now), reason: p.reason },
  ]
  // Compare-and-set on the submission being set aside: two secretaries at once set it aside once.
  await ctx.storage.updateWhere('attempts', attempt.id, { submittedAt: attempt.submittedAt }, {
    set: { previous, retakeReady: true, submittedAt: null, answers: null, correct: 0, score: null, passed: null },
  })
  return { memberId: p.memberId, retakeAllowed: true }
}
