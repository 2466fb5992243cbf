import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import type { Result } from '../../services/call'
import type { MemberView } from '../../../types/models'
import { SessionGate } from '../../containers/SessionGate'
import { StateView } from '../../components/StateView'
import { ArrowRight, Button, Cell, CellGroup, Progress } from '../../components/ui'
import { MEETING_TYPE_LABELS } from '../../domain/meetings'
import { dueQuizzes } from '../../display/quiz-view'
import { weekStart } from '../../domain/study'
import { dateTimeZh, formatHours, hoursLeftLine, hoursPercent, shortDate } from '../../display/study-display'
import { shanghaiDate } from '../../domain/time'
import { useRefreshOnReturn } from '../../hooks/use-refresh-on-return'
import { useRemote, type Remote } from '../../hooks/use-remote'
import { call } from '../../services/call'
import { now } from '../../services/clock'
import './index.scss'

const HISTORY_SHOWN = 6

const isOrganiser = (m: MemberView) => m.roles.some((r) => r === 'secretary' || r === 'deputy' || r === 'committee')

/** One state for a card that needs several answers: an error wins, then loading. */
function together(...remotes: Array<Pick<Remote<unknown>, 'status' | 'error'>>) {
  const failed = remotes.find((r) => r.status === 'error')
  if (failed) return { status: 'error' as const, error: failed.error }
  if (remotes.some((r) => r.status === 'loading')) return { status: 'loading' as const, error: null }
  return { status: 'ready' as const, error: null }
}

function go(url: string) {
  Taro.navigateTo({ url })
}

/** 学时 this year against the target, and the year's points. */
function YearCard({ data }: { data: Result<'points.mine'> }) {
  return (
    <View className='card study__year'>
      <View className='study__year-row'>
        <View className='study__year-main'>
          <Text className='muted'>{data.year} 年学时</Text>
          <View className='study__hours'>
            <Text className='big-number'>{formatHours(data.studyHours)}</Text>
            <Text className='study__target'> / {formatHours(data.targetHours)}</Text>
          </View>
        </View>
        <View className='study__year-side'>
          <Text className='muted'>学习积分</Text>
          <Text className='study__points'>{data.total}</Text>
        </View>
      </View>
      <Progress percent={hoursPercent(data.studyHours, data.targetHours)} color='#C8161D' strokeWidth='10' />
      <Text className='muted study__line'>{hoursLeftLine(data.studyHours, data.targetHours)}</Text>
    </View>
  )
}

type Quizzes = Result<'quiz.list'>['quizzes']
type Makeups = Result<'makeup.mine'>['tasks']

/** Tests open now that I have not handed in, and 补学 I still owe. */
function Tasks({ quizzes, makeups }: { quizzes: Quizzes; makeups: Makeups }) {
  const due = dueQuizzes(quizzes, now())
  const owed = makeups.filter((t) => !t.done).sort((a, b) => Date.parse(a.deadline) - Date.parse(b.deadline))
  if (!due.length && !owed.length) {
    return <Text className='muted study__none'>暂无待完成的学习任务。新的知识测试和需要补学的会议会出现在这里。</Text>
  }
  return (
    <View className='study__tasks'>
      {due.map((q) => (
        <View key={q.id} className='study__task' role='button' data-quiz={q.id} onClick={() => go(`/pages/quiz/index?id=${encodeURIComponent(q.id)}`)}>
          <View className='study__task-main'>
            <Text className='study__task-kind'>知识测试</Text>
            <Text className='study__task-title'>{q.title}</Text>
            <Text className='muted'>
              {q.questionCount} 题 · 限时 {q.timeLimitMin} 分钟 · {dateTimeZh(q.closesAt)}截止
            </Text>
          </View>
          <Text className='study__task-go'>{q.my.state === 'in_progress' ? '继续答题' : '去答题'}</Text>
          <ArrowRight className='study__arrow' />
        </View>
      ))}
      {owed.map((t) => (
        <View
          key={t.meetingId}
          className='study__task'
          role='button'
          data-makeup={t.meetingId}
          onClick={() => go(`/pages/makeup/index?meetingId=${encodeURIComponent(t.meetingId)}`)}
        >
          <View className='study__task-main'>
            <Text className='study__task-kind'>补学 · {MEETING_TYPE_LABELS[t.type]}</Text>
            <Text className='study__task-title'>{t.title}</Text>
            {t.overdue ? (
              <Text className='study__overdue'>已逾期 · 应在{dateTimeZh(t.deadline)}前完成</Text>
            ) : (
              <Text className='muted'>请在{dateTimeZh(t.deadline)}前完成</Text>
            )}
          </View>
          <Text className='study__task-go'>去补学</Text>
          <ArrowRight className='study__arrow' />
        </View>
      ))}
    </View>
  )
}

/** This week's self-reported 学习强国 points against the weekly target. */
function XuexiCard({ data }: { data: Result<'xuexi.mine'> }) {
  const thisWeek = weekStart(shanghaiDate(now()))
  const points = data.weeks.find((w) => w.week === thisWeek)?.points ?? null
  return (
    <View className='card'>
      <View className='study__xuexi-head'>
        {points === null ? (
          <Text className='study__xuexi-none'>本周还没有上报</Text>
        ) : (
          <View className='study__hours'>
            <Text className='big-number'>{points}</Text>
            <Text className='study__target'> / {data.target} 分</Text>
          </View>
        )}
        <Button fill='outline' type='primary' className='study__xuexi-button' onClick={() => go('/pages/xuexi/index')}>
          上报学习强国
        </Button>
      </View>
      {points !== null ? <Progress percent={hoursPercent(points, data.target)} color='#C8161D' strokeWidth='8' /> : null}
      <Text className='muted study__line'>学习强国没有开放数据，积分由您自己上报，支部只作统计参考。每周目标 {data.target} 分。</Text>
    </View>
  )
}

