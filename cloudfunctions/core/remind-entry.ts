import type { Envelope } from '../../types/envelope'
import type { Ports } from './ports'
import { runRemind, type RemindReport } from './remind'

/** CloudBase marks timer invocations with Type "Timer"; anything else is a client calling in. */
export function isTimerEvent(event: unknown): boolean {
  return typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === 'Timer'
}

/** The remind function's entry: only its timer may run it, never a client's callFunction. */
export async function handleRemind(ports: Ports, event: unknown): Promise<Envelope<RemindReport>> {
  if (!isTimerEvent(event)) return { ok: false, error: { code: 'FORBIDDEN', message: '提醒任务只能由定时触发器运行' } }
  return { ok: true, data: await runRemind(ports) }
}
