/**
 * Subscription-message values fitted to their template field types, so that no value is ever
 * refused with 47003: `thing` at most 20 characters, `phrase` at most 5 Chinese characters,
 * `time` and `date` in WeChat's formats, `amount` as digits and 元, never control characters.
 */
import type { TemplateKind } from '../../../types/models'
import { inShanghai } from '../../../src/domain/time'

export type FieldType = 'thing' | 'phrase' | 'time' | 'date' | 'amount'

export const THING_MAX = 20
export const PHRASE_MAX = 5

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff]/g

/** Characters as people count them (a surrogate pair is one). */
const chars = (s: string) => Array.from(s)

export function fitThing(value: string): string {
  const clean = value.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim()
  const cs = chars(clean)
  if (cs.length === 0) return '无'
  return cs.length <= THING_MAX ? clean : `${cs.slice(0, THING_MAX - 1).join('')}…`
}

/** Only Chinese characters are allowed in a phrase field. */
export function fitPhrase(value: string): string {
  const han = chars(value).filter((c) => /\p{Script=Han}/u.test(c))
  return han.slice(0, PHRASE_MAX).join('') || '提醒'
}

/** "2026年12月25日 14:30", in Shanghai. */
export function fitTime(instant: string | Date): string {
  const d = inShanghai(instant)
  return `${d.year()}年${d.month() + 1}月${d.date()}日 ${d.format('HH:mm')}`
}

/** "2026年12月25日" for a calendar date. */
export function fitDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number)
  return `${y}年${m}月${d}日`
}

/** "12.50元" from 分. */
export function fitAmount(fen: number): string {
  return `${(Math.max(0, Math.round(fen)) / 100).toFixed(2)}元`
}

/** The fields of each template as they must be created in the WeChat console (订阅消息 → 我的模板). */
export const TEMPLATE_FIELDS = {
  meeting_reminder: { thing1: 'thing', time2: 'time', thing3: 'thing', thing4: 'thing' },
  dues_reminder: { thing1: 'thing', date2: 'date', amount3: 'amount', thing4: 'thing' },
} as const satisfies Record<TemplateKind, Record<string, FieldType>>

const FIT: Record<FieldType, (value: string | number) => string> = {
  thing: (v) => fitThing(String(v)),
  phrase: (v) => fitPhrase(String(v)),
  time: (v) => fitTime(String(v)),
  date: (v) => fitDate(String(v)),
  amount: (v) => fitAmount(Number(v)),
}

/**
 * A message's data: the values in the order of the template's fields, each fitted to its field's
 * type (an amount in 分, a time as an instant, a date as YYYY-MM-DD), under the field's name.
 */
export function templateData(kind: TemplateKind, values: ReadonlyArray<string | number>): Record<string, string> {
  const fields = Object.entries(TEMPLATE_FIELDS[kind])
  if (fields.length !== values.length) throw new Error(`${kind} has ${fields.length} fields, got ${values.length} values`)
  return Object.fromEntries(fields.map(([name, type], i) => [name, FIT[type](values[i])]))
}
