import { Text, View } from '@tarojs/components'
import { STATUS_LABELS, type StatusKind } from '../../display/meeting-display'
import './index.scss'

/** A status word on its colour, the same everywhere: 已签到 green, 迟到 orange, 请假 blue, 缺席 grey, 补签 purple. */
export function StatusTag({ status, large }: { status: StatusKind; large?: boolean }) {
  return (
    <View className={`status-tag status-tag--${status.replace('_', '-')}${large ? ' status-tag--large' : ''}`} data-status={status}>
      <View className='status-tag__dot' />
      <Text className='status-tag__word'>{STATUS_LABELS[status]}</Text>
    </View>
  )
}
