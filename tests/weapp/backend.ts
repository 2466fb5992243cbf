/**
 * What the stub `wx.cloud.callFunction({ name: 'api' })` answers with: the real `api` router
 * (the same one the cloud function and the local server run) over an in-memory store holding
 * the demo seed, at a fixed instant, for the demo secretary.
 */
import { openLocalRuntime } from '../../cloudfunctions/core/runtime/local'
import type { Envelope } from '../../types/envelope'
import type { LedgerEntry } from '../../types/models'
import { inShanghai } from '../../src/domain/time'

export const DEMO_OPENID = 'demo-secretary'

export interface DemoBackend {
  /** The envelope function `api` would return for this event and caller. */
  answer(event: unknown, openid?: string): Promise<Envelope<unknown>>
}

/** A few ledger rows for the secretary (4 + 1 积分, 6.5 学时), so that the figures are not all zero. */
function ledgerRows(year: number, at: string): LedgerEntry[] {
  const row = (id: string, kind: LedgerEntry['kind'], points: number, studyTenths: number): LedgerEntry => ({
    id,
    branchId: 'demo-branch',
    memberId: DEMO_OPENID,
    kind,
    points,
    studyTenths,
    sourceId: id,
    year,
    by: DEMO_OPENID,
    at,
    reason: 'weapp render test',
  })
  return [row('ledger-1', 'meeting', 2, 30), row('ledger-2', 'meeting', 2, 30), row('ledger-3', 'self_study', 1, 5)]
}

export async function openDemoBackend(now: Date): Promise<DemoBackend> {
  const silent = { info: () => undefined, error: () => undefined }
  const runtime = await openLocalRuntime({ dataDir: null, seed: true, log: silent })
  runtime.clock.set(now)
  for (const row of ledgerRows(inShanghai(now).year(), now.toISOString())) await runtime.storage.insert('ledger', row)
  return {
    answer: (event, openid = DEMO_OPENID) => runtime.api(event, { openid }),
  }
}
