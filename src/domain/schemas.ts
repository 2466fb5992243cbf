/**
 * Payload schemas, one per action of the action map. The router validates with these and
 * turns the first problem into an INVALID_INPUT message that names the field in Chinese.
 */
import { z } from 'zod'
import type { ActionName, Payload } from '../services/call'
import { MEETING_TYPES, STUDY_KINDS } from '../../types/models'
import { DUES_CATEGORIES } from '../../cloudfunctions/core/domain/dues'
import { DATE_RE, isRealDate, MONTH_RE } from './time'

const month = z.string({ error: '应为 YYYY-MM 格式的月份，例如 2026-05' }).regex(MONTH_RE, {
  error: '应为 YYYY-MM 格式的月份，例如 2026-05',
})

const year = z
  .number({ error: '应为年份数字，例如 2026' })
  .int({ error: '应为整数年份' })
  .min(2000, { error: '年份不能早于 2000' })
  .max(2100, { error: '年份不能晚于 2100' })

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/
const instant = z
  .string({ error: '应为带时区的时间，例如 2026-05-22T14:30:00+08:00' })
  .regex(ISO_WITH_OFFSET, { error: '应为带时区的时间，例如 2026-05-22T14:30:00+08:00' })
  // Date.parse rolls 2026-02-30 over to 2 March: the calendar date must exist as written.
  .refine((v) => !Number.isNaN(Date.parse(v)) && isRealDate(v.slice(0, 10)), { error: '不是有效的时间' })

const date = z
  .string({ error: '应为 YYYY-MM-DD 格式的日期' })
  .regex(DATE_RE, { error: '应为 YYYY-MM-DD 格式的日期' })
  .refine(isRealDate, { error: '不是有效的日期' })

/** An id as the app sends it: short, printable, no operators. */
const id = z
  .string({ error: '应为编号字符串' })
  .min(1, { error: '不能为空' })
  .max(100, { error: '过长' })
  .regex(/^[A-Za-z0-9_:.-]+$/, { error: '格式不正确' })

const text = (label: string, min: number, max: number) =>
  z
    .string({ error: `应为文字（${label}）` })
    .trim()
    .min(min, { error: min <= 1 ? `${label}不能为空` : `${label}至少 ${min} 个字` })
    .max(max, { error: `${label}不能超过 ${max} 个字` })

const meetingType = z.enum(MEETING_TYPES as unknown as [string, ...string[]], {
  error: '应为会议类型之一：branch_assembly、committee、group、lecture、theme_day、life_meeting、other',
}) as unknown as z.ZodType<(typeof MEETING_TYPES)[number]>

const scope = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('branch') }),
    z.object({ kind: z.literal('committee') }),
    z.object({ kind: z.literal('group'), groupId: id }),
  ],
  { error: 'kind 应为 branch、committee 或 group' },
)

const meetingFields = {
  title: text('会议名称', 1, 40),
  startAt: instant,
  endAt: instant,
  location: text('地点', 0, 60).optional(),
  agenda: text('议程', 0, 1000).optional(),
  scope: scope.optional(),
}

const answer = z.enum(['accept', 'reject', 'ban', 'filter'], { error: '应为 accept 或 reject' })

const fen = (label: string) =>
  z
    .number({ error: `${label}应为整数（单位：分）` })
    .int({ error: `${label}应为整数（单位：分）` })
    .min(0, { error: `${label}不能为负数` })
    .max(100_000_000, { error: `${label}过大` })

const duesCategory = z.enum(DUES_CATEGORIES as unknown as [string, ...string[]], {
  error: '应为 employed、retired、student、unemployed、subsistence、farmer 或 custom',
}) as unknown as z.ZodType<(typeof DUES_CATEGORIES)[number]>

const studyKind = z.enum(STUDY_KINDS as unknown as [string, ...string[]], {
  error: '应为 original（原文）、video（党课视频）、xuexi（学习强国）或 other（其他）',
}) as unknown as z.ZodType<(typeof STUDY_KINDS)[number]>

