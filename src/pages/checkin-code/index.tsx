import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { Result } from '../../services/call'
import { CountdownBar } from '../../components/CountdownBar'
import { QrCode } from '../../components/QrCode'
import { SessionGate } from '../../containers/SessionGate'
import { StateView } from '../../components/StateView'
import { StatusTag } from '../../components/StatusTag'
import { clockTime, formatMeetingTime } from '../../display/meeting-display'
import { CHECKIN_OPENS_BEFORE_MIN, windowState } from '../../domain/meetings'
import { usePageVisible } from '../../hooks/use-page-visible'
import { usePolling } from '../../hooks/use-polling'
import { useRemote } from '../../hooks/use-remote'
import { ApiError, call, type ClientErrorCode } from '../../services/call'
import './index.scss'
import { now } from '../../services/clock'

const LIVE_EVERY_MS = 3000
const RETRY_MS = 3000
/** A code shown this long after a failed refresh may no longer be accepted: grey it out. */
const STALE_AFTER_MS = 15_000
/** Errors that another try will not fix. */
const FINAL: ReadonlySet<ClientErrorCode> = new Set(['FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'NOT_MEMBER', 'UNAUTHENTICATED'])

const HOW_TO_SCAN =
  process.env.TARO_ENV === 'weapp' ? '在支部通点“扫码签到”扫描 · 截图转发无效' : '用手机扫码签到 · 二维码自动更新，截图无效'

/** What the QR encodes: a link that opens the check-in page in a browser (H5), or the page path the app's scanner reads. */
function codeText(path: string): string {
  return process.env.TARO_ENV === 'h5' ? `${window.location.origin}/#/${path}` : path
}

interface Code {
  text: string
  refreshInSec: number
  /** Counts refreshes, to restart the countdown bar. */
  serial: number
}

function CodeScreen({ id }: { id: string }) {
  const meeting = useRemote(() => call('meeting.get', { meetingId: id }), [id])
  const visible = usePageVisible()
  const [code, setCode] = useState<Code | null>(null)
  const [codeError, setCodeError] = useState<ApiError | null>(null)
  const [staleSince, setStaleSince] = useState<number | null>(null)
  const [live, setLive] = useState<Result<'checkin.live'> | null>(null)
  const final = codeError !== null && FINAL.has(codeError.code)

  // A new code when the server says the current one is due for replacement; the one on screen
  // stays accepted for one more period, so a slow answer never leaves a gap.
  useEffect(() => {
    if (!visible) return
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const next = async () => {
      try {
        const c = await call('checkin.code', { meetingId: id })
        if (stopped) return
        setCode((prev) => ({ text: codeText(c.path), refreshInSec: c.refreshInSec, serial: (prev?.serial ?? 0) + 1 }))
        setCodeError(null)
        setStaleSince(null)
        timer = setTimeout(next, c.refreshInSec * 1000)
      } catch (err) {
        if (stopped) return
        const error = err instanceof ApiError ? err : new ApiError('INTERNAL', '获取签到码失败')
        setCodeError(error)
        if (FINAL.has(error.code)) return
        setStaleSince((s) => s ?? Date.now())
        timer = setTimeout(next, RETRY_MS)
      }
    }
    next()
    return () => {
      stopped = true
      clearTimeout(timer)
    }
  }, [visible, id])

  usePolling(
    async () => {
      setLive(await call('checkin.live', { meetingId: id }))
    },
    LIVE_EVERY_MS,
    visible && !final,
    true,
  )

  // The phone must not dim while it shows the code (a mini-program API; a browser tab cannot ask).
  useEffect(() => {
    if (process.env.TARO_ENV !== 'weapp' || !visible) return
    Taro.setKeepScreenOn({ keepScreenOn: true }).catch(() => undefined)
    return () => {
      Taro.setKeepScreenOn({ keepScreenOn: false }).catch(() => undefined)
    }
  }, [visible])

  if (final || meeting.status === 'error') {
    const error = (final ? codeError : meeting.error) as ApiError
    return (
      <View className='page code-page'>
        <StateView status='error' errorMessage={error.message} errorCode={error.code} onRetry={final ? undefined : meeting.reload} />
      </View>
    )
  }

  const m = meeting.data?.meeting
  const phase = m ? windowState(m, now()) : 'open'
  const stale = staleSince !== null && Date.now() - staleSince > STALE_AFTER_MS

  return (
    <View className='code-page'>
      <View className='code-page__head'>
        <Text className='code-page__title'>{m ? m.title : ' '}</Text>
        <Text className='code-page__time'>{m ? formatMeetingTime(m.startAt, m.endAt) : ' '}</Text>
      </View>

      <View className='code-page__qr'>
        {code ? (
          <QrCode text={code.text} dimmed={stale} note={stale ? '网络不太好，正在重新获取二维码…' : undefined} />
        ) : (
          <View className='code-page__qr-wait'>
            <Text>{codeError ? '网络不太好，正在重试…' : '正在生成签到码…'}</Text>
          </View>
        )}
      </View>
      <View className='code-page__refresh'>
        {code ? <CountdownBar key={code.serial} seconds={code.refreshInSec} /> : null}
        <Text className='code-page__hint'>{codeError && !stale ? '网络不太好，正在重试；当前二维码仍然有效' : HOW_TO_SCAN}</Text>
      </View>

      {m && phase === 'not_yet' ? (
        <Text className='code-page__phase'>签到 {clockTime(new Date(Date.parse(m.startAt) - CHECKIN_OPENS_BEFORE_MIN * 60_000).toISOString())} 开始，现在扫码还不能签到</Text>
      ) : null}
      {m && phase === 'closed' ? <Text className='code-page__phase'>会议已结束，签到已关闭。漏签的党员请在考勤页补签</Text> : null}

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
    </View>
  )
}

export default function CheckinCodePage() {
  const id = useRouter().params.id
  if (!id) {
    return (
      <View className='page'>
        <StateView status='error' errorMessage='没有找到这次会议，请从会议详情进入。' />
      </View>
    )
  }
  return <SessionGate>{() => <CodeScreen id={decodeURIComponent(id)} />}</SessionGate>
}
