import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiError } from '../services/call'

export type Remote<T> =
  | { status: 'loading'; data: null; error: null; stale: false }
  /** `stale`: the last refresh failed (offline, most often) and this is what was loaded before. */
  | { status: 'ready'; data: T; error: null; stale: boolean }
  | { status: 'error'; data: null; error: ApiError; stale: false }

const asApiError = (err: unknown) => (err instanceof ApiError ? err : new ApiError('INTERNAL', '加载失败，请重试'))

/**
 * Loads data for a screen and exposes loading / ready / error plus a retry (`reload`, which shows
 * the skeleton again) and a quiet `refresh` for live screens, which keeps what is shown until the
 * new answer arrives and keeps it on a failure too, marked `stale`.
 */
export function useRemote<T>(load: () => Promise<T>, deps: unknown[], enabled = true) {
  const [state, setState] = useState<Remote<T>>({ status: 'loading', data: null, error: null, stale: false })
  const seq = useRef(0)
  const run = useCallback(() => {
    if (!enabled) return
    const mine = ++seq.current
    setState({ status: 'loading', data: null, error: null, stale: false })
    load().then(
      (data) => mine === seq.current && setState({ status: 'ready', data, error: null, stale: false }),
      (err) => mine === seq.current && setState({ status: 'error', data: null, error: asApiError(err), stale: false }),
    )
  }, [enabled, ...deps])
  const refresh = useCallback(async (): Promise<boolean> => {
    if (!enabled) return false
    const mine = ++seq.current
    try {
      const data = await load()
      if (mine === seq.current) setState({ status: 'ready', data, error: null, stale: false })
      return true
    } catch (err) {
      // Nothing shown yet: the failure is the answer. Otherwise the last good data stays.
      // Already marked: the same state, so that repeated failures do not redraw the screen.
      if (mine === seq.current) setState((s) => (s.status !== 'ready' ? { status: 'error', data: null, error: asApiError(err), stale: false } : s.stale ? s : { ...s, stale: true }))
      return false
    }
  }, [enabled, ...deps])
  useEffect(run, [run])
  return { ...state, reload: run, refresh }
}
