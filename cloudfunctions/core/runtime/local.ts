/**
 * Local mode's composition root: real adapters on disk under the data directory.
 */
import { NedbStorage } from '../adapters/local/nedb-storage'
import { FileSecrets } from '../adapters/local/file-secrets'
import { OutboxSender } from '../adapters/local/outbox-sender'
import { SettableClock } from '../adapters/local/settable-clock'
import { LocalFiles } from '../adapters/local/local-files'
import { jsonLogger } from '../log'
import type { Logger, Ports } from '../ports'
import { handleRemind } from '../remind-entry'
import { createRouter } from '../router'
import { seedDemoBranch } from '../seed'

export interface LocalRuntime {
  ports: Ports
  storage: NedbStorage
  clock: SettableClock
  sender: OutboxSender
  files: LocalFiles
  api: ReturnType<typeof createRouter>
  /** Cloud functions other than `api`, each called with its event. */
  functions: Record<string, (event: unknown) => Promise<unknown>>
  seeded: boolean
}

/**
 * `seed: 'demo'` also gives the demo branch a past 支部党员大会 with attendance and puts it under
 * the demo 党委 with a second branch (what `npm start` shows a newcomer); `seed: true` is the
 * plain demo branch the tests build on.
 */
export async function openLocalRuntime(opts: { dataDir: string | null; seed: boolean | 'demo'; log?: Logger; appUrl?: string; filesUrl?: string }): Promise<LocalRuntime> {
  const clock = new SettableClock()
  const storage = await NedbStorage.open(opts.dataDir)
  const sender = await OutboxSender.open(opts.dataDir, clock)
  const secrets = new FileSecrets(opts.dataDir)
  // Links to files are absolute on the server (filesUrl: its own address); tests need no host.
  const files = new LocalFiles(opts.dataDir, secrets, clock, opts.filesUrl ?? '')
  const ports: Ports = { storage, clock, secrets, sender, log: opts.log ?? jsonLogger(), links: { appUrl: opts.appUrl ?? '' }, files }
  const seeded = opts.seed ? await seedDemoBranch(ports, { pastMeeting: opts.seed === 'demo', org: opts.seed === 'demo' }) : false
  return {
    ports,
    storage,
    clock,
    sender,
    files,
    api: createRouter(ports),
    // Only the dev timer door calls this: locally nobody else can reach it.
    functions: { remind: (event) => handleRemind(ports, event, null) },
    seeded,
  }
}
