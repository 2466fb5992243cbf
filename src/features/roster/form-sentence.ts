import type { ActionForm } from '../../hooks/use-action-form'

/** The form's sentence for above its action, unless it already stands under its field. */
export const formSentence = (f: Pick<ActionForm<unknown, unknown>, 'error' | 'errorField' | 'errors'>) => (f.errorField && f.errors[f.errorField] ? null : f.error)
