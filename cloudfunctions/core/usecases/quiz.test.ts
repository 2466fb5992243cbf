/**
 * The question bank and the monthly knowledge test through the router (DOMAIN "Study"): the
 * committee builds a test from the bank and opens it for a period; each member answers once,
 * timed; the answers never reach a member before they submit; the server scores the answers and
 * never reads a score the client sends; passing earns the test's points once.
 */
import { DEMO, failure, theDemoBranch, type DemoBranch } from '../../../tests/support/app'
import writeXlsxFile from 'write-excel-file/node'
import { firstInsertFails, firstInsertHeld } from '../../../tests/support/faults'
import { gbk } from '../../../tests/support/files'
import type { Storage } from '../ports'

const NOW = '2026-05-20T10:00:00+08:00'
const OPENS = '2026-05-20T09:00:00+08:00'
const CLOSES = '2026-05-27T18:00:00+08:00'
const HEADER = '题型,题干,选项A,选项B,选项C,选项D,答案'

const plus = (iso: string, seconds: number) => new Date(Date.parse(iso) + seconds * 1000).toISOString()

async function aBank(opts: { storage?: (real: Storage) => Storage } = {}) {
  const app = await theDemoBranch({ at: NOW, storage: opts.storage })
  const committee = app.as(DEMO.committee)
  const single = (await committee.ok('question.create', { type: 'single', stem: '党的最高理想是什么？', options: ['社会主义', '共产主义', '小康社会'], answer: [1] })).question
  const multiple = (
    await committee.ok('question.create', { type: 'multiple', stem: '党员的义务包括哪些？', options: ['认真学习', '吃苦在前', '享受在前', '维护团结'], answer: [3, 0, 1] })
  ).question
  const judge = (await committee.ok('question.create', { type: 'judge', stem: '预备党员的预备期为一年。', answer: [0] })).question
  return { app, committee, single, multiple, judge }
}

/** A 3-question test, open from 09:00 today to next Wednesday 18:00, 30 minutes to answer. */
async function anOpenQuiz(opts: { storage?: (real: Storage) => Storage; passScore?: number; points?: number; at?: string } = {}) {
  const bank = await aBank(opts)
  const { app, committee, single, multiple, judge } = bank
  const { quiz } = await committee.ok('quiz.create', {
    title: '五月知识测试',
    questionIds: [single.id, multiple.id, judge.id],
    opensAt: OPENS,
    closesAt: CLOSES,
    timeLimitMin: 30,
    ...(opts.passScore === undefined ? {} : { passScore: opts.passScore }),
    ...(opts.points === undefined ? {} : { points: opts.points }),
  })
  if (opts.at) app.clock.set(opts.at)
  const RIGHT = { [single.id]: [1], [multiple.id]: [0, 1, 3], [judge.id]: [0] }
  const WRONG = { [single.id]: [0], [multiple.id]: [0, 1], [judge.id]: [1] }
  const TWO_RIGHT = { ...RIGHT, [judge.id]: [1] }
  const start = (openid: string) => app.as(openid).call('quiz.start', { quizId: quiz.id })
  const submit = (openid: string, answers: Record<string, number[]>) => app.as(openid).call('quiz.submit', { quizId: quiz.id, answers })
  return { ...bank, quiz, RIGHT, WRONG, TWO_RIGHT, start, submit }
}

const questionsOf = (app: DemoBranch) => app.storage.find('questions', {})
const attemptsOf = (app: DemoBranch) => app.storage.find('attempts', {}, { orderBy: [['id', 'asc']] })
const ledgerOf = (app: DemoBranch) => app.storage.find('ledger', {}, { orderBy: [['id', 'asc']] })

