import type { ReactNode } from 'react'
import { Dialog } from '../ui'

interface Props {
  visible: boolean
  title: string
  confirmText: string
  className?: string
  /** Sends what was asked for; answers false to keep the dialog open (with what was typed). */
  onConfirm: () => Promise<boolean>
  onClose: () => void
  children: ReactNode
}

/** A NutUI dialog with 返回 to cancel, that closes only by its buttons or a confirm that went through. */
export function FormDialog({ visible, title, confirmText, className, onConfirm, onClose, children }: Props) {
  return (
    <Dialog
      visible={visible}
      title={title}
      confirmText={confirmText}
      cancelText='返回'
      closeOnOverlayClick={false}
      onConfirm={async () => {
        // NutUI keeps its dialog open when the confirm handler rejects.
        if (!(await onConfirm())) throw new Error('not sent')
      }}
      onCancel={onClose}
      onClose={onClose}
      className={className}
    >
      {children}
    </Dialog>
  )
}
