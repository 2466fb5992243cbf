import { Text, View } from '@tarojs/components'
import type { MemberView } from '../../../types/models'
import { NoticeCard } from '../../components/NoticeCard'
import { Section } from '../../components/Section'
import { Button } from '../../components/ui'
import { dateTimeZh } from '../../display/study-display'
import { mayAnnounce, openNotice, openScreen, useHomeBoard } from '../../features/announce/use-home-board'
import { usePullToReload } from '../../hooks/use-pull-to-reload'
import './index.scss'

/** Notices on 首页: the newest few; the rest are a tap on one away. */
const SHOWN = 5

type Board = ReturnType<typeof useHomeBoard>

function DutyLine({ duty, isSecretary }: { duty: Board['duty']; isSecretary: boolean }) {
  const d = duty.data?.duty
  if (!d) return null
  const month = Number(d.month.slice(5))
  // Everyone sees this month's; the secretary also arranges it from here.
  return (
    <View className='home-board__duty' role={isSecretary ? 'button' : undefined} onClick={isSecretary ? () => openScreen('duty') : undefined}>
      <Text className='home-board__duty-label'>{month}月轮值党务干事</Text>
      <Text className={d.member ? 'home-board__duty-name' : 'home-board__duty-none'}>{d.member ? d.member.name : isSecretary ? '未安排 · 去安排' : '未安排'}</Text>
    </View>
  )
}

/** 首页's 支部通知 card (the leadership's notices, with 已读 counts for them) and this month's 轮值党务干事. */
export function HomeBoard({ member }: { member: MemberView }) {
  const board = useHomeBoard()
  usePullToReload(board.notices, board.duty)
  const { notices, duty } = board
  const leadership = mayAnnounce(member)
  const items = notices.data?.items ?? []
  return (
    <View className='home-board'>
      <DutyLine duty={duty} isSecretary={member.roles.includes('secretary')} />
      <Section
        title={notices.data?.unread ? `支部通知 · ${notices.data.unread} 条未读` : '支部通知'}
        remote={notices}
        rows={2}
        isEmpty={items.length === 0}
        empty={{ title: '暂无支部通知', hint: leadership ? '发一条通知，党员在首页就能看到，也会收到微信提醒。' : '书记和支委发布的通知会显示在这里。' }}
      >
        {items.slice(0, SHOWN).map((n) => (
          <NoticeCard
            key={n.id}
            title={n.title}
            scopeName={n.scopeName}
            byName={n.byName}
            when={dateTimeZh(n.createdAt)}
            read={n.read}
            readers={n.audienceCount !== undefined ? { read: n.readCount ?? 0, of: n.audienceCount } : undefined}
            onClick={() => openNotice(n.id)}
          />
        ))}
      </Section>
      {leadership ? (
        <Button block fill='outline' className='home-board__post' onClick={() => openScreen('compose')}>
          发通知
        </Button>
      ) : null}
    </View>
  )
}
