import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { SessionGate } from '../../components/SessionGate'
import { StateView } from '../../components/StateView'
import { nextMonth, relativeDay } from '../../domain/relative-day'
import { formatDateZh, shanghaiDate } from '../../domain/time'
import { useRemote } from '../../hooks/use-remote'
import { call } from '../../services/call'
import './index.scss'

const MONTHS_AHEAD = 3

async function loadMonths(firstMonth: string) {
  const months = [firstMonth]
  while (months.length < MONTHS_AHEAD) months.push(nextMonth(months[months.length - 1]))
  return Promise.all(months.map((month) => call('schedule.month', { month })))
}

/** The branch's fixed monthly days for the coming months: 主题党日 and 党费缴纳日. */
function Schedule() {
  const today = shanghaiDate(new Date())
  const months = useRemote(() => loadMonths(today.slice(0, 7)), [today])

  usePullDownRefresh(() => {
    months.reload()
    Taro.stopPullDownRefresh()
  })

  return (
    <View className='page meetings'>
      <Text className='section-title'>每月固定安排</Text>
      <StateView status={months.status} errorMessage={months.error?.message} errorCode={months.error?.code} onRetry={months.reload} rows={6}>
        {months.data?.map((m) => (
          <View className='card meetings__month' key={m.month}>
            <Text className='meetings__month-title'>{Number(m.month.slice(5))}月</Text>
            {[
              { label: '主题党日', day: m.themeDay },
              { label: '党费缴纳日', day: m.duesDay },
            ].map(({ label, day }) => (
              <View className='meetings__row' key={label}>
                <Text className='meetings__label'>{label}</Text>
                <View className='meetings__when'>
                  <Text className={day.date < today ? 'meetings__date meetings__date--past' : 'meetings__date'}>{formatDateZh(day.date)}</Text>
                  <Text className='meetings__relative'>{relativeDay(today, day.date)}</Text>
                </View>
                {day.shifted ? <Text className='meetings__note'>遇法定节假日，由 {formatDateZh(day.ruleDate)} 提前</Text> : null}
              </View>
            ))}
            {!m.holidayDataKnown ? <Text className='meetings__note'>该年节假日安排尚未公布，日期未按节假日调整</Text> : null}
          </View>
        ))}
      </StateView>
      <Text className='muted meetings__footer'>默认每月第4个周五；支部可调整规则或单独改某个月。</Text>
    </View>
  )
}

export default function MeetingsPage() {
  return <SessionGate>{() => <Schedule />}</SessionGate>
}
