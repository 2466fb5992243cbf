import { Text, View } from '@tarojs/components'
import { CountdownBar } from '../../components/CountdownBar'
import { QrCode } from '../../components/QrCode'
import { StateView } from '../../components/StateView'
import { StatusTag } from '../../components/StatusTag'
import { PageRoute } from '../../containers/PageRoute'
import { checkinOpensAt, formatMeetingTime } from '../../display/meeting-display'
import { windowState } from '../../domain/meetings'
import { useCheckinCode, type Code } from '../../features/checkin/use-checkin-code'
import { useSelfCheckIn } from '../../features/checkin/use-self-check-in'
import { Button } from '../../components/ui'
import type { MeetingView } from '../../../types/views'
import type { Result } from '../../services/call'
import { now } from '../../services/clock'
import './index.scss'

const isWeapp = process.env.TARO_ENV === 'weapp'

/** What the screen says under the code: in WeChat a 小程序码 opens from 扫一扫, the plain code only from inside the app. */
function howToScan(code: Code | null): string {
  if (!isWeapp) return '用手机扫码签到 · 二维码自动更新，截图无效'
  if (code?.miniCode && 'image' in code.miniCode) return '用微信“扫一扫”扫码签到 · 截图转发无效'
  return code?.miniCode && 'problem' in code.miniCode ? code.miniCode.problem : '请在支部通内点 扫码签到 · 截图转发无效'
}

/** 我也签到 for the organiser holding the screen; once checked in, what was recorded. */
function SelfCheckIn({ code }: { code: Code | null }) {
  const { result, busy, checkIn } = useSelfCheckIn()
  if (result) return <Text className='code-page__self-done'>您已签到{result.status === 'late' ? '（迟到）' : ''}</Text>
  return (
    <Button fill='outline' className='code-page__self' disabled={!code} loading={busy} onClick={() => code && checkIn(code.token)}>
      我也签到
    </Button>
  )
}

function PhaseNote({ meeting }: { meeting: MeetingView | null }) {
  const phase = meeting ? windowState(meeting, now()) : 'open'
  if (meeting && phase === 'not_yet') {
    return <Text className='code-page__phase'>签到 {checkinOpensAt(meeting.startAt)} 开始，现在扫码还不能签到</Text>
  }
  if (meeting && phase === 'closed') return <Text className='code-page__phase'>会议已结束，签到已关闭。漏签的党员请在考勤页补签</Text>
  return null
}

function Arrivals({ live }: { live: Result<'checkin.live'> | null }) {
  return (
    <>
      <View className='code-page__count' aria-live='polite'>
        <Text className='code-page__count-label'>实到</Text>
        <Text className='code-page__count-num'>{live ? live.arrived : '–'}</Text>
        <Text className='code-page__count-sep'>/</Text>
        <Text className='code-page__count-label'>应到</Text>
        <Text className='code-page__count-num code-page__count-num--expected'>{live ? live.expected : '–'}</Text>
      </View>
      {live ? <Text className='code-page__newest-title'>{live.newest.length ? '刚刚签到' : '还没有人签到'}</Text> : null}
      <View className='code-page__newest'>
        {live?.newest.map((a) => (
          <View key={a.memberId} className='code-page__arrival'>
            <Text className='code-page__arrival-name'>{a.name}</Text>
            {a.status !== 'present' ? <StatusTag status={a.status} /> : null}
          </View>
        ))}
      </View>
    </>
  )
}

function CodeScreen({ id }: { id: string }) {
  const { meeting: m, code, error, stale, live, failure } = useCheckinCode(id)
  if (failure) {
    return (
      <View className='page code-page'>
        <StateView status='error' errorMessage={failure.error.message} errorCode={failure.error.code} onRetry={failure.retry} />
      </View>
    )
  }
  return (
    <View className='code-page'>
      <View className='code-page__head'>
        <Text className='code-page__title'>{m ? m.title : ' '}</Text>
        <Text className='code-page__time'>{m ? formatMeetingTime(m.startAt, m.endAt) : ' '}</Text>
      </View>
      <View className='code-page__qr'>
        {code ? (
          <QrCode
            text={code.text}
            image={code.miniCode && 'image' in code.miniCode ? code.miniCode.image : undefined}
            dimmed={stale}
            note={stale ? '网络不太好，正在重新获取二维码…' : undefined}
          />
        ) : (
          <View className='code-page__qr-wait'>
            <Text>{error ? '网络不太好，正在重试…' : '正在生成签到码…'}</Text>
          </View>
        )}
      </View>
      <View className='code-page__refresh'>
        {code ? <CountdownBar key={code.serial} seconds={code.refreshInSec} /> : null}
        <Text className='code-page__hint'>{error && !stale ? '网络不太好，正在重试；当前二维码仍然有效' : howToScan(code)}</Text>
      </View>
      <PhaseNote meeting={m} />
      <SelfCheckIn code={code} />
      <Arrivals live={live} />
    </View>
  )
}

export default function CheckinCodePage() {
  return <PageRoute params={['id']} missing='没有找到这次会议，请从会议详情进入。' render={({ params }) => <CodeScreen id={params.id} />} />
}
