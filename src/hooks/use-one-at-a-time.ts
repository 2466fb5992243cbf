import { useCallback, useRef, useState } from 'react'

/**
 * For a button's action: runs a task unless one is already running, and says which one runs
 * (a key, e.g. the row whose button shows the spinner).
 */
export function useOneAtATime<K = true>() {
  const [running, setRunning] = useState<K | null>(null)
  // As well as the state: two taps in one frame both see the state from before the first.
  const busy = useRef(false)
  const run = useCallback(async (key: K, task: () => Promise<void>) => {
    if (busy.current) return
    busy.current = true
    setRunning(key)
    try {
      await task()
    } finally {
      busy.current = false
      setRunning(null)
    }
  }, [])
  return { running, run }
}
