/**
 * A branch starts from the app: whoever holds the deployment's setup code (CONTRACT §5) creates
 * it and becomes its secretary. Both records have ids derived from the caller and the name, so a
 * double tap or a retry after a crash between the two writes ends with one branch and one
 * secretary, never two.
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import type { Branch, Member } from '../../../types/models'
import { toShanghaiIso } from '../../../src/domain/time'
import type { Payload, Result } from '../actions'
import type { Context } from '../context'
import { DEFAULT_STUDY_SETTINGS } from '../domain/points'
import { DEFAULT_SCHEDULE } from '../domain/schedule'
import { AppError } from '../errors'
import { founderIds } from '../records/ids'
import { recordOnce } from '../records/record-once'

const digest = (s: string) => createHash('sha256').update(s).digest()

/** Compares in constant time, so the code cannot be guessed a character at a time. */
function sameCode(given: string, expected: string): boolean {
  return expected.length > 0 && timingSafeEqual(digest(given), digest(expected))
}

export async function branchCreate(ctx: Context, p: Payload<'branch.create'>): Promise<Result<'branch.create'>> {
  if (ctx.member) throw new AppError('CONFLICT', '您已加入一个党支部，不能再创建新的支部')
  if (!sameCode(p.setupCode, await ctx.secrets.get('setup'))) throw new AppError('FORBIDDEN', '设置码不正确，请向部署支部通的人员索取')
  const now = ctx.clock.now()
  const ids = founderIds(ctx.caller.openid, p.name)
  const { record: branch } = await recordOnce(ctx.storage, 'branches', {
    id: ids.branchId,
    branchId: ids.branchId,
    name: p.name,
    schedule: DEFAULT_SCHEDULE,
    settings: { ...DEFAULT_STUDY_SETTINGS, duesSince: toShanghaiIso(now).slice(0, 7) },
    createdAt: toShanghaiIso(now),
  } satisfies Branch)
  // The binding first: a user bound meanwhile (a join approved) keeps that and gets CONFLICT here.
  const binding = await recordOnce(ctx.storage, 'bindings', { id: ctx.caller.openid, branchId: branch.id, memberId: ids.memberId, at: toShanghaiIso(now) })
  if (binding.record.memberId !== ids.memberId) throw new AppError('CONFLICT', '您已加入一个党支部，不能再创建新的支部')
  const { record: member } = await recordOnce(ctx.storage, 'members', {
    id: ids.memberId,
    branchId: branch.id,
    openid: ctx.caller.openid,
    name: p.secretaryName,
    roles: ['secretary', 'member'],
    groupId: null,
    standing: 'full',
    active: true,
    dues: null,
  } satisfies Member)
  return { branch: { id: branch.id, name: branch.name }, member: { id: member.id, name: member.name, roles: member.roles } }
}
