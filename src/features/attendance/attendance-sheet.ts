/** The secretary's attendance sheet, apart from any screen: the tabs, their counts and each row's note. */
import type { AttendanceRow } from '../../../types/views'
import { clockTime } from '../../display/meeting-display'
import type { Result } from '../../services/call'

export type AttendanceTab = 'arrived' | 'late' | 'leave' | 'absent' | 'makeup'
export type Sheet = Result<'attendance.get'>

export const TABS: Array<{ key: AttendanceTab; label: string; statuses: Array<AttendanceRow['status']>; none: string }> = [
  { key: 'arrived', label: '实到', statuses: ['present', 'late', 'makeup'], none: '还没有人签到' },
  { key: 'late', label: '迟到', statuses: ['late'], none: '没有迟到的' },
  { key: 'leave', label: '请假', statuses: ['leave'], none: '没有批准的请假' },
  { key: 'absent', label: '缺席', statuses: ['absent', 'pending'], none: '没有缺席的' },
  { key: 'makeup', label: '补签', statuses: ['makeup'], none: '没有补签记录' },
]

export function tabCount(sheet: Sheet, tab: AttendanceTab): number {
  if (tab === 'arrived') return sheet.present + sheet.late + sheet.makeup
  // Before the start nobody is 缺席 yet: those not checked in are 未签到, counted in this tab.
  return tab === 'absent' ? sheet.absent + sheet.pending : sheet[tab]
}

/** 缺席 once the meeting has started; 未签到 before, while nobody can be absent yet. */
export function tabLabel(sheet: Sheet, tab: AttendanceTab): string {
  const label = TABS.find((t) => t.key === tab)!.label
  return tab === 'absent' && sheet.pending > 0 && sheet.absent === 0 ? '未签到' : label
}

export function tabRows(sheet: Sheet, tab: AttendanceTab): AttendanceRow[] {
  const { statuses } = TABS.find((t) => t.key === tab)!
  return sheet.members.filter((r) => statuses.includes(r.status))
}

/** The small line under a name: when they signed in, why they were made up or away. */
export function rowNote(row: AttendanceRow): string | null {
  if (row.status === 'makeup') return row.reason ? `补签原因：${row.reason}` : null
  if (row.checkedInAt) return `${clockTime(row.checkedInAt)} 签到`
  if (row.status === 'leave') return row.leave ? `请假：${row.leave.reason}` : null
  if (row.leave?.state === 'pending') return `请假待审批：${row.leave.reason}`
  if (row.leave?.state === 'refused') return '请假未获批准'
  return null
}
