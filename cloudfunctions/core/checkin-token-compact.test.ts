/**
 * The compact check-in token for a 小程序码's scene (issue 11): it must fit WeChat's 32 characters
 * and keep CONTRACT §3's rules: signed, bound to one meeting and period, useless when old.
 */
import {
  ACCEPTED_PERIODS,
  COMPACT_TOKEN_LENGTH,
  meetingKey,
  PERIOD_SEC,
  periodAt,
  signCompactToken,
  verifyCompactToken,
} from './checkin-token'

const SECRET = 'a-signing-secret-for-tests'
const SHOWN_AT = new Date('2026-05-20T14:25:00+08:00')
const later = (sec: number) => new Date(SHOWN_AT.getTime() + sec * 1000)
const SCENE_CHARS = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/

const meeting = (id: string, over: Partial<{ startAt: string; endAt: string }> = {}) => ({
  id,
  type: 'branch_assembly' as const,
  scope: { kind: 'branch' as const },
  startAt: '2026-05-20T14:30:00+08:00',
  endAt: '2026-05-20T16:30:00+08:00',
  ...over,
})
const shown = (id = 'm-mp9x2k1a-3f9c0d1e', at = SHOWN_AT) => signCompactToken(SECRET, meetingKey(SECRET, meeting(id)), periodAt(at))
const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1)

describe('the compact token', () => {
  it.each([
    ['a generated meeting id', 'm-mp9x2k1a-3f9c0d1e'],
    ['a 主题党日 id', 'theme-b-mp9x2k1a-3f9c0d1e-2026-05'],
    ['the demo meeting', 'demo-assembly'],
    ['a long id', 'x'.repeat(200)],
    ['a Chinese id', '会议-一'],
  ])('fits the scene for %s', (_name, id) => {
    const token = shown(id)
    expect(token).toHaveLength(COMPACT_TOKEN_LENGTH)
    expect(COMPACT_TOKEN_LENGTH).toBeLessThanOrEqual(32)
    expect(token).toMatch(SCENE_CHARS)
    expect(verifyCompactToken(SECRET, token, SHOWN_AT)).toEqual({ ok: true, key: meetingKey(SECRET, meeting(id)), period: periodAt(SHOWN_AT) })
  })

  it('is accepted in its period and the next, then expires', () => {
    const token = shown()
    expect(verifyCompactToken(SECRET, token, later(PERIOD_SEC * (ACCEPTED_PERIODS - 1))).ok).toBe(true)
    expect(verifyCompactToken(SECRET, token, later(PERIOD_SEC * ACCEPTED_PERIODS))).toEqual({ ok: false, code: 'TOKEN_EXPIRED' })
  })

  it.each([
    ['altered in the key', (t: string) => flip(t, 0)],
    ['altered in the period', (t: string) => flip(t, 10)],
    ['altered in the signature', (t: string) => flip(t, 20)],
    ['cut short', (t: string) => t.slice(0, -1)],
    ['with a character outside base62', (t: string) => `${t.slice(0, -1)}-`],
    ['empty', () => ''],
  ])('is refused %s', (_name, edit) => {
    expect(verifyCompactToken(SECRET, edit(shown()), SHOWN_AT)).toEqual({ ok: false, code: 'TOKEN_INVALID' })
  })

  it('is refused when signed with another secret', () => {
    const forged = signCompactToken('another-secret-entirely', meetingKey(SECRET, meeting('m-1')), periodAt(SHOWN_AT))
    expect(verifyCompactToken(SECRET, forged, SHOWN_AT)).toEqual({ ok: false, code: 'TOKEN_INVALID' })
  })

  it('is refused for a future period beyond the next', () => {
    expect(verifyCompactToken(SECRET, shown('m-1', later(PERIOD_SEC * 2)), SHOWN_AT)).toEqual({ ok: false, code: 'TOKEN_INVALID' })
    // The next period's code may be fetched before it is due, so that the screen never blanks.
    expect(verifyCompactToken(SECRET, shown('m-1', later(PERIOD_SEC)), SHOWN_AT).ok).toBe(true)
  })

  it('names another meeting by another key, and a moved meeting by a new one', () => {
    const key = meetingKey(SECRET, meeting('m-1'))
    expect(meetingKey(SECRET, meeting('m-2'))).not.toBe(key)
    expect(meetingKey(SECRET, meeting('m-1', { startAt: '2026-05-20T15:00:00+08:00' }))).not.toBe(key)
    expect(meetingKey(SECRET, meeting('m-1'))).toBe(key)
  })
})
