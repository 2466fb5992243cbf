/**
 * Live check-in tokens (CONTRACT §3): signed, bound to one meeting, short-lived. A photo of the
 * code is useless a minute later and no edit of a token survives the signature.
 */
import { createHmac } from 'node:crypto'
import { ACCEPTED_PERIODS, PERIOD_SEC, periodAt, signToken, tokenTiming, verifyToken, type TokenClaims } from './checkin-token'

const SECRET = 'a-signing-secret-for-tests'
/** 14:25:00 in Shanghai: a whole minute, so the first second of a period. */
const SHOWN_AT = new Date('2026-05-20T14:25:00+08:00')
const later = (sec: number) => new Date(SHOWN_AT.getTime() + sec * 1000)

function claims(overrides: Partial<TokenClaims> = {}): TokenClaims {
  return {
    meetingId: 'm-assembly',
    branchId: 'demo-branch',
    period: periodAt(SHOWN_AT),
    type: 'branch_assembly',
    scope: { kind: 'branch' },
    startAt: '2026-05-20T14:30:00+08:00',
    endAt: '2026-05-20T16:30:00+08:00',
    points: 2,
    studyTenths: 20,
    ...overrides,
  }
}

const token = (overrides: Partial<TokenClaims> = {}) => signToken(SECRET, claims(overrides))
const bodyOf = (t: string) => JSON.parse(Buffer.from(t.split('.')[0], 'base64url').toString('utf8')) as unknown[]
const withBody = (t: string, body: unknown[]) => `${Buffer.from(JSON.stringify(body)).toString('base64url')}.${t.split('.')[1]}`
const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1)

describe('a token as shown', () => {
  it('verifies and gives back every claim', () => {
    expect(verifyToken(SECRET, token(), SHOWN_AT)).toEqual({ ok: true, claims: claims() })
  })

  it('keeps a group scope intact', () => {
    const scope = { kind: 'group' as const, groupId: 'demo-group-2' }
    const check = verifyToken(SECRET, token({ scope, type: 'group' }), SHOWN_AT)
    expect(check).toMatchObject({ ok: true, claims: { scope, type: 'group' } })
  })

  it('is URL-safe, so that it fits in a QR code path without escaping', () => {
    expect(token()).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/)
  })
})

describe('how long a token lives', () => {
  it(`is accepted in the period it was shown in (${PERIOD_SEC} s) and the next one`, () => {
    expect(ACCEPTED_PERIODS).toBe(2)
    for (const sec of [0, PERIOD_SEC - 1, PERIOD_SEC, 2 * PERIOD_SEC - 1]) {
      expect(verifyToken(SECRET, token(), later(sec))).toMatchObject({ ok: true })
    }
  })

  it('has expired two periods after it was shown', () => {
    for (const sec of [2 * PERIOD_SEC, 3 * PERIOD_SEC, 3600]) {
      expect(verifyToken(SECRET, token(), later(sec))).toEqual({ ok: false, code: 'TOKEN_EXPIRED' })
    }
  })

  it("tolerates a server one period ahead of the one that signed it, but not a token from further ahead", () => {
    expect(verifyToken(SECRET, token(), later(-PERIOD_SEC))).toMatchObject({ ok: true })
    expect(verifyToken(SECRET, token(), later(-2 * PERIOD_SEC))).toEqual({ ok: false, code: 'TOKEN_INVALID' })
  })

  it('tells the screen when to refresh (≤ 30 s, CONTRACT §3) and when the code stops working', () => {
    expect(tokenTiming(SHOWN_AT)).toEqual({
      period: periodAt(SHOWN_AT),
      expiresAt: later(2 * PERIOD_SEC),
      refreshInSec: PERIOD_SEC,
    })
    const midway = tokenTiming(later(PERIOD_SEC + 13.5))
    expect(midway.refreshInSec).toBe(7)
    expect(midway.expiresAt).toEqual(later(3 * PERIOD_SEC))
    expect(PERIOD_SEC).toBeLessThanOrEqual(30)
  })

  it('never asks for a refresh sooner than a second', () => {
    expect(tokenTiming(later(PERIOD_SEC - 0.001)).refreshInSec).toBe(1)
  })
})

describe('a forged or altered token is TOKEN_INVALID', () => {
  const t = token()
  const [body, sig] = t.split('.')

  it.each([
    ['a flipped character in the signature', `${body}.${flip(sig, 5)}`],
    ['a flipped last character of the signature', `${body}.${flip(sig, sig.length - 1)}`],
    ['a flipped character in the claims', `${flip(body, 10)}.${sig}`],
    ['a truncated signature', `${body}.${sig.slice(0, -1)}`],
    ['no signature', `${body}.`],
    ['the signature alone', `.${sig}`],
    ['no dot at all', body],
    ['two dots', `${body}.${sig}.${sig}`],
    ['a random string', 'dGhpcyBpcyBub3QgYSB0b2tlbg.Zm9yZ2VkLXNpZ25hdHVyZS1vZi10aGUtcmlnaHQtbGVu'],
    ['an empty string', ''],
    ['a URL instead of a token', 'https://example.com/checkin?t=abc'],
  ])('%s', (_what, forged) => {
    expect(verifyToken(SECRET, forged, SHOWN_AT)).toEqual({ ok: false, code: 'TOKEN_INVALID' })
  })

  it('signed with another secret (another deployment)', () => {
    expect(verifyToken(SECRET, signToken('another-secret', claims()), SHOWN_AT)).toEqual({ ok: false, code: 'TOKEN_INVALID' })
  })

  it.each([
    ['another meeting', 0, 'm-other-meeting'],
    ['another branch', 1, 'other-branch'],
    ['a later period (to stretch its life)', 2, periodAt(SHOWN_AT) + 100],
    ['a wider scope', 4, { kind: 'branch' }],
    ['a later end (to stretch the window)', 6, '2026-05-20T23:59:00+08:00'],
    ['more points', 7, 100],
  ])('claims edited to %s under the old signature', (_what, index, value) => {
    const original = token({ scope: { kind: 'committee' } })
    const edited = bodyOf(original)
    edited[index] = value
    expect(verifyToken(SECRET, withBody(original, edited), SHOWN_AT)).toEqual({ ok: false, code: 'TOKEN_INVALID' })
  })

  it('a genuine signature over something that is not a token body', () => {
    // Signed exactly as checkin-token.ts signs, to reach the parsing behind the signature check.
    const sign = (b: string) => `${b}.${createHmac('sha256', SECRET).update(`checkin:v1:${b}`).digest('base64url')}`
    for (const b of ['not-json', Buffer.from('{"a":1}').toString('base64url'), Buffer.from('[1,2,3]').toString('base64url')]) {
      expect(verifyToken(SECRET, sign(b), SHOWN_AT)).toEqual({ ok: false, code: 'TOKEN_INVALID' })
    }
  })
})
