import type { MemberView } from '../../../types/models'
import { nextMonth } from '../../domain/relative-day'
import { addDays, shanghaiDate } from '../../domain/time'
import { usePullToReload } from '../../hooks/use-pull-to-reload'
import { useRemote } from '../../hooks/use-remote'
import { call } from '../../services/call'
import { now } from '../../services/clock'

/** This month's day if it is still ahead, otherwise next month's. */
async function loadUpcoming(today: string) {
  const month = today.slice(0, 7)
  const [thisMonth, next] = await Promise.all([call('schedule.month', { month }), call('schedule.month', { month: nextMonth(month) })])
  return {
    themeDay: thisMonth.themeDay.date >= today ? thisMonth.themeDay : next.themeDay,
    duesDay: thisMonth.duesDay.date >= today ? thisMonth.duesDay : next.duesDay,
    holidayDataKnown: thisMonth.holidayDataKnown && next.holidayDataKnown,
  }
}

/** The next meeting I am expected at (or running now), if any in the coming weeks. */
async function loadNextMeeting(today: string) {
  const { meetings } = await call('meeting.list', { from: today, to: addDays(today, 45) })
  const at = now().getTime()
  return meetings.find((m) => m.status === 'scheduled' && m.myStatus.invited && Date.parse(m.endAt) >= at) ?? null
}

/** 首页: the next meeting, the fixed days ahead, this month's dues, notices and my 学时; pull to reload all. */
export function useHome(member: MemberView) {
  const today = shanghaiDate(now())
  const next = useRemote(() => loadNextMeeting(today), [today])
  const schedule = useRemote(() => loadUpcoming(today), [today])
  const dues = useRemote(() => call('dues.mine', {}), [])
  const notices = useRemote(() => call('notice.list', {}), [])
  const points = useRemote(() => call('points.mine', {}), [])

  usePullToReload(next, schedule, dues, notices, points)

  const isSecretary = member.roles.includes('secretary')
  return {
    today,
    next,
    schedule,
    dues,
    thisMonth: dues.data?.months.find((m) => m.month === today.slice(0, 7)),
    notices,
    points,
    isSecretary,
    isOrganiser: isSecretary || member.roles.includes('deputy') || member.roles.includes('committee'),
  }
}

export type HomeModel = ReturnType<typeof useHome>