describe('question.create', () => {
  it('stores a question with its options and its answer as sorted indexes', async () => {
    const { app, multiple } = await aBank()
    expect(multiple).toEqual({
      id: expect.stringMatching(/^q-/),
      branchId: DEMO.branchId,
      type: 'multiple',
      stem: '党员的义务包括哪些？',
      options: ['认真学习', '吃苦在前', '享受在前', '维护团结'],
      answer: [0, 1, 3],
      createdBy: 'demo-committee',
      createdAt: NOW,
    })
    expect(await app.storage.get('questions', multiple.id)).toEqual(multiple)
  })

  it('gives a judge question the options 正确 and 错误, whatever options are sent', async () => {
    const { committee } = await aBank()
    const { question } = await committee.ok('question.create', { type: 'judge', stem: '党费按月交纳。', options: ['对', '错', '不知道'], answer: [1] })
    expect(question).toMatchObject({ options: ['正确', '错误'], answer: [1] })
  })

  it.each<[string, Record<string, unknown>, string]>([
    ['a single-choice question with two answers', { type: 'single', options: ['甲', '乙'], answer: [0, 1] }, 'answer：'],
    ['an answer beyond the options', { type: 'single', options: ['甲', '乙'], answer: [2] }, 'answer：'],
    ['a repeated answer', { type: 'multiple', options: ['甲', '乙'], answer: [0, 0] }, 'answer：'],
    ['no answer', { type: 'multiple', options: ['甲', '乙'], answer: [] }, 'answer：'],
    ['a judge answer other than 正确 or 错误', { type: 'judge', answer: [2] }, 'answer：'],
    ['a choice question with one option', { type: 'single', options: ['甲'], answer: [0] }, 'options：'],
    ['a choice question without options', { type: 'single', answer: [0] }, 'options：'],
    ['nine options', { type: 'multiple', options: ['1', '2', '3', '4', '5', '6', '7', '8', '9'], answer: [0] }, 'options：'],
    ['an empty option', { type: 'single', options: ['甲', ' '], answer: [0] }, 'options.1：'],
    ['a one-character stem', { type: 'single', stem: '题', options: ['甲', '乙'], answer: [0] }, 'stem：'],
    ['an unknown type', { type: 'fill', options: ['甲', '乙'], answer: [0] }, 'type：'],
  ])('refuses %s with INVALID_INPUT naming the field, storing nothing', async (_what, fields, field) => {
    const app = await theDemoBranch({ at: NOW })
    expect(await app.as(DEMO.committee).raw('question.create', { stem: '题干一二', ...fields })).toEqual(failure('INVALID_INPUT', field))
    expect(await questionsOf(app)).toEqual([])
  })

  it('is FORBIDDEN to members and group leaders', async () => {
    const app = await theDemoBranch({ at: NOW })
    const q = { type: 'judge' as const, stem: '题干一二', answer: [0] }
    expect(await app.as(DEMO.member(1)).call('question.create', q)).toEqual(failure('FORBIDDEN'))
    expect(await app.as(DEMO.leader1).call('question.create', q)).toEqual(failure('FORBIDDEN'))
  })
})

describe('question.import', () => {
  it('stores every question of the file and answers how many', async () => {
    const app = await theDemoBranch({ at: NOW })
    const csv = `\ufeff${HEADER}\r\n单选,党的最高理想是什么？,社会主义,共产主义,,,B\r\n多选,"党员的义务，包括？",学习,奉献,,,AB\r\n判断,党费按月交纳。,,,,,对\r\n`
    const answer = await app.as(DEMO.secretary).ok('question.import', { csv })
    expect(answer.imported).toBe(3)
    expect(answer.questions.map((q) => [q.type, q.stem, q.options, q.answer])).toEqual([
      ['single', '党的最高理想是什么？', ['社会主义', '共产主义'], [1]],
      ['multiple', '党员的义务，包括？', ['学习', '奉献'], [0, 1]],
      ['judge', '党费按月交纳。', ['正确', '错误'], [0]],
    ])
    for (const q of answer.questions) expect(q).toMatchObject({ branchId: DEMO.branchId, createdBy: 'demo-secretary', createdAt: NOW })
    expect(new Set(answer.questions.map((q) => q.id)).size).toBe(3)
    expect(await questionsOf(app)).toHaveLength(3)
  })

  it('stores nothing when one row is bad, and names that row', async () => {
    const app = await theDemoBranch({ at: NOW })
    const csv = [HEADER, '单选,第一题题干,甲,乙,,,A', '单选,第二题题干,甲,乙,,,B', '判断,第三题题干,,,,,错', '单选,第四题题干,甲,乙,,,C', '单选,第五题题干,甲,乙,,,A'].join('\n')
    expect(await app.as(DEMO.committee).call('question.import', { csv })).toEqual(failure('INVALID_INPUT', /^参数有误：csv：第 5 行：答案不在选项中$/))
    expect(await questionsOf(app)).toEqual([])
  })

  it('reads an .xlsx file, numbers and TRUE cells as the text Excel shows, naming a bad row as Excel numbers it', async () => {
    const app = await theDemoBranch({ at: NOW })
    const cell = (value: string | number | boolean | null) =>
      value === null ? null : { value, type: typeof value === 'number' ? Number : typeof value === 'boolean' ? Boolean : String }
    const sheet = (rows: Array<Array<string | number | boolean | null>>) => rows.map((r) => r.map(cell))
    const xlsx = async (rows: Array<Array<string | number | boolean | null>>) => ({
      name: '题库.xlsx',
      contentBase64: Buffer.from(await writeXlsxFile(sheet(rows) as never).toBuffer()).toString('base64'),
    })
    const header = HEADER.split(',')
    const good = [header, ['单选', '1921 年党的一大在哪里召开？', '上海', 1921, null, null, 'A'], [null, null, null, null, null, null, null], ['判断', '党费按月交纳。', null, null, null, null, true]]
    const answer = await app.as(DEMO.committee).ok('question.import', { file: await xlsx(good) })
    expect(answer.questions.map((q) => [q.type, q.stem, q.options, q.answer])).toEqual([
      ['single', '1921 年党的一大在哪里召开？', ['上海', '1921'], [0]],
      ['judge', '党费按月交纳。', ['正确', '错误'], [0]],
    ])
    const bad = [...good, ['单选', '第五行题干', '甲', '乙', null, null, 'C']]
    expect(await app.as(DEMO.committee).call('question.import', { file: await xlsx(bad) })).toEqual(
      failure('INVALID_INPUT', /^参数有误：file：第 5 行：答案不在选项中$/),
    )
    expect(await questionsOf(app)).toHaveLength(2)
  })

  it('reads a .csv file saved in GBK, as Excel does on Chinese Windows', async () => {
    const app = await theDemoBranch({ at: NOW })
    const file = { name: '题库.csv', contentBase64: gbk(`${HEADER}\r\n多选,党员的义务包括哪些？,学习,奉献,团结,,AC\r\n`).toString('base64') }
    const answer = await app.as(DEMO.committee).ok('question.import', { file })
    expect(answer.questions.map((q) => [q.type, q.stem, q.options, q.answer])).toEqual([['multiple', '党员的义务包括哪些？', ['学习', '奉献', '团结'], [0, 2]]])
  })

  it('takes the file or the CSV text, exactly one of them', async () => {
    const committee = (await theDemoBranch({ at: NOW })).as(DEMO.committee)
    const file = { name: '题库.csv', contentBase64: Buffer.from('判断,题干一二,对').toString('base64') }
    expect(await committee.call('question.import', {})).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'file' } })
    expect(await committee.call('question.import', { file, csv: '判断,题干一二,对' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'file' } })
    expect(await committee.call('question.import', { file: { ...file, name: '题库.xls' } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'file' } })
  })

  it.each([
    ['an empty file', '', 'csv：'],
    ['a header alone', `${HEADER}\n`, '第 1 行'],
  ])('refuses %s', async (_what, csv, message) => {
    const app = await theDemoBranch({ at: NOW })
    expect(await app.as(DEMO.committee).call('question.import', { csv })).toEqual(failure('INVALID_INPUT', message))
  })

  it('is FORBIDDEN to members', async () => {
    const app = await theDemoBranch({ at: NOW })
    expect(await app.as(DEMO.member(1)).call('question.import', { csv: '判断,题干一二,对' })).toEqual(failure('FORBIDDEN'))
    expect(await questionsOf(app)).toEqual([])
  })
})

