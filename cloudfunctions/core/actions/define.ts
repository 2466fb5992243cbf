/**
 * How an action is declared: who may call it, the zod schema of its payload (the payload type is
 * inferred from it) and the type of its result. The field builders below turn a bad value into a
 * sentence in Chinese that the router sends as INVALID_INPUT `detail`, with the field as data.
 */
import { z } from 'zod'
import { DUES_CATEGORIES, MEETING_TYPES, QUESTION_TYPES, STUDY_KINDS } from '../../../types/models'
import { LIMITS } from '../../../src/domain/limits'
import { LEADERSHIP, MEMBERS, ORGANISERS, PARTY_COMMITTEE, SECRETARY, type Audience } from '../../../src/domain/permissions'
import { textProblem, visibleText } from '../../../src/domain/text'
import { DATE_RE, isRealDate, MONTH_RE } from '../../../src/domain/time'

export type { Audience }

declare const RESULT: unique symbol
/** The type an action answers: a marker for the type checker, nothing at run time. */
export interface Returns<R> {
  readonly [RESULT]?: R
}
export const returns = <R>(): Returns<R> => ({})

export interface ActionDecl<I extends z.ZodType = z.ZodType, R = unknown> {
  who: Audience
  input: I
  result: Returns<R>
}

/** A group of declarations, checked for shape and kept with their exact types. */
export const declare = <T extends Record<string, ActionDecl>>(actions: T): T => actions

export { LEADERSHIP, MEMBERS, ORGANISERS, PARTY_COMMITTEE, SECRETARY }

export const empty = z.object({})

export const month = z.string({ error: '应为 YYYY-MM 格式的月份，例如 2026-05' }).regex(MONTH_RE, {
  error: '应为 YYYY-MM 格式的月份，例如 2026-05',
})

export const year = z
  .number({ error: '应为年份数字，例如 2026' })
  .int({ error: '应为整数年份' })
  .min(2000, { error: '年份不能早于 2000' })
  .max(2100, { error: '年份不能晚于 2100' })

export const optionalYear = z.object({ year: year.optional() })

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/
export const instant = z
  .string({ error: '应为带时区的时间，例如 2026-05-22T14:30:00+08:00' })
  .regex(ISO_WITH_OFFSET, { error: '应为带时区的时间，例如 2026-05-22T14:30:00+08:00' })
  // Date.parse rolls 2026-02-30 over to 2 March: the calendar date must exist as written.
  .refine((v) => !Number.isNaN(Date.parse(v)) && isRealDate(v.slice(0, 10)), { error: '不是有效的时间' })

export const date = z
  .string({ error: '应为 YYYY-MM-DD 格式的日期' })
  .regex(DATE_RE, { error: '应为 YYYY-MM-DD 格式的日期' })
  .refine(isRealDate, { error: '不是有效的日期' })

/** An id as the app sends it: short, printable, no operators. */
export const id = z
  .string({ error: '应为编号字符串' })
  .min(1, { error: '不能为空' })
  .max(100, { error: '过长' })
  .regex(/^[A-Za-z0-9_:.-]+$/, { error: '格式不正确' })

/**
 * Typed text: refused when it holds control characters, lone surrogates or bidi overrides;
 * trimmed of invisible characters, so that a text of only those is empty.
 */
export const text = (label: string, min: number, max: number) =>
  z
    .string({ error: `应为文字（${label}）` })
    .refine((v) => textProblem(v) === null, { error: (issue) => `${label}${textProblem(issue.input as string)}`, abort: true })
    .overwrite(visibleText)
    .min(min, { error: min <= 1 ? `${label}不能为空` : `${label}至少 ${min} 个字` })
    .max(max, { error: `${label}不能超过 ${max} 个字` })

export const reason = (label: string) => text(label, LIMITS.reason.min, LIMITS.reason.max)

export const int = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label}应为整数` })
    .int({ error: `${label}应为整数` })
    .min(min, { error: `${label}不能小于 ${min}` })
    .max(max, { error: `${label}不能大于 ${max}` })

/** Money in 分. */
export const fen = (label: string) =>
  z
    .number({ error: `${label}应为整数（单位：分）` })
    .int({ error: `${label}应为整数（单位：分）` })
    .min(0, { error: `${label}不能为负数` })
    .max(100_000_000, { error: `${label}过大` })

export const flag = (words: string) => z.boolean({ error: words })

export const meetingType = z.enum(MEETING_TYPES, {
  error: '应为会议类型之一：branch_assembly、committee、group、lecture、theme_day、life_meeting、other',
})

export const duesCategory = z.enum(DUES_CATEGORIES, {
  error: '应为 employed、retired、student、unemployed、subsistence、farmer 或 custom',
})

export const studyKind = z.enum(STUDY_KINDS, {
  error: '应为 original（原文）、video（党课视频）、xuexi（学习强国）或 other（其他）',
})

export const questionType = z.enum(QUESTION_TYPES, { error: '应为 single（单选）、multiple（多选）或 judge（判断）' })

/** A photo or screenshot: a cloud fileID, or a small image data URL in local mode. */
export const picture = z
  .string({ error: '应为图片' })
  .max(LIMITS.picture, { error: '图片太大，请压缩后再上传' })
  .regex(/^(cloud:\/\/[^\s]+|data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=]+)$/, { error: '应为图片' })

/** Page sizes (and caps) of the paged lists: the first page is what each answered before paging. */
export const PAGES = { questions: 1000, ledger: 500, studies: 500, pending: 200, joins: 200 } as const

/**
 * A page of a list that grows without bound: `offset` from the start (the previous answer's
 * `next`) and at most `limit` items, capped at `cap`. Without them a list answers what it always
 * did for a branch of ordinary size.
 */
export const paged = (cap: number) => ({
  offset: int('offset', 0, 1_000_000).optional(),
  limit: int('limit', 1, cap).optional(),
})
