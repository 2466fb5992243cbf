import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import type { PointsKind } from '../../../types/models'
import { SessionGate } from '../../components/SessionGate'
import { StateView } from '../../components/StateView'
import { Progress } from '../../components/ui'
import { useRemote } from '../../hooks/use-remote'
import { call } from '../../services/call'
import './index.scss'

const KIND_LABELS: Record<PointsKind, string> = {
  meeting: '参加会议',
  self_study: '自学',
  test: '知识测试',
  makeup_study: '补学',
  xuexi: '学习强国',
  adjustment: '调整',
}

/** My 学时 and points this year against the branch's target, from the ledger. */
function Study() {
  const points = useRemote(() => call('points.mine', {}), [])

  usePullDownRefresh(() => {
    points.reload()
    Taro.stopPullDownRefresh()
  })

  const data = points.data
  const kinds = data ? (Object.entries(data.byKind) as Array<[PointsKind, number]>) : []
  return (
    <View className='page study'>
      <StateView status={points.status} errorMessage={points.error?.message} errorCode={points.error?.code} onRetry={points.reload} rows={5}>
        {data ? (
          <View>
            <View className='card'>
              <Text className='muted'>{data.year} 年学时</Text>
              <View className='study__hours'>
                <Text className='big-number'>{data.studyHours}</Text>
                <Text className='study__target'> / {data.targetHours}</Text>
              </View>
              <Progress percent={Math.min(100, Math.round((data.studyHours / data.targetHours) * 100))} color='#C8161D' strokeWidth='10' />
              <Text className='muted study__line'>
                {data.studyHours >= data.targetHours
                  ? '已完成今年的学时要求'
                  : `还差 ${Math.round((data.targetHours - data.studyHours) * 10) / 10} 学时完成今年要求`}
              </Text>
            </View>
            <View className='card'>
              <View className='study__points-head'>
                <Text className='study__points-title'>学习积分</Text>
                <Text className='study__points-total'>{data.total} 分</Text>
              </View>
              {kinds.length === 0 ? (
                <Text className='muted study__line'>今年还没有积分记录。参加会议签到、完成测试后，积分会按条记入这里。</Text>
              ) : (
                kinds.map(([kind, value]) => (
                  <View className='study__row' key={kind}>
                    <Text>{KIND_LABELS[kind] ?? kind}</Text>
                    <Text className='study__row-value'>{value} 分</Text>
                  </View>
                ))
              )}
            </View>
          </View>
        ) : null}
      </StateView>
    </View>
  )
}

export default function StudyPage() {
  return <SessionGate>{() => <Study />}</SessionGate>
}
