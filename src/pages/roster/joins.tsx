import { Text, View } from '@tarojs/components'
import { StateView } from '../../components/StateView'
import { Button } from '../../components/ui'
import { usePolling } from '../../hooks/use-polling'
import { useJoinRequests } from './use-roster'

const REFRESH_MS = 5000
const NONE_WAITING = { title: '没有待审核的申请', hint: '党员扫描邀请海报、填写姓名和手机尾号后，申请会出现在这里。' }

/** 加入申请: who asked to join, the roster member they match (or that none does), 批准 / 不批准. */
export function JoinRequests() {
  const { list, reviewed, busy } = useJoinRequests()
  usePolling(list.refresh, REFRESH_MS, list.status === 'ready')
  const pending = list.data?.requests.filter((r) => r.state === 'pending') ?? []
  return (
    <View className='page roster'>
      <StateView remote={list} rows={4} isEmpty={pending.length === 0} empty={NONE_WAITING}>
        {pending.map((r) => (
          <View key={r.requestId} className='card roster__join' data-request={r.name}>
            <View className='roster__group-head'>
              <Text className='roster__name'>{r.name}</Text>
              <Text className='roster__tag'>待审核</Text>
            </View>
            <Text className='muted'>手机尾号 {r.phoneTail}</Text>
            {r.match ? (
              <Text className='roster__match'>名册中的「{r.match.name}」姓名和手机尾号一致，批准后绑定为此人。</Text>
            ) : (
              <Text className='roster__mismatch'>名册中没有姓名和手机尾号都一致的人。批准将把他作为新党员加入名册。</Text>
            )}
            <View className='roster__group-actions'>
              <Button fill='outline' className='roster__side' disabled={busy !== null} onClick={() => reviewed(r.requestId, false)}>
                不批准
              </Button>
              <Button type='primary' className='roster__side' loading={busy === r.requestId} onClick={() => reviewed(r.requestId, true)}>
                批准
              </Button>
            </View>
          </View>
        ))}
      </StateView>
    </View>
  )
}
