/**
 * Live check-in tokens: HMAC-signed, bound to one meeting and one 20-second period, accepted for
 * the period they were shown in and the next one. A photo forwarded to a chat is useless a
 * minute later, and a forged or altered token fails the signature.
 *
 * The token carries what a check-in needs to know about the meeting (type, scope, window), signed,
 * so that a refused scan reads no meeting document; an accepted one compares these claims with the
 * stored meeting, so a cancel or a move within the code's 40 seconds is not missed.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import type { MeetingScope, MeetingType } from '../../types/models'

export const PERIOD_SEC = 20
/** The period a code is shown in and the one after it. */
export const ACCEPTED_PERIODS = 2

export interface TokenClaims {
  meetingId: string
  branchId: string
  period: number
  type: MeetingType
  scope: MeetingScope
  startAt: string
  endAt: string
  /** What attending earns, fixed when the code is shown. */
  points: number
  studyTenths: number
}

export type TokenCheck =
  | { ok: true; claims: TokenClaims }
  | { ok: false; code: 'TOKEN_INVALID' | 'TOKEN_EXPIRED' }

export const periodAt = (now: Date) => Math.floor(now.getTime() / 1000 / PERIOD_SEC)

function mac(secret: string, body: string): string {
  return createHmac('sha256', secret).update(`checkin:v1:${body}`).digest('base64url')
}

export function signToken(secret: string, claims: TokenClaims): string {
  const body = Buffer.from(
    JSON.stringify([
      claims.meetingId,
      claims.branchId,
      claims.period,
      claims.type,
      claims.scope,
      claims.startAt,
      claims.endAt,
      claims.points,
      claims.studyTenths,
    ]),
  ).toString('base64url')
  return `${body}.${mac(secret, body)}`
}

export function verifyToken(secret: string, token: string, now: Date): TokenCheck {
  const dot = token.indexOf('.')
  if (dot <= 0 || dot !== token.lastIndexOf('.')) return { ok: false, code: 'TOKEN_INVALID' }
  const body = token.slice(0, dot)
  const given = Buffer.from(token.slice(dot + 1))
  const expected = Buffer.from(mac(secret, body))
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, code: 'TOKEN_INVALID' }
  let parts: unknown
  try {
    parts = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))
  } catch {
    return { ok: false, code: 'TOKEN_INVALID' }
  }
  if (!Array.isArray(parts) || parts.length !== 9) return { ok: false, code: 'TOKEN_INVALID' }
  const [meetingId, branchId, period, type, scope, startAt, endAt, points, studyTenths] = parts as [
    string,
    string,
    number,
    MeetingType,
    MeetingScope,
    string,
    string,
    number,
    number,
  ]
  const current = periodAt(now)
  // A token from the future means a forged clock or a bug; one older than two periods has expired.
  if (!Number.isInteger(period) || period > current + 1) return { ok: false, code: 'TOKEN_INVALID' }
  if (period <= current - ACCEPTED_PERIODS) return { ok: false, code: 'TOKEN_EXPIRED' }
  return { ok: true, claims: { meetingId, branchId, period, type, scope, startAt, endAt, points, studyTenths } }
}

/**
 * When the code shown now stops being accepted, and how long until the screen should show the next
 * one. `ahead` answers the next period's code, fetched before it is due so that the screen never blanks.
 */
export function tokenTiming(now: Date, ahead = false) {
  const period = periodAt(now) + (ahead ? 1 : 0)
  const nextStartMs = (period + 1) * PERIOD_SEC * 1000
  return {
    period,
    expiresAt: new Date((period + ACCEPTED_PERIODS) * PERIOD_SEC * 1000),
    refreshInSec: Math.max(1, Math.ceil((nextStartMs - now.getTime()) / 1000)),
  }
}

/*
 * The compact form, for a 小程序码's `scene` (at most 32 characters of a small set): a meeting key,
 * the period and 64 bits of HMAC, all in base62, 24 characters. It names the meeting only by its
 * key, so a scan reads the meeting by that key for everything else the long token carries; a
 * meeting moved since the code was shown has a new key, and its old codes find nothing.
 */
const B62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
const KEY_LEN = 8
const PERIOD_LEN = 5
const MAC_LEN = 11
export const COMPACT_TOKEN_LENGTH = KEY_LEN + PERIOD_LEN + MAC_LEN
const COMPACT_RE = new RegExp(`^[0-9A-Za-z]{${COMPACT_TOKEN_LENGTH}}$`)

const SIXTY_TWO = BigInt(62)

function base62(value: bigint, width: number): string {
  let out = ''
  for (let v = value; out.length < width; v /= SIXTY_TWO) out = B62[Number(v % SIXTY_TWO)] + out
  return out
}

const fromBase62 = (text: string) => [...text].reduce((n, ch) => n * SIXTY_TWO + BigInt(B62.indexOf(ch)), BigInt(0))
const bytesToBig = (bytes: Buffer) => BigInt(`0x${bytes.toString('hex')}`)

/** `width` base62 characters from the bytes (reduced to fit): short keys for a 小程序码's scene. */
export const base62Of = (bytes: Buffer, width: number) => base62(bytesToBig(bytes) % SIXTY_TWO ** BigInt(width), width)

/** The meeting's key for its current time and scope: a moved meeting gets a new one. */
export function meetingKey(secret: string, meeting: { id: string; startAt: string; endAt: string; type: MeetingType; scope: MeetingScope }): string {
  const digest = createHmac('sha256', secret).update(`checkin-key:v1:${JSON.stringify([meeting.id, meeting.startAt, meeting.endAt, meeting.type, meeting.scope])}`).digest()
  // 47 bits: keys are looked up, not trusted, so this only has to keep meetings apart.
  return base62Of(digest.subarray(0, 6), KEY_LEN)
}

function compactMac(secret: string, body: string): string {
  const digest = createHmac('sha256', secret).update(`checkin:v2:${body}`).digest()
  return base62(bytesToBig(digest.subarray(0, 8)), MAC_LEN)
}

export function signCompactToken(secret: string, key: string, period: number): string {
  const body = key + base62(BigInt(period), PERIOD_LEN)
  return body + compactMac(secret, body)
}

export const isCompactToken = (token: string) => COMPACT_RE.test(token)

export type CompactCheck = { ok: true; key: string; period: number } | { ok: false; code: 'TOKEN_INVALID' | 'TOKEN_EXPIRED' }

export function verifyCompactToken(secret: string, token: string, now: Date): CompactCheck {
  if (!isCompactToken(token)) return { ok: false, code: 'TOKEN_INVALID' }
  const body = token.slice(0, KEY_LEN + PERIOD_LEN)
  const given = Buffer.from(token.slice(KEY_LEN + PERIOD_LEN))
  const expected = Buffer.from(compactMac(secret, body))
  if (!timingSafeEqual(given, expected)) return { ok: false, code: 'TOKEN_INVALID' }
  const period = Number(fromBase62(body.slice(KEY_LEN)))
  const current = periodAt(now)
  if (period > current + 1) return { ok: false, code: 'TOKEN_INVALID' }
  if (period <= current - ACCEPTED_PERIODS) return { ok: false, code: 'TOKEN_EXPIRED' }
  return { ok: true, key: body.slice(0, KEY_LEN), period }
}
