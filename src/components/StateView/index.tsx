import { Text, View } from '@tarojs/components'
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { Button, Skeleton } from '../ui'
import './index.scss'

export interface EmptyProps {
  title: string
  hint?: string
  actionText?: string
  onAction?: () => void
}

/** What useRemote gives: one load's state and its retry. */
export interface RemoteState {
  status: 'loading' | 'ready' | 'error'
  error: { message: string; code: string } | null
  reload: () => void
  /** What is shown was loaded before and the last refresh failed. */
  stale?: boolean
}

interface Props {
  /** A useRemote load: its status, error words, error code and retry in one. */
  remote?: RemoteState
  status?: 'loading' | 'ready' | 'error'
  /** What went wrong, in words for people. */
  errorMessage?: string
  /** The error code, shown small for support. */
  errorCode?: string
  onRetry?: () => void
  /** When set and `isEmpty`, shown instead of the children. */
  empty?: EmptyProps
  isEmpty?: boolean
  /** Skeleton rows while loading. */
  rows?: number
  children?: ReactNode
}

/** Answers that trying again cannot change: no 重试 for them. */
const FINAL: Record<string, string> = { FORBIDDEN: '无权查看', NOT_FOUND: '没有找到' }

function Failed({ message, code, onRetry }: { message?: string; code?: string; onRetry?: () => void }) {
  const final = code ? FINAL[code] : undefined
  return (
    <View className='state state--error' role='alert'>
      <Text className='state__title'>{final ?? '没能加载出来'}</Text>
      <Text className='state__hint'>{message || '请检查网络后重试'}</Text>
      {onRetry && !final ? (
        <Button className='state__action' type='primary' fill='outline' onClick={onRetry}>
          重试
        </Button>
      ) : null}
      {code ? <Text className='state__code'>错误代码 {code}</Text> : null}
    </View>
  )
}

function Empty({ title, hint, actionText, onAction }: EmptyProps) {
  return (
    <View className='state state--empty'>
      <Text className='state__title'>{title}</Text>
      {hint ? <Text className='state__hint'>{hint}</Text> : null}
      {actionText && onAction ? (
        <Button className='state__action' type='primary' onClick={onAction}>
          {actionText}
        </Button>
      ) : null}
    </View>
  )
}

type Failure = { message?: string; code?: string; onRetry?: () => void }
/** What a StateView inside a OneErrorBlock has to tell: a failure, or that it shows old data. */
type Report = Failure | 'stale'

/** Where the StateViews inside a OneErrorBlock report their failures and old data instead of showing them. */
const ErrorScope = createContext<((key: object, report: Report | null) => void) | null>(null)

function OfflineLine() {
  return (
    <View className='state__offline' role='status'>
      网络不通，显示的是之前加载的内容
    </View>
  )
}

/**
 * One error block for a screen of several loads: the first failure of any StateView inside is
 * shown once, above the content, with a 重试 that retries every failed load; each failed card
 * shows nothing of its own. Likewise one offline line when cards show old data.
 */
export function OneErrorBlock({ children }: { children: ReactNode }) {
  const [reports, setReports] = useState<ReadonlyMap<object, Report>>(new Map())
  const report = useCallback((key: object, r: Report | null) => {
    setReports((now) => {
      if (!r && !now.has(key)) return now
      const next = new Map(now)
      if (r) next.set(key, r)
      else next.delete(key)
      return next
    })
  }, [])
  const all = [...reports.values()]
  const failures = all.filter((r): r is Failure => r !== 'stale')
  const retries = failures.flatMap((f) => (f.onRetry ? [f.onRetry] : []))
  const first = failures[0]
  return (
    <ErrorScope.Provider value={report}>
      {first ? <Failed message={first.message} code={first.code} onRetry={retries.length ? () => retries.forEach((retry) => retry()) : undefined} /> : null}
      {!first && all.includes('stale') ? <OfflineLine /> : null}
      {children}
    </ErrorScope.Provider>
  )
}

/** True inside a OneErrorBlock: a card whose load failed draws nothing, the block above says it. */
export const useInErrorBlock = () => useContext(ErrorScope) !== null

/** Loading (skeleton), error (what went wrong and 重试), empty (what it means and what to do) or content. */
export function StateView(props: Props) {
  const { remote, empty, isEmpty, rows = 3, children } = props
  const status = remote?.status ?? props.status ?? 'ready'
  const message = remote?.error?.message ?? props.errorMessage
  const code = remote?.error?.code ?? props.errorCode
  const onRetry = remote?.reload ?? props.onRetry
  const scope = useContext(ErrorScope)
  const key = useRef({}).current
  const stale = status === 'ready' && remote?.stale === true
  const report = useMemo((): Report | null => (status === 'error' ? { message, code, onRetry } : stale ? 'stale' : null), [status, stale, message, code, onRetry])
  useEffect(() => {
    scope?.(key, report)
  }, [scope, report])
  useEffect(() => () => scope?.(key, null), [scope])
  if (status === 'loading') {
    return (
      <View className='state state--loading' aria-busy='true'>
        <Skeleton rows={rows} animated />
        <Text className='state__sr'>正在加载…</Text>
      </View>
    )
  }
  if (status === 'error') return scope ? null : <Failed message={message} code={code} onRetry={onRetry} />
  const offline = stale && !scope ? <OfflineLine /> : null
  if (isEmpty && empty) return (
    <>
      {offline}
      <Empty {...empty} />
    </>
  )
  return (
    <>
      {offline}
      {children}
    </>
  )
}
