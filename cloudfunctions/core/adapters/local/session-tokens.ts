import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Caller, Secrets } from '../../ports'

/**
 * Local mode's stand-in for WeChat's identity: `openid.expiry.nonce.signature`, HMAC-signed and
 * checked on every call. A token lasts 30 days of real time (CONTRACT §1: moving the product's
 * clock never signs anyone out); each login makes a new one, so a token copied from one session
 * is not the token of the next.
 */
export const OPENID_RE = /^[A-Za-z0-9_-]{1,64}$/
export const SESSION_DAYS = 30

const sign = (secret: string, body: string) => createHmac('sha256', secret).update(`session:${body}`).digest('base64url')

export async function issueSessionToken(secrets: Secrets, openid: string, now: Date = new Date()): Promise<string> {
  if (!OPENID_RE.test(openid)) throw new Error('bad openid')
  const expiresAt = Math.floor(now.getTime() / 1000) + SESSION_DAYS * 86400
  const body = `${openid}.${expiresAt.toString(36)}.${randomBytes(6).toString('base64url')}`
  return `${body}.${sign(await secrets.get('session'), body)}`
}

export async function verifySessionToken(secrets: Secrets, token: string | undefined, now: Date = new Date()): Promise<Caller | null> {
  if (!token) return null
  const parts = token.split('.')
  if (parts.length !== 4) return null
  const [openid, expiry, nonce, signature] = parts
  if (!OPENID_RE.test(openid) || !/^[0-9a-z]{1,10}$/.test(expiry) || !/^[A-Za-z0-9_-]{1,16}$/.test(nonce)) return null
  const expected = Buffer.from(sign(await secrets.get('session'), `${openid}.${expiry}.${nonce}`))
  const given = Buffer.from(signature)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null
  if (parseInt(expiry, 36) * 1000 <= now.getTime()) return null
  return { openid }
}
