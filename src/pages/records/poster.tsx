import { Image, Text, View } from '@tarojs/components'
import { QrCode } from '../../components/QrCode'
import { StateView } from '../../components/StateView'
import { PageRoute } from '../../containers/PageRoute'
import { formatMeetingTime } from '../../display/meeting-display'
import { useRemote } from '../../hooks/use-remote'
import { call } from '../../services/call'
import './index.scss'

const isWeapp = process.env.TARO_ENV === 'weapp'

/**
 * A meeting's printable poster: its title, time and place and a code that opens the meeting's page
 * (请假, 会议记录, the reminder) — never a check-in, which only the live code on the day does.
 */
function Poster({ id }: { id: string }) {
  const remote = useRemote(async () => {
    const [{ meeting }, poster] = await Promise.all([call('meeting.get', { meetingId: id }), call('meeting.poster', { meetingId: id })])
    return { meeting, poster }
  }, [id])
  return (
    <View className='page'>
      <StateView remote={remote} rows={8}>
        {remote.data ? (
          <View className='card poster'>
            <Text className='poster__title'>{remote.data.meeting.title}</Text>
            <Text className='poster__time'>{formatMeetingTime(remote.data.meeting.startAt, remote.data.meeting.endAt)}</Text>
            {remote.data.meeting.location ? <Text className='poster__place'>地点：{remote.data.meeting.location}</Text> : null}
            <View className='poster__code'>
              {remote.data.poster.image ? (
                <Image className='poster__image' src={remote.data.poster.image.url} mode='aspectFit' showMenuByLongpress ariaLabel='会议小程序码' />
              ) : (
                <QrCode text={remote.data.poster.link} />
              )}
            </View>
            <Text className='poster__line'>用微信扫一扫，查看会议、请假或收提醒。签到请扫会场上的实时签到码。</Text>
            {remote.data.poster.problem ? <Text className='muted poster__line'>{remote.data.poster.problem}</Text> : null}
            <Text className='muted poster__hint'>{isWeapp ? '长按图片可保存到相册，打印后张贴。' : '截图或打印本页即可张贴。'}</Text>
          </View>
        ) : null}
      </StateView>
    </View>
  )
}

export default function PosterPage() {
  return <PageRoute params={['id']} missing='没有找到这次会议，请从会议详情进入。' render={({ params }) => <Poster id={params.id} />} />
}
