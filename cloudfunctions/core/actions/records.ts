/** The secretary's records (台账, CONTRACT §6): minutes, the 三会一课 checklist, early warnings. */
import { z } from 'zod'
import type { ChecklistEntry, MinutesAttendance, MinutesEdit, MinutesView, Quorum, WarningItem, AttendanceCounts } from '../../../types/records'
import type { MeetingView } from '../../../types/views'
import { LIMITS } from '../../../src/domain/limits'
import { declare, id, int, LEADERSHIP, MEMBERS, ORGANISERS, reason, returns, SECRETARY, text, year } from './define'

/** A stored file as the app names it: a cloud fileID in WeChat, a local file id otherwise. */
const fileId = z
  .string({ error: '应为文件编号' })
  .max(300, { error: '文件编号过长' })
  .regex(/^(cloud:\/\/[A-Za-z0-9._\-/]+|f-[A-Za-z0-9_-]{22})$/, { error: '应为上传后得到的文件编号' })

const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const

export const recordActions = declare({
  'minutes.save': {
    who: ORGANISERS,
    input: z.object({
      meetingId: id,
      host: text('主持人', 1, LIMITS.personName),
      recorder: text('记录人', 1, LIMITS.personName),
      topics: z
        .array(text('议题', 1, LIMITS.minutes.topic), { error: '应为议题列表' })
        .min(1, { error: '至少写一个议题' })
        .max(LIMITS.minutes.topicsMax, { error: `议题不能超过 ${LIMITS.minutes.topicsMax} 个` }),
      summary: text('内容摘要', 1, LIMITS.minutes.summary),
      decisions: text('决议', 0, LIMITS.minutes.decisions).optional(),
      photos: z
        .array(fileId, { error: '应为照片列表' })
        .max(LIMITS.minutes.photosMax, { error: `照片不能超过 ${LIMITS.minutes.photosMax} 张` })
        .optional(),
      /** The version the editor started from: a save over someone else's newer one is CONFLICT. */
      version: int('版本', 0, 1_000_000).optional(),
    }),
    result: returns<{ minutes: MinutesView }>(),
  },
  'minutes.get': {
    who: ORGANISERS,
    input: z.object({ meetingId: id }),
    result: returns<{
      meeting: MeetingView
      minutes: MinutesView | null
      attendance: MinutesAttendance
      /** Set for a 支部党员大会. */
      quorum: Quorum | null
      /** A link per photo, in the order of `minutes.photos`. */
      photoUrls: string[]
      history: MinutesEdit[]
      /** Who 主持人 and 记录人 are picked from: the branch's active members. */
      roster: Array<{ memberId: string; name: string }>
    }>(),
  },
  /** The minutes' text for a member invited to the meeting: counts, no names or leave reasons. */
  'minutes.read': {
    who: MEMBERS,
    input: z.object({ meetingId: id }),
    result: returns<{
      minutes: Pick<MinutesView, 'host' | 'recorder' | 'topics' | 'summary' | 'decisions' | 'updatedAt'> | null
      attendance: AttendanceCounts
      quorum: Quorum | null
    }>(),
  },
  /** A minutes photo from H5 (WeChat uploads with wx.cloud.uploadFile and sends the fileID). */
  'photo.upload': {
    who: ORGANISERS,
    input: z.object({
      contentBase64: z
        .string({ error: '应为 base64 编码的图片' })
        .max(Math.ceil((LIMITS.photo.bytesMax * 4) / 3) + 4, { error: `照片压缩后不能超过 ${LIMITS.photo.bytesMax / 1024} KB` })
        .regex(/^[A-Za-z0-9+/]+={0,2}$/, { error: '应为 base64 编码的图片' }),
      contentType: z.enum(PHOTO_TYPES, { error: '应为 image/jpeg、image/png 或 image/webp' }),
    }),
    result: returns<{ fileId: string; url: string }>(),
  },
  'checklist.get': {
    who: LEADERSHIP,
    input: z.object({ year }),
    result: returns<{
      year: number
      items: ChecklistEntry[]
      groups: Array<{ id: string; name: string }>
      /** The month the branch began using the app: items of earlier periods were never recorded here. */
      since: string
      /** When the branch last held a meeting of any kind (ended, not cancelled, someone recorded), if ever. */
      lastHeldAt: string | null
      /** Nothing held for 30 days or more (彭山 e支部's flag). */
      idle: boolean
    }>(),
  },
  'warnings.list': {
    who: LEADERSHIP,
    input: z.object({}),
    result: returns<{ items: WarningItem[] }>(),
  },
  /** Clears an overdue 补学 with a reason (audited): the warning ends; no points are awarded. */
  'makeup.clear': {
    who: SECRETARY,
    input: z.object({ meetingId: id, memberId: id, reason: reason('原因') }),
    result: returns<{ clearedAt: string }>(),
  },
})
