import { Text, View } from '@tarojs/components'
import { calendarDay, daysInMonth, isoWeekday } from '../../domain/time'
import './index.scss'

export type DayMark = 'theme' | 'dues' | 'meeting'

/** One character per mark, so that a day reads without its colour; the legend spells them out. */
const MARKS: Record<DayMark, { char: string; label: string }> = {
  theme: { char: '党', label: '主题党日' },
  dues: { char: '费', label: '党费缴纳日' },
  meeting: { char: '会', label: '会议' },
}

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日']

interface Props {
  /** YYYY-MM */
  month: string
  /** YYYY-MM-DD in Shanghai, ringed. */
  today: string
  /** Date (YYYY-MM-DD) → its marks. */
  marks: Record<string, DayMark[]>
  onPrev?: () => void
  onNext?: () => void
}

/** The month's name between ‹ and › (dimmed where there is no month to go to). */
function Head({ title, onPrev, onNext }: { title: string; onPrev?: () => void; onNext?: () => void }) {
  return (
    <View className='month-cal__head'>
      <View className={onPrev ? 'month-cal__nav' : 'month-cal__nav month-cal__nav--off'} onClick={onPrev} role='button' ariaLabel='上个月'>
        ‹
      </View>
      <Text className='month-cal__title'>{title}</Text>
      <View className={onNext ? 'month-cal__nav' : 'month-cal__nav month-cal__nav--off'} onClick={onNext} role='button' ariaLabel='下个月'>
        ›
      </View>
    </View>
  )
}

function Day({ date, today, marks }: { date: string; today: string; marks: DayMark[] }) {
  return (
    <View className={date === today ? 'month-cal__day month-cal__day--today' : 'month-cal__day'} data-date={date}>
      <Text className={date < today ? 'month-cal__num month-cal__num--past' : 'month-cal__num'}>{Number(date.slice(8))}</Text>
      <View className='month-cal__marks'>
        {marks.map((m) => (
          <Text key={m} className={`month-cal__mark month-cal__mark--${m}`}>
            {MARKS[m].char}
          </Text>
        ))}
      </View>
    </View>
  )
}

function Legend() {
  return (
    <View className='month-cal__legend'>
      {(Object.keys(MARKS) as DayMark[]).map((m) => (
        <View key={m} className='month-cal__legend-item'>
          <Text className={`month-cal__mark month-cal__mark--${m}`}>{MARKS[m].char}</Text>
          <Text className='month-cal__legend-label'>{MARKS[m].label}</Text>
        </View>
      ))}
      <View className='month-cal__legend-item'>
        <View className='month-cal__today-swatch' />
        <Text className='month-cal__legend-label'>今天</Text>
      </View>
    </View>
  )
}

/** A month as a Monday-first 7-column grid with 主题党日, 党费缴纳日 and meeting days marked. */
export function MonthCalendar({ month, today, marks, onPrev, onNext }: Props) {
  const first = calendarDay(`${month}-01`)
  const lead = isoWeekday(`${month}-01`) - 1
  const count = daysInMonth(month)
  const cells: Array<string | null> = [...Array(lead).fill(null)]
  for (let d = 1; d <= count; d++) cells.push(first.date(d).format('YYYY-MM-DD'))
  while (cells.length % 7) cells.push(null)

  return (
    <View className='month-cal'>
      <Head title={`${first.year()}年${first.month() + 1}月`} onPrev={onPrev} onNext={onNext} />
      <View className='month-cal__grid'>
        {WEEKDAYS.map((w) => (
          <Text key={w} className='month-cal__weekday'>
            {w}
          </Text>
        ))}
        {cells.map((date, i) =>
          date ? <Day key={date} date={date} today={today} marks={marks[date] ?? []} /> : <View key={`blank-${i}`} className='month-cal__day month-cal__day--blank' />,
        )}
      </View>
      <Legend />
    </View>
  )
}
