import { useEffect, useRef } from 'react'

/**
 * Calls `tick` every `intervalMs` while `active`, once at a time: the next call is scheduled when
 * the previous one has finished, so a slow network never stacks requests. Stops when inactive or
 * unmounted.
 */
export function usePolling(tick: () => Promise<unknown>, intervalMs: number, active: boolean, immediate = false) {
  const latest = useRef(tick)
  latest.current = tick
  useEffect(() => {
    if (!active) return
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const loop = async () => {
      try {
        await latest.current()
      } catch {
        // The tick shows its own failure; polling carries on.
      }
      if (!stopped) timer = setTimeout(loop, intervalMs)
    }
    if (immediate) loop()
    else timer = setTimeout(loop, intervalMs)
    return () => {
      stopped = true
      clearTimeout(timer)
    }
  }, [active, intervalMs, immediate])
}
