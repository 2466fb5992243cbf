import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { MeetingView } from '../../../types/views'
import { StateView } from '../../components/StateView'
import { ArrowRight, Cell, CellGroup } from '../../components/ui'
import { useRemote } from '../../hooks/use-remote'
import { call } from '../../services/call'
import { now } from '../../services/clock'
import './index.scss'

interface Props {
  meeting: MeetingView
  /** The meeting's organiser: writes the minutes rather than reading them here. */
  canManage: boolean
}

/**
 * 会议记录 on a meeting's page once it has started: organisers open the editor; invited members
 * read the text (the counts only, never another member's leave reason).
 */
export function MinutesCard({ meeting, canManage }: Props) {
  const started = meeting.status !== 'cancelled' && now().getTime() >= Date.parse(meeting.startAt)
  const remote = useRemote(() => call('minutes.read', { meetingId: meeting.id }), [meeting.id], started && !canManage)
  if (!started) return null
  if (canManage) {
    return (
      <CellGroup className='minutes-card__cells'>
        <Cell title='会议记录' description='主持人、议题、内容、决议和照片' extra={<ArrowRight />} align='center' clickable onClick={() => Taro.navigateTo({ url: `/pages/records/minutes?id=${encodeURIComponent(meeting.id)}` })} />
      </CellGroup>
    )
  }
  if (remote.status === 'ready' && !remote.data.minutes) return null
  const m = remote.data?.minutes
  const a = remote.data?.attendance
  return (
    <View className='card minutes-card'>
      <Text className='minutes-card__title'>会议记录</Text>
      <StateView remote={remote} rows={3}>
        {m && a ? (
          <View>
            <Text className='minutes-card__line'>主持人：{m.host}　记录人：{m.recorder}</Text>
            <Text className='minutes-card__line'>
              应到 {a.expected} 人，实到 {a.present + a.late + a.makeup} 人，请假 {a.leave} 人，缺席 {a.absent} 人
            </Text>
            <Text className='minutes-card__label'>议题</Text>
            {m.topics.map((t, i) => (
              <Text className='minutes-card__text' key={i}>
                {i + 1}. {t}
              </Text>
            ))}
            <Text className='minutes-card__label'>内容摘要</Text>
            <Text className='minutes-card__text'>{m.summary}</Text>
            {m.decisions ? (
              <>
                <Text className='minutes-card__label'>决议</Text>
                <Text className='minutes-card__text'>{m.decisions}</Text>
              </>
            ) : null}
          </View>
        ) : null}
      </StateView>
    </View>
  )
}
