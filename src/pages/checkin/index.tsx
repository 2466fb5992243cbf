import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import type { Result } from '../../services/call'
import { SessionGate } from '../../containers/SessionGate'
import { Button, Skeleton } from '../../components/ui'
import { clockTime } from '../../display/meeting-display'
import { cleanToken } from '../../display/scan'
import { formatDateZh, shanghaiDate } from '../../domain/time'
import { ApiError, call } from '../../services/call'
import { backOr } from '../../services/navigation'
import { scanToCheckIn } from '../../services/scan-checkin'
import './index.scss'
import { now } from '../../services/clock'

const isWeapp = process.env.TARO_ENV === 'weapp'

type Outcome =
  | { kind: 'submitting' }
  | { kind: 'done'; result: Result<'checkin.submit'>; title: string | null }
  | { kind: 'failed'; error: ApiError }

/**
 * What to add to the server's message, which already says what happened and usually what to do
 * ("二维码已过期，请扫描屏幕上最新的二维码"), and whether trying again can help.
 */
function nextStep(error: ApiError): { next: string | null; retry: boolean } {
  switch (error.code) {
    case 'TOKEN_EXPIRED':
    case 'TOKEN_INVALID':
      return { next: isWeapp ? '点下方“重新扫码”再扫一次。' : null, retry: false }
    case 'NOT_INVITED':
      return { next: '如果您认为应当参加这次会议，请联系支部书记。', retry: false }
    case 'CHECKIN_CLOSED':
    case 'NOT_MEMBER':
      return { next: null, retry: false }
    default:
      return { next: '重试不会重复签到。', retry: true }
  }
}

function headline(r: Result<'checkin.submit'>): { word: string; tone: 'ok' | 'late' | 'already' } {
  if (r.already) return { word: '已签到过', tone: 'already' }
  if (r.status === 'late') return { word: '迟到签到', tone: 'late' }
  return { word: '签到成功', tone: 'ok' }
}

/** Submits the token once when the page opens and shows the outcome. */
function CheckIn({ token }: { token: string }) {
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'submitting' })
  const started = useRef(false)

  async function submit() {
    setOutcome({ kind: 'submitting' })
    try {
      const result = await call('checkin.submit', { token })
      setOutcome({ kind: 'done', result, title: null })
      // The meeting's name is a courtesy: the check-in has already counted without it.
      call('meeting.get', { meetingId: result.meetingId }).then(
        ({ meeting }) => setOutcome({ kind: 'done', result, title: meeting.title }),
        () => undefined,
      )
    } catch (err) {
      setOutcome({ kind: 'failed', error: err instanceof ApiError ? err : new ApiError('INTERNAL', '签到没有成功，请重试') })
    }
  }

  useEffect(() => {
    if (started.current) return
    started.current = true
    submit()
  }, [])

  if (outcome.kind === 'submitting') {
    return (
      <View className='page checkin' aria-busy='true'>
        <View className='checkin__hero'>
          <Text className='checkin__word checkin__word--wait'>正在签到…</Text>
        </View>
        <Skeleton rows={2} animated />
      </View>
    )
  }

  if (outcome.kind === 'failed') {
    const { next, retry } = nextStep(outcome.error)
    return (
      <View className='page page--actions checkin'>
        <View className='checkin__hero' role='alert'>
          <View className='checkin__badge checkin__badge--fail'>!</View>
          <Text className='checkin__word checkin__word--fail'>未能签到</Text>
          <Text className='checkin__message'>{outcome.error.message}</Text>
          {next ? <Text className='checkin__next'>{next}</Text> : null}
          <Text className='checkin__code'>错误代码 {outcome.error.code}</Text>
        </View>
        <View className='action-bar'>
          {retry ? (
            <Button block type='primary' className='action-bar__main' onClick={submit}>
              重试
            </Button>
          ) : isWeapp && (outcome.error.code === 'TOKEN_EXPIRED' || outcome.error.code === 'TOKEN_INVALID') ? (
            <Button block type='primary' className='action-bar__main' onClick={() => scanToCheckIn(true)}>
              重新扫码
            </Button>
          ) : (
            <Button block fill='outline' className='action-bar__main' onClick={() => backOr('/pages/meetings/index')}>
              返回
            </Button>
          )}
        </View>
      </View>
    )
  }

  const { result, title } = outcome
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
          <Text className='checkin__points'>获得 {result.pointsAwarded} 学分</Text>
        ) : result.already ? (
          <Text className='checkin__note'>这次会议您之前已经签到，学分已经记入，不会重复计算。</Text>
        ) : null}
      </View>
      <View className='action-bar'>
        <Button block type='primary' className='action-bar__main' onClick={() => backOr('/pages/meetings/index')}>
          完成
        </Button>
      </View>
    </View>
  )
}

export default function CheckinPage() {
  const token = cleanToken(useRouter().params.t)
  if (!token) {
    return (
      <View className='page page--actions checkin'>
        <View className='checkin__hero' role='alert'>
          <Text className='checkin__word checkin__word--fail'>没有读到签到码</Text>
          <Text className='checkin__next'>
            {isWeapp ? '请在会议详情页点“扫码签到”，扫描会场屏幕上的二维码。' : '请用手机相机扫描会场屏幕上的二维码打开本页。'}
          </Text>
        </View>
        <View className='action-bar'>
          <Button block fill='outline' className='action-bar__main' onClick={() => Taro.switchTab({ url: '/pages/meetings/index' })}>
            查看会议
          </Button>
        </View>
      </View>
    )
  }
  return <SessionGate>{() => <CheckIn token={token} />}</SessionGate>
}
