import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { MemberView } from '../../../types/models'
import type { WarningItem } from '../../../types/records'
import { ReasonDialog } from '../../components/ReasonDialog'
import { StateView } from '../../components/StateView'
import { Button } from '../../components/ui'
import { PageRoute } from '../../containers/PageRoute'
import { byMember, WARNING_LABELS } from '../../display/records-display'
import { useRefreshOnReturn } from '../../hooks/use-refresh-on-return'
import { useRemote } from '../../hooks/use-remote'
import { call } from '../../services/call'
import './index.scss'

const go = (url: string) => () => Taro.navigateTo({ url })

/** What to do about one warning: the screen that does it. */
function Next({ warning, isSecretary, onClear }: { warning: WarningItem; isSecretary: boolean; onClear: (w: WarningItem) => void }) {
  switch (warning.kind) {
    case 'dues_unpaid':
      return isSecretary ? (
        <Button size='small' fill='outline' className='warn__do' onClick={go('/pages/dues/index')}>
          党费登记表
        </Button>
      ) : null
    case 'makeup_overdue':
      return isSecretary ? (
        <Button size='small' fill='outline' className='warn__do' onClick={() => onClear(warning)}>
          注明原因免除
        </Button>
      ) : null
    case 'no_credits':
      return (
        <Button size='small' fill='outline' className='warn__do' onClick={go('/pages/reach/index')}>
          谁收不到提醒
        </Button>
      )
    case 'absent_streak':
      return null
  }
}

function WarningsScreen({ member }: { member: MemberView }) {
  const remote = useRemote(() => call('warnings.list', {}), [])
  useRefreshOnReturn(remote.refresh)
  const [clearing, setClearing] = useState<WarningItem | null>(null)
  const isSecretary = member.roles.includes('secretary')
  const cards = remote.data ? byMember(remote.data.items) : []

  async function cleared(reason: string) {
    if (!clearing?.meetingId) return
    await call('makeup.clear', { meetingId: clearing.meetingId, memberId: clearing.memberId, reason })
    Taro.showToast({ title: '已免除', icon: 'success' })
    setClearing(null)
    remote.refresh()
  }

  return (
    <View className='page warn'>
      <Text className='warn__intro'>连续 3 个月未交党费或未参加组织生活、补学逾期、收不到提醒的党员。连续 6 个月是党章规定的界线，请及时谈话提醒。</Text>
      <StateView remote={remote} rows={6} isEmpty={cards.length === 0} empty={{ title: '没有需要预警的党员', hint: '党费、组织生活和补学都正常。' }}>
        {cards.map((card) => (
          <View className='card warn__card' key={card.memberId}>
            <View className='warn__head'>
              <Text className='warn__name'>{card.name}</Text>
              {isSecretary ? (
                <View className='warn__open' role='button' onClick={go(`/pages/roster/index?view=member&id=${encodeURIComponent(card.memberId)}`)}>
                  查看党员 ›
                </View>
              ) : null}
            </View>
            {card.warnings.map((w) => (
              <View className='warn__item' key={`${w.kind}|${w.meetingId ?? ''}`}>
                <Text className={w.months && w.months >= 6 ? 'warn__kind warn__kind--line' : 'warn__kind'}>{WARNING_LABELS[w.kind]}</Text>
                <Text className='warn__detail'>{w.detail}</Text>
                <Next warning={w} isSecretary={isSecretary} onClear={setClearing} />
              </View>
            ))}
          </View>
        ))}
      </StateView>
      <ReasonDialog
        visible={clearing !== null}
        title='免除补学'
        hint={clearing ? `${clearing.name}：${clearing.detail.split('，')[0]}。免除后不再预警，也不计积分，原因会留存备查。` : undefined}
        placeholder='请写明原因，例如：因病住院，出院后已当面补课'
        confirmText='确认免除'
        onConfirm={cleared}
        onClose={() => setClearing(null)}
      />
    </View>
  )
}

/** Early warnings (the leadership's): each member with what is wrong and what to do. */
export default function WarningsPage() {
  return <PageRoute render={({ member }) => <WarningsScreen member={member} />} />
}
