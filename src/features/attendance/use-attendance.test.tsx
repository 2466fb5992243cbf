import { act, renderHook, waitFor } from '@testing-library/react'
import type { AttendanceRow } from '../../../types/views'
import { serverTimeSeen } from '../../services/clock'
import { fakeServer } from '../../testing/fake-server'
import { useAttendance } from './use-attendance'

jest.mock('@tarojs/taro', () => require('../../testing/taro-page').withPageHooks())

const absent: AttendanceRow = { memberId: 'm5', name: '赵敏', groupId: null, status: 'absent' }

const SHEET = {
  meeting: { id: 'mt', title: '支部党员大会', status: 'scheduled', startAt: '2025-03-28T14:30:00+08:00', endAt: '2025-03-28T16:30:00+08:00' },
  expected: 1,
  present: 0,
  late: 0,
  makeup: 0,
  leave: 0,
  absent: 1,
  members: [absent],
  pendingLeaves: [{ leaveId: 'lv1', memberId: 'm6', name: '钱进', reason: '出差', requestedAt: '2025-03-27T09:00:00+08:00' }],
}

async function opened(at: string) {
  serverTimeSeen(at)
  const sent = fakeServer((action, payload) => (action === 'attendance.get' ? SHEET : action === 'checkin.manual' ? { already: false, ...payload } : {}))
  const hook = renderHook(() => useAttendance('mt'))
  await waitFor(() => expect(hook.result.current.remote.status).toBe('ready'))
  return { sent, model: () => hook.result.current }
}

describe('the attendance sheet', () => {
  it('offers 补签 to the absent only once check-in has opened', async () => {
    expect((await opened('2025-03-28T09:00:00+08:00')).model().canMakeUp(absent)).toBe(false)
    expect((await opened('2025-03-28T17:00:00+08:00')).model().canMakeUp(absent)).toBe(true)
  })

  it('reviews a leave once at a time and shows the sheet as it now stands', async () => {
    const { sent, model } = await opened('2025-03-28T09:00:00+08:00')
    await act(async () => {
      model().leaveReviewed('lv1', true)
      model().leaveReviewed('lv1', true)
    })
    await waitFor(() => expect(model().reviewing).toBeNull())
    expect(sent.map((s) => s.action)).toEqual(['attendance.get', 'leave.review', 'attendance.get'])
    expect(sent[1].payload).toEqual({ leaveId: 'lv1', approve: true })
  })

  it('makes up the member chosen, with the reason given', async () => {
    const { sent, model } = await opened('2025-03-28T17:00:00+08:00')
    act(() => model().setMakeupFor(absent))
    await act(async () => model().makeupConfirmed('手机没电，现场已到会'))
    expect(sent.find((s) => s.action === 'checkin.manual')?.payload).toEqual({ meetingId: 'mt', memberId: 'm5', reason: '手机没电，现场已到会' })
  })
})
