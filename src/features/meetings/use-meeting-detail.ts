import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { MemberView } from '../../../types/models'
import { checkinOpensAt, clockTime, myStatusKind, type StatusKind } from '../../display/meeting-display'
import { CHECKIN_OPENS_BEFORE_MIN, windowState } from '../../domain/meetings'
import { LEADERSHIP, mayCall } from '../../domain/permissions'
import { useRefreshOnReturn } from '../../hooks/use-refresh-on-return'
import { useRemote } from '../../hooks/use-remote'
import { useOneAtATime } from '../../hooks/use-one-at-a-time'
import { call, errorText, type Result } from '../../services/call'
import { now } from '../../services/clock'

type Loaded = Result<'meeting.get'>

const isWeapp = process.env.TARO_ENV === 'weapp'

/** What my status means and what to do next, in a sentence. */
export function statusLine(kind: StatusKind, { meeting, myStatus }: Loaded): string | null {
  const at = myStatus.checkedInAt ? clockTime(myStatus.checkedInAt) : null
  switch (kind) {
    case 'present':
      return at ? `${at} 签到` : null
    case 'late':
      return at ? `${at} 签到，晚于开始时间` : null
    case 'makeup':
      return '由组织者补签'
    case 'leave':
      return myStatus.leave ? `请假已批准：${myStatus.leave.reason}` : '请假已批准'
    case 'leave_pending':
      return `已提交请假（${myStatus.leave?.reason ?? ''}），等待书记或支委审批`
    case 'leave_refused':
      return '请假未获批准，请按时参加'
    case 'open':
      return isWeapp ? '签到已开始，点“扫码签到”扫描会场屏幕上的二维码' : '签到已开始，请用手机扫描会场屏幕上的二维码'
    case 'upcoming':
    case 'pending':
      return `会前 ${CHECKIN_OPENS_BEFORE_MIN} 分钟（${checkinOpensAt(meeting.startAt)}）起可以签到`
    case 'absent':
      return '没有签到记录。如确实参加了，请联系书记补签'
    case 'not_invited':
      return '本次会议不在您的参会范围内'
    case 'cancelled':
      return null
  }
}

/** What I may do at this meeting now: 请假, scan, or (organisers) show the code, see attendance, manage. */
export function meetingActions(data: Loaded, member: MemberView, at: Date) {
  const { meeting, myStatus, canManage } = data
  const cancelled = meeting.status === 'cancelled'
  const phase = windowState(meeting, at)
  const unmarked = !cancelled && myStatus.invited && !myStatus.status
  const canLeave = unmarked && at.getTime() < Date.parse(meeting.startAt) && myStatus.leave?.state !== 'pending'
  const canScan = isWeapp && unmarked && phase === 'open'
  const showCode = canManage && !cancelled && phase !== 'closed'
  return {
    cancelled,
    canLeave,
    // A request nobody has decided yet can be taken back (the member may ask again).
    canWithdraw: !cancelled && myStatus.leave?.state === 'pending',
    canScan,
    manages: canManage && !cancelled,
    seesAttendance: canManage && mayCall(LEADERSHIP, member.roles),
    // One primary action: the organiser shows the code; a member scans it.
    primary: showCode ? ('code' as const) : canScan ? ('scan' as const) : null,
  }
}

/** A meeting's page: the meeting, where I stand, what I may do, and the 请假 and 取消会议 dialogs. */
export function useMeetingDetail(meetingId: string, member: MemberView) {
  const remote = useRemote(() => call('meeting.get', { meetingId }), [meetingId])
  const [dialog, setDialog] = useState<'leave' | 'cancel' | null>(null)

  // Back from the form, the code screen or a check-in: show what changed.
  useRefreshOnReturn(remote.refresh)

  // Opened by a poster's 小程序码 (the meeting's poster key, not its id): the same page under its id.
  const realId = remote.data?.meeting.id
  useEffect(() => {
    if (realId && realId !== meetingId) Taro.redirectTo({ url: `/pages/meeting-detail/index?id=${encodeURIComponent(realId)}` })
  }, [realId, meetingId])

  async function leaveRequested(reason: string) {
    await call('leave.request', { meetingId, reason })
    Taro.showToast({ title: '已提交，等待审批', icon: 'none' })
    remote.refresh()
  }

  const withdrawing = useOneAtATime()
  const withdrawLeave = () =>
    withdrawing.run(true, async () => {
      const leaveId = remote.data?.myStatus.leave?.leaveId
      if (!leaveId) return
      const { confirm } = await Taro.showModal({ title: '撤回请假', content: '撤回后需按时参加会议；会前仍可重新请假。', confirmText: '撤回', cancelText: '不撤回' })
      if (!confirm) return
      try {
        await call('leave.withdraw', { leaveId })
        Taro.showToast({ title: '请假已撤回', icon: 'none' })
      } catch (err) {
        Taro.showToast({ title: errorText(err, '没有撤回成功，请重试'), icon: 'none' })
      }
      await remote.refresh()
    })

  async function cancelConfirmed(reason: string) {
    await call('meeting.cancel', { meetingId, reason })
    Taro.showToast({ title: '会议已取消', icon: 'none' })
    remote.refresh()
  }

  const data = remote.data
  const at = now()
  const kind = data ? myStatusKind(data.meeting, data.myStatus, at) : null
  return {
    remote,
    data,
    kind,
    line: data && kind ? statusLine(kind, data) : null,
    actions: data ? meetingActions(data, member, at) : null,
    open: (page: string) => Taro.navigateTo({ url: `/pages/${page}/index?id=${encodeURIComponent(meetingId)}` }),
    dialog,
    setDialog,
    leaveRequested,
    withdrawLeave,
    withdrawing: withdrawing.running !== null,
    cancelConfirmed,
  }
}