function History({ rows }: { rows: Result<'points.history'>['rows'] }) {
  const [all, setAll] = useState(false)
  const sorted = [...rows].sort((a, b) => Date.parse(b.at) - Date.parse(a.at))
  const shown = all ? sorted : sorted.slice(0, HISTORY_SHOWN)
  return (
    <View>
      {shown.map((r) => (
        <View key={r.id} className='study__entry'>
          <View className='study__entry-main'>
            <Text className='study__entry-reason'>{r.reason}</Text>
            <Text className='muted'>
              {shortDate(shanghaiDate(r.at))}
              {r.studyHours ? ` · ${formatHours(r.studyHours)} 学时` : ''}
            </Text>
          </View>
          <Text className='study__entry-points'>{r.points >= 0 ? `+${r.points}` : r.points} 分</Text>
        </View>
      ))}
      {sorted.length > HISTORY_SHOWN && !all ? (
        <View className='study__more' role='button' onClick={() => setAll(true)}>
          显示全部 {sorted.length} 条
        </View>
      ) : null}
    </View>
  )
}

function Study({ member }: { member: MemberView }) {
  const organiser = isOrganiser(member)
  const points = useRemote(() => call('points.mine', {}), [])
  const quizzes = useRemote(() => call('quiz.list', {}), [])
  const makeups = useRemote(() => call('makeup.mine', {}), [])
  const xuexi = useRemote(() => call('xuexi.mine', {}), [])
  const history = useRemote(() => call('points.history', {}), [])
  const settings = useRemote(() => call('branch.settings', {}), [])
  const pending = useRemote(() => call('study.pending', {}), [], organiser)
  const all = [points, quizzes, makeups, xuexi, history, settings, ...(organiser ? [pending] : [])]

  // Back from a test, the form or 补学: show what changed without the skeletons.
  useRefreshOnReturn(() => {
    for (const r of all) r.refresh()
  })

  usePullDownRefresh(() => {
    for (const r of all) r.reload()
    Taro.stopPullDownRefresh()
  })

  // Without the year's figures (most often: no network) one message says it, not one per card.
  const failed = points.error
  if (failed) {
    return (
      <View className='page study'>
        <StateView status='error' errorMessage={failed.message} errorCode={failed.code} onRetry={() => all.forEach((r) => r.reload())} />
      </View>
    )
  }

  const tasks = together(quizzes, makeups)
  const pendingCount = pending.data?.studies.length ?? 0
  const rankings = settings.data?.settings.rankingsEnabled === true

  return (
    <View className='page page--actions study'>
      <StateView status={points.status} rows={4}>
        {points.data ? <YearCard data={points.data} /> : null}
      </StateView>

      <Text className='section-title'>待完成</Text>
      <View className='card study__card'>
      <StateView
        status={tasks.status}
        errorMessage={tasks.error?.message}
        errorCode={tasks.error?.code}
        onRetry={() => {
          quizzes.reload()
          makeups.reload()
        }}
        rows={2}
      >
        {quizzes.data && makeups.data ? <Tasks quizzes={quizzes.data.quizzes} makeups={makeups.data.tasks} /> : null}
      </StateView>
      </View>

      <Text className='section-title'>学习强国 · 本周</Text>
      <StateView remote={xuexi} rows={2}>
        {xuexi.data ? <XuexiCard data={xuexi.data} /> : null}
      </StateView>

      {organiser ? (
        <View>
          <Text className='section-title'>支部学习管理</Text>
          <CellGroup className='study__cells'>
            {pendingCount ? (
              <Cell
                title='审核自学'
                extra={
                  <View className='study__extra'>
                    <Text className='study__pending'>{pendingCount} 条待审核</Text>
                    <ArrowRight className='study__arrow' />
                  </View>
                }
                align='center'
                clickable
                onClick={() => go('/pages/study-admin/index?tab=pending')}
              />
            ) : null}
            <Cell title='题库与测试' extra={<ArrowRight className='study__arrow' />} align='center' clickable onClick={() => go('/pages/quiz-admin/index')} />
            <Cell
              title='学时情况'
              extra={<ArrowRight className='study__arrow' />}
              align='center'
              clickable
              onClick={() => go('/pages/study-admin/index?tab=overview')}
            />
          </CellGroup>
        </View>
      ) : null}

      {rankings ? (
        <CellGroup className='study__cells'>
          <Cell title='学习积分排名' extra={<ArrowRight className='study__arrow' />} align='center' clickable onClick={() => go('/pages/ranking/index')} />
        </CellGroup>
      ) : null}

      <Text className='section-title'>{history.data ? `${history.data.year} 年学习记录` : '学习记录'}</Text>
      <View className='card study__card'>
      <StateView
        remote={history}
        rows={4}
        isEmpty={history.data?.rows.length === 0}
        empty={{ title: '今年还没有学习记录', hint: '参加会议签到、记录自学、完成测试和补学后，学时和积分会一条条记在这里。' }}
      >
        {history.data ? <History rows={history.data.rows} /> : null}
      </StateView>
      </View>

      <View className='action-bar'>
        <Button block type='primary' className='action-bar__main' onClick={() => go('/pages/study-log/index')}>
          记录自学
        </Button>
      </View>
    </View>
  )
}

export default function StudyPage() {
  return <SessionGate>{(member) => <Study member={member} />}</SessionGate>
}
