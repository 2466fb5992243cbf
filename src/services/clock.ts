/**
 * The app's "now", aligned with the server's clock. Check-in windows, "today" and "明天" must
 * agree with what the server will decide, even when a phone's clock is off — or when the local
 * demo's clock was moved with POST /dev/clock.
 */
let offsetMs = 0

/** Called with the server's time (session.me answers it); later calls to `now()` follow it. */
export function serverTimeSeen(iso: string | undefined): void {
  const t = iso ? Date.parse(iso) : NaN
  if (!Number.isNaN(t)) offsetMs = t - Date.now()
}

export function now(): Date {
  return new Date(Date.now() + offsetMs)
}
