import { Text, View } from '@tarojs/components'
import { StateView } from '../../components/StateView'
import { Progress } from '../../components/ui'
import { dateTimeZh, formatHours, hoursPercent } from '../../display/study-display'
import { Names } from '../../features/study/views'
import { useRemote } from '../../hooks/use-remote'
import { call, type Result } from '../../services/call'
import { COLORS } from '../../styles/colors'

type OverviewRow = Result<'study.overview'>['members'][number]

/** Who is behind first, then the least far along; with the counts for the summary card. */
export function overviewOf(rows: OverviewRow[]) {
  const members = [...rows].sort((a, b) => Number(b.behind) - Number(a.behind) || a.studyHours / a.target - b.studyHours / b.target)
  return { members, behind: members.filter((m) => m.behind).length, done: members.filter((m) => m.studyHours >= m.target).length }
}

function OverviewRowView({ m }: { m: OverviewRow }) {
  return (
    <View className={m.behind ? 'sa__member sa__member--behind' : 'sa__member'} data-member={m.memberId}>
      <View className='sa__member-head'>
        <Text className='sa__member-name'>{m.name}</Text>
        {m.behind ? <Text className='sa__behind'>进度落后</Text> : m.studyHours >= m.target ? <Text className='sa__done'>已完成</Text> : null}
        <Text className='sa__member-hours'>
          <Text className='sa__member-num'>{formatHours(m.studyHours)}</Text> / {formatHours(m.target)} 学时
        </Text>
      </View>
      <Progress percent={hoursPercent(m.studyHours, m.target)} color={m.behind ? COLORS.primaryDark : COLORS.present} strokeWidth='6' />
      {m.behind ? <Text className='sa__expected'>按进度此时应达 {formatHours(m.expectedByNow)} 学时</Text> : null}
    </View>
  )
}

function Summary({ figures }: { figures: [number, string, string?][] }) {
  return (
    <View className='card sa__summary'>
      {figures.map(([n, words, tone]) => (
        <View key={words} className='sa__summary-item'>
          <Text className={tone ? `sa__summary-num sa__summary-num--${tone}` : 'sa__summary-num'}>{n}</Text>
          <Text className='muted'>{words}</Text>
        </View>
      ))}
    </View>
  )
}

export function OverviewTab() {
  const overview = useRemote(() => call('study.overview', {}), [])
  const data = overview.data
  const { members, behind, done } = overviewOf(data?.members ?? [])
  return (
    <StateView remote={overview} rows={6} isEmpty={members.length === 0} empty={{ title: '支部还没有党员', hint: '党员加入后，每个人的学时会列在这里。' }}>
      {data ? (
        <View>
          <Summary figures={[[behind, '人进度落后', 'behind'], [done, '人已完成'], [members.length, '名党员']]} />
          <Text className='muted sa__explain'>{data.year} 年学时。“进度落后”指低于按全年目标和今天的日期折算的应有学时。</Text>
          <View className='card sa__list'>
            {members.map((m) => (
              <OverviewRowView key={m.memberId} m={m} />
            ))}
          </View>
        </View>
      ) : null}
    </StateView>
  )
}

type Owed = Result<'makeup.overview'>['owed'][number]

function OwedCard({ o }: { o: Owed }) {
  // One deadline per meeting: everyone on its list is overdue or nobody is.
  const overdue = o.members.some((m) => m.overdue)
  return (
    <View className='card sa__makeup' data-meeting={o.meetingId}>
      <Text className='sa__title'>{o.title}</Text>
      {overdue ? <Text className='sa__late'>已逾期 · 应在{dateTimeZh(o.deadline)}前完成</Text> : <Text className='muted'>{dateTimeZh(o.deadline)}前完成</Text>}
      <Text className='muted'>还有 {o.members.length} 人未补学：</Text>
      <Names people={o.members} className='sa__names' itemClassName='sa__owe' />
    </View>
  )
}

export function MakeupTab() {
  const overview = useRemote(() => call('makeup.overview', {}), [])
  const owed = overview.data?.owed ?? []
  return (
    <StateView
      remote={overview}
      rows={5}
      isEmpty={owed.length === 0}
      empty={{ title: '没有人需要补学', hint: '缺席或请假未参加支部党员大会、党课的党员，需在 7 天内补学，未完成的会列在这里。' }}
    >
      <Text className='muted sa__explain'>缺席或请假未参加支部党员大会、党课的党员，需在会后 7 天内补学。</Text>
      {owed.map((o) => (
        <OwedCard key={o.meetingId} o={o} />
      ))}
    </StateView>
  )
}
