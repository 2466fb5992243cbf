import { useEffect, useState, type ReactNode } from 'react'
import { withoutFieldPrefix } from '../../display/meeting-display'
import { ApiError } from '../../services/call'
import { Dialog } from '../ui'

/**
 * The submit of a dialog that asks for something and sends it once: a problem found before
 * sending, or the server's answer, is shown in the dialog, which stays open with what was typed.
 */
export function useDialogSubmit(visible: boolean) {
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    if (visible) setError(null)
  }, [visible])

  /** Throws (keeping NutUI's dialog open) when `problem` is set or `send` fails. */
  async function submit(problem: string | null, send: () => Promise<void>) {
    if (problem) {
      setError(problem)
      throw new Error(problem)
    }
    setError(null)
    try {
      await send()
    } catch (err) {
      setError(err instanceof ApiError ? withoutFieldPrefix(err.message) : '没有成功，请重试')
      throw err
    }
  }
  return { error, setError, submit }
}

interface Props {
  visible: boolean
  title: string
  confirmText: string
  className?: string
  onConfirm: () => Promise<void>
  onClose: () => void
  children: ReactNode
}

/** A NutUI dialog with 返回 to cancel, that closes only by its buttons. */
export function FormDialog({ visible, title, confirmText, className, onConfirm, onClose, children }: Props) {
  return (
    <Dialog
      visible={visible}
      title={title}
      confirmText={confirmText}
      cancelText='返回'
      closeOnOverlayClick={false}
      onConfirm={onConfirm}
      onCancel={onClose}
      onClose={onClose}
      className={className}
    >
      {children}
    </Dialog>
  )
}
