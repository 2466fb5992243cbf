import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Skeleton } from '../../components/ui'
import { PageRoute } from '../../containers/PageRoute'
import { clockTime } from '../../display/meeting-display'
import { cleanToken } from '../../display/scan'
import { formatDateZh, shanghaiDate } from '../../domain/time'
import { useCheckIn } from '../../features/checkin/use-check-in'
import { ApiError, type Result } from '../../services/call'
import { now } from '../../services/clock'
import { backOr } from '../../services/navigation'
import { scanToCheckIn } from '../../services/scan-checkin'
import './index.scss'

const isWeapp = process.env.TARO_ENV === 'weapp'
const toMeetings = () => backOr('/pages/meetings/index')

/**
 * What to add to the server's message, which already says what happened and usually what to do
 * ("二维码已过期，请扫描屏幕上最新的二维码"), and what the one button does.
 */
function nextStep(error: ApiError): { next: string | null; action: 'retry' | 'rescan' | 'back' } {
  switch (error.code) {
    case 'TOKEN_EXPIRED':
    case 'TOKEN_INVALID':
      return isWeapp ? { next: '点下方“重新扫码”再扫一次。', action: 'rescan' } : { next: null, action: 'back' }
    case 'NOT_INVITED':
      return { next: '如果您认为应当参加这次会议，请联系支部书记。', action: 'back' }
    case 'CHECKIN_CLOSED':
    case 'NOT_MEMBER':
      return { next: null, action: 'back' }
    default:
      return { next: '重试不会重复签到。', action: 'retry' }
  }
}

function headline(r: Result<'checkin.submit'>): { word: string; tone: 'ok' | 'late' | 'already' } {
  if (r.already) return { word: '已签到过', tone: 'already' }
  if (r.status === 'late') return { word: '迟到签到', tone: 'late' }
  return { word: '签到成功', tone: 'ok' }
}

function ActionBar({ label, outline, onClick }: { label: string; outline?: boolean; onClick: () => void }) {
  return (
    <View className='action-bar'>
      <Button block {...(outline ? { fill: 'outline' as const } : { type: 'primary' as const })} className='action-bar__main' onClick={onClick}>
        {label}
      </Button>
    </View>
  )
}

function Failed({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  const { next, action } = nextStep(error)
  return (
    <View className='page page--actions checkin'>
      <View className='checkin__hero' role='alert'>
        <View className='checkin__badge checkin__badge--fail'>!</View>
        <Text className='checkin__word checkin__word--fail'>未能签到</Text>
        <Text className='checkin__message'>{error.message}</Text>
        {next ? <Text className='checkin__next'>{next}</Text> : null}
        <Text className='checkin__code'>错误代码 {error.code}</Text>
      </View>
      {action === 'retry' ? <ActionBar label='重试' onClick={onRetry} /> : null}
      {action === 'rescan' ? <ActionBar label='重新扫码' onClick={() => scanToCheckIn(true)} /> : null}
      {action === 'back' ? <ActionBar label='返回' outline onClick={toMeetings} /> : null}
    </View>
  )
}

function Done({ result, title }: { result: Result<'checkin.submit'>; title: string | null }) {
  const { word, tone } = headline(result)
  const day = shanghaiDate(result.checkedInAt)
  return (
    <View className='page page--actions checkin'>
      <View className='checkin__hero' role='status'>
        <View className={`checkin__badge checkin__badge--${tone}`}>{tone === 'late' ? '!' : '✓'}</View>
        <Text className={`checkin__word checkin__word--${tone}`}>{word}</Text>
        {title ? <Text className='checkin__meeting'>{title}</Text> : null}
        <Text className='checkin__time'>
          {day === shanghaiDate(now()) ? '今天' : formatDateZh(day)} {clockTime(result.checkedInAt)}
          {result.status === 'makeup' ? ' · 由组织者补签' : result.status === 'late' ? ' · 晚于开始时间' : ''}
        </Text>
        {result.pointsAwarded > 0 ? (
          <Text className='checkin__points'>获得 {result.pointsAwarded} 积分</Text>
        ) : result.already ? (
          <Text className='checkin__note'>这次会议您之前已经签到，积分已经记入，不会重复计算。</Text>
        ) : null}
      </View>
      <ActionBar label='完成' onClick={toMeetings} />
    </View>
  )
}

function CheckIn({ token }: { token: string }) {
  const { outcome, retry } = useCheckIn(token)
  if (outcome.kind === 'failed') return <Failed error={outcome.error} onRetry={retry} />
  if (outcome.kind === 'done') return <Done result={outcome.result} title={outcome.title} />
  return (
    <View className='page checkin' aria-busy='true'>
      <View className='checkin__hero'>
        <Text className='checkin__word checkin__word--wait'>正在签到…</Text>
      </View>
      <Skeleton rows={2} animated />
    </View>
  )
}

function NoToken() {
  return (
    <View className='page page--actions checkin'>
      <View className='checkin__hero' role='alert'>
        <Text className='checkin__word checkin__word--fail'>没有读到签到码</Text>
        <Text className='checkin__next'>
          {isWeapp ? '请在会议详情页点“扫码签到”，扫描会场屏幕上的二维码。' : '请用手机相机扫描会场屏幕上的二维码打开本页。'}
        </Text>
      </View>
      <ActionBar label='查看会议' outline onClick={() => Taro.switchTab({ url: '/pages/meetings/index' })} />
    </View>
  )
}

export default function CheckinPage() {
  return <PageRoute params={['t']} scene='t' parse={{ t: cleanToken }} missing={<NoToken />} render={({ params }) => <CheckIn token={params.t} />} />
}
