import type { Clock } from '../../cloudfunctions/core/ports'

/** A clock that stands still at the given instant until a test moves it. */
export interface FixedClock extends Clock {
  set(instant: string): void
}

export function fixedClock(instant: string): FixedClock {
  let now = new Date(instant)
  if (Number.isNaN(now.getTime())) throw new Error(`not an instant: ${instant}`)
  return {
    now: () => new Date(now.getTime()),
    set(next: string) {
      now = new Date(next)
    },
  }
}
