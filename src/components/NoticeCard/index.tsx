import { Text, View } from '@tarojs/components'
import './index.scss'

export interface NoticeCardProps {
  title: string
  /** 全支部 or the 党小组's name. */
  scopeName: string
  byName: string
  /** When it was posted, as people say it. */
  when: string
  /** false: not opened yet (未读); true or null: nothing to mark. */
  read: boolean | null
  /** The leadership's count: 已读 x / y. */
  readers?: { read: number; of: number }
  onClick?: () => void
}

/** One notice in a list: its title, who it was for and from, and 未读 or the 已读 count, each in words. */
export function NoticeCard({ title, scopeName, byName, when, read, readers, onClick }: NoticeCardProps) {
  return (
    <View className='notice-card' role='button' onClick={onClick}>
      <View className='notice-card__head'>
        <Text className='notice-card__title'>{title}</Text>
        {read === false ? <Text className='notice-card__unread'>未读</Text> : null}
      </View>
      <Text className='notice-card__line'>
        {scopeName} · {byName} · {when}
      </Text>
      {readers ? (
        <Text className='notice-card__count'>
          已读 {readers.read} / {readers.of}
        </Text>
      ) : null}
    </View>
  )
}
