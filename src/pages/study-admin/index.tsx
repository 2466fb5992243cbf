import { View } from '@tarojs/components'
import type { MemberView } from '../../../types/models'
// The tabs first: this subpackage's CSS keeps the order the forms were drawn in, FormField's
// rules before NutUI's (whose input padding then wins, as on every other page).
import { SettingsTab } from './settings'
import { MakeupTab, OverviewTab } from './figures'
import { PendingTab } from './pending'
import { PageRoute } from '../../containers/PageRoute'
import { TabSwitch } from '../../components/TabSwitch'
import { leadsStudy } from '../../features/study/roles'
import { PageMessage } from '../../features/study/views'
import { tabOf, useStudyAdminTabs, type Tab } from './use-tabs'
import './index.scss'

function StudyAdmin({ member, initialTab }: { member: MemberView; initialTab: Tab }) {
  const tabs = useStudyAdminTabs(member, initialTab)
  const { tab } = tabs
  if (!leadsStudy(member)) return <PageMessage title='仅支部书记和支委可以查看' hint='您的学时和积分在“学习”里。' />
  return (
    <View>
      <TabSwitch items={tabs.items} value={tab} onChange={tabs.tabChosen} />
      <View className={tab === 'settings' ? 'page page--actions sa' : 'page sa'} key={tabs.visitKey}>
        {tab === 'pending' ? <PendingTab onCount={tabs.pendingCounted} /> : null}
        {tab === 'overview' ? <OverviewTab /> : null}
        {tab === 'makeup' ? <MakeupTab /> : null}
        {tab === 'settings' ? <SettingsTab /> : null}
      </View>
    </View>
  )
}

/** 支部学习管理: self-study to review, everyone's 学时, who owes 补学, and (the secretary's) settings. */
export default function StudyAdminPage() {
  return <PageRoute optional={['tab']} render={({ member, params }) => <StudyAdmin member={member} initialTab={tabOf(params.tab)} />} />
}
