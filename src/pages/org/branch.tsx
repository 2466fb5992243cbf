/** One branch as the 党委 sees it: its figures, 党小组 sizes, secretaries and 三会一课 checklist. No member's record. */
import { Text, View } from '@tarojs/components'
import { useEffect } from 'react'
import Taro from '@tarojs/taro'
import type { Result } from '../../services/call'
import { ReasonDialog } from '../../components/ReasonDialog'
import { StateView } from '../../components/StateView'
import { Button } from '../../components/ui'
import { Concerns, Figures } from './parts'
import { useBranch, useDetach, type Period } from './use-org'
import { kindWords, periodWords } from './words'

type Detail = Result<'org.branch'>
type Item = Detail['checklist'][number]

function itemWords(item: Item, groups: Detail['groups']): string {
  if (!item.groupId) return kindWords(item.kind)
  return `${kindWords('group')}（${groups.find((g) => g.id === item.groupId)?.name ?? '党小组'}）`
}

/** Items by period, in the checklist's order: one row a month, quarter or year. */
function byPeriod(items: Item[]): Array<[string, Item[]]> {
  const rows = new Map<string, Item[]>()
  for (const i of items) rows.set(i.period, [...(rows.get(i.period) ?? []), i])
  return [...rows]
}

function PeriodRows({ items, groups, tag, tone }: { items: Item[]; groups: Detail['groups']; tag: string; tone: 'missed' | 'met' }) {
  return (
    <>
      {byPeriod(items).map(([period, list]) => (
        <View key={period} className='org__item'>
          <View className='org__item-main'>
            <Text className='org__item-name'>{periodWords(period)}</Text>
            <Text className='org__item-kinds'>{list.map((i) => itemWords(i, groups)).join('、')}</Text>
          </View>
          <Text className={`org__tag org__tag--${tone}`}>{tag}</Text>
        </View>
      ))}
    </>
  )
}

/** 三会一课: what is overdue first, then what was held; what is not yet due only counted. */
function Checklist({ detail }: { detail: Detail }) {
  const missed = detail.checklist.filter((i) => i.due && !i.met)
  const met = detail.checklist.filter((i) => i.met)
  const open = detail.checklist.length - missed.length - met.length
  return (
    <View className='card org__list'>
      <Text className='org__list-title'>三会一课</Text>
      {missed.length ? <Text className='org__list-sub'>未开展 {missed.length} 项</Text> : null}
      <PeriodRows items={missed} groups={detail.groups} tag='未开展' tone='missed' />
      {met.length ? <Text className='org__list-sub'>已开展 {met.length} 项</Text> : null}
      <PeriodRows items={met} groups={detail.groups} tag='已开展' tone='met' />
      {open ? <Text className='muted org__open'>另有 {open} 项尚未到期。</Text> : null}
    </View>
  )
}

export function BranchScreen({ branchId, period }: { branchId: string; period: Period }) {
  const detail = useBranch(branchId, period)
  const detach = useDetach(branchId)
  const d = detail.data
  useEffect(() => {
    if (d) Taro.setNavigationBarTitle({ title: d.branch.name })
  }, [d?.branch.name])
  return (
    <View className='page org'>
      <StateView remote={detail} rows={8}>
        {d ? (
          <View>
            <View className='card org__branch'>
              <View className='org__branch-head'>
                <Text className='org__branch-name'>{d.branch.name}</Text>
                <Text className='org__members'>{d.branch.members} 名党员</Text>
              </View>
              <Text className='org__line'>书记：{d.secretaries.join('、') || '暂无'}</Text>
              <Text className='org__line'>{period.month ? `${period.year}年${Number(period.month.slice(5))}月` : `${period.year}年`}</Text>
              <Concerns row={d.branch} />
              <Figures row={d.branch} />
            </View>
            <View className='card org__list'>
              <Text className='org__list-title'>党小组</Text>
              {d.groups.length === 0 ? <Text className='muted'>还没有党小组</Text> : null}
              {d.groups.map((g) => (
                <View key={g.id} className='org__item'>
                  <Text className='org__item-name'>{g.name}</Text>
                  <Text className='org__item-count'>{g.members} 人</Text>
                </View>
              ))}
            </View>
            <Checklist detail={d} />
            <Button block fill='outline' className='org__detach' onClick={detach.asked}>
              移出本党委
            </Button>
          </View>
        ) : null}
      </StateView>
      <ReasonDialog
        visible={detach.asking}
        title='移出本党委'
        hint='移出后，本党委不再能看到该支部的情况；支部书记可凭代码重新加入。'
        placeholder='例如：隶属关系调整'
        confirmText='确认移出'
        onConfirm={detach.detached}
        onClose={detach.closed}
      />
    </View>
  )
}
