/** Exports (CONTRACT §6): each answers a link to a file that opens without a session until expiresAt. */
import { z } from 'zod'
import { declare, id, LEADERSHIP, ORGANISERS, returns, year } from './define'

/** An exported file: what to call it and where to download it. */
export interface ExportLink {
  fileName: string
  url: string
  expiresAt: string
}

const oneMeeting = z.object({ meetingId: id })
const oneYear = z.object({ year })

export const exportActions = declare({
  /** 考勤表 of one meeting: every invited member with their status in Chinese. */
  'export.attendance': { who: LEADERSHIP, input: oneMeeting, result: returns<ExportLink>() },
  /** The year's 三会一课台账: every meeting not cancelled, with 应到 and 实到; then checklist.get's items, met or not. */
  'export.meetings': { who: LEADERSHIP, input: oneYear, result: returns<ExportLink>() },
  /** The year's 党费登记表: members × months, amount paid or 未缴. */
  'export.dues': { who: LEADERSHIP, input: oneYear, result: returns<ExportLink>() },
  /** The year's 学时统计: points and 学时 per member. */
  'export.study': { who: LEADERSHIP, input: oneYear, result: returns<ExportLink>() },
  /**
   * The 会议记录 of one meeting that has started, as .docx with its photos: for the meeting's
   * organisers (a 党小组长: their group's meetings), like the minutes themselves.
   */
  'export.minutes': { who: ORGANISERS, input: oneMeeting, result: returns<ExportLink>() },
})
