import { useActionForm } from '../../hooks/use-action-form'
import { useRemote } from '../../hooks/use-remote'
import { call } from '../../services/call'

/** 补学 for one meeting: my task for it, the optional note, and 我已学习 sent once. */
export function useMakeup(meetingId: string) {
  const mine = useRemote(() => call('makeup.mine', {}), [])
  const form = useActionForm({
    initial: { note: '' },
    send: ({ note }) => call('makeup.complete', { meetingId, ...(note.trim() ? { note: note.trim() } : {}) }),
    fallbackError: '没有提交成功，请重试',
  })
  const task = mine.data?.tasks.find((t) => t.meetingId === meetingId) ?? null
  // Done just now (with the award), or earlier (the task remembers when).
  const completedAt = form.done?.completedAt ?? (task?.done ? task.completedAt : null)
  return { ...form, mine, task, completedAt, pointsAwarded: form.done?.pointsAwarded ?? 0 }
}
