import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { usePageVisible } from '../../hooks/use-page-visible'
import { usePolling, useTimerLoop } from '../../hooks/use-polling'
import { useRemote } from '../../hooks/use-remote'
import { ApiError, call, type ClientErrorCode, type Result } from '../../services/call'

const LIVE_EVERY_MS = 3000
const RETRY_MS = 3000
/** A code shown this long after a failed refresh may no longer be accepted: grey it out. */
const STALE_AFTER_MS = 15_000
/** Errors that another try will not fix. */
const FINAL: ReadonlySet<ClientErrorCode> = new Set(['FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'NOT_MEMBER', 'UNAUTHENTICATED'])

/** What the QR encodes: a link that opens the check-in page in a browser (H5), or the page path the app's scanner reads. */
function codeText(path: string): string {
  return process.env.TARO_ENV === 'h5' ? `${window.location.origin}/#/${path}` : path
}

export interface Code {
  text: string
  refreshInSec: number
  /** Counts refreshes, to restart the countdown bar. */
  serial: number
}

/**
 * A new code when the server says the current one is due for replacement; the one on screen
 * stays accepted for one more period, so a slow answer never leaves a gap. Retries after a failure
 * unless another try cannot help.
 */
function useRotatingCode(meetingId: string, visible: boolean) {
  const [code, setCode] = useState<Code | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [staleSince, setStaleSince] = useState<number | null>(null)

  useTimerLoop(async (running) => {
    try {
      const c = await call('checkin.code', { meetingId })
      if (!running()) return null
      setCode((prev) => ({ text: codeText(c.path), refreshInSec: c.refreshInSec, serial: (prev?.serial ?? 0) + 1 }))
      setError(null)
      setStaleSince(null)
      return c.refreshInSec * 1000
    } catch (err) {
      if (!running()) return null
      const e = err instanceof ApiError ? err : new ApiError('INTERNAL', '获取签到码失败')
      setError(e)
      if (FINAL.has(e.code)) return null
      setStaleSince((s) => s ?? Date.now())
      return RETRY_MS
    }
  }, visible)

  const final = error !== null && FINAL.has(error.code)
  return { code, error, final, stale: staleSince !== null && Date.now() - staleSince > STALE_AFTER_MS }
}

/** The phone must not dim while it shows the code (a mini-program API; a browser tab cannot ask). */
function useKeepScreenOn(on: boolean) {
  useEffect(() => {
    if (process.env.TARO_ENV !== 'weapp' || !on) return
    Taro.setKeepScreenOn({ keepScreenOn: true }).catch(() => undefined)
    return () => {
      Taro.setKeepScreenOn({ keepScreenOn: false }).catch(() => undefined)
    }
  }, [on])
}

/** The organiser's check-in screen: the meeting, the rotating code, and who has arrived. */
export function useCheckinCode(meetingId: string) {
  const meeting = useRemote(() => call('meeting.get', { meetingId }), [meetingId])
  const visible = usePageVisible()
  const rotating = useRotatingCode(meetingId, visible)
  const [live, setLive] = useState<Result<'checkin.live'> | null>(null)

  usePolling(
    async () => {
      setLive(await call('checkin.live', { meetingId }))
    },
    LIVE_EVERY_MS,
    visible && !rotating.final,
    true,
  )
  useKeepScreenOn(visible)

  // A code the server will never give, or a meeting that failed to load, ends the screen.
  const failure = rotating.final ? { error: rotating.error as ApiError, retry: undefined } : meeting.status === 'error' ? { error: meeting.error, retry: meeting.reload } : null
  return { meeting: meeting.data?.meeting ?? null, ...rotating, live, failure }
}
