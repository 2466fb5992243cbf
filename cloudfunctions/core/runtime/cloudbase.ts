/**
 * CloudBase's composition root: the SDK initialised once per warm instance, the real adapters,
 * the system clock. Entries import only from here; nothing local-only is reachable from it.
 */
import tcb from '@cloudbase/node-sdk'
import { CloudbaseStorage } from '../adapters/cloudbase/storage'
import { callerFromPlatform } from '../adapters/cloudbase/identity'
import { EnvSecrets } from '../adapters/cloudbase/secrets'
import { WxCloudSender } from '../adapters/cloudbase/sender'
import { WxMiniCodes } from '../adapters/cloudbase/mini-codes'
import { CloudbaseFiles } from '../adapters/cloudbase/files'
import { jsonLogger } from '../log'
import type { Caller, Clock, Ports } from '../ports'

export const systemClock: Clock = { now: () => new Date() }

let app: ReturnType<typeof tcb.init> | null = null
let ports: Ports | null = null

export function cloudbaseApp(): ReturnType<typeof tcb.init> {
  app ??= tcb.init({ env: tcb.SYMBOL_CURRENT_ENV })
  return app
}

/** The ports for this instance; the storage's round-trip count spans its warm lifetime. */
export function cloudPorts(): Ports {
  ports ??= {
    storage: new CloudbaseStorage(cloudbaseApp().database()),
    clock: systemClock,
    secrets: new EnvSecrets(),
    sender: new WxCloudSender(),
    log: jsonLogger(),
    links: { appUrl: (process.env.ZHIBU_APP_URL ?? '').replace(/\/$/, '') },
    miniCodes: new WxMiniCodes(),
    files: new CloudbaseFiles(cloudbaseApp(), systemClock),
  }
  return ports
}

/** Who is calling this invocation, read from what the platform injected for it. */
export function currentCaller(): Caller | null {
  return callerFromPlatform(cloudbaseApp())
}
