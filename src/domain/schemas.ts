/**
 * Payload schemas, one per action of the action map. The router validates with these and
 * turns the first problem into an INVALID_INPUT message that names the field in Chinese.
 */
import { z } from 'zod'
import type { ActionName, Payload } from '../../types/actions'
import { MONTH_RE } from './time'

const month = z.string({ error: '应为 YYYY-MM 格式的月份，例如 2026-05' }).regex(MONTH_RE, {
  error: '应为 YYYY-MM 格式的月份，例如 2026-05',
})

const year = z
  .number({ error: '应为年份数字，例如 2026' })
  .int({ error: '应为整数年份' })
  .min(2000, { error: '年份不能早于 2000' })
  .max(2100, { error: '年份不能晚于 2100' })

export const SCHEMAS: { [K in ActionName]: z.ZodType<Payload<K>> } = {
  'session.me': z.object({}) as z.ZodType<Payload<'session.me'>>,
  'schedule.month': z.object({ month }),
  'points.mine': z.object({ year: year.optional() }),
}

export type Validation<T> = { ok: true; value: T } | { ok: false; field: string; message: string }

/** Validates a payload; `undefined` counts as an empty object, anything else must be an object. */
export function validatePayload<K extends ActionName>(action: K, payload: unknown): Validation<Payload<K>> {
  const input = payload === undefined ? {} : payload
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { ok: false, field: 'payload', message: 'payload：应为对象（JSON object）' }
  }
  const result = SCHEMAS[action].safeParse(input, { reportInput: true })
  if (result.success) return { ok: true, value: result.data }
  const issue = result.error.issues[0]
  const field = issue.path.length ? issue.path.map(String).join('.') : 'payload'
  const detail = issue.code === 'invalid_type' && issue.input === undefined ? '必填' : issue.message
  return { ok: false, field, message: `${field}：${detail}` }
}
