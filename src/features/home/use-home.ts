import type { MemberView } from '../../../types/models'
import { nextMonth } from '../../domain/relative-day'
import { addDays, shanghaiDate } from '../../domain/time'
import { usePullToReload } from '../../hooks/use-pull-to-reload'
import { useRefreshOnReturn } from '../../hooks/use-refresh-on-return'
import { useRemote } from '../../hooks/use-remote'
import { LEADERSHIP, mayCall } from '../../domain/permissions'
import { call } from '../../services/call'
import { now } from '../../services/clock'

/**
 * This month's day if it is still ahead, otherwise next month's; the holiday data is in question
 * only for the months of the days shown.
 */
async function loadUpcoming(today: string) {
  const month = today.slice(0, 7)
  const [thisMonth, next] = await Promise.all([call('schedule.month', { month }), call('schedule.month', { month: nextMonth(month) })])
  const theme = thisMonth.themeDay.date >= today ? thisMonth : next
  const dues = thisMonth.duesDay.date >= today ? thisMonth : next
  return { themeDay: theme.themeDay, duesDay: dues.duesDay, holidayDataKnown: theme.holidayDataKnown && dues.holidayDataKnown }
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
  const leads = mayCall(LEADERSHIP, member.roles)
  const leave = useRemote(() => call('leave.pending', {}), [], leads)

  usePullToReload(next, schedule, dues, notices, points, ...(leads ? [leave] : []))
  // Back from deciding a leave: the count follows.
  useRefreshOnReturn(() => leads && leave.refresh())

  const isSecretary = member.roles.includes('secretary')
  return {
    today,
    next,
    schedule,
    dues,
    thisMonth: dues.data?.months.find((m) => m.month === today.slice(0, 7)),
    notices,
    points,
    /** The leadership's undecided leave; null for members. */
    leave: leads ? leave : null,
    isSecretary,
    isOrganiser: isSecretary || member.roles.includes('deputy') || member.roles.includes('committee'),
  }
}

export type HomeModel = ReturnType<typeof useHome>
