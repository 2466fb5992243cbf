import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { FormDialog, useDialogSubmit } from '../FormDialog'
import { TextArea } from '../ui'
import './index.scss'

export const REASON_MIN = 2
export const REASON_MAX = 200

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
  const [text, setText] = useState('')
  const { error, setError, submit } = useDialogSubmit(visible)

  function confirm() {
    const reason = text.trim()
    return submit(reason.length < REASON_MIN ? `请写明原因，至少 ${REASON_MIN} 个字` : null, async () => {
      await onConfirm(reason)
      setText('')
    })
  }

  return (
    <FormDialog visible={visible} title={title} confirmText={confirmText} onConfirm={confirm} onClose={onClose} className='reason-dialog'>
      <View className='reason-dialog__body'>
        {hint ? <Text className='reason-dialog__hint'>{hint}</Text> : null}
        <TextArea
          className='reason-dialog__input'
          value={text}
          onChange={(v) => {
            setText(v)
            if (error) setError(null)
          }}
          placeholder={placeholder}
          maxLength={REASON_MAX}
          showCount
          autoSize
        />
        {error ? (
          <View className='reason-dialog__error' role='alert'>
            {error}
          </View>
        ) : null}
      </View>
    </FormDialog>
  )
}
