import { Text, View } from '@tarojs/components'
import type { TemplateKind } from '../../../types/models'
import { TEMPLATE_LABELS } from '../../display/reminders'
import { Button } from '../ui'
import './index.scss'

interface Props {
  /** The templates being asked for; null when the sheet is closed. */
  asking: TemplateKind[] | null
  onAnswer: (accept: boolean) => void
}

/**
 * H5 only: stands in for WeChat's own subscription sheet, so the same flow can be tried in a
 * browser. In the mini-program WeChat shows the real one and this renders nothing.
 */
export function SubscribeSheet({ asking, onAnswer }: Props) {
  if (process.env.TARO_ENV !== 'h5' || !asking) return null
  return (
    <View className='subscribe-sheet' role='dialog' aria-modal='true'>
      <View className='subscribe-sheet__mask' onClick={() => onAnswer(false)} />
      <View className='subscribe-sheet__panel'>
        <Text className='subscribe-sheet__demo'>本地演示：此处代替微信的订阅消息弹窗</Text>
        <Text className='subscribe-sheet__title'>「支部通」想给您发送以下消息：</Text>
        {asking.map((k) => (
          <View className='subscribe-sheet__item' key={k}>
            <Text>{TEMPLATE_LABELS[k]}</Text>
          </View>
        ))}
        <Text className='subscribe-sheet__hint'>每次“允许”只能收到一条提醒，之后需要再次允许。</Text>
        <View className='subscribe-sheet__actions'>
          <Button className='subscribe-sheet__button' fill='outline' onClick={() => onAnswer(false)}>
            取消
          </Button>
          <Button className='subscribe-sheet__button' type='primary' onClick={() => onAnswer(true)}>
            允许
          </Button>
        </View>
      </View>
    </View>
  )
}
