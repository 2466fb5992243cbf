import { useEffect, useRef } from 'react'

/**
 * While `active`, runs `step` and then again after the delay (ms) it answers, or stops when it
 * answers null. The next run is scheduled only when the previous one has finished, so a slow
 * network never stacks requests. `running()` tells a step whose answer arrives after the loop
 * was stopped (hidden, unmounted) to leave the screen alone.
 */
export function useTimerLoop(step: (running: () => boolean) => Promise<number | null>, active: boolean, firstDelayMs = 0) {
  const latest = useRef(step)
  latest.current = step
  useEffect(() => {
    if (!active) return
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const running = () => !stopped
    const loop = async () => {
      const delay = await latest.current(running)
      if (!stopped && delay !== null) timer = setTimeout(loop, delay)
    }
    if (firstDelayMs === 0) loop()
    else timer = setTimeout(loop, firstDelayMs)
    return () => {
      stopped = true
      clearTimeout(timer)
    }
  }, [active, firstDelayMs])
}

/** Calls `tick` every `intervalMs` while `active`, one call at a time; a failed tick shows its own failure. */
export function usePolling(tick: () => Promise<unknown>, intervalMs: number, active: boolean, immediate = false) {
  useTimerLoop(
    async () => {
      try {
        await tick()
      } catch {
        // The tick shows its own failure; polling carries on.
      }
      return intervalMs
    },
    active,
    immediate ? 0 : intervalMs,
  )
}
