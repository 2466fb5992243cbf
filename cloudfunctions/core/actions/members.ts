/** The roster, 党小组, roles, joining from WeChat and leaving (CONTRACT §5). */
import { z } from 'zod'
import { REMOVAL_REASONS, type Group, type JoinState, type MemberAudit, type Role } from '../../../types/models'
import type { PosterAnswer } from '../../../types/views'
import { LIMITS } from '../../../src/domain/limits'
import { ROSTER_MAX_ROWS } from '../domain/roster'
import { declare, empty, flag, id, LEADERSHIP, paged, PAGES, returns, SECRETARY, text } from './define'

export interface RosterMember {
  id: string
  name: string
  roles: Role[]
  groupId: string | null
  standing: 'full' | 'probationary'
  phoneTail: string | null
  bound: boolean
  active: boolean
  /** For a member who left: why and when (YYYY-MM-DD). */
  removed?: { reason: (typeof REMOVAL_REASONS)[number]; at: string }
}

const phoneTail = z.string({ error: '应为手机号后 4 位数字' }).trim().regex(/^\d{4}$/, { error: '应为手机号后 4 位数字' })
const standing = z.enum(['full', 'probationary'], { error: '应为 full（正式党员）或 probationary（预备党员）' })
const personName = text('姓名', 1, LIMITS.personName)
const groupName = text('党小组名称', 1, LIMITS.groupName)
// `member` is every bound person's and `group_leader` follows from leading a group (group.update).
const assignableRole = z.enum(['secretary', 'deputy', 'committee'], {
  error: '应为 secretary（书记）、deputy（副书记）或 committee（支委）',
})
const inviteCode = z.string({ error: '应为邀请码' }).trim().min(1, { error: '请填写邀请码' }).max(64, { error: '邀请码不正确' })

const importRow = z.object({
  name: z.string({ error: '应为姓名' }),
  phoneTail: z.string({ error: '应为手机号后 4 位数字' }),
  standing: z.string({ error: '应为 full 或 probationary' }),
  group: z.string({ error: '应为党小组名称' }).optional(),
  roles: z.array(z.string({ error: '应为职务' }), { error: '应为职务的数组' }).max(4, { error: '职务过多' }).optional(),
  joinedAt: z.string({ error: '应为 YYYY-MM-DD' }).optional(),
  duesCategory: z.string({ error: '应为党费类别' }).optional(),
  duesBase: z.number({ error: '应为整数（单位：分）' }).optional(),
})

export const memberActions = declare({
  /**
   * The roster from `rows` (contract terms) or a `file` (.xlsx / .csv with the template's Chinese
   * headers). `commit: false` previews every row's problems; `commit: true` writes all or nothing.
   */
  'member.import': {
    who: SECRETARY,
    input: z
      .object({
        rows: z.array(importRow, { error: '应为名单行的数组' }).max(ROSTER_MAX_ROWS, { error: `一次最多导入 ${ROSTER_MAX_ROWS} 行` }).optional(),
        file: z
          .object({
            name: text('文件名', 1, 200),
            contentBase64: z.string({ error: '应为文件内容（base64）' }).max(LIMITS.rosterFile, { error: '文件过大：请删去无关的工作表后再试' }),
          })
          .optional(),
        commit: flag('应为 true（导入）或 false（预览）'),
      })
      .refine((p) => p.rows !== undefined || p.file !== undefined, { error: '请提供名单文件或名单行', path: ['file'] }),
    result: returns<{
      rows: Array<{ row: number; name: string; action: 'create' | 'update'; errors: string[] }>
      created: number
      updated: number
      committed: boolean
    }>(),
  },
  'group.create': {
    who: SECRETARY,
    input: z.object({ name: groupName }),
    result: returns<{ group: Group }>(),
  },
  /** A new leader gets `group_leader`; one who no longer leads any group loses it. */
  'group.update': {
    who: SECRETARY,
    input: z.object({ groupId: id, name: groupName.optional(), leaderId: id.nullable().optional() }),
    result: returns<{ group: Group }>(),
  },
  'member.list': {
    who: LEADERSHIP,
    input: z.object({ includeInactive: flag('应为 true 或 false').optional() }),
    result: returns<{ members: RosterMember[] }>(),
  },
  /** One member with the history of changes to their record (audit rows, newest first). */
  'member.get': {
    who: LEADERSHIP,
    input: z.object({ memberId: id }),
    result: returns<{ member: RosterMember; audit: MemberAudit[] }>(),
  },
  /** `roles` are the branch roles to hold (书记, 副书记, 支委); 党员 and 党小组长 follow by themselves. */
  'member.update': {
    who: SECRETARY,
    input: z.object({
      memberId: id,
      name: personName.optional(),
      phoneTail: phoneTail.optional(),
      groupId: id.nullable().optional(),
      roles: z.array(assignableRole, { error: '应为职务的数组' }).max(3, { error: '职务过多' }).optional(),
      standing: standing.optional(),
    }),
    result: returns<{ member: RosterMember }>(),
  },
  'member.remove': {
    who: SECRETARY,
    input: z.object({
      memberId: id,
      reason: z.enum(REMOVAL_REASONS, { error: '应为 transfer_out（组织关系转出）、left、deceased 或 other' }),
      note: text('备注', 0, LIMITS.reason.max).optional(),
    }),
    result: returns<{ member: RosterMember }>(),
  },
  'member.unbind': {
    who: SECRETARY,
    input: z.object({ memberId: id }),
    result: returns<{ member: RosterMember }>(),
  },
  /** `url` opens the join page with the code (the H5 link locally; the mini-program page in WeChat). */
  'invite.get': {
    who: SECRETARY,
    input: empty,
    result: returns<{ code: string; url: string }>(),
  },
  /** The invite as a printable code: in WeChat a 小程序码 (the code as its scene), kept until the invite is rotated. */
  'invite.poster': {
    who: SECRETARY,
    input: empty,
    result: returns<PosterAnswer>(),
  },
  /** A new code; the old one stops working at once. */
  'invite.rotate': {
    who: SECRETARY,
    input: empty,
    result: returns<{ code: string; url: string }>(),
  },
  'join.request': {
    who: 'anyone',
    input: z.object({ code: inviteCode, name: personName, phoneTail }),
    result: returns<{ requestId: string; state: 'pending' }>(),
  },
  /** Paged: anyone with the invite may ask, so the list is not bounded by the roster. */
  'join.list': {
    who: LEADERSHIP,
    input: z.object(paged(PAGES.joins)),
    result: returns<{
      requests: Array<{ requestId: string; name: string; phoneTail: string; state: JoinState; requestedAt: string; match: { memberId: string; name: string } | null }>
      next: number | null
    }>(),
  },
  /** `memberId` binds to that roster member (default: the match; with neither, a new member). */
  'join.review': {
    who: SECRETARY,
    input: z.object({ requestId: id, approve: flag('应为 true（批准）或 false（不批准）'), memberId: id.optional() }),
    result: returns<{ state: JoinState; memberId?: string }>(),
  },
})
