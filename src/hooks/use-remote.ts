import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiError } from '../services/call'

export type Remote<T> =
  | { status: 'loading'; data: null; error: null }
  | { status: 'ready'; data: T; error: null }
  | { status: 'error'; data: null; error: ApiError }

/** Loads data for a screen and exposes loading / ready / error plus a retry. */
export function useRemote<T>(load: () => Promise<T>, deps: unknown[], enabled = true) {
  const [state, setState] = useState<Remote<T>>({ status: 'loading', data: null, error: null })
  const seq = useRef(0)
  const run = useCallback(() => {
    if (!enabled) return
    const mine = ++seq.current
    setState({ status: 'loading', data: null, error: null })
    load().then(
      (data) => mine === seq.current && setState({ status: 'ready', data, error: null }),
      (err) =>
        mine === seq.current &&
        setState({
          status: 'error',
          data: null,
          error: err instanceof ApiError ? err : new ApiError('INTERNAL', '加载失败，请重试'),
        }),
    )
  }, [enabled, ...deps])
  useEffect(run, [run])
  return { ...state, reload: run }
}
