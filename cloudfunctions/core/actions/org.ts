/**
 * A 党委 above several branches (CONTRACT §7): created with the setup code, joined by a branch
 * secretary with the org's code, read (never written) by its party_committee.
 */
import { z } from 'zod'
import type { OrgBranchRow } from '../../../types/org'
import { LIMITS } from '../../../src/domain/limits'
import type { ChecklistItem } from '../domain/checklist'
import { declare, empty, id, month, PARTY_COMMITTEE, reason, returns, SECRETARY, text, year } from './define'

const period = z.object({ year, month: month.optional() })
type OrgRef = { id: string; name: string }

export const orgActions = declare({
  /** The caller becomes the new org's party_committee; they may also be a member of a branch. */
  'org.create': {
    who: 'anyone',
    input: z.object({
      name: text('党委名称', LIMITS.branch.nameMin, LIMITS.branch.name),
      setupCode: z.string({ error: '应为设置码' }).trim().min(1, { error: '请填写设置码' }).max(64, { error: '设置码不正确' }),
      overseerName: text('您的姓名', 1, LIMITS.personName),
    }),
    result: returns<{ org: OrgRef }>(),
  },
  /** The code a branch secretary enters to attach their branch; `rotate` makes a new one. */
  'org.code': {
    who: PARTY_COMMITTEE,
    input: z.object({ rotate: z.boolean({ error: '应为 true 或 false' }).optional() }),
    result: returns<{ code: string }>(),
  },
  'org.attach': {
    who: SECRETARY,
    input: z.object({ code: z.string({ error: '应为党委代码' }).trim().min(1, { error: '请填写党委代码' }).max(64, { error: '党委代码不正确' }) }),
    result: returns<{ org: OrgRef }>(),
  },
  /** The org the secretary's branch is under, if any (what 上级党委 shows before a code is entered). */
  'org.mine': {
    who: SECRETARY,
    input: empty,
    result: returns<{ org: OrgRef | null }>(),
  },
  'org.detach': {
    who: PARTY_COMMITTEE,
    input: z.object({ branchId: id, reason: reason('移出原因') }),
    result: returns<{ branchId: string; detached: true }>(),
  },
  'org.overview': {
    who: PARTY_COMMITTEE,
    input: period,
    result: returns<{ org: OrgRef; year: number; month: string | null; branches: OrgBranchRow[] }>(),
  },
  /** One branch of the org: its figures, its checklist and its 党小组 with their sizes (names and counts only). */
  'org.branch': {
    who: PARTY_COMMITTEE,
    input: period.extend({ branchId: id }),
    result: returns<{
      org: OrgRef
      year: number
      month: string | null
      branch: OrgBranchRow
      groups: Array<{ id: string; name: string; members: number }>
      secretaries: string[]
      checklist: ChecklistItem[]
    }>(),
  },
  /** The overview as an .xlsx, for the 组织委员's report. */
  'org.export': {
    who: PARTY_COMMITTEE,
    input: period,
    result: returns<{ fileName: string; contentBase64: string }>(),
  },
})
