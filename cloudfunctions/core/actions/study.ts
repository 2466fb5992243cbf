/** The points-and-学时 ledger, self-study, 学习强国 reports and 补学. */
import { z } from 'zod'
import type { PointsKind, ReviewState, Study, XuexiReport } from '../../../types/models'
import type { MeetingType } from '../../../types/models'
import { LIMITS } from '../../../src/domain/limits'
import { date, declare, empty, id, int, LEADERSHIP, MEMBERS, optionalYear, PAGES, paged, picture, returns, studyKind, text, flag } from './define'

export const studyActions = declare({
  'points.mine': {
    who: MEMBERS,
    input: optionalYear,
    result: returns<{
      year: number
      total: number
      byKind: Partial<Record<PointsKind, number>>
      studyHours: number
      targetHours: number
    }>(),
  },
  'points.history': {
    who: MEMBERS,
    input: optionalYear.extend(paged(PAGES.ledger)),
    result: returns<{ year: number; rows: Array<{ id: string; kind: PointsKind; points: number; studyHours: number; reason: string; at: string }>; next: number | null }>(),
  },
  /**
   * `requestId`, made once per filled-in form, makes a retried submission (a slow network, a
   * double tap) answer the record it already made instead of logging the study twice.
   */
  /** `counted` is false while the record waits for a committee member's approval. */
  'study.log': {
    who: MEMBERS,
    input: z.object({
      title: text('学习内容', 1, LIMITS.study.title),
      kind: studyKind,
      minutes: int('学习时长（分钟）', LIMITS.study.minutesMin, LIMITS.study.minutesMax),
      note: text('心得', 0, LIMITS.study.note).optional(),
      photo: picture.optional(),
      studiedOn: date.optional(),
      requestId: z
        .string({ error: '应为字符串' })
        .regex(/^[A-Za-z0-9_-]{8,64}$/, { error: '应为 8–64 位字母、数字、下划线或连字符' })
        .optional(),
    }),
    result: returns<{ study: Study; counted: boolean }>(),
  },
  'study.mine': {
    who: MEMBERS,
    input: optionalYear.extend(paged(PAGES.studies)),
    result: returns<{ studies: Study[]; next: number | null }>(),
  },
  'study.pending': {
    who: LEADERSHIP,
    input: z.object(paged(PAGES.pending)),
    result: returns<{ studies: Array<Study & { name: string }>; next: number | null }>(),
  },
  'study.review': {
    who: LEADERSHIP,
    input: z.object({ studyId: id, approve: flag('应为 true（通过）或 false（不通过）') }),
    result: returns<{ state: ReviewState }>(),
  },
  'study.overview': {
    who: LEADERSHIP,
    input: optionalYear,
    result: returns<{
      year: number
      rankingsEnabled: boolean
      members: Array<{ memberId: string; name: string; studyHours: number; target: number; expectedByNow: number; behind: boolean; points: number }>
    }>(),
  },
  'study.ranking': {
    who: MEMBERS,
    input: optionalYear,
    result: returns<{ year: number; rows: Array<{ memberId: string; name: string; points: number; studyHours: number }> }>(),
  },
  /** Any day of the week reported (default: this week); points as shown in 学习强国. */
  'xuexi.report': {
    who: MEMBERS,
    input: z.object({ week: date.optional(), points: int('学习强国积分', 0, LIMITS.xuexiPoints), screenshot: picture.optional() }),
    result: returns<{ report: XuexiReport; target: number }>(),
  },
  'xuexi.mine': {
    who: MEMBERS,
    input: empty,
    result: returns<{ target: number; weeks: Array<{ week: string; points: number | null }> }>(),
  },
  'makeup.mine': {
    who: MEMBERS,
    input: empty,
    result: returns<{
      tasks: Array<{
        meetingId: string
        title: string
        type: MeetingType
        endedAt: string
        deadline: string
        overdue: boolean
        /** The meeting's materials (its agenda) to study. */
        materials: string | null
        done: boolean
        completedAt: string | null
      }>
    }>(),
  },
  'makeup.complete': {
    who: MEMBERS,
    input: z.object({ meetingId: id, note: text('学习体会', 0, LIMITS.makeupNote).optional() }),
    result: returns<{ completedAt: string; pointsAwarded: number }>(),
  },
  'makeup.overview': {
    who: LEADERSHIP,
    input: empty,
    result: returns<{ owed: Array<{ meetingId: string; title: string; deadline: string; members: Array<{ memberId: string; name: string; overdue: boolean }> }> }>(),
  },
})
