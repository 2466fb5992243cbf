import Taro from '@tarojs/taro'
import { useState } from 'react'
import { shanghaiDate } from '../../domain/time'
import { useOneAtATime } from '../../hooks/use-one-at-a-time'
import { usePullToReload } from '../../hooks/use-pull-to-reload'
import { useRemote } from '../../hooks/use-remote'
import { call, errorText, type Input } from '../../services/call'
import { now } from '../../services/clock'
import { loadMonths } from '../meetings/use-meetings'

/** Which wheel is open: a setting, or one month's day. */
export type Choosing =
  | { what: 'themeDayRule' | 'duesDayRule' | 'dayBefore' | 'morningOf' | 'duesSince' | 'fixWindowDays' }
  | { what: 'month'; day: 'theme' | 'dues'; month: string }

export type CalendarChange = Input<'branch.updateCalendar'>

/**
 * The secretary's 日程与提醒 screen: the branch calendar, the coming months' days, and one change
 * saved at a time (only that field is sent, so an edit elsewhere is never undone).
 */
export function useCalendarSettings() {
  const today = shanghaiDate(now())
  const calendar = useRemote(() => call('branch.calendar', {}), [])
  const months = useRemote(() => loadMonths(today.slice(0, 7)), [today])
  const [choosing, setChoosing] = useState<Choosing | null>(null)
  const [error, setError] = useState<string | null>(null)
  const { running, run } = useOneAtATime()
  usePullToReload(calendar, months)

  const save = (change: CalendarChange) =>
    run(true, async () => {
      setChoosing(null)
      setError(null)
      try {
        await call('branch.updateCalendar', change)
        Taro.showToast({ title: '已保存', icon: 'success' })
        await Promise.all([calendar.refresh(), months.refresh()])
      } catch (err) {
        setError(errorText(err, '没有保存成功，请重试'))
      }
    })

  return { today, calendar, months, choosing, choose: setChoosing, close: () => setChoosing(null), save, saving: running !== null, error }
}

export type CalendarSettingsModel = ReturnType<typeof useCalendarSettings>
