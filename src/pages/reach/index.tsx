import { Text, View } from '@tarojs/components'
import { StateView } from '../../components/StateView'
import { PageRoute } from '../../containers/PageRoute'
import { TEMPLATE_LABELS } from '../../display/reminders'
import { formatDateZh } from '../../domain/time'
import { useReach } from '../../features/reach/use-reach'
import './index.scss'

type Event = ReturnType<typeof useReach>['events'][number]

function EventCard({ event, memberCount }: { event: Event; memberCount: number }) {
  const { missing } = event
  return (
    <View className='card' data-kind={event.kind}>
      <Text className='reach__title'>
        {event.title} · {formatDateZh(event.date)}
      </Text>
      <Text className='muted'>{TEMPLATE_LABELS[event.kind]}</Text>
      <View className='reach__count'>
        <Text className='big-number'>{memberCount - missing.length}</Text>
        <Text className='muted'> / {memberCount} 人能收到微信提醒</Text>
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
}

/**
 * Who WeChat cannot remind before the next 主题党日 and dues day: members with no one-time
 * subscription credit left. They still see the notice in the app; the secretary may tell them in person.
 */
function Reach() {
  const { overview, events, memberCount } = useReach()
  return (
    <View className='page reach'>
      <StateView remote={overview} rows={6}>
        {overview.data ? (
          <View>
            <Text className='muted reach__intro'>
              微信规定每次“允许”只能收到一条提醒。下面是下次提醒时收不到微信消息的党员，他们仍能在首页看到通知，必要时请当面或电话告知。
            </Text>
            {events.map((event) => (
              <EventCard key={event.kind} event={event} memberCount={memberCount} />
            ))}
          </View>
        ) : null}
      </StateView>
    </View>
  )
}

export default function ReachPage() {
  return <PageRoute render={() => <Reach />} />
}