describe('question.list', () => {
  it("lists the branch's own bank, newest first, to the committee only", async () => {
    const { app, committee, single, multiple, judge } = await aBank()
    await app.storage.insert('questions', { ...single, id: 'other-q', branchId: 'other-branch' })
    app.clock.set('2026-05-20T11:00:00+08:00')
    const { question: later } = await committee.ok('question.create', { type: 'judge', stem: '后来添加的题目。', answer: [1] })
    const { questions } = await committee.ok('question.list', {})
    expect(questions[0].id).toBe(later.id)
    expect(questions.map((q) => q.id).sort()).toEqual([single.id, multiple.id, judge.id, later.id].sort())
    expect(await app.as(DEMO.member(1)).call('question.list', {})).toEqual(failure('FORBIDDEN'))
  })
})

describe('quiz.create', () => {
  it('answers the test without its question ids, with the defaults and times in Shanghai', async () => {
    const { committee, single, judge } = await aBank()
    const { quiz } = await committee.ok('quiz.create', {
      title: '五月测试',
      questionIds: [judge.id, single.id, judge.id],
      opensAt: '2026-05-20T01:00:00Z',
      closesAt: '2026-05-27T10:00:00Z',
      timeLimitMin: 20,
    })
    expect(quiz).toEqual({
      id: expect.stringMatching(/^quiz-/),
      branchId: DEMO.branchId,
      title: '五月测试',
      questionCount: 2,
      opensAt: OPENS,
      closesAt: CLOSES,
      timeLimitMin: 20,
      passScore: 60,
      points: 2,
      studyTenths: 10,
      createdBy: 'demo-committee',
      createdAt: NOW,
    })
  })

  it.each<[string, (ids: string[]) => Record<string, unknown>, string]>([
    ['a close before the opening', () => ({ closesAt: '2026-05-20T08:59:00+08:00' }), 'closesAt：'],
    ['a close at the opening', () => ({ closesAt: OPENS }), 'closesAt：'],
    ['no questions', () => ({ questionIds: [] }), 'questionIds：'],
    ['no time to answer', () => ({ timeLimitMin: 0 }), 'timeLimitMin：'],
    ['a pass score over 100', () => ({ passScore: 101 }), 'passScore：'],
    ['more than 20 points', () => ({ points: 21 }), 'points：'],
    ['a time without its offset', () => ({ opensAt: '2026-05-20T09:00:00' }), 'opensAt：'],
  ])('refuses %s with INVALID_INPUT naming the field', async (_what, change, field) => {
    const { app, committee, single } = await aBank()
    const payload = { title: '五月测试', questionIds: [single.id], opensAt: OPENS, closesAt: CLOSES, timeLimitMin: 30, ...change([single.id]) }
    expect(await committee.raw('quiz.create', payload)).toEqual(failure('INVALID_INPUT', field))
    expect(await app.storage.find('quizzes', {})).toEqual([])
  })

  it("is NOT_FOUND for a question not in the branch's bank", async () => {
    const { app, committee, single } = await aBank()
    await app.storage.insert('questions', { ...single, id: 'other-q', branchId: 'other-branch' })
    for (const questionIds of [[single.id, 'q-missing'], [single.id, 'other-q']]) {
      expect(await committee.call('quiz.create', { title: '五月测试', questionIds, opensAt: OPENS, closesAt: CLOSES, timeLimitMin: 30 })).toEqual(failure('NOT_FOUND'))
    }
    expect(await app.storage.find('quizzes', {})).toEqual([])
  })

  it('is FORBIDDEN to members', async () => {
    const { app, single } = await aBank()
    expect(await app.as(DEMO.member(1)).call('quiz.create', { title: '五月测试', questionIds: [single.id], opensAt: OPENS, closesAt: CLOSES, timeLimitMin: 30 })).toEqual(
      failure('FORBIDDEN'),
    )
  })
})

