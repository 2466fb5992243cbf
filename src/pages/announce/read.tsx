import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '../../components/ui'
import { dateTimeZh } from '../../display/study-display'
import { openScreen } from '../../features/announce/use-home-board'
import { ActionBar, RemoteCard } from '../../features/study/views'
import { backOr } from '../../services/navigation'
import { useNotice } from './use-notices'

/** One notice, opened (which marks it read); the leadership sees the 已读 count and who has read it. */
export function ReadNotice({ id }: { id: string }) {
  const notice = useNotice(id)
  const a = notice.data?.announcement
  return (
    <View className='page page--actions announce'>
      <RemoteCard remote={notice} rows={4} className='announce__notice'>
        {a ? (
          <>
            <Text className='announce__title'>{a.title}</Text>
            <Text className='announce__meta'>
              {a.scopeName} · {a.byName} · {dateTimeZh(a.createdAt)}
            </Text>
            <Text className='announce__body'>{a.body}</Text>
            {a.meetingId ? (
              <Button block type='primary' fill='outline' className='announce__meeting' onClick={() => Taro.navigateTo({ url: `/pages/meeting-detail/index?id=${a.meetingId}` })}>
                查看会议
              </Button>
            ) : null}
          </>
        ) : null}
      </RemoteCard>
      {a && a.audienceCount !== undefined ? (
        <View className='card announce__readers' role='button' onClick={() => openScreen('readers', a.id)}>
          <Text className='announce__count'>
            已读 {a.readCount ?? 0} / {a.audienceCount}
          </Text>
          <Text className='announce__link'>谁已读、谁未读 ›</Text>
        </View>
      ) : null}
      {/* Opened from a WeChat message there is no page behind it: 返回 goes to 首页. */}
      <ActionBar text='返回' quiet onClick={() => backOr('/pages/index/index')} />
    </View>
  )
}
