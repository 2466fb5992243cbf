import Taro from '@tarojs/taro'
import { useCallback, useRef, useState } from 'react'
import { ApiError, errorText } from '../services/call'

/** Something wrong with what was typed: the field it belongs beside, and the words for people. */
export interface Problem {
  field?: string
  message: string
}

export interface ActionFormOptions<V, R> {
  initial: V | (() => V)
  /** What stops the values being sent: one problem, every problem (one per field), or null. */
  validate?: (values: V) => Problem | Problem[] | null
  send: (values: V) => Promise<R>
  onDone?: (result: R, values: V) => void
  /** Said when a failure carries no words of the server's (a bug, a lost connection's oddity). */
  fallbackError: string
  /** Also say problems in a toast: for long forms, where the field at fault may be off screen. */
  toast?: boolean
}

export interface ActionForm<V, R> {
  values: V
  /** Changes one value; its field's problem and the last failure's words go (the next submit checks again). */
  set: <K extends keyof V>(field: K, value: V[K]) => void
  setValues: (next: V | ((values: V) => V)) => void
  /** Every problem found before sending, by field. */
  errors: Partial<Record<string, string>>
  /** The one sentence to show: the first problem, or the server's words for a failed send. */
  error: string | null
  /** Where `error` belongs: a problem's field, or the payload field the server named (INVALID_INPUT). */
  errorField: string | null
  busy: boolean
  /** What the last successful send answered, until `reset`. */
  done: R | null
  /** Checks, then sends once; true when it went through. Does nothing while sending or done. */
  submit: () => Promise<boolean>
  reset: (values?: V) => void
  clearError: () => void
}

interface Failure {
  errors: Partial<Record<string, string>>
  error: string | null
  errorField: string | null
}

const NO_FAILURE: Failure = { errors: {}, error: null, errorField: null }

const asList = (found: Problem | Problem[] | null | undefined): Problem[] => (found ? ([] as Problem[]).concat(found) : [])

const initialValues = <V>(initial: V | (() => V)): V => (typeof initial === 'function' ? (initial as () => V)() : initial)

/** The latest render's value, for callbacks made once. */
function useLatest<T>(value: T) {
  const ref = useRef(value)
  ref.current = value
  return ref
}

/** A changed field loses its problem, and the last failure's sentence goes. */
function withoutProblem(f: Failure, field: string): Failure {
  const { [field]: _gone, ...errors } = f.errors
  return { errors, error: null, errorField: null }
}

/** Problems found before sending: all of them by field, the first as the sentence. */
function invalid(problems: Problem[], toast?: boolean): Failure {
  if (toast) Taro.showToast({ title: problems.some((p) => p.field) ? '请按红字提示修改' : problems[0].message, icon: 'none' })
  const errors = Object.fromEntries(problems.filter((p) => p.field).map((p) => [p.field, p.message]))
  return { errors, error: problems[0].message, errorField: problems[0].field ?? null }
}

/** A failed send: the server's words and the payload field it names, or the fallback. */
function refused(err: unknown, fallback: string, toast?: boolean): Failure {
  const error = errorText(err, fallback)
  if (toast) Taro.showToast({ title: error, icon: 'none', duration: 3000 })
  return { errors: {}, error, errorField: err instanceof ApiError ? (err.field ?? null) : null }
}

/**
 * The one "check → send once → show the outcome" sequence of every form and dialog: it never
 * sends twice at a time, keeps what was typed when anything goes wrong, and shows the server's
 * own words (and the field it names) rather than a generic failure.
 */
export function useActionForm<V, R = unknown>(options: ActionFormOptions<V, R>): ActionForm<V, R> {
  const [values, setValues] = useState<V>(options.initial)
  const [failure, setFailure] = useState<Failure>(NO_FAILURE)
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<{ result: R } | null>(null)
  const sending = useRef(false) // as well as `busy`: two taps in one frame both see the state from before the first
  const latest = useLatest({ options, values, done })
  const fail = (f: Failure) => {
    setFailure(f)
    return false
  }

  const set = useCallback(<K extends keyof V>(field: K, value: V[K]) => {
    setValues((v) => ({ ...v, [field]: value }))
    setFailure((f) => withoutProblem(f, field as string))
  }, [])
  const submit = useCallback(async () => {
    const { options: o, values: v, done: d } = latest.current
    if (sending.current || d) return false
    const problems = asList(o.validate?.(v))
    if (problems.length) return fail(invalid(problems, o.toast))
    sending.current = true
    setBusy(true)
    setFailure(NO_FAILURE)
    try {
      const result = await o.send(v)
      setDone({ result })
      o.onDone?.(result, v)
      return true
    } catch (err) {
      return fail(refused(err, o.fallbackError, o.toast))
    } finally {
      sending.current = false
      setBusy(false)
    }
  }, [])
  const reset = useCallback((next?: V) => {
    setValues(next ?? initialValues(latest.current.options.initial))
    setFailure(NO_FAILURE)
    setDone(null)
  }, [])
  const clearError = useCallback(() => setFailure(NO_FAILURE), [])
  return { values, set, setValues, ...failure, busy, done: done ? done.result : null, submit, reset, clearError }
}
