import { DatePicker } from '../../components/ui'

const pad = (v: string | number | null) => String(v ?? '').padStart(2, '0')

/** A Date that puts the picker's wheels on the given day (the device's zone is irrelevant here). */
const wheelsOn = (date: string) => new Date(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)))

interface Props {
  visible: boolean
  title: string
  /** Dates as YYYY-MM-DD, Shanghai calendar days. */
  value: string
  from: string
  to: string
  onPick: (date: string) => void
  onClose: () => void
}

/** NutUI's date wheels for one calendar day, in and out as YYYY-MM-DD. */
export function DayPicker({ visible, title, value, from, to, onPick, onClose }: Props) {
  return (
    <DatePicker
      visible={visible}
      threeDimensional={false}
      title={title}
      type='date'
      showChinese
      value={wheelsOn(value)}
      startDate={wheelsOn(from)}
      endDate={wheelsOn(to)}
      onConfirm={(_, values) => onPick(`${values[0]}-${pad(values[1])}-${pad(values[2])}`)}
      onClose={onClose}
    />
  )
}
