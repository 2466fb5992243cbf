/**
 * The `api` router on an in-memory local runtime with the demo seed (CONTRACT §4) and a fixed
 * clock, called per openid through its public door — how the use-case specs drive the backend.
 * The seed is made at the fixed clock, so its five months of dues history end the month before.
 *
 *   const app = await theDemoBranch({ at: '2026-05-20T10:00:00+08:00' })
 *   const { meeting } = await app.as('demo-secretary').ok('meeting.create', {...})
 *   expect(await app.as('demo-member-01').call('checkin.submit', { token })).toMatchObject(...)
 */
import type { ActionName, Payload, Result } from '../../cloudfunctions/core/actions'
import type { Envelope, ErrorCode } from '../../types/envelope'
import type { MessageSender, Ports, Storage } from '../../cloudfunctions/core/ports'
import { createRouter } from '../../cloudfunctions/core/router'
import { openLocalRuntime } from '../../cloudfunctions/core/runtime/local'
import { seedDemoBranch } from '../../cloudfunctions/core/seed'
import { fixedClock } from './clock'
import { recordingLogger } from './log'

export const DEMO = {
  branchId: 'demo-branch',
  secretary: 'demo-secretary',
  committee: 'demo-committee',
  leader1: 'demo-leader-1',
  group1: 'demo-group-1',
  group2: 'demo-group-2',
  /** demo-member-01 … 10 are in group 1, 11 … 20 in group 2. */
  member: (n: number) => `demo-member-${String(n).padStart(2, '0')}`,
} as const

export async function theDemoBranch(opts: { at?: string; storage?: (real: Storage) => Storage; sender?: (real: MessageSender) => MessageSender; ports?: Partial<Ports> } = {}) {
  const log = recordingLogger()
  const runtime = await openLocalRuntime({ dataDir: null, seed: false, log })
  const clock = fixedClock(opts.at ?? '2026-05-20T10:00:00+08:00')
  await seedDemoBranch({ storage: runtime.storage, clock })
  const storage = runtime.storage
  const sender = opts.sender ? opts.sender(runtime.sender) : runtime.sender
  const ports: Ports = { ...runtime.ports, ...opts.ports, clock, sender, storage: opts.storage ? opts.storage(storage) : storage }
  const handle = createRouter(ports)

  function as(openid: string) {
    const call = <K extends ActionName>(action: K, payload: Payload<K>) =>
      handle({ action, payload }, { openid }) as Promise<Envelope<Result<K>>>
    return {
      call,
      /** The data of a call that must succeed; a failure throws with its code and message. */
      ok: async <K extends ActionName>(action: K, payload: Payload<K>): Promise<Result<K>> => dataOf(await call(action, payload)),
      /** A call with any payload at all, for validation specs. */
      raw: (action: string, payload: unknown) => handle({ action, payload }, { openid }),
    }
  }

  /** `ports` are the router's own (with any wrapped storage), what the timers run on (runRemind); `outbox` is every message the local sender delivered. */
  return { as, clock, storage, log, ports, outbox: () => runtime.sender.messages() }
}

export type DemoBranch = Awaited<ReturnType<typeof theDemoBranch>>

export function dataOf<T>(envelope: Envelope<T>): T {
  if (!envelope.ok) throw new Error(`expected ok, got ${envelope.error.code}: ${envelope.error.message}`)
  return envelope.data
}

/**
 * `{ ok: false, error: { code } }`, with the message matching `message` when given (INVALID_INPUT
 * also carries `field` and `detail`).
 */
export function failure(code: ErrorCode, message?: RegExp | string) {
  return {
    ok: false,
    error: expect.objectContaining({
      code,
      message: message === undefined ? expect.any(String) : typeof message === 'string' ? expect.stringContaining(message) : expect.stringMatching(message),
    }),
  }
}
