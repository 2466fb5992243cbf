import type { Caller } from '../../ports'

/** The part of a CloudBase app that knows who called: the platform injects it per invocation. */
export interface PlatformAuth {
  auth(): { getUserInfo(): { openId?: string } }
}

/** The caller's OPENID as CloudBase vouches for it; null when the call carries none. */
export function callerFromPlatform(app: PlatformAuth): Caller | null {
  const openid = app.auth().getUserInfo().openId
  return typeof openid === 'string' && openid.length > 0 ? { openid } : null
}
