import Taro from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { usePageVisible } from '../../hooks/use-page-visible'
import { usePolling, useTimerLoop } from '../../hooks/use-polling'
import { useRemote } from '../../hooks/use-remote'
import { ApiError, call, type ClientErrorCode, type Result } from '../../services/call'

const LIVE_EVERY_MS = 3000
const RETRY_MS = 3000
/** A code shown this long after a failed refresh may no longer be accepted: grey it out. */
const STALE_AFTER_MS = 15_000
/** How long each code is the newest (CONTRACT §3: 20 s periods). */
const PERIOD_SEC_SHOWN = 20
/** Errors that another try will not fix. */
const FINAL: ReadonlySet<ClientErrorCode> = new Set(['FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'NOT_MEMBER', 'UNAUTHENTICATED'])

/** What the QR encodes: a link that opens the check-in page in a browser (H5), or the page path the app's scanner reads. */
function codeText(path: string): string {
  return process.env.TARO_ENV === 'h5' ? `${window.location.origin}/#/${path}` : path
}

export interface Code {
  text: string
  /** The token itself, for the organiser's own 我也签到. */
  token: string
  /** In WeChat: the 小程序码 that 扫一扫 opens, or why the plain code is shown instead. */
  miniCode: { image: string } | { problem: string } | null
  refreshInSec: number
  /** Counts refreshes, to restart the countdown bar. */
  serial: number
}

/** How long before a code is due the next one is fetched, so that a slow answer never blanks the screen. */
const FETCH_AHEAD_SEC = 5

type Answer = Result<'checkin.code'>
const toCode = (c: Answer, serial: number, refreshInSec = c.refreshInSec): Code => ({
  text: codeText(c.path),
  token: c.token,
  miniCode: c.miniCode ?? null,
  refreshInSec,
  serial,
})

/**
 * A new code when the server says the current one is due for replacement. The next period's code
 * is fetched a few seconds early and swapped in on time (a 小程序码 image takes WeChat a moment);
 * the one on screen stays accepted for one more period, so even a failed fetch leaves no gap.
 * Retries after a failure unless another try cannot help.
 */
function useRotatingCode(meetingId: string, visible: boolean) {
  const [code, setCode] = useState<Code | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [staleSince, setStaleSince] = useState<number | null>(null)
  const ahead = useRef<Answer | null>(null)
  // After a start, a hidden spell or a failure, the code on screen may be old: fetch the current one.
  const needCurrent = useRef(true)
  useEffect(() => {
    if (visible) return
    needCurrent.current = true
    ahead.current = null
  }, [visible])

  const show = (c: Answer, refreshInSec?: number) => {
    setCode((prev) => toCode(c, (prev?.serial ?? 0) + 1, refreshInSec))
    setError(null)
    setStaleSince(null)
  }

  useTimerLoop(async (running) => {
    const next = ahead.current
    if (next) {
      // Due now: show the code fetched early; its own period has just begun.
      ahead.current = null
      show(next, PERIOD_SEC_SHOWN)
      return Math.max(1, PERIOD_SEC_SHOWN - FETCH_AHEAD_SEC) * 1000
    }
    try {
      const fetchingAhead = !needCurrent.current
      const c = await call('checkin.code', fetchingAhead ? { meetingId, ahead: true } : { meetingId })
      if (!running()) return null
      if (!fetchingAhead) {
        show(c)
        needCurrent.current = false
        return Math.max(1, c.refreshInSec - FETCH_AHEAD_SEC) * 1000
      }
      ahead.current = c
      // The early code's refreshInSec runs to the end of its own period, one period after it is due.
      return Math.max(0, c.refreshInSec - PERIOD_SEC_SHOWN) * 1000
    } catch (err) {
      if (!running()) return null
      const e = err instanceof ApiError ? err : new ApiError('INTERNAL', '获取签到码失败')
      setError(e)
      needCurrent.current = true
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
