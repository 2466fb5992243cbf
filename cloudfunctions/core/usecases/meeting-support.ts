/** Loading and presenting meetings, shared by the meeting, check-in and attendance use cases. */
import type { MeetingView } from '../../../types/views'
import type { Meeting, MeetingAudit, Member } from '../../../types/models'
import { canManageMeeting, MANAGE_MEETING_DENIED } from '../../../src/domain/permissions'
import { toShanghaiIso } from '../../../src/domain/time'
import type { Context } from '../context'
import { AppError } from '../errors'
import { newId } from '../records/ids'
import type { Settings } from '../records/settings'

/** A meeting of the caller's branch, or NOT_FOUND (another branch's meetings do not exist for them). */
export async function loadMeeting(ctx: Context, member: Member, meetingId: string): Promise<Meeting> {
  const meeting = await ctx.storage.get('meetings', meetingId)
  if (!meeting || meeting.branchId !== member.branchId) throw new AppError('NOT_FOUND', '找不到这次会议，可能已被删除')
  return meeting
}

export async function loadManagedMeeting(ctx: Context, member: Member, meetingId: string): Promise<Meeting> {
  const meeting = await loadMeeting(ctx, member, meetingId)
  if (!canManageMeeting(member, meeting)) throw new AppError('FORBIDDEN', MANAGE_MEETING_DENIED)
  return meeting
}

/** The branch's active members, every page of them. */
export function branchMembers(ctx: Context, branchId: string): Promise<Member[]> {
  return ctx.storage.find('members', { branchId, active: true }, { orderBy: [['id', 'asc']] })
}

/**
 * The members on the roll when a meeting started: the active ones, and those removed after its
 * start (CONTRACT §5: a member who left is not invited to meetings that start after the removal,
 * and a past meeting's 应到 does not change when someone leaves later).
 */
export async function membersAtMeeting(ctx: Context, meeting: Meeting): Promise<Member[]> {
  const all = await ctx.storage.find('members', { branchId: meeting.branchId }, { orderBy: [['id', 'asc']] })
  return onRollAt(all, meeting)
}

/** Of a branch's members (removed ones too), those on the roll when the meeting started. */
export function onRollAt(members: Member[], meeting: Pick<Meeting, 'startAt'>): Member[] {
  const start = Date.parse(meeting.startAt)
  return members.filter((m) => m.active || (m.removed !== undefined && Date.parse(m.removed.at) > start))
}

export function toView(meeting: Meeting, groupNames: Map<string, string>): MeetingView {
  return {
    ...meeting,
    groupName: meeting.scope.kind === 'group' ? groupNames.get(meeting.scope.groupId) ?? null : null,
  }
}

export async function groupNames(ctx: Context, branchId: string): Promise<Map<string, string>> {
  const groups = await ctx.storage.find('groups', { branchId })
  return new Map(groups.map((g) => [g.id, g.name]))
}

/** The last instant organisers may fix a meeting's record (补签, leave decisions): a branch setting's days after its end. */
export function fixWindowEnd(meeting: Pick<Meeting, 'endAt'>, settings: Pick<Settings, 'fixWindowDays'>): number {
  return Date.parse(meeting.endAt) + settings.fixWindowDays * 86400_000
}

/** Records an organiser's fix to a meeting's record: who (`by`), when (`at`), what and why. */
export async function writeMeetingAudit(
  ctx: Context,
  by: Member,
  at: Date,
  entry: Pick<MeetingAudit, 'meetingId' | 'memberId' | 'action' | 'detail' | 'reason'>,
): Promise<void> {
  await ctx.storage.insert('meetingAudit', { id: newId('audit', at), branchId: by.branchId, by: by.id, at: toShanghaiIso(at), ...entry })
}
