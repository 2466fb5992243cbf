import Taro from '@tarojs/taro'
import { useEffect } from 'react'
import type { MemberView } from '../../../types/models'
// The screens first: this subpackage's CSS keeps FormField's rules before NutUI's.
import { Compose } from './compose'
import { DutyRota } from './duty'
import { ReadNotice } from './read'
import { Readers } from './readers'
import { PageRoute } from '../../containers/PageRoute'
import { mayAnnounce } from '../../features/announce/use-home-board'
import { PageMessage } from '../../features/study/views'
import { screenOf, TITLES, type Screen } from './screens'
import './index.scss'

function Notices({ member, view, id }: { member: MemberView; view: Screen; id?: string }) {
  useEffect(() => {
    Taro.setNavigationBarTitle({ title: TITLES[view] })
  }, [view])
  if (view === 'duty') {
    return member.roles.includes('secretary') ? <DutyRota /> : <PageMessage title='仅支部书记可以安排轮值党务干事' hint='本月的轮值党务干事显示在首页。' />
  }
  if (view === 'compose' || view === 'readers') {
    if (!mayAnnounce(member)) return <PageMessage title='仅支部书记或支委可以发通知' hint='支部的通知会显示在首页。' />
    if (view === 'compose') return <Compose />
  }
  if (!id) return <PageMessage title='链接不完整' hint='请从首页的支部通知重新打开。' />
  return view === 'readers' ? <Readers id={id} /> : <ReadNotice id={id} />
}

/** 支部通知 (open one; the leadership: post one, see who has read it) and 轮值党务干事: one page, the screen chosen by `?view=`. */
export default function AnnouncePage() {
  return <PageRoute optional={['view', 'id']} render={({ member, params }) => <Notices member={member} view={screenOf(params.view)} id={params.id} />} />
}
