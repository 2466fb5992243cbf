import { act, renderHook, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { LIMITS } from '../../domain/limits'
import { weekStart } from '../../domain/study'
import { shanghaiDate } from '../../domain/time'
import { fakeServer } from './fake-server'
import { useMakeup } from './use-makeup'
import { useQuizTaking, type Started } from './use-quiz-taking'
import { together } from './use-study-home'
import { awardHint, useStudyLog } from './use-study-log'
import { useXuexiReport } from './use-xuexi-report'

const SETTINGS = { settings: { targetHours: 32, committeeTargetHours: 48, xuexiWeeklyTarget: 150, selfStudyNeedsApproval: false, rankingsEnabled: false, meetingPoints: {} } }
const invalid = (field: string, detail: string) => ({ error: { code: 'INVALID_INPUT', message: `参数有误：${field}：${detail}`, field, detail } })
const press = async (submit: () => Promise<unknown>) => {
  await act(async () => {
    await submit()
  })
}

/** Taro's H5 toast is drawn into the page; the newest one's words. */
const toasted = () => document.querySelector('.taro__toast')?.textContent ?? ''

function filledInLog(title: string) {
  const log = renderHook(() => useStudyLog())
  act(() => {
    log.result.current.set('title', title)
    log.result.current.set('minutes', '45')
  })
  return log
}

describe('记录自学 (useStudyLog)', () => {
  it('puts each problem under its field and sends nothing', async () => {
    const server = fakeServer({ 'branch.settings': SETTINGS })
    const { result } = renderHook(() => useStudyLog())
    act(() => result.current.set('minutes', '3'))
    await press(result.current.submit)
    expect(result.current.errors).toEqual({ title: '请填写学习内容，例如：学习新修订的《中国共产党纪律处分条例》', minutes: '时长应在 5–600 分钟之间' })
    expect(result.current.formError).toBeNull()
    expect(toasted()).toContain('请按红字提示修改')
    expect(server.actions()).not.toContain('study.log')
  })

  it('retries a lost answer with the same request id, and 再记一条 starts a new one', async () => {
    let fail = true
    const logged = { study: { title: '学习党章', kind: 'original', minutes: 45, studiedOn: '2026-12-01' }, counted: true }
    const server = fakeServer({ 'branch.settings': SETTINGS, 'study.log': () => (fail ? { error: { code: 'INTERNAL', message: '服务器开小差了，请稍后再试' } } : logged) as never })
    const { result } = filledInLog('  学习党章  ')
    await press(result.current.submit)
    expect(result.current.formError).toBe('服务器开小差了，请稍后再试')
    expect(result.current.values.title).toBe('  学习党章  ')
    fail = false
    await press(result.current.submit)
    const sends = server.sent.filter((s) => s.action === 'study.log').map((s) => s.payload)
    expect(sends).toHaveLength(2)
    expect(sends[1]).toEqual({ title: '学习党章', kind: 'original', minutes: 45, studiedOn: result.current.today, requestId: sends[0].requestId })
    expect(result.current.done).toEqual(logged)

    act(() => result.current.anotherStarted())
    expect(result.current.done).toBeNull()
    expect(result.current.values.title).toBe('')
    expect(result.current.values.requestId).not.toBe(sends[0].requestId)
  })

  it("says the server's words about a field, without the field's name", async () => {
    fakeServer({ 'branch.settings': SETTINGS, 'study.log': invalid('note', '心得不能超过 500 个字') as never })
    const { result } = filledInLog('学习党章')
    await press(result.current.submit)
    expect(result.current.formError).toBe('心得不能超过 500 个字')
    expect(result.current.errorField).toBe('note')
  })

  it('tells what the minutes are worth once they are a whole number in range', () => {
    expect(awardHint('')).toBe('按每小时 1 学时折算，每条最多计 4 学时')
    expect(awardHint(String(LIMITS.study.minutesMax + 1))).toBe('按每小时 1 学时折算，每条最多计 4 学时')
    expect(awardHint('90')).toMatch(/^可计 1\.5 学时/)
  })
})

describe('学习强国 (useXuexiReport)', () => {
  const thisWeek = weekStart(shanghaiDate(new Date()))

  it("starts from this week's reported figure and refuses more than the limit", async () => {
    const server = fakeServer({ 'xuexi.mine': { target: 150, weeks: [{ week: thisWeek, points: 120 }] } })
    const { result } = renderHook(() => useXuexiReport())
    await waitFor(() => expect(result.current.values.points).toBe('120'))
    expect(result.current.reported).toBe(120)
    act(() => result.current.set('points', String(LIMITS.xuexiPoints + 1)))
    await press(result.current.submit)
    expect(result.current.fieldError).toBe(`积分不能大于 ${LIMITS.xuexiPoints}`)
    expect(server.actions()).not.toContain('xuexi.report')
  })

  it('reports, then shows the new figure for the week and may report again', async () => {
    let points: number | null = null
    const server = fakeServer({
      'xuexi.mine': () => ({ target: 150, weeks: [{ week: thisWeek, points }] }),
      'xuexi.report': () => {
        points = 160
        return { report: { week: thisWeek, points: 160 }, target: 150 } as never
      },
    })
    const { result } = renderHook(() => useXuexiReport())
    await waitFor(() => expect(result.current.mine.status).toBe('ready'))
    act(() => result.current.set('points', '160'))
    await press(result.current.submit)
    expect(server.payloadOf('xuexi.report')).toEqual({ week: thisWeek, points: 160 })
    expect(toasted()).toContain('已上报，本周达标')
    expect(result.current.reported).toBe(160)
    expect(result.current.done).toBeNull()
  })
})

const STARTED = {
  quiz: { id: 'q1', title: '测试', passScore: 60 },
  startedAt: '2026-12-01T10:00:00+08:00',
  deadline: new Date(Date.now() + 600_000).toISOString(),
  questions: [
    { id: 'a', type: 'single', stem: '一', options: ['甲', '乙'] },
    { id: 'b', type: 'multiple', stem: '二', options: ['甲', '乙', '丙'] },
  ],
} as unknown as Started
const SCORED = { score: 100, correct: 2, total: 2, passed: true, pointsAwarded: 2, review: [] }

describe('a test under way (useQuizTaking)', () => {
  beforeEach(() => Taro.removeStorageSync('zhibu.quiz.q1'))

  it('keeps the answers as a draft and asks before handing in with questions open', () => {
    fakeServer({})
    const { result } = renderHook(() => useQuizTaking(STARTED, jest.fn()))
    act(() => result.current.optionTapped('b', 'multiple', 2))
    act(() => result.current.optionTapped('b', 'multiple', 0))
    expect(result.current.answers).toEqual({ b: [0, 2] })
    expect(Taro.getStorageSync('zhibu.quiz.q1')).toEqual({ b: [0, 2] })
    expect(result.current.answered).toBe(1)
    act(() => result.current.handInTapped())
    expect(result.current.confirming).toBe(true)
  })

  it('hands in every question once; a failure keeps the answers and may be tried again', async () => {
    let fail = true
    const server = fakeServer({ 'quiz.submit': () => (fail ? { error: { code: 'NETWORK', message: '网络不太好，请检查网络后重试' } } : SCORED) })
    const onSubmitted = jest.fn()
    const { result } = renderHook(() => useQuizTaking(STARTED, onSubmitted))
    act(() => result.current.optionTapped('a', 'single', 1))
    act(() => result.current.optionTapped('b', 'multiple', 1))
    await act(async () => result.current.handInTapped())
    await waitFor(() => expect(result.current.error).toBe('网络不太好，请检查网络后重试'))
    expect(result.current.answers).toEqual({ a: [1], b: [1] })
    fail = false
    await act(async () => result.current.handInTapped())
    await waitFor(() => expect(onSubmitted).toHaveBeenCalledWith(SCORED, false))
    expect(server.sent.filter((s) => s.action === 'quiz.submit').map((s) => s.payload)).toEqual([
      { quizId: 'q1', answers: { a: [1], b: [1] } },
      { quizId: 'q1', answers: { a: [1], b: [1] } },
    ])
    expect(Taro.getStorageSync('zhibu.quiz.q1')).toBe('')
  })

  it('hands in by itself when the time is up', async () => {
    const server = fakeServer({ 'quiz.submit': SCORED })
    const onSubmitted = jest.fn()
    renderHook(() => useQuizTaking({ ...STARTED, deadline: new Date(Date.now() - 1000).toISOString() }, onSubmitted))
    await waitFor(() => expect(onSubmitted).toHaveBeenCalledWith(SCORED, true))
    expect(server.actions()).toEqual(['quiz.submit'])
  })
})

const TASK = { meetingId: 'm1', title: '党课', type: 'lecture', endedAt: '', deadline: '2026-12-08T18:00:00+08:00', overdue: false, materials: null, done: false, completedAt: null }

describe('补学 (useMakeup)', () => {
  it('finds my task for the meeting and completes it once with the trimmed note', async () => {
    const server = fakeServer({ 'makeup.mine': { tasks: [TASK] } as never, 'makeup.complete': { completedAt: '2026-12-02T09:00:00+08:00', pointsAwarded: 1 } })
    const { result } = renderHook(() => useMakeup('m1'))
    await waitFor(() => expect(result.current.task?.title).toBe('党课'))
    expect(result.current.completedAt).toBeNull()
    act(() => result.current.set('note', '  有收获  '))
    await press(result.current.submit)
    expect(server.payloadOf('makeup.complete')).toEqual({ meetingId: 'm1', note: '有收获' })
    expect(result.current.completedAt).toBe('2026-12-02T09:00:00+08:00')
    expect(result.current.pointsAwarded).toBe(1)
  })

  it('has no task for a meeting I do not owe', async () => {
    fakeServer({ 'makeup.mine': { tasks: [TASK] } as never })
    const { result } = renderHook(() => useMakeup('other'))
    await waitFor(() => expect(result.current.mine.status).toBe('ready'))
    expect(result.current.task).toBeNull()
  })
})

describe('a card that needs several answers (together)', () => {
  const remote = (status: 'loading' | 'ready' | 'error') => ({ status, error: status === 'error' ? ({ message: '没连上', code: 'NETWORK' } as never) : null, reload: jest.fn() })

  it('fails when one fails, loads while one loads, and 重试 reloads them all', () => {
    const [a, b] = [remote('ready'), remote('error')]
    const both = together(a, b)
    expect(both.status).toBe('error')
    expect(both.error).toEqual({ message: '没连上', code: 'NETWORK' })
    both.reload()
    expect(a.reload).toHaveBeenCalled()
    expect(b.reload).toHaveBeenCalled()
    expect(together(remote('ready'), remote('loading')).status).toBe('loading')
    expect(together(remote('ready'), remote('ready')).status).toBe('ready')
  })
})
