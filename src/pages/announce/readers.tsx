import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { StateView } from '../../components/StateView'
import { TabSwitch } from '../../components/TabSwitch'
import { dateTimeZh } from '../../display/study-display'
import type { Result } from '../../services/call'
import { useReaders } from './use-notices'

type PushState = Result<'announce.readers'>['unread'][number]['push']

const PUSH_WORDS: Record<PushState, string> = { sent: '已发微信提醒', waiting: '整点发微信提醒', failed: '微信提醒未送达', none: '收不到微信提醒' }

/** 已读情况: who has opened the notice and when, and who has not (with how their WeChat message went). */
export function Readers({ id }: { id: string }) {
  const readers = useReaders(id)
  const [tab, setTab] = useState<'unread' | 'read'>('unread')
  const d = readers.data
  return (
    <View className='page announce'>
      <StateView remote={readers} rows={5}>
        {d ? (
          <View>
            <View className='card announce__summary'>
              <Text className='announce__title'>{d.announcement.title}</Text>
              <Text className='announce__figure'>
                已读 {d.read.length} / {d.read.length + d.unread.length}
              </Text>
            </View>
            <TabSwitch
              items={[
                { key: 'unread', label: `未读 ${d.unread.length}` },
                { key: 'read', label: `已读 ${d.read.length}` },
              ]}
              value={tab}
              onChange={setTab}
            />
            <View className='card announce__list'>
              {tab === 'unread'
                ? d.unread.map((p) => (
                    <View key={p.memberId} className='announce__row'>
                      <Text className='announce__name'>{p.name}</Text>
                      <Text className='muted'>{PUSH_WORDS[p.push]}</Text>
                    </View>
                  ))
                : d.read.map((p) => (
                    <View key={p.memberId} className='announce__row'>
                      <Text className='announce__name'>{p.name}</Text>
                      <Text className='muted'>{dateTimeZh(p.readAt)} 已读</Text>
                    </View>
                  ))}
              {(tab === 'unread' ? d.unread : d.read).length === 0 ? <Text className='muted announce__none'>{tab === 'unread' ? '大家都已读' : '还没有人读'}</Text> : null}
            </View>
          </View>
        ) : null}
      </StateView>
    </View>
  )
}
