/**
 * Printable codes (issue 11): the branch's invite and a meeting's poster. In WeChat each is a
 * 小程序码 made once and kept in cloud storage (printing twice calls WeChat once); the invite's
 * lasts until the invite is rotated (its scene is the code), a meeting's names the meeting by a
 * stable poster key and opens its page, never a check-in. Locally, and where WeChat refuses, the
 * screen draws a plain QR of `link`.
 */
import { createHmac } from 'node:crypto'
import type { Meeting } from '../../../types/models'
import { toShanghaiIso } from '../../../src/domain/time'
import type { Payload, Result } from '../actions'
import { requireMember, type Context } from '../context'
import { recordOnce } from '../records/record-once'
import { base62Of } from '../checkin-token'
import { makeMiniCode } from './checkin-scan'
import { inviteGet } from './joins'
import { loadManagedMeeting } from './meeting-support'

export const MEETING_PAGE = 'pages/meeting-detail/index'
export const JOIN_PAGE = 'pages/join/index'
/** A poster's image link lasts this long: enough to open, save and print it. */
const IMAGE_TTL_SEC = 30 * 60
/** Poster keys are ten base62 characters; meeting ids always carry a '-', so the two never meet. */
export const POSTER_KEY_RE = /^[0-9A-Za-z]{10}$/

/** The meeting's stable key for a 小程序码's scene (a 主题党日's id can be longer than WeChat's 32). */
function posterKeyOf(secret: string, meetingId: string): string {
  const digest = createHmac('sha256', secret).update(`poster-key:v1:${meetingId}`).digest()
  return base62Of(digest.subarray(0, 8), 10)
}

type PosterImage = { image: { url: string; expiresAt: string } } | { problem: string } | Record<string, never>

/** The 小程序码 for a page and scene from cloud storage, made and stored the first time. */
async function posterImage(ctx: Context, branchId: string, page: string, scene: string, name: string): Promise<PosterImage> {
  if (!ctx.miniCodes) return {}
  const id = `${page}?${scene}`
  let fileId = (await ctx.storage.get('posters', id))?.fileId
  if (!fileId) {
    const made = await makeMiniCode(ctx.miniCodes, page, scene, ctx.log, {
      unpublished: '小程序未发布，暂时只能打印普通二维码（需在支部通内扫码）',
      other: '暂时生成不了小程序码，先打印普通二维码',
    })
    if (!('png' in made)) return made
    const stored = await ctx.files.put(made.png, 'image/png', `${name}.png`)
    // Two screens at once: the first stored wins, the other's file is simply not used.
    fileId = (await recordOnce(ctx.storage, 'posters', { id, branchId, fileId: stored, createdAt: toShanghaiIso(ctx.clock.now()) })).record.fileId
  }
  const link = await ctx.files.url(fileId, IMAGE_TTL_SEC)
  return { image: { url: link.url, expiresAt: link.expiresAt } }
}

export async function invitePoster(ctx: Context, _p: Payload<'invite.poster'>): Promise<Result<'invite.poster'>> {
  const me = requireMember(ctx)
  const invite = await inviteGet(ctx)
  return { page: JOIN_PAGE, scene: invite.code, link: invite.url, ...(await posterImage(ctx, me.branchId, JOIN_PAGE, invite.code, '支部邀请码')) }
}

export async function meetingPoster(ctx: Context, p: Payload<'meeting.poster'>): Promise<Result<'meeting.poster'>> {
  const me = requireMember(ctx)
  const meeting = await loadManagedMeeting(ctx, me, p.meetingId)
  const key = await keepPosterKey(ctx, meeting)
  const link = `${ctx.links?.appUrl ?? ''}/${MEETING_PAGE}?id=${encodeURIComponent(meeting.id)}`
  return { page: MEETING_PAGE, scene: key, link, ...(await posterImage(ctx, me.branchId, MEETING_PAGE, key, meeting.title)) }
}

async function keepPosterKey(ctx: Context, meeting: Meeting): Promise<string> {
  const key = posterKeyOf(await ctx.secrets.get('signing'), meeting.id)
  if (meeting.posterKey !== key) await ctx.storage.update('meetings', meeting.id, { posterKey: key })
  return key
}

/** The meeting a poster's scene names, in the caller's branch; null when it names none. */
export async function meetingByPosterKey(ctx: Context, branchId: string, key: string): Promise<Meeting | null> {
  const [meeting] = await ctx.storage.find('meetings', { branchId, posterKey: key }, { limit: 1 })
  return meeting ?? null
}
