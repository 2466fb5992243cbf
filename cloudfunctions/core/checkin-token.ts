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

/** When the code shown now stops being accepted, and how long until the screen should show the next one. */
export function tokenTiming(now: Date) {
  const period = periodAt(now)
  const nextStartMs = (period + 1) * PERIOD_SEC * 1000
  return {
    period,
    expiresAt: new Date((period + ACCEPTED_PERIODS) * PERIOD_SEC * 1000),
    refreshInSec: Math.max(1, Math.ceil((nextStartMs - now.getTime()) / 1000)),
  }
}
