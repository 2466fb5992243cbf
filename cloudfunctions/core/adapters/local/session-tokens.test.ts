import { issueSessionToken, SESSION_DAYS, verifySessionToken } from './session-tokens'

const secrets = { get: async () => 'test-session-secret' }
const issuedAt = new Date('2026-12-02T09:00:00+08:00')
const later = (days: number) => new Date(issuedAt.getTime() + days * 86400_000)

describe('local session tokens', () => {
  it('last 30 days of real time, then sign the caller out', async () => {
    const token = await issueSessionToken(secrets, 'demo-member-01', issuedAt)
    expect(SESSION_DAYS).toBe(30)
    expect(await verifySessionToken(secrets, token, later(29.9))).toEqual({ openid: 'demo-member-01' })
    expect(await verifySessionToken(secrets, token, later(30))).toBeNull()
  })

  it('are refused when any part is changed: a later expiry, another openid, another signature', async () => {
    const token = await issueSessionToken(secrets, 'demo-member-01', issuedAt)
    const [openid, expiry, nonce, signature] = token.split('.')
    const extended = (parseInt(expiry, 36) + 365 * 86400).toString(36)
    for (const forged of [
      [openid, extended, nonce, signature],
      ['demo-secretary', expiry, nonce, signature],
      [openid, expiry, 'other', signature],
      [openid, expiry, nonce, signature.slice(1) + 'A'],
      [openid, signature],
    ]) {
      expect(await verifySessionToken(secrets, forged.join('.'), issuedAt)).toBeNull()
    }
    expect(await verifySessionToken({ get: async () => 'another-secret' }, token, issuedAt)).toBeNull()
  })

  it('are new at every login for the same user', async () => {
    const first = await issueSessionToken(secrets, 'demo-member-01', issuedAt)
    const second = await issueSessionToken(secrets, 'demo-member-01', issuedAt)
    expect(first).not.toBe(second)
  })
})
