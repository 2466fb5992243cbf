import Taro from '@tarojs/taro'
import { useState } from 'react'
import { useOneAtATime } from '../../hooks/use-one-at-a-time'
import { call, errorText, type Result } from '../../services/call'

/**
 * 我也签到: the organiser who shows the code checks in with it like any member (present or late,
 * by the clock), never by a 补签 of their own.
 */
export function useSelfCheckIn() {
  const [result, setResult] = useState<Result<'checkin.submit'> | null>(null)
  const { running, run } = useOneAtATime()
  const checkIn = (token: string) =>
    run(true, async () => {
      try {
        const r = await call('checkin.submit', { token })
        setResult(r)
        Taro.showToast({ title: r.already ? '您此前已签到' : r.status === 'late' ? '已签到（迟到）' : '您已签到', icon: 'success' })
      } catch (err) {
        Taro.showToast({ title: errorText(err, '签到没有成功，请重试'), icon: 'none' })
      }
    })
  return { result, busy: running !== null, checkIn }
}
