/**
 * Every action, declared once: who may call it, its payload schema and its result type. The
 * router's role check and validation, the handler table's typing, the client's typed `call()` and
 * the README's action list all derive from this table.
 */
import type { z } from 'zod'
import type { Returns } from './define'
import { branchActions } from './branches'
import { duesActions } from './dues'
import { meetingActions } from './meetings'
import { memberActions } from './members'
import { quizActions } from './quiz'
import { reminderActions } from './reminders'
import { sessionActions } from './session'
import { studyActions } from './study'
import { announcementActions } from './announcements'
import { orgActions } from './org'
import { recordActions } from './records'
import { exportActions } from './exports'

export const ACTIONS = {
  ...sessionActions,
  ...branchActions,
  ...memberActions,
  ...meetingActions,
  ...reminderActions,
  ...duesActions,
  ...studyActions,
  ...quizActions,
  ...announcementActions,
  ...orgActions,
  ...recordActions,
  ...exportActions,
}

type Actions = typeof ACTIONS
export type ActionName = keyof Actions
/** What a handler receives: the payload after validation (trimmed, defaults applied). */
export type Payload<K extends ActionName> = z.output<Actions[K]['input']>
/** What a client sends. */
export type Input<K extends ActionName> = z.input<Actions[K]['input']>
export type Result<K extends ActionName> = Actions[K]['result'] extends Returns<infer R> ? R : never
export type { Audience } from './define'

export function isAction(name: unknown): name is ActionName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(ACTIONS, name)
}

export type Validation<T> = { ok: true; value: T } | { ok: false; field: string; detail: string }

/** Validates a payload; `undefined` counts as an empty object, anything else must be an object. */
export function validatePayload<K extends ActionName>(action: K, payload: unknown): Validation<Payload<K>> {
  const input = payload === undefined ? {} : payload
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { ok: false, field: 'payload', detail: '应为对象（JSON object）' }
  }
  // The table is indexed by a generic key here, so TypeScript sees a union of every schema.
  const schema: z.ZodType = ACTIONS[action].input
  const result = schema.safeParse(input, { reportInput: true })
  if (result.success) return { ok: true, value: result.data as Payload<K> }
  const issue = result.error.issues[0]
  const field = issue.path.length ? issue.path.map(String).join('.') : 'payload'
  const detail = issue.code === 'invalid_type' && issue.input === undefined ? '必填' : issue.message
  return { ok: false, field, detail }
}
