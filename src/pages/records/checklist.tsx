import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { ChecklistEntry } from '../../../types/records'
import { StateView } from '../../components/StateView'
import { PageRoute } from '../../containers/PageRoute'
import { beforeUse, createMissingUrl, itemLabel, overdueItems, periodLabel, yearRows, type Groups } from '../../display/records-display'
import { shanghaiMonth } from '../../domain/time'
import { useRefreshOnReturn } from '../../hooks/use-refresh-on-return'
import { useRemote } from '../../hooks/use-remote'
import { call } from '../../services/call'
import { now } from '../../services/clock'
import './index.scss'

/** 已开 / 未开 / 待开 (the period is not over yet): a word beside every colour. */
function Mark({ item, groups, since }: { item: ChecklistEntry; groups: Groups; since: string }) {
  const before = !item.met && beforeUse(item.period, since)
  const state = item.met ? 'met' : before ? 'before' : item.due ? 'missed' : 'open'
  const word = item.met ? (item.held > 1 ? `已开 ${item.held}` : '已开') : before ? '未记录' : item.upcoming ? '已安排' : item.due ? '未开' : '待开'
  // Not met and its period not over: the arranged meeting, or the meeting form filled in for it.
  const url = item.met || item.due ? null : item.upcoming ? `/pages/meeting-detail/index?id=${encodeURIComponent(item.upcoming.meetingId)}` : createMissingUrl(item, groups)
  return (
    <View className={`year__mark year__mark--${state}`} role={url ? 'button' : undefined} onClick={url ? () => Taro.navigateTo({ url }) : undefined}>
      <Text className='year__mark-kind'>{itemLabel(item, groups)}</Text>
      <Text className='year__mark-word'>{word}</Text>
    </View>
  )
}

function Year({ year }: { year: number }) {
  const remote = useRemote(() => call('checklist.get', { year }), [year])
  useRefreshOnReturn(remote.refresh)
  const thisMonth = shanghaiMonth(now())
  const data = remote.data
  return (
    <StateView remote={remote} rows={8}>
      {data ? (
        <View>
          <Text className='year__summary'>
            {overdueItems(data.items, data.since).length ? `已过期未开 ${overdueItems(data.items, data.since).length} 项` : '到目前没有漏开的会议'}
          </Text>
          {yearRows(data.items).map((row) => (
            <View className='card year__row' key={row.period}>
              <Text className='year__period'>{periodLabel(row.period, thisMonth)}</Text>
              <View className='year__marks'>
                {row.items.map((item) => (
                  <Mark key={`${item.kind}|${item.groupId ?? ''}`} item={item} groups={data.groups} since={data.since} />
                ))}
              </View>
            </View>
          ))}
        </View>
      ) : null}
    </StateView>
  )
}

function ChecklistScreen() {
  const current = Number(shanghaiMonth(now()).slice(0, 4))
  const [year, setYear] = useState(current)
  return (
    <View className='page year'>
      <View className='year__switch'>
        <View className='year__step' role='button' aria-label='上一年' onClick={() => setYear(year - 1)}>
          ‹ {year - 1}
        </View>
        <Text className='year__current'>{year} 年三会一课</Text>
        {year < current ? (
          <View className='year__step' role='button' aria-label='下一年' onClick={() => setYear(year + 1)}>
            {year + 1} ›
          </View>
        ) : (
          <View className='year__step year__step--off' />
        )}
      </View>
      <Text className='year__legend'>支委会、党小组会、主题党日每月一次；支部党员大会每季度一次；党课、组织生活会每年至少一次。只有结束且有签到记录的会议才算开过；开始使用支部通之前的月份显示“未记录”。</Text>
      <Year year={year} />
    </View>
  )
}

/** The year's 三会一课 per month and kind (the leadership's), with what is missing. */
export default function ChecklistPage() {
  return <PageRoute render={() => <ChecklistScreen />} />
}
