/**
 * The action map: the single source of truth for what each action takes and returns.
 * The router's schema table, the role table and the client's typed `call()` are all keyed by it.
 */
import type { MemberView, PointsKind, Role, ScheduledDay } from './models'

export interface ActionMap {
  'session.me': {
    payload: Record<string, never>
    result: { openid: string; member: MemberView | null }
  }
  'schedule.month': {
    payload: { month: string }
    result: {
      month: string
      themeDay: ScheduledDay
      duesDay: ScheduledDay
      holidayDataKnown: boolean
    }
  }
  'points.mine': {
    payload: { year?: number }
    result: {
      year: number
      total: number
      byKind: Partial<Record<PointsKind, number>>
      studyHours: number
      targetHours: number
    }
  }
}

export type ActionName = keyof ActionMap
export type Payload<K extends ActionName> = ActionMap[K]['payload']
export type Result<K extends ActionName> = ActionMap[K]['result']

/** Who may call an action: 'anyone' means any signed-in WeChat user, bound to a branch or not. */
export type Audience = 'anyone' | Role[]

export type { Role }
