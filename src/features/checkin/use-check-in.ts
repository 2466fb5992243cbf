import { useEffect, useRef, useState } from 'react'
import { ApiError, call, type Result } from '../../services/call'

export type Outcome =
  | { kind: 'submitting' }
  | { kind: 'done'; result: Result<'checkin.submit'>; title: string | null }
  | { kind: 'failed'; error: ApiError }

/** Submits the scanned token once when the page opens (again on 重试: the server counts it once). */
export function useCheckIn(token: string) {
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'submitting' })
  const started = useRef(false)

  async function submit() {
    setOutcome({ kind: 'submitting' })
    try {
      const result = await call('checkin.submit', { token })
      setOutcome({ kind: 'done', result, title: null })
      // The meeting's name is a courtesy: the check-in has already counted without it.
      call('meeting.get', { meetingId: result.meetingId }).then(
        ({ meeting }) => setOutcome({ kind: 'done', result, title: meeting.title }),
        () => undefined,
      )
    } catch (err) {
      setOutcome({ kind: 'failed', error: err instanceof ApiError ? err : new ApiError('INTERNAL', '签到没有成功，请重试') })
    }
  }

  useEffect(() => {
    if (started.current) return
    started.current = true
    submit()
  }, [])

  return { outcome, retry: submit }
}
