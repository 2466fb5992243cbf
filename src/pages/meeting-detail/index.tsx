import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { Result } from '../../services/call'
import type { MemberView } from '../../../types/models'
import { ReasonDialog } from '../../components/ReasonDialog'
import { SessionGate } from '../../containers/SessionGate'
import { StateView } from '../../components/StateView'
import { StatusTag } from '../../components/StatusTag'
import { ArrowRight, Button, Cell, CellGroup } from '../../components/ui'
import { clockTime, formatMeetingTime, myStatusKind, type StatusKind } from '../../display/meeting-display'
import { CHECKIN_OPENS_BEFORE_MIN, MEETING_TYPE_LABELS, scopeLabel, windowState } from '../../domain/meetings'
import { LEADERSHIP, mayCall } from '../../domain/permissions'
import { useRemote } from '../../hooks/use-remote'
import { call } from '../../services/call'
import { scanToCheckIn } from '../../services/scan-checkin'
import './index.scss'
import { now } from '../../services/clock'
import { useRefreshOnReturn } from '../../hooks/use-refresh-on-return'

type Loaded = Result<'meeting.get'>

const isWeapp = process.env.TARO_ENV === 'weapp'

/** What my status means and what to do next, in a sentence. */
function statusLine(kind: StatusKind, data: Loaded): string | null {
  const { meeting, myStatus } = data
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
      return `会前 ${CHECKIN_OPENS_BEFORE_MIN} 分钟（${clockTime(new Date(Date.parse(meeting.startAt) - CHECKIN_OPENS_BEFORE_MIN * 60_000).toISOString())}）起可以签到`
    case 'absent':
      return '没有签到记录。如确实参加了，请联系书记补签'
    case 'not_invited':
      return '本次会议不在您的参会范围内'
    case 'cancelled':
      return null
  }
}

