import Taro from '@tarojs/taro'
import { useEffect } from 'react'
import { AttachScreen } from './attach'
import { BranchScreen } from './branch'
import { Overview } from './overview'
import { PageRoute } from '../../containers/PageRoute'
import { SessionGate } from '../../containers/SessionGate'
import { PageMessage } from '../../features/study/views'
import { inShanghai } from '../../domain/time'
import { useRouteParams } from '../../hooks/use-route-params'
import { now } from '../../services/clock'
import './index.scss'

/** The secretary's screen: put the branch under a 党委. */
function Attach() {
  return (
    <PageRoute
      render={({ member }) =>
        member.roles.includes('secretary') ? <AttachScreen branchName={member.branchName} /> : <PageMessage title='仅支部书记可以加入上级党委' hint='请联系本支部书记。' />
      }
    />
  )
}

/**
 * The 党委's pages (CONTRACT §7), for a user who oversees one, whether or not they are also in a
 * branch: the overview, one branch (`?view=branch&id=&year=&month=`), and the secretary's
 * 加入上级党委 (`?view=attach`).
 */
export default function OrgPage() {
  const q = useRouteParams(['view', 'id', 'year', 'month'])
  useEffect(() => {
    if (q.view === 'attach') Taro.setNavigationBarTitle({ title: '上级党委' })
  }, [q.view])
  if (q.view === 'attach') return <Attach />
  return (
    <SessionGate
      anyone={(me) => {
        if (!me.org) return <PageMessage title='仅党委用户可以查看' hint='这里是上级党委查看各支部情况的页面。' />
        if (q.view === 'branch' && q.id) return <BranchScreen branchId={q.id} period={{ year: Number(q.year) || inShanghai(now()).year(), month: q.month ?? null }} />
        return <Overview orgName={me.org.name} />
      }}
    />
  )
}
