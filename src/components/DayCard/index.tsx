import { Text, View } from '@tarojs/components'
import type { ScheduledDay } from '../../../types/models'
import { formatDateZh } from '../../domain/time'
import './index.scss'

interface Props {
  label: string
  day: ScheduledDay
  /** "今天", "明天", "3 天后" or "已过". */
  relative?: string
}

/** One repeating date (主题党日, 党费缴纳日) with how it was placed. */
export function DayCard({ label, day, relative }: Props) {
  return (
    <View className='day-card'>
      <View className='day-card__head'>
        <Text className='day-card__label'>{label}</Text>
        {relative ? <Text className='day-card__relative'>{relative}</Text> : null}
      </View>
      <Text className='day-card__date'>{formatDateZh(day.date)}</Text>
      {day.shifted ? (
        <Text className='day-card__note'>原定 {formatDateZh(day.ruleDate)} 是法定节假日，提前到最近的工作日</Text>
      ) : null}
      {day.overridden ? <Text className='day-card__note'>本月日期由支部调整</Text> : null}
    </View>
  )
}
