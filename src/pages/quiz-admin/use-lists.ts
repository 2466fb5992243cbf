import { useState } from 'react'
import { useRefreshOnReturn } from '../../hooks/use-refresh-on-return'
import { useRemote } from '../../hooks/use-remote'
import { call } from '../../services/call'
import type { Tab } from './screens'

/** The tests, newest first, and the question bank, both fresh again when a form comes back. */
export function useQuizAdminLists(initialTab: Tab) {
  const [tab, setTab] = useState<Tab>(initialTab)
  const quizzes = useRemote(() => call('quiz.list', {}), [])
  const bank = useRemote(() => call('question.list', {}), [])

  // Back from a form: show the new test or questions without a skeleton.
  useRefreshOnReturn(() => {
    quizzes.refresh()
    bank.refresh()
  })

  const sorted = [...(quizzes.data?.quizzes ?? [])].sort((a, b) => Date.parse(b.opensAt) - Date.parse(a.opensAt))
  return { tab, tabChosen: setTab, quizzes, bank, sorted, questions: bank.data?.questions ?? [] }
}