function Detail({ member, id }: { member: MemberView; id: string }) {
  const remote = useRemote(() => call('meeting.get', { meetingId: id }), [id])
  const [dialog, setDialog] = useState<'leave' | 'cancel' | null>(null)

  // Back from the form, the code screen or a check-in: show what changed.
  useRefreshOnReturn(remote.refresh)

  if (remote.status !== 'ready') {
    return (
      <View className='page'>
        <StateView remote={remote} rows={8} />
      </View>
    )
  }

  const data = remote.data
  const { meeting, myStatus, canManage } = data
  const at = now()
  const cancelled = meeting.status === 'cancelled'
  const phase = windowState(meeting, at)
  const kind = myStatusKind(meeting, myStatus, at)
  const line = statusLine(kind, data)
  const canLeave =
    !cancelled && myStatus.invited && !myStatus.status && at.getTime() < Date.parse(meeting.startAt) && myStatus.leave?.state !== 'pending'
  const canScan = isWeapp && !cancelled && myStatus.invited && !myStatus.status && phase === 'open'
  const showCode = canManage && !cancelled && phase !== 'closed'
  const seesAttendance = canManage && mayCall(LEADERSHIP, member.roles)
  const open = (page: string) => Taro.navigateTo({ url: `/pages/${page}/index?id=${encodeURIComponent(meeting.id)}` })
  // One primary action: the organiser shows the code; a member scans it.
  const primary = showCode ? 'code' : canScan ? 'scan' : null

  return (
    <View className={primary ? 'page page--actions detail' : 'page detail'}>
      {cancelled ? (
        <View className='detail__cancelled' role='alert'>
          <Text className='detail__cancelled-title'>本次会议已取消</Text>
          {meeting.cancelReason ? <Text className='detail__cancelled-reason'>原因：{meeting.cancelReason}</Text> : null}
        </View>
      ) : null}

      <View className='card'>
        <Text className='detail__type'>{MEETING_TYPE_LABELS[meeting.type]}</Text>
        <Text className='detail__title'>{meeting.title}</Text>
        <View className='detail__row'>
          <Text className='detail__label'>时间</Text>
          <Text className='detail__value'>{formatMeetingTime(meeting.startAt, meeting.endAt)}</Text>
        </View>
        <View className='detail__row'>
          <Text className='detail__label'>地点</Text>
          <Text className='detail__value'>{meeting.location || '待通知'}</Text>
        </View>
        <View className='detail__row'>
          <Text className='detail__label'>参会</Text>
          <Text className='detail__value'>{scopeLabel(meeting.scope, meeting.groupName)}</Text>
        </View>
        <View className='detail__row detail__row--block'>
          <Text className='detail__label'>议程</Text>
          <Text className='detail__agenda'>{meeting.agenda || '暂无议程'}</Text>
        </View>
      </View>

      {!cancelled ? (
        <View className='card'>
          <View className='detail__status-head'>
            <Text className='detail__status-title'>我的状态</Text>
            <StatusTag status={kind} large />
          </View>
          {line ? <Text className='detail__status-line'>{line}</Text> : null}
          {(canScan && primary !== 'scan') || canLeave ? (
            <View className='detail__status-actions'>
              {canScan && primary !== 'scan' ? (
                <Button fill='outline' type='primary' className='detail__status-btn' onClick={() => scanToCheckIn()}>
                  扫码签到
                </Button>
              ) : null}
              {canLeave ? (
                <Button fill='outline' className='detail__status-btn' onClick={() => setDialog('leave')}>
                  {myStatus.leave?.state === 'refused' ? '重新请假' : '请假'}
                </Button>
              ) : null}
            </View>
          ) : null}
          {canLeave ? <Text className='detail__status-note'>请假需在会议开始前提交，由书记或支委审批。</Text> : null}
        </View>
      ) : null}

      {canManage && !cancelled ? (
        <View className='detail__manage'>
          <Text className='section-title'>组织者</Text>
          <CellGroup className='detail__cells'>
            {seesAttendance ? (
              <Cell title='查看考勤' extra={<ArrowRight />} align='center' onClick={() => open('attendance')} clickable />
            ) : null}
            <Cell title='编辑会议' extra={<ArrowRight />} align='center' onClick={() => open('meeting-edit')} clickable />
            <Cell title='取消会议' className='detail__danger' extra={<ArrowRight />} align='center' onClick={() => setDialog('cancel')} clickable />
          </CellGroup>
        </View>
      ) : null}

      {primary ? (
        <View className='action-bar'>
          {primary === 'code' ? (
            <Button block type='primary' className='action-bar__main' onClick={() => open('checkin-code')}>
              显示签到码
            </Button>
          ) : (
            <Button block type='primary' className='action-bar__main' onClick={() => scanToCheckIn()}>
              扫码签到
            </Button>
          )}
        </View>
      ) : null}

      <ReasonDialog
        visible={dialog === 'leave'}
        title='请假'
        hint={`${meeting.title}，${formatMeetingTime(meeting.startAt, meeting.endAt)}`}
        placeholder='请写明请假原因，例如：出差在外'
        confirmText='提交请假'
        onConfirm={async (reason) => {
          await call('leave.request', { meetingId: meeting.id, reason })
          Taro.showToast({ title: '已提交，等待审批', icon: 'none' })
          remote.refresh()
        }}
        onClose={() => setDialog(null)}
      />
      <ReasonDialog
        visible={dialog === 'cancel'}
        title='取消会议'
        hint='取消后参会党员会看到取消原因，不能恢复。'
        placeholder='请写明取消原因，例如：与区委会议冲突，改期另行通知'
        confirmText='确认取消'
        onConfirm={async (reason) => {
          await call('meeting.cancel', { meetingId: meeting.id, reason })
          Taro.showToast({ title: '会议已取消', icon: 'none' })
          remote.refresh()
        }}
        onClose={() => setDialog(null)}
      />
    </View>
  )
}

export default function MeetingDetailPage() {
  const id = useRouter().params.id
  if (!id) {
    return (
      <View className='page'>
        <StateView status='error' errorMessage='没有找到这次会议，请从会议列表进入。' />
      </View>
    )
  }
  return <SessionGate>{(member) => <Detail member={member} id={decodeURIComponent(id)} />}</SessionGate>
}
