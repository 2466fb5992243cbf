import type { RemovalReason } from '../../../types/models'
import type { AssignableRole, Standing } from './use-roster'

export const STANDING_WORDS: Record<Standing, string> = { full: '正式党员', probationary: '预备党员' }
export const STANDINGS: readonly Standing[] = ['full', 'probationary']

export const ROLE_WORDS: Record<AssignableRole, string> = { secretary: '书记', deputy: '副书记', committee: '支委' }
export const ASSIGNABLE_ROLES: readonly AssignableRole[] = ['secretary', 'deputy', 'committee']

export const REASON_WORDS: Record<RemovalReason, string> = { transfer_out: '组织关系转出', left: '离开本支部', deceased: '去世', other: '其他' }
export const REASONS = Object.keys(REASON_WORDS) as RemovalReason[]

/** 2026-03-05 → 3月5日 */
export const monthDay = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`
