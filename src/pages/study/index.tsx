import { Text, View } from '@tarojs/components'
import type { MemberView } from '../../../types/models'
import { SessionGate } from '../../containers/SessionGate'
import { OneErrorBlock, StateView } from '../../components/StateView'
import { useStudyHome } from '../../features/study/use-study-home'
import { ActionBar, RemoteCard } from '../../features/study/views'
import { go, History, LeaderLinks, RankingLink, Tasks, XuexiCard, YearCard } from './parts'
import './index.scss'

function Unavailable({ error, onRetry }: { error: { message: string; code: string }; onRetry: () => void }) {
  return (
    <View className='page study'>
      <StateView status='error' errorMessage={error.message} errorCode={error.code} onRetry={onRetry} />
    </View>
  )
}

function Study({ member }: { member: MemberView }) {
  const home = useStudyHome(member)
  const { points, quizzes, makeups, xuexi, history } = home

  // Without the year's figures (most often: no network) one message says it, not one per card.
  if (points.error) return <Unavailable error={points.error} onRetry={home.everythingReloaded} />
  return (
    <View className='page page--actions study'>
      <OneErrorBlock>
        <StateView status={points.status} rows={4}>
          {points.data ? <YearCard data={points.data} /> : null}
        </StateView>
        <Text className='section-title'>待完成</Text>
        <RemoteCard className='study__card' remote={home.tasks} rows={2}>
          {quizzes.data && makeups.data ? <Tasks quizzes={quizzes.data.quizzes} makeups={makeups.data.tasks} /> : null}
        </RemoteCard>
        <Text className='section-title'>学习强国 · 本周</Text>
        <StateView remote={xuexi} rows={2}>
          {xuexi.data ? <XuexiCard data={xuexi.data} /> : null}
        </StateView>
        {home.organiser ? <LeaderLinks pendingCount={home.pendingCount} /> : null}
        {home.rankings ? <RankingLink /> : null}
        <Text className='section-title'>{history.data ? `${history.data.year} 年学习记录` : '学习记录'}</Text>
        <RemoteCard
          className='study__card'
          remote={history}
          rows={4}
          isEmpty={history.data?.rows.length === 0}
          empty={{ title: '今年还没有学习记录', hint: '参加会议签到、记录自学、完成测试和补学后，学时和积分会一条条记在这里。' }}
        >
          {history.data ? <History rows={history.data.rows} /> : null}
        </RemoteCard>
      </OneErrorBlock>
      <ActionBar text='记录自学' onClick={() => go('/pages/study-log/index')} />
    </View>
  )
}

export default function StudyPage() {
  return <SessionGate>{(member) => <Study member={member} />}</SessionGate>
}
