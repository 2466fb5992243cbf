import { Picker, Text, View } from '@tarojs/components'
import { useEffect } from 'react'
import { parseYuan, yuan } from '../../display/money'
import { useActionForm } from '../../hooks/use-action-form'
import { FormDialog } from '../FormDialog'
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
  const form = useActionForm({
    initial: { text: '', date: today },
    validate: ({ text }) => {
      const fen = parseYuan(text)
      return fen === null || fen <= 0 ? { field: 'text', message: '请填写金额，例如 12.50' } : null
    },
    send: ({ text, date }) => onConfirm(parseYuan(text) as number, date),
    fallbackError: '没有成功，请重试',
  })
  const { reset } = form
  useEffect(() => {
    if (visible) reset({ text: amount ? yuan(amount) : '', date: today })
  }, [visible, amount, today, reset])

  return (
    <FormDialog visible={visible} title={title} confirmText={confirmText} onConfirm={form.submit} onClose={onClose}>
      <View className='pay-dialog'>
        <Text className='pay-dialog__label'>金额（元）</Text>
        <Input className='pay-dialog__input' type='digit' value={form.values.text} onChange={(v) => form.set('text', v)} placeholder='例如 12.50' />
        <Text className='pay-dialog__label'>缴纳日期</Text>
        <Picker mode='date' value={form.values.date} start={earliest} end={today} onChange={(e) => form.set('date', String(e.detail.value))}>
          <View className='pay-dialog__date'>{form.values.date}</View>
        </Picker>
        {form.error ? (
          <View className='pay-dialog__error' role='alert'>
            {form.error}
          </View>
        ) : null}
      </View>
    </FormDialog>
  )
}
