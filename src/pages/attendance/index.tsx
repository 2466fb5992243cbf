import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { Result } from '../../services/call'
import type { AttendanceRow } from '../../../types/views'
import type { AttendanceStatus } from '../../../types/models'
import { ReasonDialog } from '../../components/ReasonDialog'
import { SessionGate } from '../../containers/SessionGate'
import { StateView } from '../../components/StateView'
import { StatusTag } from '../../components/StatusTag'
import { Button } from '../../components/ui'
import { clockTime, formatMeetingTime, withoutFieldPrefix } from '../../display/meeting-display'
import { windowState } from '../../domain/meetings'
import { formatDateZh, shanghaiDate } from '../../domain/time'
import { usePageVisible } from '../../hooks/use-page-visible'
import { usePolling } from '../../hooks/use-polling'
import { useRemote } from '../../hooks/use-remote'
import { ApiError, call } from '../../services/call'
import './index.scss'
import { now } from '../../services/clock'
import { useRefreshOnReturn } from '../../hooks/use-refresh-on-return'

const REFRESH_EVERY_MS = 5000

type Tab = 'arrived' | 'late' | 'leave' | 'absent' | 'makeup'
type Sheet = Result<'attendance.get'>

const TABS: Array<{ key: Tab; label: string; statuses: AttendanceStatus[]; none: string }> = [
  { key: 'arrived', label: '实到', statuses: ['present', 'late', 'makeup'], none: '还没有人签到' },
  { key: 'late', label: '迟到', statuses: ['late'], none: '没有迟到的' },
  { key: 'leave', label: '请假', statuses: ['leave'], none: '没有批准的请假' },
  { key: 'absent', label: '缺席', statuses: ['absent'], none: '没有缺席的' },
  { key: 'makeup', label: '补签', statuses: ['makeup'], none: '没有补签记录' },
]

/** "12月20日（周日）10:02" */
const when = (iso: string) => `${formatDateZh(shanghaiDate(iso))}${clockTime(iso)}`

function count(sheet: Sheet, tab: Tab): number {
  return tab === 'arrived' ? sheet.present + sheet.late + sheet.makeup : sheet[tab]
}

function rowNote(row: AttendanceRow): string | null {
  if (row.status === 'makeup') return row.reason ? `补签原因：${row.reason}` : null
  if (row.checkedInAt) return `${clockTime(row.checkedInAt)} 签到`
  if (row.status === 'leave') return row.leave ? `请假：${row.leave.reason}` : null
  if (row.leave?.state === 'pending') return `请假待审批：${row.leave.reason}`
  if (row.leave?.state === 'refused') return '请假未获批准'
  return null
}

