import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { useRemote } from '../../hooks/use-remote'
import { call, errorText, type Result } from '../../services/call'

export type Pending = Result<'study.pending'>['studies'][number]

/** The self-study waiting for review, one review at a time; the count goes to the tab's badge. */
export function usePendingReview(onCount: (n: number) => void) {
  const pending = useRemote(() => call('study.pending', {}), [])
  const [reviewing, setReviewing] = useState<string | null>(null)

  useEffect(() => {
    if (pending.data) onCount(pending.data.studies.length)
  }, [pending.data])

  async function reviewed(s: Pending, approve: boolean) {
    if (reviewing) return
    setReviewing(s.id)
    try {
      await call('study.review', { studyId: s.id, approve })
      Taro.showToast({ title: approve ? `已计入${s.name}的学时` : '已退回', icon: 'success' })
      await pending.refresh()
    } catch (err) {
      Taro.showToast({ title: errorText(err, '操作失败，请重试'), icon: 'none', duration: 3000 })
    } finally {
      setReviewing(null)
    }
  }

  return { pending, studies: pending.data?.studies ?? [], reviewing, reviewed }
}
