import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { DuesItem } from '../../../types/views'
import { calendarDay, shanghaiDate } from '../../domain/time'
import { nextMonth } from '../../domain/relative-day'
import { usePullToReload } from '../../hooks/use-pull-to-reload'
import { useRemote } from '../../hooks/use-remote'
import { call, errorText } from '../../services/call'
import { now } from '../../services/clock'

export const monthLabel = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5))}月`
const prevMonth = (month: string) => calendarDay(`${month}-01`).subtract(1, 'month').format('YYYY-MM')

/** A member's own 登记表 and marking a month paid (the secretary confirms it). */
export function useMyDues() {
  const today = shanghaiDate(now())
  const mine = useRemote(() => call('dues.mine', {}), [])
  const [paying, setPaying] = useState<string | null>(null)
  usePullToReload(mine)

  /** For the pay dialog: a failure is shown there, which stays open. */
  async function paid(amount: number, paidAt: string) {
    await call('dues.pay', { month: paying as string, amount, paidAt })
    setPaying(null)
    Taro.showToast({ title: '已登记，等待书记确认', icon: 'success' })
    mine.reload()
  }

  return { today, mine, paying, setPaying, paid }
}

/** The secretary's 登记表 for a month: who has paid, confirming a report, and paying for someone. */
export function useBranchDues() {
  const today = shanghaiDate(now())
  const [month, setMonth] = useState(today.slice(0, 7))
  const status = useRemote(() => call('dues.status', { month }), [month])
  const [paying, setPaying] = useState<DuesItem | null>(null)
  usePullToReload(status)

  async function confirmed(item: DuesItem) {
    try {
      await call('dues.confirm', { memberId: item.memberId, month })
      Taro.showToast({ title: `已确认${item.name}的党费`, icon: 'success' })
      status.reload()
    } catch (err) {
      Taro.showToast({ title: errorText(err, '没有成功，请重试'), icon: 'none' })
    }
  }

  /** For the pay dialog: 登记并确认 in one step. */
  async function paid(amount: number, paidAt: string) {
    await call('dues.confirm', { memberId: (paying as DuesItem).memberId, month, amount, paidAt })
    setPaying(null)
    Taro.showToast({ title: '已登记', icon: 'success' })
    status.reload()
  }

  const items = status.data?.items ?? []
  return {
    today,
    month,
    toPrev: () => setMonth(prevMonth(month)),
    toNext: month >= today.slice(0, 7) ? undefined : () => setMonth(nextMonth(month)), // nothing is due after this month
    status,
    unpaid: items.filter((i) => !i.paid).sort((a, b) => b.unpaidStreak - a.unpaidStreak),
    paidItems: items.filter((i) => i.paid),
    paying,
    setPaying,
    confirmed,
    paid,
  }
}
