import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.scss'

export type ResultTone = 'ok' | 'wait' | 'fail'

const BADGES: Record<ResultTone, string> = { ok: '✓', wait: '…', fail: '!' }

interface Props {
  tone: ResultTone
  /** One big word or short phrase: 已计入学时, 等待审核, 未通过. */
  word: string
  /** A large figure under the word, e.g. the score. */
  figure?: string
  /** Plain lines: what happened and what comes next. */
  lines?: string[]
  children?: ReactNode
}

/** The result of an action as a page: the badge and big word, then the details. */
export function ResultPanel({ tone, word, figure, lines = [], children }: Props) {
  return (
    <View className={`result result--${tone}`} role='status'>
      <View className='result__badge'>{BADGES[tone]}</View>
      <Text className='result__word'>{word}</Text>
      {figure ? <Text className='result__figure'>{figure}</Text> : null}
      {lines.map((line) => (
        <Text key={line} className='result__line'>
          {line}
        </Text>
      ))}
      {children}
    </View>
  )
}
