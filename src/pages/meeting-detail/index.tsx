import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { MemberView } from '../../../types/models'
import type { MeetingView, MyMeetingStatus } from '../../../types/views'
import { ReasonDialog } from '../../components/ReasonDialog'
import { StateView } from '../../components/StateView'
import { StatusTag } from '../../components/StatusTag'
import { ArrowRight, Button, Cell, CellGroup } from '../../components/ui'
import { PageRoute } from '../../containers/PageRoute'
import { MinutesCard } from '../../containers/MinutesCard'
import { formatMeetingTime, type StatusKind } from '../../display/meeting-display'
import { MEETING_TYPE_LABELS, scopeLabel } from '../../domain/meetings'
import { useMeetingDetail, type meetingActions } from '../../features/meetings/use-meeting-detail'
import { scanToCheckIn } from '../../services/scan-checkin'
import './index.scss'

type Actions = ReturnType<typeof meetingActions>

function About({ meeting }: { meeting: MeetingView }) {
  const rows = [
    { label: '时间', value: formatMeetingTime(meeting.startAt, meeting.endAt) },
    { label: '地点', value: meeting.location || '待通知' },
    { label: '参会', value: scopeLabel(meeting.scope, meeting.groupName) },
  ]
  return (
    <View className='card'>
      <Text className='detail__type'>{MEETING_TYPE_LABELS[meeting.type]}</Text>
      <Text className='detail__title'>{meeting.title}</Text>
      {rows.map((r) => (
        <View className='detail__row' key={r.label}>
          <Text className='detail__label'>{r.label}</Text>
          <Text className='detail__value'>{r.value}</Text>
        </View>
      ))}
      <View className='detail__row detail__row--block'>
        <Text className='detail__label'>议程</Text>
        <Text className='detail__agenda'>{meeting.agenda || '暂无议程'}</Text>
      </View>
    </View>
  )
}

interface MineProps {
  kind: StatusKind
  line: string | null
  myStatus: MyMeetingStatus
  actions: Actions
  onLeave: () => void
  onWithdraw: () => void
  withdrawing: boolean
}

function MyStatus({ kind, line, myStatus, actions, onLeave, onWithdraw, withdrawing }: MineProps) {
  const scanHere = actions.canScan && actions.primary !== 'scan'
  return (
    <View className='card'>
      <View className='detail__status-head'>
        <Text className='detail__status-title'>我的状态</Text>
        <StatusTag status={kind} large />
      </View>
      {line ? <Text className='detail__status-line'>{line}</Text> : null}
      {scanHere || actions.canLeave || actions.canWithdraw ? (
        <View className='detail__status-actions'>
          {scanHere ? (
            <Button fill='outline' type='primary' className='detail__status-btn' onClick={() => scanToCheckIn()}>
              扫码签到
            </Button>
          ) : null}
          {actions.canLeave ? (
            <Button fill='outline' className='detail__status-btn' onClick={onLeave}>
              {myStatus.leave?.state === 'refused' ? '重新请假' : '请假'}
            </Button>
          ) : null}
          {actions.canWithdraw ? (
            <Button fill='outline' className='detail__status-btn' loading={withdrawing} onClick={onWithdraw}>
              撤回请假
            </Button>
          ) : null}
        </View>
      ) : null}
      {actions.canLeave ? <Text className='detail__status-note'>请假需在会议开始前提交，由书记或支委审批。</Text> : null}
    </View>
  )
}

function Manage({ meetingId, seesAttendance, open, onCancel }: { meetingId: string; seesAttendance: boolean; open: (page: string) => void; onCancel: () => void }) {
  return (
    <View className='detail__manage'>
      <Text className='section-title'>组织者</Text>
      <CellGroup className='detail__cells'>
        {seesAttendance ? <Cell title='查看考勤' extra={<ArrowRight />} align='center' onClick={() => open('attendance')} clickable /> : null}
        <Cell title='编辑会议' extra={<ArrowRight />} align='center' onClick={() => open('meeting-edit')} clickable />
        <Cell title='会议海报' extra={<ArrowRight />} align='center' onClick={() => Taro.navigateTo({ url: `/pages/records/poster?id=${encodeURIComponent(meetingId)}` })} clickable />
        <Cell title='取消会议' className='detail__danger' extra={<ArrowRight />} align='center' onClick={onCancel} clickable />
      </CellGroup>
    </View>
  )
}

/** 请假 for a member, 取消会议 for an organiser: each asks for a reason. */
function Dialogs({ meeting, model }: { meeting: MeetingView; model: ReturnType<typeof useMeetingDetail> }) {
  const close = () => model.setDialog(null)
  return (
    <>
      <ReasonDialog
        visible={model.dialog === 'leave'}
        title='请假'
        hint={`${meeting.title}，${formatMeetingTime(meeting.startAt, meeting.endAt)}`}
        placeholder='请写明请假原因，例如：出差在外'
        confirmText='提交请假'
        onConfirm={model.leaveRequested}
        onClose={close}
      />
      <ReasonDialog
        visible={model.dialog === 'cancel'}
        title='取消会议'
        hint='取消后参会党员会看到取消原因，不能恢复。'
        placeholder='请写明取消原因，例如：与区委会议冲突，改期另行通知'
        confirmText='确认取消'
        onConfirm={model.cancelConfirmed}
        onClose={close}
      />
    </>
  )
}

function Detail({ member, id }: { member: MemberView; id: string }) {
  const model = useMeetingDetail(id, member)
  const { data, actions, kind } = model
  if (!data || !actions || !kind) {
    return (
      <View className='page'>
        <StateView remote={model.remote} rows={8} />
      </View>
    )
  }
  const { meeting } = data
  return (
    <View className={actions.primary ? 'page page--actions detail' : 'page detail'}>
      {actions.cancelled ? (
        <View className='detail__cancelled' role='alert'>
          <Text className='detail__cancelled-title'>本次会议已取消</Text>
          {meeting.cancelReason ? <Text className='detail__cancelled-reason'>原因：{meeting.cancelReason}</Text> : null}
        </View>
      ) : null}
      <About meeting={meeting} />
      {!actions.cancelled ? <MyStatus kind={kind} line={model.line} myStatus={data.myStatus} actions={actions} onLeave={() => model.setDialog('leave')} onWithdraw={model.withdrawLeave} withdrawing={model.withdrawing} /> : null}
      {actions.manages ? <Manage meetingId={meeting.id} seesAttendance={actions.seesAttendance} open={model.open} onCancel={() => model.setDialog('cancel')} /> : null}
      <MinutesCard meeting={meeting} canManage={data.canManage} />
      {actions.primary ? (
        <View className='action-bar'>
          <Button block type='primary' className='action-bar__main' onClick={actions.primary === 'code' ? () => model.open('checkin-code') : () => scanToCheckIn()}>
            {actions.primary === 'code' ? '显示签到码' : '扫码签到'}
          </Button>
        </View>
      ) : null}
      <Dialogs meeting={meeting} model={model} />
    </View>
  )
}

export default function MeetingDetailPage() {
  return (
    <PageRoute params={['id']} scene='id' missing='没有找到这次会议，请从会议列表进入。' render={({ member, params }) => <Detail member={member} id={params.id} />} />
  )
}
