import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import type { TemplateKind } from '../../../types/models'
import { SessionGate } from '../../containers/SessionGate'
import { StateView } from '../../components/StateView'
import { formatDateZh } from '../../domain/time'
import { useRemote } from '../../hooks/use-remote'
import { call } from '../../services/call'
import { TEMPLATE_LABELS } from '../../display/reminders'
import './index.scss'

/**
 * Who WeChat cannot remind before the next 主题党日 and dues day: members with no one-time
 * subscription credit left. They still see the notice in the app; the secretary may tell them in person.
 */
function Reach() {
  const overview = useRemote(() => call('subscription.overview', {}), [])
  usePullDownRefresh(() => {
    overview.reload()
    Taro.stopPullDownRefresh()
  })
  const data = overview.data
  return (
    <View className='page reach'>
      <StateView remote={overview} rows={6}>
        {data ? (
          <View>
            <Text className='muted reach__intro'>
              微信规定每次“允许”只能收到一条提醒。下面是下次提醒时收不到微信消息的党员，他们仍能在首页看到通知，必要时请当面或电话告知。
            </Text>
            {data.next.map((event) => {
              const missing = data.members.filter((m) => (m.credits[event.kind as TemplateKind] ?? 0) <= 0)
              return (
                <View className='card' key={event.kind} data-kind={event.kind}>
                  <Text className='reach__title'>
                    {event.title} · {formatDateZh(event.date)}
                  </Text>
                  <Text className='muted'>{TEMPLATE_LABELS[event.kind as TemplateKind]}</Text>
                  <View className='reach__count'>
                    <Text className='big-number'>{data.members.length - missing.length}</Text>
                    <Text className='muted'> / {data.members.length} 人能收到微信提醒</Text>
                  </View>
                  {missing.length === 0 ? (
                    <Text className='muted'>全部党员都能收到提醒。</Text>
                  ) : (
                    <View className='reach__names'>
                      {missing.map((m) => (
                        <Text className='reach__name' key={m.memberId}>
                          {m.name}
                          {m.bound ? '' : '（未绑定微信）'}
                        </Text>
                      ))}
                    </View>
                  )}
                </View>
              )
            })}
          </View>
        ) : null}
      </StateView>
    </View>
  )
}

export default function ReachPage() {
  return <SessionGate>{() => <Reach />}</SessionGate>
}
