import { Text, View } from '@tarojs/components'
import type { MeetingView } from '../../../types/views'
import { clockTime, formatMeetingTime, type StatusKind } from '../../display/meeting-display'
import { MEETING_TYPE_LABELS } from '../../domain/meetings'
import { formatDateZh, shanghaiDate } from '../../domain/time'
import { StatusTag } from '../StatusTag'
import './index.scss'

interface Props {
  /** Without `endAt`, the start alone is shown. */
  meeting: Pick<MeetingView, 'id' | 'type' | 'title' | 'startAt'> & Partial<Pick<MeetingView, 'endAt' | 'location'>>
  status: StatusKind
  /** "今天", "明天"… shown beside the type. */
  relative?: string
  /** Leave requests waiting for the viewer's decision, shown as a count. */
  pendingLeave?: number
  onClick?: () => void
}

/** One meeting in a list: type, title, when and where, and my status as a word. */
export function MeetingCard({ meeting, status, relative, pendingLeave, onClick }: Props) {
  return (
    <View className='meeting-card' onClick={onClick} role='button' data-meeting-id={meeting.id}>
      <View className='meeting-card__head'>
        <Text className='meeting-card__type'>
          {MEETING_TYPE_LABELS[meeting.type]}
          {relative ? <Text className='meeting-card__relative'> · {relative}</Text> : null}
        </Text>
        <StatusTag status={status} />
      </View>
      <Text className={status === 'cancelled' ? 'meeting-card__title meeting-card__title--cancelled' : 'meeting-card__title'}>
        {meeting.title}
      </Text>
      <Text className='meeting-card__line'>
        {meeting.endAt
          ? formatMeetingTime(meeting.startAt, meeting.endAt)
          : `${formatDateZh(shanghaiDate(meeting.startAt))}${clockTime(meeting.startAt)}`}
      </Text>
      {meeting.location ? <Text className='meeting-card__line'>{meeting.location}</Text> : null}
      {pendingLeave ? <Text className='meeting-card__badge'>{pendingLeave} 条请假待审批</Text> : null}
    </View>
  )
}
