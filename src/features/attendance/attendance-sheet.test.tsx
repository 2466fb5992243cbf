import type { AttendanceRow } from '../../../types/views'
import { rowNote, tabCount, tabLabel, tabRows, type Sheet } from './attendance-sheet'

const row = (over: Partial<AttendanceRow>): AttendanceRow => ({ memberId: 'm', name: '陈志强', status: 'absent', checkedInAt: null, ...over }) as AttendanceRow

const sheet = {
  present: 2,
  late: 1,
  makeup: 1,
  leave: 1,
  absent: 3,
  pending: 0,
  members: [row({ memberId: 'a', status: 'present' }), row({ memberId: 'b', status: 'late' }), row({ memberId: 'c', status: 'makeup' }), row({ memberId: 'd', status: 'absent' })],
} as unknown as Sheet

describe('the attendance sheet', () => {
  it('before the start lists those not yet checked in as 未签到 and counts them, not as 缺席', () => {
    const before = { ...sheet, absent: 0, pending: 5, members: [row({ memberId: 'e', status: 'pending' })] } as Sheet
    expect(tabLabel(before, 'absent')).toBe('未签到')
    expect(tabCount(before, 'absent')).toBe(5)
    expect(tabRows(before, 'absent').map((r) => r.memberId)).toEqual(['e'])
    expect(tabLabel(sheet, 'absent')).toBe('缺席')
  })

  it('counts 实到 as present, late and made up together', () => {
    expect(tabCount(sheet, 'arrived')).toBe(4)
    expect(tabCount(sheet, 'absent')).toBe(3)
    expect(tabRows(sheet, 'arrived').map((r) => r.memberId)).toEqual(['a', 'b', 'c'])
    expect(tabRows(sheet, 'late').map((r) => r.memberId)).toEqual(['b'])
  })

  it.each([
    [row({ status: 'makeup', reason: '手机没电' }), '补签原因：手机没电'],
    [row({ status: 'present', checkedInAt: '2025-03-28T06:02:00Z' }), '14:02 签到'],
    [row({ status: 'leave', leave: { state: 'approved', reason: '出差' } } as Partial<AttendanceRow>), '请假：出差'],
    [row({ leave: { state: 'pending', reason: '出差' } } as Partial<AttendanceRow>), '请假待审批：出差'],
    [row({ leave: { state: 'refused', reason: '出差' } } as Partial<AttendanceRow>), '请假未获批准'],
    [row({}), null],
  ])('notes a row: %#', (r, note) => {
    expect(rowNote(r)).toBe(note)
  })
})
