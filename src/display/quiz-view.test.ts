import {
  answerText,
  answersForSubmit,
  dueQuizzes,
  formatCountdown,
  myQuizWord,
  quizPhase,
  secondsLeft,
  toggleChoice,
  unansweredCount,
} from './quiz-view'

const at = (hhmm: string, day = '2026-05-20') => new Date(`${day}T${hhmm}:00+08:00`)
const quiz = (id: string, closes: string, state: 'not_started' | 'in_progress' | 'submitted' = 'not_started') => ({
  id,
  opensAt: '2026-05-01T00:00:00+08:00',
  closesAt: closes,
  my: { state },
})

describe('toggleChoice', () => {
  it('keeps only the tapped option for a single or judge question', () => {
    expect(toggleChoice('single', [0], 2)).toEqual([2])
    expect(toggleChoice('judge', [], 1)).toEqual([1])
    expect(toggleChoice('single', [2], 2)).toEqual([2])
  })

  it('toggles the tapped option of a multiple question and keeps the rest in order', () => {
    expect(toggleChoice('multiple', [2], 0)).toEqual([0, 2])
    expect(toggleChoice('multiple', [0, 2], 2)).toEqual([0])
    expect(toggleChoice('multiple', [0], 0)).toEqual([])
  })
})

describe('the countdown', () => {
  it('counts whole seconds to the deadline and stops at zero', () => {
    const deadline = '2026-05-20T10:10:00+08:00'
    expect(secondsLeft(deadline, at('10:00'))).toBe(600)
    expect(secondsLeft(deadline, new Date(Date.parse(deadline) - 1500))).toBe(2)
    expect(secondsLeft(deadline, at('10:11'))).toBe(0)
  })

  it('reads as a clock', () => {
    expect(formatCountdown(600)).toBe('10:00')
    expect(formatCountdown(65)).toBe('1:05')
    expect(formatCountdown(3723)).toBe('1:02:03')
    expect(formatCountdown(-3)).toBe('0:00')
  })
})

describe('answers', () => {
  it('counts questions left unanswered, an emptied multiple one included', () => {
    expect(unansweredCount(['q1', 'q2', 'q3'], { q1: [0], q2: [] })).toBe(2)
  })

  it('sends an entry for every question, empty when unanswered', () => {
    expect(answersForSubmit(['q1', 'q2'], { q1: [1, 0] })).toEqual({ q1: [1, 0], q2: [] })
  })

  it('reads chosen options as letters, and a judge answer as its word', () => {
    expect(answerText([2, 0])).toBe('A、C')
    expect(answerText([1], 'judge')).toBe('错误')
    expect(answerText([])).toBe('未作答')
  })
})

describe('tests due', () => {
  it('lists open tests not handed in, closing soonest first', () => {
    const list = [
      quiz('late', '2026-05-31T23:59:00+08:00'),
      quiz('done', '2026-05-21T23:59:00+08:00', 'submitted'),
      quiz('soon', '2026-05-22T23:59:00+08:00', 'in_progress'),
      quiz('closed', '2026-05-19T23:59:00+08:00'),
      { ...quiz('future', '2026-06-30T23:59:00+08:00'), opensAt: '2026-06-01T00:00:00+08:00' },
    ]
    expect(dueQuizzes(list, at('10:00')).map((q) => q.id)).toEqual(['soon', 'late'])
  })

  it('says where I stand in one word', () => {
    const q = quiz('a', '2026-05-22T23:59:00+08:00')
    expect(quizPhase(q, at('10:00'))).toBe('open')
    expect(myQuizWord(q, at('10:00'))).toBe('待参加')
    expect(myQuizWord({ ...q, my: { state: 'in_progress' } }, at('10:00'))).toBe('答题中')
    expect(myQuizWord(q, at('10:00', '2026-05-23'))).toBe('未参加')
    expect(myQuizWord({ ...q, my: { state: 'submitted', passed: true, score: 90 } }, at('10:00'))).toBe('已通过')
    expect(myQuizWord({ ...q, my: { state: 'submitted', passed: false, score: 40 } }, at('10:00'))).toBe('未通过')
  })
})
