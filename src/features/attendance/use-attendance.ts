import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { AttendanceRow } from '../../../types/views'
import { windowState } from '../../domain/meetings'
import { useOneAtATime } from '../../hooks/use-one-at-a-time'
import { usePageVisible } from '../../hooks/use-page-visible'
import { usePolling } from '../../hooks/use-polling'
import { useRefreshOnReturn } from '../../hooks/use-refresh-on-return'
import { useRemote } from '../../hooks/use-remote'
import { call, errorText } from '../../services/call'
import { now } from '../../services/clock'
import type { AttendanceTab } from './attendance-sheet'

const REFRESH_EVERY_MS = 5000

/** Approving or refusing a leave, one at a time, then the sheet as it now stands. */
function useLeaveReview(refresh: () => Promise<unknown>) {
  const review = useOneAtATime<string>()
  const leaveReviewed = (leaveId: string, approve: boolean) =>
    review.run(leaveId, async () => {
      try {
        await call('leave.review', { leaveId, approve })
        Taro.showToast({ title: approve ? '已批准' : '已不批准', icon: 'success' })
        await refresh()
      } catch (err) {
        Taro.showToast({ title: errorText(err, '操作失败，请重试'), icon: 'none' })
      }
    })
  return { reviewing: review.running, leaveReviewed }
}

/** A meeting's attendance: the sheet (live while check-in is open), the tab shown, leave review and 补签. */
export function useAttendance(meetingId: string) {
  const remote = useRemote(() => call('attendance.get', { meetingId }), [meetingId])
  const visible = usePageVisible()
  const [tab, setTab] = useState<AttendanceTab>('arrived')
  const [makeupFor, setMakeupFor] = useState<AttendanceRow | null>(null)
  const phase = remote.data ? windowState(remote.data.meeting, now()) : 'not_yet'
  const cancelled = remote.data?.meeting.status === 'cancelled'
  const review = useLeaveReview(remote.refresh)

  usePolling(remote.refresh, REFRESH_EVERY_MS, visible && phase === 'open')
  useRefreshOnReturn(remote.refresh)

  /** For the 补签 dialog: a failure is shown there, which stays open. */
  async function makeupConfirmed(reason: string) {
    if (!makeupFor) return
    const r = await call('checkin.manual', { meetingId, memberId: makeupFor.memberId, reason })
    Taro.showToast({ title: r.already ? '此前已签到' : '已补签', icon: 'success' })
    remote.refresh()
  }

  return {
    remote,
    phase,
    tab,
    setTab,
    ...review,
    makeupFor,
    setMakeupFor,
    makeupConfirmed,
    /** 补签 is for those still absent once check-in has opened. */
    canMakeUp: (row: AttendanceRow) => row.status === 'absent' && phase !== 'not_yet' && !cancelled,
  }
}

export type AttendanceModel = ReturnType<typeof useAttendance>
