import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import type { MemberView } from '../../../types/models'
import { SessionGate } from '../../containers/SessionGate'
import { StateView } from '../../components/StateView'
import { formatHours } from '../../display/study-display'
import { RemoteCard, STUDY_TAB } from '../../features/study/views'
import { useRemote } from '../../hooks/use-remote'
import { call, type Result } from '../../services/call'
import { backOr } from '../../services/navigation'
import './index.scss'

type Row = Result<'study.ranking'>['rows'][number]

/** Equal points share a place: 1, 2, 2, 4. */
const placesOf = (rows: Row[]) => rows.map((r) => rows.findIndex((x) => x.points === r.points) + 1)

const OFF_HINT = '按照整治“指尖上的形式主义”的要求，排名默认关闭，由支部书记决定是否开启。您的学时和积分在“学习”里。'

function RankingRow({ r, place, mine }: { r: Row; place: number; mine: boolean }) {
  return (
    <View className={mine ? 'ranking__row ranking__row--me' : 'ranking__row'} data-member={r.memberId}>
      <Text className={place <= 3 ? 'ranking__place ranking__place--top' : 'ranking__place'}>{place}</Text>
      <Text className='ranking__name'>
        {r.name}
        {mine ? '（我）' : ''}
      </Text>
      <View className='ranking__figures'>
        <Text className='ranking__points'>{r.points} 分</Text>
        <Text className='muted'>{formatHours(r.studyHours)} 学时</Text>
      </View>
    </View>
  )
}

/** The branch's points ranking, shown only when the branch has turned it on. */
function Ranking({ member }: { member: MemberView }) {
  const ranking = useRemote(() => call('study.ranking', {}), [])

  usePullDownRefresh(() => {
    ranking.reload()
    Taro.stopPullDownRefresh()
  })

  // The server answers CONFLICT while the branch keeps rankings off (the default).
  if (ranking.error?.code === 'CONFLICT') {
    return (
      <View className='page ranking'>
        <StateView status='ready' isEmpty empty={{ title: '本支部没有开启积分排名', hint: OFF_HINT, actionText: '返回学习', onAction: () => backOr(STUDY_TAB) }} />
      </View>
    )
  }
  const rows = ranking.data?.rows ?? []
  const places = placesOf(rows)
  return (
    <View className='page ranking'>
      <Text className='muted ranking__note'>{ranking.data ? `${ranking.data.year} 年` : ''}学习积分排名由支部开启，仅供互相激励参考，不作考核依据。</Text>
      <RemoteCard className='ranking__list' remote={ranking} rows={8} isEmpty={rows.length === 0} empty={{ title: '还没有积分记录', hint: '参加会议、学习和测试获得积分后，会显示在这里。' }}>
        {rows.map((r, i) => (
          <RankingRow key={r.memberId} r={r} place={places[i]} mine={r.memberId === member.id} />
        ))}
      </RemoteCard>
    </View>
  )
}

export default function RankingPage() {
  return <SessionGate>{(member) => <Ranking member={member} />}</SessionGate>
}
