import type { Envelope } from '../../types/envelope'
import type { Caller, Ports } from './ports'
import { runRemind, type RemindReport } from './remind'

/**
 * CloudBase marks timer invocations with Type "Timer", but a client can send that too: its call
 * carries the caller's identity (the platform's OPENID, and `userInfo` in the event), which a
 * timer's never does. So a timer event is one with Type "Timer" and nobody behind it.
 */
export function isTimerEvent(event: unknown, caller: Caller | null): boolean {
  if (caller !== null || typeof event !== 'object' || event === null) return false
  const e = event as { Type?: unknown; userInfo?: { openId?: unknown } }
  return e.Type === 'Timer' && !e.userInfo?.openId
}

/** CloudBase stops a timer function at 60 s: stop starting new branches well before, and resume next run. */
export const TIME_BUDGET_MS = 50_000

/** The remind function's entry: only its timer may run it, never a client's callFunction. */
export async function handleRemind(ports: Ports, event: unknown, caller: Caller | null, budgetMs = TIME_BUDGET_MS): Promise<Envelope<RemindReport>> {
  if (!isTimerEvent(event, caller)) return { ok: false, error: { code: 'FORBIDDEN', message: '提醒任务只能由定时触发器运行' } }
  // Real elapsed time, not the (possibly moved) clock: this is the function's own budget.
  const started = Date.now()
  return { ok: true, data: await runRemind(ports, { shouldStop: () => Date.now() - started > budgetMs }) }
}