describe('quiz.list', () => {
  it('shows each member their own state: not started, in progress, submitted with the score', async () => {
    const { app, quiz, start, submit, TWO_RIGHT } = await anOpenQuiz()
    const mine = async (openid: string) => (await app.as(openid).ok('quiz.list', {})).quizzes.map((q) => ({ id: q.id, my: q.my }))
    expect(await mine(DEMO.member(1))).toEqual([{ id: quiz.id, my: { state: 'not_started' } }])
    await start(DEMO.member(1))
    expect(await mine(DEMO.member(1))).toEqual([{ id: quiz.id, my: { state: 'in_progress', startedAt: NOW } }])
    app.clock.set('2026-05-20T10:10:00+08:00')
    await submit(DEMO.member(1), TWO_RIGHT)
    expect(await mine(DEMO.member(1))).toEqual([{ id: quiz.id, my: { state: 'submitted', startedAt: NOW, score: 67, passed: true } }])
    expect(await mine(DEMO.member(2))).toEqual([{ id: quiz.id, my: { state: 'not_started' } }])
  })

  it('never lists the question ids or their answers', async () => {
    const { app, quiz } = await anOpenQuiz()
    const envelope = await app.as(DEMO.member(1)).call('quiz.list', {})
    expect(envelope).toMatchObject({ ok: true, data: { quizzes: [{ id: quiz.id, questionCount: 3 }] } })
    expect(JSON.stringify(envelope)).not.toMatch(/"(answer|questionIds)"/)
  })

  it('drops a test 90 days after it closed', async () => {
    const { app } = await anOpenQuiz()
    app.clock.set(plus(CLOSES, 89 * 86400))
    expect((await app.as(DEMO.member(1)).ok('quiz.list', {})).quizzes).toHaveLength(1)
    app.clock.set(plus(CLOSES, 91 * 86400))
    expect((await app.as(DEMO.member(1)).ok('quiz.list', {})).quizzes).toEqual([])
  })
})