const questionType = z.enum(['single', 'multiple', 'judge'], { error: '应为 single（单选）、multiple（多选）或 judge（判断）' })

/** A photo or screenshot: a cloud fileID, or a small image data URL in local mode. */
const picture = z
  .string({ error: '应为图片' })
  .max(400_000, { error: '图片太大，请压缩后再上传' })
  .regex(/^(cloud:\/\/[^\s]+|data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=]+)$/, { error: '应为图片' })

const int = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label}应为整数` })
    .int({ error: `${label}应为整数` })
    .min(min, { error: `${label}不能小于 ${min}` })
    .max(max, { error: `${label}不能大于 ${max}` })

const optionIndexes = z.array(int('选项序号', 0, 9), { error: '应为选项序号的数组，例如 [0, 2]' }).max(10, { error: '选项过多' })

export const SCHEMAS: { [K in ActionName]: z.ZodType<Payload<K>> } = {
  'session.me': z.object({}) as z.ZodType<Payload<'session.me'>>,
  'schedule.month': z.object({ month }),
  'points.mine': z.object({ year: year.optional() }),
  'meeting.create': z.object({ type: meetingType, ...meetingFields }),
  'meeting.update': z.object({
    meetingId: id,
    type: meetingType.optional(),
    title: meetingFields.title.optional(),
    startAt: instant.optional(),
    endAt: instant.optional(),
    location: meetingFields.location,
    agenda: meetingFields.agenda,
    scope: meetingFields.scope,
  }),
  'meeting.cancel': z.object({ meetingId: id, reason: text('取消原因', 2, 200) }),
  'meeting.list': z.object({ from: date.optional(), to: date.optional() }),
  'meeting.get': z.object({ meetingId: id }),
  'checkin.code': z.object({ meetingId: id }),
  'checkin.live': z.object({ meetingId: id }),
  'checkin.submit': z.object({
    token: z.string({ error: '应为签到码内容' }).min(1, { error: '不能为空' }).max(2000, { error: '过长' }),
  }),
  'checkin.manual': z.object({ meetingId: id, memberId: id, reason: text('补签原因', 2, 200) }),
  'leave.request': z.object({ meetingId: id, reason: text('请假原因', 2, 200) }),
  'leave.review': z.object({ leaveId: id, approve: z.boolean({ error: '应为 true（批准）或 false（不批准）' }) }),
  'attendance.get': z.object({ meetingId: id }),
  'attendance.mine': z.object({ year: year.optional() }),
  'subscription.record': z.object({
    results: z
      .object({ meeting_reminder: answer.optional(), dues_reminder: answer.optional() }, { error: '应为对象，例如 {"meeting_reminder":"accept"}' })
      .refine((r) => Object.keys(r).length > 0, { error: '至少包含一个模板的结果' }),
  }),
  'subscription.mine': z.object({}) as z.ZodType<Payload<'subscription.mine'>>,
  'subscription.overview': z.object({}) as z.ZodType<Payload<'subscription.overview'>>,
  'notice.list': z.object({}) as z.ZodType<Payload<'notice.list'>>,
  'dues.setBase': z.object({ memberId: id, category: duesCategory, base: fen('base').optional(), amount: fen('amount').optional() }),
  'dues.status': z.object({ month }),
  'dues.pay': z.object({ month, amount: fen('amount').optional(), paidAt: date.optional() }),
  'dues.confirm': z.object({ memberId: id, month, amount: fen('amount').optional(), paidAt: date.optional() }),
  'dues.mine': z.object({ year: year.optional() }),
  'dues.table': z.object({}) as z.ZodType<Payload<'dues.table'>>,
  'points.history': z.object({ year: year.optional() }),
  'study.log': z.object({
    title: text('学习内容', 1, 60),
    kind: studyKind,
    minutes: int('学习时长（分钟）', 5, 600),
    note: text('心得', 0, 500).optional(),
    photo: picture.optional(),
    studiedOn: date.optional(),
    requestId: z
      .string({ error: '应为字符串' })
      .regex(/^[A-Za-z0-9_-]{8,64}$/, { error: '应为 8–64 位字母、数字、下划线或连字符' })
      .optional(),
  }),
  'study.mine': z.object({ year: year.optional() }),
  'study.pending': z.object({}) as z.ZodType<Payload<'study.pending'>>,
  'study.review': z.object({ studyId: id, approve: z.boolean({ error: '应为 true（通过）或 false（不通过）' }) }),
  'study.overview': z.object({ year: year.optional() }),
  'study.ranking': z.object({ year: year.optional() }),
  'xuexi.report': z.object({ week: date.optional(), points: int('学习强国积分', 0, 5000), screenshot: picture.optional() }),
  'xuexi.mine': z.object({}) as z.ZodType<Payload<'xuexi.mine'>>,
  'question.create': z.object({
    type: questionType,
    stem: text('题干', 2, 300),
    options: z.array(text('选项', 1, 100), { error: '应为选项文字的数组' }).max(8, { error: '最多 8 个选项' }).optional(),
    answer: optionIndexes.min(1, { error: '请给出正确答案' }),
  }),
  'question.import': z.object({ csv: z.string({ error: '应为 CSV 文本' }).min(1, { error: '不能为空' }).max(500_000, { error: '文件过大，请分批导入' }) }),
  'question.list': z.object({}) as z.ZodType<Payload<'question.list'>>,
  'quiz.create': z.object({
    title: text('测试名称', 1, 40),
    questionIds: z.array(id, { error: '应为题目编号的数组' }).min(1, { error: '至少选择 1 道题' }).max(100, { error: '最多 100 道题' }),
    opensAt: instant,
    closesAt: instant,
    timeLimitMin: int('答题时间（分钟）', 1, 180),
    passScore: int('及格分', 0, 100).optional(),
    points: int('积分', 0, 20).optional(),
  }),
  'quiz.list': z.object({}) as z.ZodType<Payload<'quiz.list'>>,
  'quiz.start': z.object({ quizId: id }),
  'quiz.submit': z.object({
    quizId: id,
    answers: z.record(id, optionIndexes, { error: '应为 { 题目编号: [选项序号] }' }),
  }),
  'quiz.results': z.object({ quizId: id }),
  'makeup.mine': z.object({}) as z.ZodType<Payload<'makeup.mine'>>,
  'makeup.complete': z.object({ meetingId: id, note: text('学习体会', 0, 500).optional() }),
  'makeup.overview': z.object({}) as z.ZodType<Payload<'makeup.overview'>>,
  'branch.settings': z.object({}) as z.ZodType<Payload<'branch.settings'>>,
  'branch.updateSettings': z.object({
    targetHours: int('全年学时目标', 1, 200).optional(),
    committeeTargetHours: int('支委全年学时目标', 1, 200).optional(),
    selfStudyNeedsApproval: z.boolean({ error: '应为 true 或 false' }).optional(),
    rankingsEnabled: z.boolean({ error: '应为 true 或 false' }).optional(),
    xuexiWeeklyTarget: int('学习强国每周目标', 0, 1000).optional(),
    meetingPoints: z
      .partialRecord(meetingType as unknown as z.ZodEnum<Record<string, string>>, int('每次签到积分', 0, 10), { error: '应为 { 会议类型: 积分 }' })
      .optional(),
  }),
}

export type Validation<T> = { ok: true; value: T } | { ok: false; field: string; detail: string }

/** Validates a payload; `undefined` counts as an empty object, anything else must be an object. */
export function validatePayload<K extends ActionName>(action: K, payload: unknown): Validation<Payload<K>> {
  const input = payload === undefined ? {} : payload
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { ok: false, field: 'payload', detail: '应为对象（JSON object）' }
  }
  const result = SCHEMAS[action].safeParse(input, { reportInput: true })
  if (result.success) return { ok: true, value: result.data }
  const issue = result.error.issues[0]
  const field = issue.path.length ? issue.path.map(String).join('.') : 'payload'
  const detail = issue.code === 'invalid_type' && issue.input === undefined ? '必填' : issue.message
  return { ok: false, field, detail }
}
