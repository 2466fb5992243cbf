import type { Envelope } from '../../types/envelope'
import type { Ports } from './ports'
import { runRemind, type RemindReport } from './remind'

/** CloudBase marks timer invocations with Type "Timer"; anything else is a client calling in. */
export function isTimerEvent(event: unknown): boolean {
  return typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === 'Timer'
}

/** CloudBase stops a timer function at 60 s: stop starting new branches well before, and resume next run. */
export const TIME_BUDGET_MS = 50_000

/** The remind function's entry: only its timer may run it, never a client's callFunction. */
export async function handleRemind(ports: Ports, event: unknown, budgetMs = TIME_BUDGET_MS): Promise<Envelope<RemindReport>> {
  if (!isTimerEvent(event)) return { ok: false, error: { code: 'FORBIDDEN', message: '提醒任务只能由定时触发器运行' } }
  // Real elapsed time, not the (possibly moved) clock: this is the function's own budget.
  const started = Date.now()
  return { ok: true, data: await runRemind(ports, { shouldStop: () => Date.now() - started > budgetMs }) }
}
