import { useState } from 'react'
import { call, type Result } from '../../services/call'

type Taker = Result<'quiz.results'>['taken'][number]

/** The secretary's 允许重考 on a member's attempt: which member the reason dialog is for, and the call. */
export function useRetake(quizId: string, reload: () => void) {
  const [retakeFor, setRetakeFor] = useState<Taker | null>(null)
  const retakeConfirmed = async (reason: string) => {
    if (!retakeFor) return
    await call('quiz.allowRetake', { quizId, memberId: retakeFor.memberId, reason })
    setRetakeFor(null)
    reload()
  }
  return { retakeFor, setRetakeFor, retakeConfirmed }
}
