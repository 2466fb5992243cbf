import { act, renderHook, waitFor } from '@testing-library/react'
import { LIMITS } from '../../domain/limits'
import { fakeServer } from '../../features/study/fake-server'
import { useQuestionForm } from './use-question-form'
import { pickSpreadsheet, SpreadsheetFileError } from '../../services/spreadsheet-file'
import { useQuestionImport } from './use-question-import'
import { useQuizForm, validateQuiz, type QuizForm } from './use-quiz-form'
import { useRetake } from './use-retake'

jest.mock('../../services/spreadsheet-file', () => ({ ...jest.requireActual('../../services/spreadsheet-file'), pickSpreadsheet: jest.fn() }))
const picked = jest.mocked(pickSpreadsheet)

const press = async (submit: () => Promise<unknown>) => {
  await act(async () => {
    await submit()
  })
}

describe('添加题目 (useQuestionForm)', () => {
  it('refuses a gap in the options before sending', async () => {
    const server = fakeServer({})
    const { result } = renderHook(() => useQuestionForm())
    act(() => {
      result.current.set('stem', '党的最高理想是什么')
      result.current.optionTyped(0, '共产主义')
      result.current.optionTyped(2, '小康社会')
      result.current.answerTapped(0)
    })
    await press(result.current.submit)
    expect(result.current.error).toBe('选项B为空：选项应从 A 起连续填写')
    expect(server.sent).toEqual([])
  })

  it('sends the options filled in, then clears the form for the next question of the same type', async () => {
    const server = fakeServer({ 'question.create': { question: { id: 'q1' } } as never })
    const { result } = renderHook(() => useQuestionForm())
    act(() => result.current.typeChosen('multiple'))
    act(() => {
      result.current.set('stem', ' 党的作风包括哪些 ')
      result.current.optionTyped(0, '理论联系实际')
      result.current.optionTyped(1, ' 密切联系群众 ')
    })
    act(() => result.current.answerTapped(1))
    act(() => result.current.answerTapped(0))
    await press(result.current.submit)
    expect(server.payloadOf('question.create')).toEqual({ type: 'multiple', stem: '党的作风包括哪些', options: ['理论联系实际', '密切联系群众'], answer: [0, 1] })
    expect(result.current.added).toBe(1)
    expect(result.current.values).toEqual({ type: 'multiple', stem: '', options: ['', '', '', ''], answer: [] })
  })

  it('stops offering options at the limit', () => {
    fakeServer({})
    const { result } = renderHook(() => useQuestionForm())
    for (let i = 4; i < LIMITS.question.optionsMax; i++) act(() => result.current.optionAdded())
    expect(result.current.values.options).toHaveLength(LIMITS.question.optionsMax)
    expect(result.current.canAddOption).toBe(false)
  })
})

describe('导入题目 (useQuestionImport)', () => {
  const file = { name: '题库.xlsx', contentBase64: 'UEsDBA==' }

  it('sends nothing before a spreadsheet is picked, then the picked file', async () => {
    const server = fakeServer({ 'question.import': { imported: 1, questions: [] } })
    const { result } = renderHook(() => useQuestionImport())
    await press(result.current.submit)
    expect(result.current.error).toBe('请先选择题目表格')
    picked.mockResolvedValueOnce(file)
    await act(() => result.current.fileChosen())
    expect(result.current.file).toEqual(file)
    expect(result.current.error).toBeNull()
    await press(result.current.submit)
    expect(server.sent).toEqual([{ action: 'question.import', payload: { file } }])
    expect(result.current.done?.imported).toBe(1)
  })

  it('keeps the file it has when the person backs out, and says why a file could not be read', async () => {
    fakeServer({})
    const { result } = renderHook(() => useQuestionImport())
    picked.mockResolvedValueOnce(file)
    await act(() => result.current.fileChosen())
    picked.mockResolvedValueOnce(null)
    await act(() => result.current.fileChosen())
    expect(result.current.file).toEqual(file)
    picked.mockRejectedValueOnce(new SpreadsheetFileError('请选择 .xlsx 或 .csv 格式的表格'))
    await act(() => result.current.fileChosen())
    expect(result.current.error).toBe('请选择 .xlsx 或 .csv 格式的表格')
  })
})

describe('新建测试 (useQuizForm)', () => {
  const valid: QuizForm = { title: '12月知识测试', questionIds: ['a'], opens: '2026-12-01', closes: '2026-12-08', minutes: '20', passScore: '60', points: '' }

  it('checks the rules against the limits', () => {
    expect(validateQuiz(valid)).toBeNull()
    expect(validateQuiz({ ...valid, title: 'x'.repeat(LIMITS.quiz.title + 1) })).toBe(`测试名称不能超过 ${LIMITS.quiz.title} 个字`)
    expect(validateQuiz({ ...valid, closes: '2026-11-30' })).toBe('截止日期不能早于开始日期')
    expect(validateQuiz({ ...valid, minutes: String(LIMITS.quiz.timeLimitMax + 1) })).toBe('答题时间应为 1–180 分钟')
    expect(validateQuiz({ ...valid, points: '21' })).toBe('积分应为 0–20')
  })

  it('chooses all the bank, carries the end along with a later start, and publishes the whole days', async () => {
    const server = fakeServer({ 'question.list': { questions: [{ id: 'a' }, { id: 'b' }] } as never, 'quiz.create': { quiz: { id: 'z' } } as never })
    const { result } = renderHook(() => useQuizForm())
    await waitFor(() => expect(result.current.questions).toHaveLength(2))
    act(() => result.current.allToggled())
    expect(result.current.allChosen).toBe(true)
    act(() => result.current.questionToggled('a'))
    act(() => result.current.opensPicked('2027-01-20'))
    expect(result.current.values.closes).toBe('2027-01-20')
    await press(result.current.submit)
    expect(server.payloadOf('quiz.create')).toEqual({
      title: result.current.values.title,
      questionIds: ['b'],
      opensAt: '2027-01-20T00:00:00+08:00',
      closesAt: '2027-01-20T23:59:59+08:00',
      timeLimitMin: 20,
      passScore: 60,
    })
  })
})

describe('允许重考 (useRetake)', () => {
  const taker = { memberId: 'demo-member-01', name: '陈志强', score: 40, passed: false, attempts: 1, retakeAllowed: false }

  it('sends the member, the test and the reason, closes the dialog and reloads the results', async () => {
    const server = fakeServer({ 'quiz.allowRetake': { memberId: 'demo-member-01', retakeAllowed: true } })
    const reload = jest.fn()
    const { result } = renderHook(() => useRetake('quiz-1', reload))
    act(() => result.current.setRetakeFor(taker))
    expect(result.current.retakeFor).toEqual(taker)
    await press(() => result.current.retakeConfirmed('答题时网络中断'))
    expect(server.payloadOf('quiz.allowRetake')).toEqual({ quizId: 'quiz-1', memberId: 'demo-member-01', reason: '答题时网络中断' })
    expect(result.current.retakeFor).toBeNull()
    expect(reload).toHaveBeenCalledTimes(1)
  })
})
