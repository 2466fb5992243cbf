import Taro, { usePullDownRefresh } from '@tarojs/taro'
import type { MemberView } from '../../../types/models'
import { useRefreshOnReturn } from '../../hooks/use-refresh-on-return'
import { useRemote, type Remote } from '../../hooks/use-remote'
import { call } from '../../services/call'
import { leadsStudy } from './roles'

type Loaded = Pick<Remote<unknown>, 'status' | 'error'> & { reload: () => void }

/** One state for a card that needs several answers: an error wins, then loading; 重试 reloads them all. */
export function together(...remotes: Loaded[]) {
  const reload = () => remotes.forEach((r) => r.reload())
  const failed = remotes.find((r) => r.status === 'error')
  if (failed) return { status: 'error' as const, error: failed.error, reload }
  if (remotes.some((r) => r.status === 'loading')) return { status: 'loading' as const, error: null, reload }
  return { status: 'ready' as const, error: null, reload }
}

/** The 学习 tab: my year, tasks, 学习强国 and history; the leadership's links with what waits for review. */
export function useStudyHome(member: MemberView) {
  const organiser = leadsStudy(member)
  const points = useRemote(() => call('points.mine', {}), [])
  const quizzes = useRemote(() => call('quiz.list', {}), [])
  const makeups = useRemote(() => call('makeup.mine', {}), [])
  const xuexi = useRemote(() => call('xuexi.mine', {}), [])
  const history = useRemote(() => call('points.history', {}), [])
  const settings = useRemote(() => call('branch.settings', {}), [])
  const pending = useRemote(() => call('study.pending', {}), [], organiser)
  const all = [points, quizzes, makeups, xuexi, history, settings, ...(organiser ? [pending] : [])]

  // Back from a test, the form or 补学: show what changed without the skeletons.
  useRefreshOnReturn(() => {
    for (const r of all) r.refresh()
  })

  usePullDownRefresh(() => {
    for (const r of all) r.reload()
    Taro.stopPullDownRefresh()
  })

  return {
    organiser,
    points,
    quizzes,
    makeups,
    xuexi,
    history,
    tasks: together(quizzes, makeups),
    pendingCount: pending.data?.studies.length ?? 0,
    rankings: settings.data?.settings.rankingsEnabled === true,
    everythingReloaded: () => all.forEach((r) => r.reload()),
  }
}