describe('quiz.start', () => {
  it('starts the clock and sends the questions in order, without their answers', async () => {
    const { quiz, single, multiple, judge, start } = await anOpenQuiz()
    const envelope = await start(DEMO.member(1))
    expect(envelope).toEqual({
      ok: true,
      data: {
        quiz: expect.objectContaining({ id: quiz.id, questionCount: 3 }),
        startedAt: NOW,
        deadline: '2026-05-20T10:30:00+08:00',
        questions: [
          { id: single.id, type: 'single', stem: '党的最高理想是什么？', options: ['社会主义', '共产主义', '小康社会'] },
          { id: multiple.id, type: 'multiple', stem: '党员的义务包括哪些？', options: ['认真学习', '吃苦在前', '享受在前', '维护团结'] },
          { id: judge.id, type: 'judge', stem: '预备党员的预备期为一年。', options: ['正确', '错误'] },
        ],
      },
    })
    // What goes over the wire: no answer key, and no array of numbers (the answers' shape) anywhere.
    const wire = JSON.stringify(envelope)
    expect(wire).not.toMatch(/"answer"/)
    expect(wire).not.toMatch(/\[\s*\d/)
    expect(wire).not.toMatch(/"questionIds"/)
  })

  it('a second start resumes the same attempt, with the same start and deadline', async () => {
    const { app, start } = await anOpenQuiz()
    await start(DEMO.member(1))
    app.clock.set('2026-05-20T10:12:00+08:00')
    expect(await start(DEMO.member(1))).toMatchObject({ ok: true, data: { startedAt: NOW, deadline: '2026-05-20T10:30:00+08:00' } })
    expect(await attemptsOf(app)).toHaveLength(1)
  })

  it('20 starts at once make one attempt', async () => {
    const { app, start } = await anOpenQuiz()
    const answers = await Promise.all(Array.from({ length: 20 }, () => start(DEMO.member(1))))
    for (const a of answers) expect(a).toMatchObject({ ok: true, data: { startedAt: NOW } })
    expect(await attemptsOf(app)).toHaveLength(1)
  })

  it('ends the time at the close when the close comes first', async () => {
    const { start } = await anOpenQuiz({ at: '2026-05-27T17:50:00+08:00' })
    expect(await start(DEMO.member(1))).toMatchObject({ ok: true, data: { deadline: CLOSES } })
  })

  it.each([
    ['before it opens', '2026-05-20T08:59:59+08:00', '还没有开始'],
    ['after it closes', '2026-05-27T18:00:01+08:00', '已经结束'],
  ])('is CONFLICT %s, and starts nothing', async (_when, at, message) => {
    const { app, start } = await anOpenQuiz({ at })
    expect(await start(DEMO.member(1))).toEqual(failure('CONFLICT', message))
    expect(await attemptsOf(app)).toEqual([])
  })

  it('is CONFLICT once submitted', async () => {
    const { start, submit, RIGHT } = await anOpenQuiz()
    await start(DEMO.member(1))
    await submit(DEMO.member(1), RIGHT)
    expect(await start(DEMO.member(1))).toEqual(failure('CONFLICT', '已经完成'))
  })

  it("is NOT_FOUND for an unknown test or another branch's", async () => {
    const { app, quiz } = await anOpenQuiz()
    const stored = await app.storage.get('quizzes', quiz.id)
    await app.storage.insert('quizzes', { ...stored!, id: 'quiz-other', branchId: 'other-branch' })
    expect(await app.as(DEMO.member(1)).call('quiz.start', { quizId: 'quiz-nothing' })).toEqual(failure('NOT_FOUND'))
    expect(await app.as(DEMO.member(1)).call('quiz.start', { quizId: 'quiz-other' })).toEqual(failure('NOT_FOUND'))
  })
})

describe('quiz.submit', () => {
  it('scores the answers on the server and awards the points of a pass as one ledger row', async () => {
    const { app, quiz, single, multiple, judge, start, submit, RIGHT } = await anOpenQuiz()
    await start(DEMO.member(1))
    app.clock.set('2026-05-20T10:20:00+08:00')
    expect(await submit(DEMO.member(1), RIGHT)).toEqual({
      ok: true,
      data: {
        score: 100,
        correct: 3,
        total: 3,
        passed: true,
        pointsAwarded: 2,
        review: [
          { questionId: single.id, right: true, answer: [1], chosen: [1] },
          { questionId: multiple.id, right: true, answer: [0, 1, 3], chosen: [0, 1, 3] },
          { questionId: judge.id, right: true, answer: [0], chosen: [0] },
        ],
      },
    })
    expect(await ledgerOf(app)).toEqual([
      {
        id: `quiz:${quiz.id}:demo-member-01`,
        branchId: DEMO.branchId,
        memberId: 'demo-member-01',
        kind: 'test',
        points: 2,
        studyTenths: 10,
        sourceId: `quiz:${quiz.id}`,
        year: 2026,
        by: 'demo-member-01',
        at: '2026-05-20T10:20:00+08:00',
        reason: '通过测试：五月知识测试（100 分）',
      },
    ])
    expect(await app.as(DEMO.member(1)).ok('points.mine', {})).toMatchObject({ total: 2, byKind: { test: 2 }, studyHours: 1 })
  })

  it('ignores a score, a pass and a count the client sends: wrong answers score low and earn nothing', async () => {
    const { app, quiz, start, WRONG } = await anOpenQuiz()
    await start(DEMO.member(1))
    const forged = await app.as(DEMO.member(1)).raw('quiz.submit', { quizId: quiz.id, answers: WRONG, score: 100, passed: true, correct: 99, pointsAwarded: 20 })
    expect(forged).toMatchObject({ ok: true, data: { score: 0, correct: 0, total: 3, passed: false, pointsAwarded: 0 } })
    expect(await attemptsOf(app)).toEqual([expect.objectContaining({ score: 0, correct: 0, passed: false })])
    expect(await ledgerOf(app)).toEqual([])
    expect((await app.as(DEMO.member(1)).ok('points.mine', {})).total).toBe(0)
  })

  it("passes at the test's pass score and not below it", async () => {
    const at60 = await anOpenQuiz()
    await at60.start(DEMO.member(1))
    expect(await at60.submit(DEMO.member(1), at60.TWO_RIGHT)).toMatchObject({ ok: true, data: { score: 67, passed: true, pointsAwarded: 2 } })
    const at70 = await anOpenQuiz({ passScore: 70, points: 5 })
    await at70.start(DEMO.member(1))
    expect(await at70.submit(DEMO.member(1), at70.TWO_RIGHT)).toMatchObject({ ok: true, data: { score: 67, passed: false, pointsAwarded: 0 } })
    await at70.start(DEMO.member(2))
    expect(await at70.submit(DEMO.member(2), at70.RIGHT)).toMatchObject({ ok: true, data: { passed: true, pointsAwarded: 5 } })
  })

  it('reads only answers to the questions of this test', async () => {
    const { app, committee, quiz, single, start, RIGHT, TWO_RIGHT } = await anOpenQuiz()
    const { question: stranger } = await committee.ok('question.create', { type: 'judge', stem: '不在本次测试中的题。', answer: [0] })
    await start(DEMO.member(1))
    const answers = { [single.id]: TWO_RIGHT[single.id], [stranger.id]: [0], 'q-unknown': [1] }
    expect(await app.as(DEMO.member(1)).call('quiz.submit', { quizId: quiz.id, answers })).toMatchObject({ ok: true, data: { correct: 1, total: 3, score: 33 } })
    const [attempt] = await attemptsOf(app)
    expect(attempt.answers).toEqual({ [single.id]: RIGHT[single.id] })
  })

  it('is CONFLICT without a start, storing nothing', async () => {
    const { app, submit, RIGHT } = await anOpenQuiz()
    expect(await submit(DEMO.member(1), RIGHT)).toEqual(failure('CONFLICT', '请先开始答题'))
    expect(await attemptsOf(app)).toEqual([])
    expect(await ledgerOf(app)).toEqual([])
  })

  it('is CONFLICT a second time, and the first score stands', async () => {
    const { app, start, submit, WRONG, RIGHT } = await anOpenQuiz()
    await start(DEMO.member(1))
    await submit(DEMO.member(1), WRONG)
    expect(await submit(DEMO.member(1), RIGHT)).toEqual(failure('CONFLICT', '只能答一次'))
    expect(await attemptsOf(app)).toEqual([expect.objectContaining({ score: 0, passed: false })])
    expect(await ledgerOf(app)).toEqual([])
  })

  it('takes answers up to 60 s after the time limit, and refuses them after', async () => {
    const { app, start, submit, RIGHT } = await anOpenQuiz()
    await start(DEMO.member(1))
    await start(DEMO.member(2))
    app.clock.set('2026-05-20T10:31:00+08:00')
    expect(await submit(DEMO.member(1), RIGHT)).toMatchObject({ ok: true, data: { passed: true } })
    app.clock.set('2026-05-20T10:31:01+08:00')
    expect(await submit(DEMO.member(2), RIGHT)).toEqual(failure('CONFLICT', '答题时间已经结束'))
    expect((await attemptsOf(app)).map((a) => [a.memberId, a.submittedAt])).toEqual([
      ['demo-member-01', '2026-05-20T10:31:00+08:00'],
      ['demo-member-02', null],
    ])
    expect((await ledgerOf(app)).map((r) => r.memberId)).toEqual(['demo-member-01'])
  })

  it('counts the grace from the close when the close comes before the time limit', async () => {
    const { app, start, submit, RIGHT } = await anOpenQuiz({ at: '2026-05-27T17:50:00+08:00' })
    await start(DEMO.member(1))
    await start(DEMO.member(2))
    app.clock.set('2026-05-27T18:01:00+08:00')
    expect(await submit(DEMO.member(1), RIGHT)).toMatchObject({ ok: true })
    app.clock.set('2026-05-27T18:01:01+08:00')
    expect(await submit(DEMO.member(2), RIGHT)).toEqual(failure('CONFLICT'))
  })
})

describe('one submission and one award per member and test, whatever retries happen', () => {
  it('20 submits at once: one scored submission, one ledger row, the points answered once', async () => {
    const { app, start, submit, RIGHT } = await anOpenQuiz()
    await start(DEMO.member(1))
    const answers = await Promise.all(Array.from({ length: 20 }, () => submit(DEMO.member(1), RIGHT)))
    const accepted = answers.filter((a) => a.ok)
    expect(accepted).toEqual([expect.objectContaining({ ok: true, data: expect.objectContaining({ score: 100, pointsAwarded: 2 }) })])
    for (const a of answers.filter((x) => !x.ok)) expect(a).toEqual(failure('CONFLICT'))
    expect(await attemptsOf(app)).toEqual([expect.objectContaining({ score: 100, passed: true })])
    expect(await ledgerOf(app)).toHaveLength(1)
    expect((await app.as(DEMO.member(1)).ok('points.mine', {})).total).toBe(2)
  })

  it('a submit retried after the function died between scoring and the award completes the award', async () => {
    const { app, quiz, start, submit, RIGHT } = await anOpenQuiz({ storage: firstInsertFails('ledger') })
    await start(DEMO.member(1))
    app.clock.set('2026-05-20T10:20:00+08:00')
    expect(await submit(DEMO.member(1), RIGHT)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(await attemptsOf(app)).toEqual([expect.objectContaining({ score: 100, passed: true, submittedAt: '2026-05-20T10:20:00+08:00' })])
    app.clock.set('2026-05-20T10:20:30+08:00')
    expect(await submit(DEMO.member(1), RIGHT)).toEqual(failure('CONFLICT'))
    expect(await ledgerOf(app)).toEqual([
      expect.objectContaining({ sourceId: `quiz:${quiz.id}`, points: 2, at: '2026-05-20T10:20:00+08:00', reason: '通过测试：五月知识测试（100 分）' }),
    ])
  })

  it('answers the points to the submit that scored the pass, even when a retry of it wrote the award first', async () => {
    const slow = firstInsertHeld('ledger')
    const { app, start, submit, RIGHT } = await anOpenQuiz({ storage: slow.storage })
    await start(DEMO.member(1))
    const first = submit(DEMO.member(1), RIGHT)
    await slow.started
    expect(await submit(DEMO.member(1), RIGHT)).toEqual(failure('CONFLICT'))
    slow.release()
    expect(await first).toMatchObject({ ok: true, data: { score: 100, passed: true, pointsAwarded: 2 } })
    expect(await ledgerOf(app)).toHaveLength(1)
  })
})

describe('quiz.results', () => {
  it('lists who took the test with their scores, and everyone who has not', async () => {
    const { app, quiz, start, submit, RIGHT, WRONG } = await anOpenQuiz()
    await start(DEMO.member(1))
    await submit(DEMO.member(1), RIGHT)
    await start(DEMO.member(2))
    await submit(DEMO.member(2), WRONG)
    await start(DEMO.member(3))
    const results = await app.as(DEMO.secretary).ok('quiz.results', { quizId: quiz.id })
    expect(results.quiz).toMatchObject({ id: quiz.id, questionCount: 3 })
    expect(results.taken.sort((a, b) => a.memberId.localeCompare(b.memberId))).toEqual([
      { memberId: 'demo-member-01', name: '陈志强', score: 100, passed: true, attempts: 1, retakeAllowed: false },
      { memberId: 'demo-member-02', name: '刘秀英', score: 0, passed: false, attempts: 1, retakeAllowed: false },
    ])
    expect(results.notTaken).toHaveLength(21)
    expect(results.notTaken).toContainEqual({ memberId: 'demo-member-03', name: '杨伟' })
    expect(results.notTaken).toContainEqual({ memberId: 'demo-secretary', name: '王建华' })
  })

  it('is FORBIDDEN to members', async () => {
    const { app, quiz } = await anOpenQuiz()
    expect(await app.as(DEMO.member(1)).call('quiz.results', { quizId: quiz.id })).toEqual(failure('FORBIDDEN'))
  })
})

describe('quiz.allowRetake: the secretary lets a member take the test again', () => {
  const RETAKE = { reason: '答题时网络中断，本人申请重考' }

  it('sets the failed attempt aside; the retake starts its own clock and, passing, earns the points once', async () => {
    const { app, quiz, start, submit, WRONG, RIGHT } = await anOpenQuiz()
    await start(DEMO.member(1))
    expect(await submit(DEMO.member(1), WRONG)).toMatchObject({ ok: true, data: { passed: false, pointsAwarded: 0 } })
    expect(await start(DEMO.member(1))).toEqual(failure('CONFLICT'))
    expect(await app.as(DEMO.secretary).ok('quiz.allowRetake', { quizId: quiz.id, memberId: DEMO.member(1), ...RETAKE })).toEqual({ memberId: DEMO.member(1), retakeAllowed: true })
    const listed = await app.as(DEMO.member(1)).ok('quiz.list', {})
    expect(listed.quizzes.find((q) => q.id === quiz.id)?.my).toEqual({ state: 'not_started' })
    expect(await submit(DEMO.member(1), RIGHT)).toEqual(failure('CONFLICT', '请先开始答题'))

    app.clock.set('2026-05-21T10:00:00+08:00')
    expect(await start(DEMO.member(1))).toMatchObject({ ok: true, data: { startedAt: '2026-05-21T10:00:00+08:00', deadline: '2026-05-21T10:30:00+08:00' } })
    expect(await submit(DEMO.member(1), RIGHT)).toMatchObject({ ok: true, data: { passed: true, score: 100, pointsAwarded: 2 } })
    expect((await ledgerOf(app)).filter((r) => r.kind === 'test')).toHaveLength(1)
    const results = await app.as(DEMO.secretary).ok('quiz.results', { quizId: quiz.id })
    expect(results.taken).toEqual([{ memberId: DEMO.member(1), name: '陈志强', score: 100, passed: true, attempts: 2, retakeAllowed: false }])
    const [attempt] = await attemptsOf(app)
    expect(attempt.previous).toEqual([expect.objectContaining({ score: 0, passed: false, allowedBy: 'demo-secretary', allowedAt: '2026-05-20T10:00:00+08:00', reason: RETAKE.reason })])
  })

  it('after a pass, a retake earns nothing more, and the best attempt is what the results show', async () => {
    const { app, quiz, start, submit, TWO_RIGHT, WRONG } = await anOpenQuiz({ passScore: 60 })
    await start(DEMO.member(1))
    expect(await submit(DEMO.member(1), TWO_RIGHT)).toMatchObject({ ok: true, data: { passed: true, pointsAwarded: 2 } })
    await app.as(DEMO.secretary).ok('quiz.allowRetake', { quizId: quiz.id, memberId: DEMO.member(1), ...RETAKE })
    expect((await app.as(DEMO.secretary).ok('quiz.results', { quizId: quiz.id })).taken[0]).toMatchObject({ passed: true, attempts: 1, retakeAllowed: true })
    await start(DEMO.member(1))
    expect(await submit(DEMO.member(1), WRONG)).toMatchObject({ ok: true, data: { passed: false, pointsAwarded: 0 } })
    expect((await ledgerOf(app)).filter((r) => r.kind === 'test').map((r) => r.points)).toEqual([2])
    expect((await app.as(DEMO.secretary).ok('quiz.results', { quizId: quiz.id })).taken[0]).toMatchObject({ passed: true, attempts: 2, retakeAllowed: false })
  })

  it('is the secretary’s alone, never for themselves, only while the test is open, and only for a member who has taken it', async () => {
    const { app, quiz, start, submit, WRONG } = await anOpenQuiz()
    const allow = (who: string, memberId: string) => app.as(who).call('quiz.allowRetake', { quizId: quiz.id, memberId, ...RETAKE })
    expect(await allow(DEMO.member(2), DEMO.member(2))).toEqual(failure('FORBIDDEN'))
    expect(await allow(DEMO.committee, DEMO.member(2))).toEqual(failure('FORBIDDEN'))
    expect(await allow(DEMO.secretary, DEMO.secretary)).toEqual(failure('FORBIDDEN', '不能允许自己重考'))
    expect(await allow(DEMO.secretary, DEMO.member(2))).toEqual(failure('NOT_FOUND'))
    await start(DEMO.member(2))
    await submit(DEMO.member(2), WRONG)
    const before = await attemptsOf(app)
    app.clock.set('2026-05-28T10:00:00+08:00')
    expect(await allow(DEMO.secretary, DEMO.member(2))).toEqual(failure('CONFLICT', '测试已经结束'))
    expect(await attemptsOf(app)).toEqual(before)
  })

  it('two secretaries allowing at once set the attempt aside once', async () => {
    const { app, quiz, start, submit, WRONG } = await anOpenQuiz()
    await app.storage.insert('members', { id: 'wx-sec-2', branchId: DEMO.branchId, openid: 'wx-sec-2', name: '第二书记', roles: ['member', 'secretary'], groupId: null, standing: 'full', active: true, dues: null })
    await start(DEMO.member(1))
    await submit(DEMO.member(1), WRONG)
    await Promise.all([DEMO.secretary, 'wx-sec-2', DEMO.secretary].map((who) => app.as(who).ok('quiz.allowRetake', { quizId: quiz.id, memberId: DEMO.member(1), ...RETAKE })))
    const [attempt] = await attemptsOf(app)
    expect(attempt.previous).toHaveLength(1)
  })
})

describe('100 quiz.submit of one member at once', () => {
  it('score one submission: one attempt, one award, and every answer that succeeded agrees with the store', async () => {
    const { app, start, submit, RIGHT } = await anOpenQuiz()
    await start(DEMO.member(1))
    const t0 = Date.now()
    const answers = await Promise.all(Array.from({ length: 100 }, () => submit(DEMO.member(1), RIGHT)))
    const ok = answers.filter((a) => a.ok)
    expect(ok).toHaveLength(1)
    for (const a of answers.filter((x) => !x.ok)) expect(a).toEqual(failure('CONFLICT', '已经交过卷'))
    const [attempt] = await attemptsOf(app)
    expect(ok[0]).toMatchObject({ data: { score: attempt.score, passed: attempt.passed, pointsAwarded: 2 } })
    expect((await ledgerOf(app)).filter((r) => r.kind === 'test')).toHaveLength(1)
    console.log(`concurrency: 100 parallel quiz.submit → ${ok.length} accepted, 1 attempt, 1 award, in ${Date.now() - t0} ms`)
  })
})
