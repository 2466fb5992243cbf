/**
 * Reading a check-in token out of what a scan or a link gives us. The organiser's screen encodes
 * the app's page path (`pages/checkin/index?t=…`) in the mini-program and a full link in H5; a
 * member may also have only the bare token. Anything else is not a 支部通 check-in code.
 */

/** A bare token: URL-safe characters only, and long enough not to be a stray word. */
const BARE_TOKEN_RE = /^[A-Za-z0-9._~-]{16,2000}$/

/** A token as it arrives in a query value, which may still be percent-encoded. */
export function cleanToken(value: string | null | undefined): string | null {
  if (!value) return null
  let text = value.trim()
  if (text.includes('%')) {
    try {
      text = decodeURIComponent(text).trim()
    } catch {
      return null
    }
  }
  return BARE_TOKEN_RE.test(text) ? text : null
}

/**
 * The token in a scanned text: the text itself, or the `t` parameter of a link or page path, or
 * the `scene` of a 小程序码's path (`pages/checkin/index?scene=…`, percent-encoded on iOS, not on Android).
 */
export function tokenFromScan(text: string | null | undefined): string | null {
  if (!text) return null
  const trimmed = text.trim()
  if (BARE_TOKEN_RE.test(trimmed)) return trimmed
  const param = /[?&](?:t|scene)=([^&#\s]*)/.exec(trimmed)
  return param ? cleanToken(param[1]) : null
}
