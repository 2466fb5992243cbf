/** What the 党委 (CONTRACT §7) sees of its branches: figures and counts, never a person's record. */

/** What a branch's figures suggest looking at, for sorting and the words beside them. */
export type OrgConcern = 'checklist' | 'attendance' | 'dues' | 'study'

export interface OrgBranchRow {
  branchId: string
  name: string
  /** Active members now. */
  members: number
  /** 实到 ÷ 应到 over the period's held meetings so far; null before any was held. */
  attendanceRate: number | null
  /** Paid ÷ expected member-months over the period's months whose dues day has passed; null before one has. */
  duesRate: number | null
  /** The year's 学时 so far, averaged over active members (one decimal); null without members. */
  studyHoursAvg: number | null
  /** Checklist items of the period that are due and not met. */
  checklistMissed: number
  /** The branch's yearly 学时 target for members, and what that target asks by now. */
  studyTarget: number
  studyExpectedByNow: number
  /** Most pressing first; empty when nothing stands out. */
  concerns: OrgConcern[]
}
