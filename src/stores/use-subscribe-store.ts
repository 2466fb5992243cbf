/**
 * H5 local mode's stand-in for WeChat's subscription sheet: asking opens the sheet, the sheet's
 * buttons answer. In the mini-program WeChat shows its own sheet and this stays idle.
 */
import { create } from 'zustand'
import type { SubscribeAnswer } from '../../types/views'
import type { TemplateKind } from '../../types/models'

type Answers = Partial<Record<TemplateKind, SubscribeAnswer>>

interface SubscribeState {
  asking: TemplateKind[] | null
  resolve: ((answers: Answers) => void) | null
  sheetRequested: (kinds: TemplateKind[]) => Promise<Answers>
  sheetAnswered: (accept: boolean) => void
}

export const useSubscribeStore = create<SubscribeState>((set, get) => ({
  asking: null,
  resolve: null,
  sheetRequested: (kinds) =>
    new Promise<Answers>((resolve) => {
      get().resolve?.({})
      set({ asking: kinds, resolve })
    }),
  sheetAnswered: (accept) => {
    const { asking, resolve } = get()
    set({ asking: null, resolve: null })
    resolve?.(Object.fromEntries((asking ?? []).map((k) => [k, accept ? 'accept' : 'reject'])) as Answers)
  },
}))
