import { createHmac, timingSafeEqual } from 'node:crypto'
import type { Caller, Secrets } from '../../ports'

/** Local mode's stand-in for WeChat's identity: an HMAC-signed openid, checked on every call. */
export const OPENID_RE = /^[A-Za-z0-9_-]{1,64}$/

const sign = (secret: string, openid: string) => createHmac('sha256', secret).update(`session:${openid}`).digest('base64url')

export async function issueSessionToken(secrets: Secrets, openid: string): Promise<string> {
  if (!OPENID_RE.test(openid)) throw new Error('bad openid')
  return `${openid}.${sign(await secrets.get('session'), openid)}`
}

export async function verifySessionToken(secrets: Secrets, token: string | undefined): Promise<Caller | null> {
  if (!token) return null
  const dot = token.lastIndexOf('.')
  if (dot <= 0) return null
  const openid = token.slice(0, dot)
  if (!OPENID_RE.test(openid)) return null
  const expected = Buffer.from(sign(await secrets.get('session'), openid))
  const given = Buffer.from(token.slice(dot + 1))
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null
  return { openid }
}
