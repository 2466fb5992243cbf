import type { Clock } from '../../ports'

/**
 * The real clock, which the local server's POST /dev/clock can move. Once set, time keeps
 * running from the set instant, so that check-in codes refresh and windows close as they would.
 */
export class SettableClock implements Clock {
  private offsetMs = 0

  now(): Date {
    return new Date(Date.now() + this.offsetMs)
  }

  set(instant: Date | null): void {
    this.offsetMs = instant ? instant.getTime() - Date.now() : 0
  }
}
