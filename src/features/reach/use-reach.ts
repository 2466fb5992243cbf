import type { TemplateKind } from '../../../types/models'
import { usePullToReload } from '../../hooks/use-pull-to-reload'
import { useRemote } from '../../hooks/use-remote'
import { call } from '../../services/call'

/** Per coming reminder: the members WeChat cannot remind (no one-time subscription credit left). */
export function useReach() {
  const overview = useRemote(() => call('subscription.overview', {}), [])
  usePullToReload(overview)
  const data = overview.data
  const events = (data?.next ?? []).map((event) => {
    const kind = event.kind as TemplateKind
    return { ...event, kind, missing: (data?.members ?? []).filter((m) => (m.credits[kind] ?? 0) <= 0) }
  })
  return { overview, events, memberCount: data?.members.length ?? 0 }
}
