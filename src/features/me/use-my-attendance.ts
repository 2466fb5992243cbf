import { useRemote } from '../../hooks/use-remote'
import { call } from '../../services/call'

/** My attendance this year: the rate, the counts, and the latest meetings. */
export function useMyAttendance() {
  const mine = useRemote(() => call('attendance.mine', {}), [])
  const data = mine.data
  return {
    mine,
    counts: data
      ? [
          { label: '应参加', value: data.held },
          { label: '出勤', value: data.attended },
          { label: '请假', value: data.leave },
          { label: '缺席', value: data.absent },
        ]
      : [],
  }
}
