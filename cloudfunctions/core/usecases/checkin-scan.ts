/**
 * What a scanned code says, in either form: the long token (the H5 link, the in-app scanner) carries
 * the meeting as it was shown, so a refused scan reads nothing; the compact one (a 小程序码's scene)
 * names the meeting by its key, and the meeting read by that key supplies the rest.
 */
import type { Meeting } from '../../../types/models'
import { meetingStudyTenths } from '../../../src/domain/meetings'
import { isCompactToken, meetingKey, verifyCompactToken, verifyToken, type TokenClaims } from '../checkin-token'
import type { Context } from '../context'
import { AppError } from '../errors'
import { MiniCodeError, type MiniCodes, type Logger } from '../ports'

const EXPIRED = () => new AppError('TOKEN_EXPIRED', '二维码已过期，请扫描屏幕上最新的二维码')
const INVALID = () => new AppError('TOKEN_INVALID', '这不是有效的签到码，请扫描会议现场屏幕上的二维码')
export const MOVED = () => new AppError('TOKEN_EXPIRED', '会议时间已调整，请扫描屏幕上最新的二维码')

/** The claims of a scanned code; `meeting` is set when reading them already read it. */
export async function readScan(ctx: Context, token: string, now: Date): Promise<{ claims: TokenClaims; meeting: Meeting | null }> {
  const secret = await ctx.secrets.get('signing')
  if (!isCompactToken(token)) {
    const check = verifyToken(secret, token, now)
    if (!check.ok) throw check.code === 'TOKEN_EXPIRED' ? EXPIRED() : INVALID()
    return { claims: check.claims, meeting: null }
  }
  const check = verifyCompactToken(secret, token, now)
  if (!check.ok) throw check.code === 'TOKEN_EXPIRED' ? EXPIRED() : INVALID()
  const [meeting] = await ctx.storage.find('meetings', { checkinKey: check.key }, { limit: 1 })
  // Signed by us, so the key was shown; a meeting moved since then has another key.
  if (!meeting || meetingKey(secret, meeting) !== check.key) throw MOVED()
  const claims: TokenClaims = {
    meetingId: meeting.id,
    branchId: meeting.branchId,
    period: check.period,
    type: meeting.type,
    scope: meeting.scope,
    startAt: meeting.startAt,
    endAt: meeting.endAt,
    points: meeting.checkinPoints ?? 0,
    studyTenths: meetingStudyTenths(meeting),
  }
  return { claims, meeting }
}

/** Keeps the meeting's key and points as the code screen shows them; writes only when they change. */
export async function keepCheckinKey(ctx: Context, meeting: Meeting, points: number): Promise<string> {
  const key = meetingKey(await ctx.secrets.get('signing'), meeting)
  if (meeting.checkinKey !== key || meeting.checkinPoints !== points) {
    await ctx.storage.update('meetings', meeting.id, { checkinKey: key, checkinPoints: points })
  }
  return key
}

/** What to say where WeChat refuses a 小程序码: 41030 is a page not in a published version (development builds). */
export interface MiniCodeProblems {
  unpublished: string
  other: string
}

/** WeChat's 小程序码 for a page and scene, or why the screen shows a plain QR instead. */
export async function makeMiniCode(miniCodes: MiniCodes, page: string, scene: string, log: Logger, problems: MiniCodeProblems): Promise<{ png: Buffer } | { problem: string }> {
  try {
    return { png: await miniCodes.image(page, scene) }
  } catch (err) {
    if (!(err instanceof MiniCodeError)) throw err
    log.info('wxacode refused', { errCode: err.errCode, errMsg: err.message })
    return { problem: err.errCode === 41030 ? problems.unpublished : problems.other }
  }
}

/** The live code's 小程序码 as the code screen shows it. */
export async function miniCodeFor(miniCodes: MiniCodes, page: string, scene: string, log: Logger): Promise<{ image: string } | { problem: string }> {
  const made = await makeMiniCode(miniCodes, page, scene, log, { unpublished: '小程序未发布，扫一扫打不开。请在支部通内点 扫码签到', other: '请在支部通内点 扫码签到' })
  return 'png' in made ? { image: `data:image/png;base64,${made.png.toString('base64')}` } : made
}
