/** The 党委's first screen: every branch's figures for the year or month, what needs attention first. */
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { OrgBranchRow } from '../../../types/org'
import { StateView } from '../../components/StateView'
import { ArrowRight, Button } from '../../components/ui'
import { ActionBar } from '../../features/study/views'
import { Concerns, Figures, PeriodBar } from './parts'
import { useExport, useOrgCode, useOverview, usePeriod, type Period } from './use-org'

const NO_BRANCHES = { title: '还没有支部加入本党委', hint: '把下面的代码告诉各支部书记，支部加入后，这里会列出它们的情况。' }

const openBranch = (branchId: string, p: Period) =>
  Taro.navigateTo({ url: `/pages/org/index?view=branch&id=${encodeURIComponent(branchId)}&year=${p.year}${p.month ? `&month=${p.month}` : ''}` })

function BranchCard({ row, onOpen }: { row: OrgBranchRow; onOpen: () => void }) {
  return (
    <View className='card org__branch' onClick={onOpen} role='button' data-branch={row.branchId}>
      <View className='org__branch-head'>
        <Text className='org__branch-name'>{row.name}</Text>
        <Text className='org__members'>{row.members} 名党员</Text>
        <ArrowRight className='org__arrow' />
      </View>
      <Concerns row={row} />
      <Figures row={row} />
    </View>
  )
}

/** The code secretaries enter to put their branch under this 党委. */
function CodeCard() {
  const { code, copied } = useOrgCode()
  return (
    <View className='card org__code'>
      <Text className='org__code-title'>支部加入代码</Text>
      <Text className='org__code-hint'>支部书记在「我的 → 上级党委」输入此代码，支部即加入本党委。</Text>
      <StateView remote={code} rows={1}>
        <View className='org__code-row'>
          <Text className='org__code-value' userSelect>
            {code.data?.code}
          </Text>
          <Button fill='outline' className='org__copy' onClick={copied}>
            复制
          </Button>
        </View>
      </StateView>
    </View>
  )
}

export function Overview({ orgName }: { orgName: string }) {
  const p = usePeriod()
  const overview = useOverview(p.period)
  const { busy, exported } = useExport(p.period)
  const branches = overview.data?.branches ?? []
  const needing = branches.filter((b) => b.concerns.length > 0).length
  return (
    <View className='page page--actions org'>
      <Text className='org__title'>{orgName}</Text>
      <PeriodBar p={p} />
      <StateView remote={overview} rows={6} isEmpty={branches.length === 0} empty={NO_BRANCHES}>
        <Text className='org__summary'>
          共 {branches.length} 个支部{needing ? ` · ${needing} 个需关注` : ' · 各项正常'}
        </Text>
        {branches.map((row) => (
          <BranchCard key={row.branchId} row={row} onOpen={() => openBranch(row.branchId, p.period)} />
        ))}
        <Text className='muted org__explain'>
          需关注的支部排在前面：三会一课有缺项、出勤率低于 80%、党费收缴率低于 95%、人均学时落后于进度。这里只有支部的统计，不列党员个人。
        </Text>
      </StateView>
      <CodeCard />
      {branches.length ? <ActionBar text='导出表格（.xlsx）' busy={busy} onClick={exported} /> : null}
    </View>
  )
}
