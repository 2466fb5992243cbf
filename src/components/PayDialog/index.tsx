import { Picker, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { parseYuan, yuan } from '../../display/money'
import { FormDialog, useDialogSubmit } from '../FormDialog'
import { Input } from '../ui'
import './index.scss'

interface Props {
  visible: boolean
  title: string
  /** The 核定 amount to start from, 分. */
  amount: number | null
  /** Today (YYYY-MM-DD), the latest date that can be chosen. */
  today: string
  /** The earliest date that can be chosen: the first of the month being paid. */
  earliest: string
  confirmText: string
  onConfirm: (amountFen: number, paidAt: string) => Promise<void>
  onClose: () => void
}

/** Asks how much was paid and when; submits once and keeps what was typed on an error. */
export function PayDialog({ visible, title, amount, today, earliest, confirmText, onConfirm, onClose }: Props) {
  const [text, setText] = useState('')
  const [date, setDate] = useState(today)
  const { error, submit } = useDialogSubmit(visible)

  useEffect(() => {
    if (visible) {
      setText(amount ? yuan(amount) : '')
      setDate(today)
    }
  }, [visible, amount, today])

  function confirm() {
    const fen = parseYuan(text)
    return submit(fen === null || fen <= 0 ? '请填写金额，例如 12.50' : null, () => onConfirm(fen as number, date))
  }

  return (
    <FormDialog visible={visible} title={title} confirmText={confirmText} onConfirm={confirm} onClose={onClose}>
      <View className='pay-dialog'>
        <Text className='pay-dialog__label'>金额（元）</Text>
        <Input className='pay-dialog__input' type='digit' value={text} onChange={(v) => setText(v)} placeholder='例如 12.50' />
        <Text className='pay-dialog__label'>缴纳日期</Text>
        <Picker mode='date' value={date} start={earliest} end={today} onChange={(e) => setDate(String(e.detail.value))}>
          <View className='pay-dialog__date'>{date}</View>
        </Picker>
        {error ? (
          <View className='pay-dialog__error' role='alert'>
            {error}
          </View>
        ) : null}
      </View>
    </FormDialog>
  )
}