function AttendanceSheet({ id }: { id: string }) {
  const remote = useRemote(() => call('attendance.get', { meetingId: id }), [id])
  const visible = usePageVisible()
  const [tab, setTab] = useState<Tab>('arrived')
  const [makeupFor, setMakeupFor] = useState<AttendanceRow | null>(null)
  const [reviewing, setReviewing] = useState<string | null>(null)

  const sheet = remote.data
  const phase = sheet ? windowState(sheet.meeting, now()) : 'not_yet'
  // Live while check-in is open and the page is on screen.
  usePolling(remote.refresh, REFRESH_EVERY_MS, visible && phase === 'open')

  useRefreshOnReturn(remote.refresh)

  async function review(leaveId: string, approve: boolean) {
    if (reviewing) return
    setReviewing(leaveId)
    try {
      await call('leave.review', { leaveId, approve })
      Taro.showToast({ title: approve ? '已批准' : '已不批准', icon: 'success' })
      await remote.refresh()
    } catch (err) {
      Taro.showToast({ title: err instanceof ApiError ? withoutFieldPrefix(err.message) : '操作失败，请重试', icon: 'none' })
    } finally {
      setReviewing(null)
    }
  }

  if (!sheet) {
    return (
      <View className='page'>
        <StateView status={remote.status === 'error' ? 'error' : 'loading'} errorMessage={remote.error?.message} errorCode={remote.error?.code} onRetry={remote.reload} rows={8} />
      </View>
    )
  }

  const current = TABS.find((t) => t.key === tab)!
  const rows = sheet.members.filter((r) => current.statuses.includes(r.status))
  const arrived = count(sheet, 'arrived')

  return (
    <View className='page att'>
      <View className='card att__head'>
        <Text className='att__title'>{sheet.meeting.title}</Text>
        <Text className='muted'>{formatMeetingTime(sheet.meeting.startAt, sheet.meeting.endAt)}</Text>
        <View className='att__summary'>
          <Text className='att__summary-label'>实到</Text>
          <Text className='att__summary-num att__summary-num--arrived'>{arrived}</Text>
          <Text className='att__summary-sep'>/</Text>
          <Text className='att__summary-label'>应到</Text>
          <Text className='att__summary-num'>{sheet.expected}</Text>
        </View>
        <Text className='att__phase'>
          {sheet.meeting.status === 'cancelled'
            ? '会议已取消'
            : phase === 'open'
              ? '签到进行中，名单每 5 秒自动更新'
              : phase === 'closed'
                ? '会议已结束，以下为最终考勤'
                : '会议还没开始；未签到的人暂记为缺席'}
        </Text>
      </View>

      {sheet.pendingLeaves.length ? (
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
                <Button
                  type='primary'
                  fill='outline'
                  className='att__btn'
                  loading={reviewing === l.leaveId}
                  onClick={() => review(l.leaveId, true)}
                >
                  批准
                </Button>
                <Button fill='outline' className='att__btn' disabled={reviewing !== null} onClick={() => review(l.leaveId, false)}>
                  不批准
                </Button>
              </View>
            </View>
          ))}
        </View>
      ) : null}

      <View className='att__tabs' role='tablist'>
        {TABS.map((t) => (
          <View
            key={t.key}
            className={t.key === tab ? `att__tab att__tab--on att__tab--${t.key}` : `att__tab att__tab--${t.key}`}
            onClick={() => setTab(t.key)}
            role='tab'
            aria-selected={t.key === tab}
          >
            <Text className='att__tab-num'>{count(sheet, t.key)}</Text>
            <Text className='att__tab-label'>{t.label}</Text>
          </View>
        ))}
      </View>

      <View className='att__list'>
        {rows.length === 0 ? <Text className='att__none'>{current.none}</Text> : null}
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
              {row.status === 'absent' && phase !== 'not_yet' && sheet.meeting.status !== 'cancelled' ? (
                <Button fill='outline' className='att__btn' onClick={() => setMakeupFor(row)}>
                  补签
                </Button>
              ) : null}
            </View>
          )
        })}
      </View>

      <ReasonDialog
        visible={makeupFor !== null}
        title={makeupFor ? `为${makeupFor.name}补签` : '补签'}
        hint='补签会记入考勤和学分，并留下您的姓名和原因备查。'
        placeholder='请写明原因，例如：手机没电，现场已到会'
        confirmText='确认补签'
        onConfirm={async (reason) => {
          if (!makeupFor) return
          const r = await call('checkin.manual', { meetingId: sheet.meeting.id, memberId: makeupFor.memberId, reason })
          Taro.showToast({ title: r.already ? '此前已签到' : '已补签', icon: 'success' })
          remote.refresh()
        }}
        onClose={() => setMakeupFor(null)}
      />
    </View>
  )
}

export default function AttendancePage() {
  const id = useRouter().params.id
  if (!id) {
    return (
      <View className='page'>
        <StateView status='error' errorMessage='没有找到这次会议，请从会议详情进入。' />
      </View>
    )
  }
  return <SessionGate>{() => <AttendanceSheet id={decodeURIComponent(id)} />}</SessionGate>
}
