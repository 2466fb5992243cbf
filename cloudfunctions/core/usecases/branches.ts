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
import { founderIds, setupThrottleId } from '../records/ids'
import { recordOnce, upsert } from '../records/record-once'

const digest = (s: string) => createHash('sha256').update(s).digest()

/** Compares in constant time, so the code cannot be guessed a character at a time. */
function sameCode(given: string, expected: string): boolean {
  return expected.length > 0 && timingSafeEqual(digest(given), digest(expected))
}

/** After this many wrong setup codes from one user within an hour, they wait an hour. */
export const SETUP_TRIES_PER_HOUR = 10
const HOUR = 3_600_000

async function refuseWhileLockedOut(ctx: Context, now: Date): Promise<void> {
  const hour = Math.floor(now.getTime() / HOUR)
  const [current, previous] = await Promise.all([
    ctx.storage.get('throttles', setupThrottleId(ctx.caller.openid, hour)),
    ctx.storage.get('throttles', setupThrottleId(ctx.caller.openid, hour - 1)),
  ])
  if ((current?.count ?? 0) >= SETUP_TRIES_PER_HOUR || (previous?.count ?? 0) >= SETUP_TRIES_PER_HOUR) {
    throw new AppError('FORBIDDEN', '设置码错误次数过多，请一小时后再试')
  }
}

function countWrongTry(ctx: Context, now: Date): Promise<void> {
  const id = setupThrottleId(ctx.caller.openid, Math.floor(now.getTime() / HOUR))
  return upsert(ctx.storage, 'throttles', { id, branchId: '-', count: 1 }, { inc: { count: 1 } })
}

/** Refuses a wrong setup code, counting it towards the hour's lockout (also for org.create). */
export async function checkSetupCode(ctx: Context, given: string, now: Date): Promise<void> {
  await refuseWhileLockedOut(ctx, now)
  if (!sameCode(given, await ctx.secrets.get('setup'))) {
    await countWrongTry(ctx, now)
    throw new AppError('FORBIDDEN', '设置码不正确，请向部署支部通的人员索取')
  }
}

export async function branchCreate(ctx: Context, p: Payload<'branch.create'>): Promise<Result<'branch.create'>> {
  if (ctx.member) throw new AppError('CONFLICT', '您已加入一个党支部，不能再创建新的支部')
  const now = ctx.clock.now()
  await checkSetupCode(ctx, p.setupCode, now)
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
