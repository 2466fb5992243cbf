/**
 * Study rules (DOMAIN "Study"): what a self-study record is worth, how a test is scored, where a
 * member should be against the year's target, and the week a 学习强国 report belongs to.
 */
import { expectedByNow, isRight, scoreQuiz, selfStudyAward, weekStart } from './study'

describe('selfStudyAward', () => {
  it.each([
    // minutes, points (one per full half hour, at most 4), 学时 in tenths (one per hour, at most 4)
    [5, 0, 1],
    [29, 0, 5],
    [30, 1, 5],
    [45, 1, 8],
    [59, 1, 10],
    [60, 2, 10],
    [90, 3, 15],
    [119, 3, 20],
    [120, 4, 20],
    [150, 4, 25],
    [240, 4, 40],
    [241, 4, 40],
    [600, 4, 40],
  ])('%i minutes earn %i points and %i tenths of a 学时', (minutes, points, studyTenths) => {
    expect(selfStudyAward(minutes)).toEqual({ points, studyTenths })
  })
})

describe('isRight', () => {
  it.each<[string, number[], number[] | undefined, boolean]>([
    ['the one right option', [1], [1], true],
    ['a wrong option', [1], [0], false],
    ['no answer at all', [1], undefined, false],
    ['an empty answer', [1], [], false],
    ['all the right options, in any order', [0, 2], [2, 0], true],
    ['the right options repeated', [0, 2], [0, 2, 2], true],
    ['only some of the right options', [0, 2], [0], false],
    ['the right options and one more', [0, 2], [0, 1, 2], false],
  ])('%s', (_what, answer, chosen, right) => {
    expect(isRight(answer, chosen)).toBe(right)
  })
})

describe('scoreQuiz', () => {
  const QUESTIONS = [
    { id: 'q1', answer: [0] },
    { id: 'q2', answer: [1, 3] },
    { id: 'q3', answer: [1] },
  ]

  it('scores the share of questions answered exactly right, rounded to a whole percent', () => {
    expect(scoreQuiz(QUESTIONS, { q1: [0], q2: [3, 1], q3: [0] })).toEqual({
      correct: 2,
      total: 3,
      score: 67,
      review: [
        { questionId: 'q1', right: true, answer: [0], chosen: [0] },
        { questionId: 'q2', right: true, answer: [1, 3], chosen: [3, 1] },
        { questionId: 'q3', right: false, answer: [1], chosen: [0] },
      ],
    })
  })

  it('counts a question left unanswered as wrong, with nothing chosen', () => {
    expect(scoreQuiz(QUESTIONS, { q1: [0] })).toMatchObject({
      correct: 1,
      score: 33,
      review: [expect.anything(), { questionId: 'q2', right: false, chosen: [] }, { questionId: 'q3', right: false, chosen: [] }],
    })
  })

  it('reads only answers to its own questions, not inherited keys or strangers', () => {
    const answers = Object.assign(Object.create({ q1: [0] }), { q9: [0], constructor: [1] }) as Record<string, number[]>
    expect(scoreQuiz(QUESTIONS, answers)).toMatchObject({ correct: 0, score: 0 })
  })

  it('answers 100 for all right and 0 for an empty quiz', () => {
    expect(scoreQuiz(QUESTIONS, { q1: [0], q2: [1, 3], q3: [1] }).score).toBe(100)
    expect(scoreQuiz([], {})).toEqual({ review: [], correct: 0, total: 0, score: 0 })
  })
})

describe('expectedByNow', () => {
  it.each([
    // target, today, 学时 expected by the end of today
    [32, '2026-01-01', 0.1],
    [365, '2026-01-01', 1],
    [32, '2026-07-02', 16],
    [365, '2026-07-02', 183],
    [32, '2026-12-31', 32],
    [40, '2026-12-31', 40],
    [366, '2028-02-29', 60],
    [366, '2028-07-02', 184],
    [32, '2028-07-02', 16.1],
    [32, '2028-12-31', 32],
  ])('a target of %i on %s is %d', (target, today, expected) => {
    expect(expectedByNow(target, today)).toBe(expected)
  })
})

describe('weekStart', () => {
  it.each([
    ['2026-05-18', '2026-05-18'],
    ['2026-05-20', '2026-05-18'],
    ['2026-05-24', '2026-05-18'],
    ['2026-03-01', '2026-02-23'],
    ['2026-01-01', '2025-12-29'],
    ['2026-01-04', '2025-12-29'],
    ['2028-03-01', '2028-02-28'],
  ])('the week of %s starts on Monday %s', (date, monday) => {
    expect(weekStart(date)).toBe(monday)
  })
})
