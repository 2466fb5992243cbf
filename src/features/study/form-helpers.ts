import type { ActionForm, Problem } from '../../hooks/use-action-form'

/** A check that finds one problem in words, as useActionForm's `validate`. */
export const oneProblem =
  <V>(check: (values: V) => string | null) =>
  (values: V): Problem | null => {
    const message = check(values)
    return message ? { message } : null
  }

/**
 * Changes computed from the values as they are by then (not as the last render saw them), so
 * that two changes in one event both count; the last failure's words go, as with `set`.
 */
export const changer =
  <V>(form: Pick<ActionForm<V, unknown>, 'setValues' | 'clearError'>) =>
  (change: (values: V) => Partial<V>) => {
    form.setValues((v) => ({ ...v, ...change(v) }))
    form.clearError()
  }
