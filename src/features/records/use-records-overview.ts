import { usePullToReload } from '../../hooks/use-pull-to-reload'
import { useRefreshOnReturn } from '../../hooks/use-refresh-on-return'
import { useRemote } from '../../hooks/use-remote'
import { call } from '../../services/call'
import { now } from '../../services/clock'
import { shanghaiMonth } from '../../domain/time'
import { atAGlance } from '../../display/records-display'

/** 首页's 台账 block: this month's and quarter's checklist, the 30-day flag, how many members need a word. */
export function useRecordsOverview() {
  const thisMonth = shanghaiMonth(now())
  const year = Number(thisMonth.slice(0, 4))
  const checklist = useRemote(() => call('checklist.get', { year }), [year])
  const warnings = useRemote(() => call('warnings.list', {}), [])
  usePullToReload(checklist, warnings)
  // Back from the meeting form or the warnings: show what changed.
  useRefreshOnReturn(() => {
    checklist.refresh()
    warnings.refresh()
  })
  const glance = checklist.data ? atAGlance(checklist.data.items, thisMonth) : null
  const warned = warnings.data ? new Set(warnings.data.items.filter((w) => w.kind !== 'no_credits').map((w) => w.memberId)).size : null
  return { thisMonth, checklist, warnings, glance, warned }
}
