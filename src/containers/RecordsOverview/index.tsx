import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Section } from '../../components/Section'
import { Button } from '../../components/ui'
import { createMissingUrl, itemLabel, itemSentence } from '../../display/records-display'
import { formatDateZh, shanghaiDate } from '../../domain/time'
import { useRecordsOverview } from '../../features/records/use-records-overview'
import './index.scss'

const go = (url: string) => () => Taro.navigateTo({ url })

/** 首页 for the leadership: 三会一课 this month and quarter, what is missing (one tap to arrange it), warnings. */
export function RecordsOverview() {
  const { thisMonth, checklist, glance, warned, warnings } = useRecordsOverview()
  const data = checklist.data
  return (
    <Section title='三会一课' remote={checklist} rows={3} className='records'>
      {data && glance ? (
        <View>
          {data.idle ? (
            <View className='records__idle' role='alert'>
              <Text className='records__idle-title'>已超过 30 天没有开会</Text>
              <Text className='records__idle-hint'>{data.lastHeldAt ? `上次开会：${formatDateZh(shanghaiDate(data.lastHeldAt))}` : '还没有开过会'}，请尽快安排组织生活。</Text>
            </View>
          ) : null}
          {glance.missing.map((item) => (
            <View className='records__row' key={`${item.period}|${item.kind}|${item.groupId ?? ''}`}>
              <Text className='records__missing'>{itemSentence(item, data.groups, thisMonth)}</Text>
              {item.upcoming ? (
                <Button size='small' fill='outline' className='records__arrange' onClick={go(`/pages/meeting-detail/index?id=${encodeURIComponent(item.upcoming.meetingId)}`)}>
                  查看
                </Button>
              ) : (
                <Button size='small' fill='outline' type='primary' className='records__arrange' onClick={go(createMissingUrl(item, data.groups))}>
                  去安排
                </Button>
              )}
            </View>
          ))}
          {glance.missing.length === 0 ? <Text className='records__all-done'>本月、本季度的三会一课都已开过</Text> : null}
          {glance.done.length ? <Text className='records__done'>已开：{glance.done.map((i) => itemLabel(i, data.groups)).join('、')}</Text> : null}
          <View className='records__links'>
            <View className='records__link' role='button' onClick={go('/pages/records/checklist')}>
              全年台账 ›
            </View>
            <View className='records__link' role='button' onClick={go('/pages/records/warnings')}>
              {warnings.status === 'ready' && warned !== null ? (warned > 0 ? `预警 ${warned} 人 ›` : '预警 ›') : '预警 ›'}
            </View>
          </View>
        </View>
      ) : null}
    </Section>
  )
}
