import { Text, View } from '@tarojs/components'
import { useEffect } from 'react'
import { LIMITS } from '../../domain/limits'
import { useActionForm } from '../../hooks/use-action-form'
import { FormDialog } from '../FormDialog'
import { TextArea } from '../ui'
import './index.scss'

const REASON = LIMITS.reason

interface Props {
  visible: boolean
  title: string
  /** One line above the text box: what happens when confirmed. */
  hint?: string
  placeholder: string
  confirmText: string
  /** Does the work; a thrown error is shown in the dialog, which stays open with the text kept. */
  onConfirm: (reason: string) => Promise<void>
  onClose: () => void
}

/** Asks for a reason (请假, 取消会议, 补签) and submits it once, showing progress and any error in place. */
export function ReasonDialog({ visible, title, hint, placeholder, confirmText, onConfirm, onClose }: Props) {
  const form = useActionForm({
    initial: { reason: '' },
    validate: ({ reason }) => (reason.trim().length < REASON.min ? { field: 'reason', message: `请写明原因，至少 ${REASON.min} 个字` } : null),
    send: ({ reason }) => onConfirm(reason.trim()),
    fallbackError: '没有成功，请重试',
  })
  // Opened again: blank after a reason that went through, else with what was typed before.
  const { clearError, reset } = form
  const sent = form.done !== null
  useEffect(() => {
    if (!visible) return
    if (sent) reset()
    else clearError()
  }, [visible])

  return (
    <FormDialog visible={visible} title={title} confirmText={confirmText} onConfirm={form.submit} onClose={onClose} className='reason-dialog'>
      <View className='reason-dialog__body'>
        {hint ? <Text className='reason-dialog__hint'>{hint}</Text> : null}
        <TextArea
          className='reason-dialog__input'
          value={form.values.reason}
          onChange={(v) => form.set('reason', v)}
          placeholder={placeholder}
          maxLength={REASON.max}
          showCount
          autoSize
        />
        {form.error ? (
          <View className='reason-dialog__error' role='alert'>
            {form.error}
          </View>
        ) : null}
      </View>
    </FormDialog>
  )
}
