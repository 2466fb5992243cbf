import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { Result } from '../../services/call'
import { ArrowRight, Button, Cell, CellGroup, Progress } from '../../components/ui'
import { MEETING_TYPE_LABELS } from '../../domain/meetings'
import { dueQuizzes } from '../../display/quiz-view'
import { weekStart } from '../../domain/study'
import { dateTimeZh, formatHours, hoursLeftLine, hoursPercent, shortDate } from '../../display/study-display'
import { shanghaiDate } from '../../domain/time'
import { now } from '../../services/clock'
import { COLORS } from '../../styles/colors'

const HISTORY_SHOWN = 6

export function go(url: string) {
  Taro.navigateTo({ url })
}

/** 学时 this year against the target, and the year's points. */
export function YearCard({ data }: { data: Result<'points.mine'> }) {
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
      <Progress percent={hoursPercent(data.studyHours, data.targetHours)} color={COLORS.primary} strokeWidth='10' />
      <Text className='muted study__line'>{hoursLeftLine(data.studyHours, data.targetHours)}</Text>
    </View>
  )
}

type Quiz = Result<'quiz.list'>['quizzes'][number]
type Makeup = Result<'makeup.mine'>['tasks'][number]

function Task({ data, url, kind, title, go: goWord, children }: { data: Record<string, string>; url: string; kind: string; title: string; go: string; children: JSX.Element }) {
  return (
    <View className='study__task' role='button' {...data} onClick={() => go(url)}>
      <View className='study__task-main'>
        <Text className='study__task-kind'>{kind}</Text>
        <Text className='study__task-title'>{title}</Text>
        {children}
      </View>
      <Text className='study__task-go'>{goWord}</Text>
      <ArrowRight className='study__arrow' />
    </View>
  )
}

const QuizTask = ({ q }: { q: Quiz }) => (
  <Task data={{ 'data-quiz': q.id }} url={`/pages/quiz/index?id=${encodeURIComponent(q.id)}`} kind='知识测试' title={q.title} go={q.my.state === 'in_progress' ? '继续答题' : '去答题'}>
    <Text className='muted'>
      {q.questionCount} 题 · 限时 {q.timeLimitMin} 分钟 · {dateTimeZh(q.closesAt)}截止
    </Text>
  </Task>
)

const MakeupTask = ({ t }: { t: Makeup }) => (
  <Task data={{ 'data-makeup': t.meetingId }} url={`/pages/makeup/index?meetingId=${encodeURIComponent(t.meetingId)}`} kind={`补学 · ${MEETING_TYPE_LABELS[t.type]}`} title={t.title} go='去补学'>
    {t.overdue ? <Text className='study__overdue'>已逾期 · 应在{dateTimeZh(t.deadline)}前完成</Text> : <Text className='muted'>请在{dateTimeZh(t.deadline)}前完成</Text>}
  </Task>
)

/** Tests open now that I have not handed in, and 补学 I still owe. */
export function Tasks({ quizzes, makeups }: { quizzes: Quiz[]; makeups: Makeup[] }) {
  const due = dueQuizzes(quizzes, now())
  const owed = makeups.filter((t) => !t.done).sort((a, b) => Date.parse(a.deadline) - Date.parse(b.deadline))
  if (!due.length && !owed.length) return <Text className='muted study__none'>暂无待完成的学习任务。新的知识测试和需要补学的会议会出现在这里。</Text>
  return (
    <View className='study__tasks'>
      {due.map((q) => (
        <QuizTask key={q.id} q={q} />
      ))}
      {owed.map((t) => (
        <MakeupTask key={t.meetingId} t={t} />
      ))}
    </View>
  )
}

/** This week's self-reported 学习强国 points against the weekly target. */
export function XuexiCard({ data }: { data: Result<'xuexi.mine'> }) {
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
      {points !== null ? <Progress percent={hoursPercent(points, data.target)} color={COLORS.primary} strokeWidth='8' /> : null}
      <Text className='muted study__line'>学习强国没有开放数据，积分由您自己上报，支部只作统计参考。每周目标 {data.target} 分。</Text>
    </View>
  )
}

export function History({ rows }: { rows: Result<'points.history'>['rows'] }) {
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

const Link = ({ title, url, extra }: { title: string; url: string; extra?: JSX.Element }) => (
  <Cell title={title} extra={extra ?? <ArrowRight className='study__arrow' />} align='center' clickable onClick={() => go(url)} />
)

/** The leadership's way into review, the question bank and everyone's 学时. */
export function LeaderLinks({ pendingCount }: { pendingCount: number }) {
  const pending = (
    <View className='study__extra'>
      <Text className='study__pending'>{pendingCount} 条待审核</Text>
      <ArrowRight className='study__arrow' />
    </View>
  )
  return (
    <View>
      <Text className='section-title'>支部学习管理</Text>
      <CellGroup className='study__cells'>
        {pendingCount ? <Link title='审核自学' url='/pages/study-admin/index?tab=pending' extra={pending} /> : null}
        <Link title='题库与测试' url='/pages/quiz-admin/index' />
        <Link title='学时情况' url='/pages/study-admin/index?tab=overview' />
      </CellGroup>
    </View>
  )
}

export const RankingLink = () => (
  <CellGroup className='study__cells'>
    <Link title='学习积分排名' url='/pages/ranking/index' />
  </CellGroup>
)
