import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { SecretName, Secrets } from '../../ports'

const GENERATED: Record<SecretName, () => string> = {
  signing: () => randomBytes(32).toString('hex'),
  session: () => randomBytes(32).toString('hex'),
  // Letters and digits only, so it reads out and types on a phone without ambiguity of symbols.
  setup: () => `zb-${randomBytes(9).toString('base64url').replace(/[-_]/g, 'x')}`,
}

/**
 * Secrets for local mode: generated once and kept in the data directory (mode 600), so that
 * tokens signed before a restart still verify after it, and the setup code stays the same.
 * ZHIBU_SETUP_CODE, when set, is the setup code instead (as in CloudBase).
 */
export class FileSecrets implements Secrets {
  private values: Record<string, string>

  constructor(dir: string | null, env: Record<string, string | undefined> = process.env) {
    const file = dir ? join(dir, 'secrets.json') : null
    const stored: Record<string, string> = file && existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {}
    const missing = (Object.keys(GENERATED) as SecretName[]).filter((name) => !stored[name])
    this.values = { ...stored }
    for (const name of missing) this.values[name] = GENERATED[name]()
    if (dir && file && missing.length) {
      mkdirSync(dir, { recursive: true })
      writeFileSync(file, JSON.stringify(this.values), { mode: 0o600 })
    }
    const fromEnv = env.ZHIBU_SETUP_CODE?.trim()
    if (fromEnv) this.values.setup = fromEnv
  }

  async get(name: SecretName): Promise<string> {
    const value = this.values[name]
    if (!value) throw new Error(`secret ${name} is missing`)
    return value
  }
}
