import { act, renderHook } from '@testing-library/react'
import { useTimerLoop } from './use-polling'

beforeEach(() => jest.useFakeTimers())
afterEach(() => jest.useRealTimers())

const flush = () => act(async () => undefined)

describe('useTimerLoop', () => {
  it('runs at once, then after the delay each run answers, and stops on null', async () => {
    const delays = [1000, 3000, null]
    const step = jest.fn(async () => delays.shift() ?? null)
    renderHook(() => useTimerLoop(step, true))
    await flush()
    expect(step).toHaveBeenCalledTimes(1)
    await act(async () => jest.advanceTimersByTime(999))
    expect(step).toHaveBeenCalledTimes(1)
    await act(async () => jest.advanceTimersByTime(1))
    expect(step).toHaveBeenCalledTimes(2)
    await act(async () => jest.advanceTimersByTime(3000))
    expect(step).toHaveBeenCalledTimes(3)
    await act(async () => jest.advanceTimersByTime(60_000))
    expect(step).toHaveBeenCalledTimes(3)
  })

  it('stops when made inactive, and tells a step still on its way that it was stopped', async () => {
    let finish: () => void = () => undefined
    let stillRunning: boolean | null = null
    const step = jest.fn(async (running: () => boolean) => {
      await new Promise<void>((resolve) => (finish = resolve))
      stillRunning = running()
      return 1000
    })
    const hook = renderHook(({ active }) => useTimerLoop(step, active), { initialProps: { active: true } })
    hook.rerender({ active: false })
    await act(async () => finish())
    expect(stillRunning).toBe(false)
    await act(async () => jest.advanceTimersByTime(5000))
    expect(step).toHaveBeenCalledTimes(1)
  })
})
