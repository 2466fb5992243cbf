import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { SecretName, Secrets } from '../../ports'

/**
 * Secrets for local mode: generated once and kept in the data directory (mode 600), so that
 * tokens signed before a restart still verify after it.
 */
export class FileSecrets implements Secrets {
  private values: Record<string, string>

  constructor(dir: string | null) {
    const fresh = () => ({ signing: randomBytes(32).toString('hex'), session: randomBytes(32).toString('hex') })
    if (!dir) {
      this.values = fresh()
      return
    }
    mkdirSync(dir, { recursive: true })
    const file = join(dir, 'secrets.json')
    if (existsSync(file)) {
      this.values = JSON.parse(readFileSync(file, 'utf8'))
    } else {
      this.values = fresh()
      writeFileSync(file, JSON.stringify(this.values), { mode: 0o600 })
    }
  }

  async get(name: SecretName): Promise<string> {
    const value = this.values[name]
    if (!value) throw new Error(`secret ${name} is missing`)
    return value
  }
}
