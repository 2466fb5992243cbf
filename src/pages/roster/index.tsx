import Taro from '@tarojs/taro'
import { useEffect } from 'react'
import type { MemberView } from '../../../types/models'
// The screens first: this subpackage's CSS keeps FormField's rules before NutUI's.
import { AddMember } from './add'
import { Groups } from './groups'
import { ImportRoster } from './import'
import { InvitePoster } from './invite'
import { JoinRequests } from './joins'
import { RosterList } from './list'
import { MemberScreen } from './member'
import { PageRoute } from '../../containers/PageRoute'
import { PageMessage } from '../../features/study/views'
import { screenOf, TITLES, type Screen } from './screens'
import './index.scss'

function Roster({ member, view, id }: { member: MemberView; view: Screen; id?: string }) {
  useEffect(() => {
    Taro.setNavigationBarTitle({ title: TITLES[view] })
  }, [view])
  if (!member.roles.includes('secretary')) {
    return <PageMessage title='仅支部书记可以管理名册' hint='名册有变动时，请联系支部书记。' />
  }
  if (view === 'member' && id) return <MemberScreen memberId={id} />
  if (view === 'add') return <AddMember />
  if (view === 'groups') return <Groups />
  if (view === 'joins') return <JoinRequests />
  if (view === 'invite') return <InvitePoster branchName={member.branchName} />
  if (view === 'import') return <ImportRoster />
  return <RosterList />
}

/** 支部名册 and its screens (the secretary's): one page, the screen chosen by `?view=`. */
export default function RosterPage() {
  return <PageRoute optional={['view', 'id']} render={({ member, params }) => <Roster member={member} view={screenOf(params.view)} id={params.id} />} />
}
