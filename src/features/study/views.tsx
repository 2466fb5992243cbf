/** The pieces every study page is built of: its one main action, the way back, a card that loads. */
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { StateView, type EmptyProps, type RemoteState } from '../../components/StateView'
import { Button } from '../../components/ui'
import { backOr } from '../../services/navigation'

export const STUDY_TAB = '/pages/study/index'
export const backToStudy = () => backOr(STUDY_TAB)

interface ActionProps {
  text: string
  onClick: () => void
  busy?: boolean
  /** Outlined and grey when the screen offers no real action, only the way back. */
  quiet?: boolean
}

/** The screen's one main action, at the bottom within thumb reach. */
export function ActionBar({ text, onClick, busy, quiet }: ActionProps) {
  return (
    <View className='action-bar'>
      {/* Spread, not `type={undefined}`: NutUI's defaults give way to an undefined prop. */}
      <Button block {...(quiet ? { fill: 'outline' as const } : { type: 'primary' as const })} className='action-bar__main' loading={busy} onClick={onClick}>
        {text}
      </Button>
    </View>
  )
}

export const BackToStudy = ({ quiet }: { quiet?: boolean }) => <ActionBar text='返回学习' onClick={backToStudy} quiet={quiet} />

/** A page for a link whose test, task or record is not (or no longer) there, with the way back. */
export function NotFound({ remote, rows, empty }: { remote: RemoteState; rows: number; empty: Omit<EmptyProps, 'actionText' | 'onAction'> }) {
  return (
    <View className='page'>
      <StateView remote={remote} rows={rows} isEmpty empty={{ ...empty, actionText: '返回学习', onAction: backToStudy }} />
    </View>
  )
}

interface CardProps {
  remote: RemoteState
  rows: number
  isEmpty?: boolean
  empty?: EmptyProps
  className?: string
  children: ReactNode
}

/** A card that loads on its own: skeleton, error with 重试, empty, then its content. */
export function RemoteCard({ remote, rows, isEmpty, empty, className, children }: CardProps) {
  return (
    <View className={className ? `card ${className}` : 'card'}>
      <StateView remote={remote} rows={rows} isEmpty={isEmpty} empty={empty}>
        {children}
      </StateView>
    </View>
  )
}

/** A whole page that only says something, e.g. to a member who may not see a leaders' screen. */
export function PageMessage({ title, hint }: { title: string; hint: string }) {
  return (
    <View className='page'>
      <StateView status='ready' isEmpty empty={{ title, hint }} />
    </View>
  )
}

/** Names side by side, e.g. who has not taken a test or not made up a meeting yet. */
export function Names({ people, className, itemClassName }: { people: { memberId: string; name: string }[]; className: string; itemClassName: string }) {
  return (
    <View className={className}>
      {people.map((p) => (
        <Text key={p.memberId} className={itemClassName}>
          {p.name}
        </Text>
      ))}
    </View>
  )
}
