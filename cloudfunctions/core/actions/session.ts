/** Who is calling, the branch calendar and the branch settings. */
import { z } from 'zod'
import type { JoinState, MemberView, ScheduledDay } from '../../../types/models'
import type { EditableSettings } from '../../../types/views'
import { LIMITS } from '../../../src/domain/limits'
import { declare, empty, flag, int, meetingType, MEMBERS, month, returns, SECRETARY } from './define'

const { targetHoursMin, targetHoursMax } = LIMITS.settings

export const sessionActions = declare({
  'session.me': {
    who: 'anyone',
    input: empty,
    result: returns<{
      openid: string
      member: MemberView | null
      /** The server's clock, so that the app's "today" and check-in windows agree with it. */
      now: string
      /** The caller's branch's 党小组 (empty for an unbound user). */
      groups: Array<{ id: string; name: string }>
      /** An unbound user's join request waiting for the secretary, or refused (CONTRACT §5). */
      pendingJoin: { branchName: string; state: JoinState } | null
      /** The 党委 the caller oversees as its party_committee (CONTRACT §7), whether or not they are a member too. */
      org: { id: string; name: string } | null
    }>(),
  },
  'schedule.month': {
    who: MEMBERS,
    input: z.object({ month }),
    result: returns<{
      month: string
      themeDay: ScheduledDay
      duesDay: ScheduledDay
      holidayDataKnown: boolean
    }>(),
  },
  'branch.settings': {
    who: MEMBERS,
    input: empty,
    result: returns<{ settings: Required<EditableSettings> }>(),
  },
  'branch.updateSettings': {
    who: SECRETARY,
    input: z.object({
      targetHours: int('全年学时目标', targetHoursMin, targetHoursMax).optional(),
      committeeTargetHours: int('支委全年学时目标', targetHoursMin, targetHoursMax).optional(),
      selfStudyNeedsApproval: flag('应为 true 或 false').optional(),
      rankingsEnabled: flag('应为 true 或 false').optional(),
      xuexiWeeklyTarget: int('学习强国每周目标', 0, LIMITS.settings.xuexiWeeklyTargetMax).optional(),
      meetingPoints: z
        .partialRecord(meetingType, int('每次签到积分', 0, LIMITS.settings.meetingPointsMax), { error: '应为 { 会议类型: 积分 }' })
        .optional(),
    }),
    result: returns<{ settings: Required<EditableSettings> }>(),
  },
})
