import { Text, View } from '@tarojs/components'
import { ReasonDialog } from '../../components/ReasonDialog'
import { StateView } from '../../components/StateView'
import { StatusTag } from '../../components/StatusTag'
import { Button } from '../../components/ui'
import { PageRoute } from '../../containers/PageRoute'
import { clockTime, formatMeetingTime } from '../../display/meeting-display'
import { formatDateZh, shanghaiDate } from '../../domain/time'
import { rowNote, TABS, tabCount, tabLabel, tabRows, type Sheet } from '../../features/attendance/attendance-sheet'
import { useAttendance, type AttendanceModel } from '../../features/attendance/use-attendance'
import './index.scss'

/** "12月20日（周日）10:02" */
const when = (iso: string) => `${formatDateZh(shanghaiDate(iso))}${clockTime(iso)}`

const PHASE_LINES = {
  open: '签到进行中，名单每 5 秒自动更新',
  closed: '会议已结束，以下为最终考勤',
  not_yet: '会议还没开始；未签到的人暂记为缺席',
}

function Head({ sheet, phase }: { sheet: Sheet; phase: AttendanceModel['phase'] }) {
  return (
    <View className='card att__head'>
      <Text className='att__title'>{sheet.meeting.title}</Text>
      <Text className='muted'>{formatMeetingTime(sheet.meeting.startAt, sheet.meeting.endAt)}</Text>
      <View className='att__summary'>
        <Text className='att__summary-label'>实到</Text>
        <Text className='att__summary-num att__summary-num--arrived'>{tabCount(sheet, 'arrived')}</Text>
        <Text className='att__summary-sep'>/</Text>
        <Text className='att__summary-label'>应到</Text>
        <Text className='att__summary-num'>{sheet.expected}</Text>
      </View>
      <Text className='att__phase'>{sheet.meeting.status === 'cancelled' ? '会议已取消' : PHASE_LINES[phase]}</Text>
    </View>
  )
}

function PendingLeaves({ sheet, model }: { sheet: Sheet; model: AttendanceModel }) {
  if (!sheet.pendingLeaves.length) return null
  return (
    <View className='card att__leaves'>
      <Text className='att__leaves-title'>待审批的请假（{sheet.pendingLeaves.length}）</Text>
      {sheet.pendingLeaves.map((l) => (
        <View key={l.leaveId} className='att__leave'>
          <View className='att__leave-main'>
            <Text className='att__name'>{l.name}</Text>
            <Text className='att__leave-reason'>{l.reason}</Text>
            <Text className='att__leave-time'>{when(l.requestedAt)} 提交</Text>
          </View>
          <View className='att__leave-actions'>
            <Button type='primary' fill='outline' className='att__btn' loading={model.reviewing === l.leaveId} onClick={() => model.leaveReviewed(l.leaveId, true)}>
              批准
            </Button>
            <Button fill='outline' className='att__btn' disabled={model.reviewing !== null} onClick={() => model.leaveReviewed(l.leaveId, false)}>
              不批准
            </Button>
          </View>
        </View>
      ))}
    </View>
  )
}

function Tabs({ sheet, model }: { sheet: Sheet; model: AttendanceModel }) {
  return (
    <View className='att__tabs' role='tablist'>
      {TABS.map((t) => (
        <View
          key={t.key}
          className={t.key === model.tab ? `att__tab att__tab--on att__tab--${t.key}` : `att__tab att__tab--${t.key}`}
          onClick={() => model.setTab(t.key)}
          role='tab'
          aria-selected={t.key === model.tab}
        >
          <Text className='att__tab-num'>{tabCount(sheet, t.key)}</Text>
          <Text className='att__tab-label'>{tabLabel(sheet, t.key)}</Text>
        </View>
      ))}
    </View>
  )
}

function Names({ sheet, model }: { sheet: Sheet; model: AttendanceModel }) {
  const rows = tabRows(sheet, model.tab)
  return (
    <View className='att__list'>
      {rows.length === 0 ? <Text className='att__none'>{TABS.find((t) => t.key === model.tab)!.none}</Text> : null}
      {rows.map((row) => {
        const note = rowNote(row)
        return (
          <View key={row.memberId} className='att__row' data-member-id={row.memberId}>
            <View className='att__row-main'>
              <View className='att__row-line'>
                <Text className='att__name'>{row.name}</Text>
                <StatusTag status={row.status} />
              </View>
              {note ? <Text className='att__note'>{note}</Text> : null}
            </View>
            {model.canMakeUp(row) ? (
              <Button fill='outline' className='att__btn' onClick={() => model.setMakeupFor(row)}>
                补签
              </Button>
            ) : null}
          </View>
        )
      })}
    </View>
  )
}

function AttendanceSheet({ id }: { id: string }) {
  const model = useAttendance(id)
  const sheet = model.remote.data
  if (!sheet) {
    return (
      <View className='page'>
        <StateView remote={model.remote} rows={8} />
      </View>
    )
  }
  return (
    <View className='page att'>
      <Head sheet={sheet} phase={model.phase} />
      <PendingLeaves sheet={sheet} model={model} />
      <Tabs sheet={sheet} model={model} />
      <Names sheet={sheet} model={model} />
      <ReasonDialog
        visible={model.makeupFor !== null}
        title={model.makeupFor ? `为${model.makeupFor.name}补签` : '补签'}
        hint='补签会记入考勤和积分，并留下您的姓名和原因备查。'
        placeholder='请写明原因，例如：手机没电，现场已到会'
        confirmText='确认补签'
        onConfirm={model.makeupConfirmed}
        onClose={() => model.setMakeupFor(null)}
      />
    </View>
  )
}

export default function AttendancePage() {
  return <PageRoute params={['id']} missing='没有找到这次会议，请从会议详情进入。' render={({ params }) => <AttendanceSheet id={params.id} />} />
}
