import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { toShanghaiIso } from '../../../../src/domain/time'
import type { Clock, FileLink, Files, Secrets, StoredFile } from '../../ports'

/** A local file id: random, so that neither ids nor links can be guessed or walked. */
export const LOCAL_FILE_ID = /^f-[A-Za-z0-9_-]{22}$/

interface Meta {
  contentType: string
  name: string
}

/**
 * Files for local mode, kept under `<data dir>/files` (in memory without a data directory). A
 * link is `<base>/files/<id>?exp=<unix seconds>&sig=<HMAC>` signed with the signing secret and
 * checked by `open`, which the local server calls; expiry follows the product's clock (the one
 * POST /dev/clock moves), so a link and the app agree on when it ends.
 */
export class LocalFiles implements Files {
  private readonly memory = new Map<string, StoredFile>()
  private readonly dir: string | null

  constructor(
    dataDir: string | null,
    private readonly secrets: Secrets,
    private readonly clock: Clock,
    private readonly baseUrl: string,
  ) {
    this.dir = dataDir ? join(dataDir, 'files') : null
    if (this.dir) mkdirSync(this.dir, { recursive: true })
  }

  async put(bytes: Uint8Array, contentType: string, name: string): Promise<string> {
    const id = `f-${randomBytes(16).toString('base64url')}`
    const meta: Meta = { contentType, name }
    if (this.dir) {
      writeFileSync(join(this.dir, `${id}.bin`), bytes)
      writeFileSync(join(this.dir, `${id}.json`), JSON.stringify(meta))
    } else {
      this.memory.set(id, { bytes: Uint8Array.from(bytes), ...meta })
    }
    return id
  }

  async url(fileId: string, ttlSec: number): Promise<FileLink> {
    const exp = Math.floor(this.clock.now().getTime() / 1000) + ttlSec
    const sig = await this.sign(fileId, exp)
    return { url: `${this.baseUrl}/files/${fileId}?exp=${exp}&sig=${sig}`, expiresAt: toShanghaiIso(new Date(exp * 1000)) }
  }

  async get(fileId: string): Promise<StoredFile | null> {
    if (!LOCAL_FILE_ID.test(fileId)) return null
    if (!this.dir) return this.memory.get(fileId) ?? null
    const bin = join(this.dir, `${fileId}.bin`)
    if (!existsSync(bin)) return null
    const meta = JSON.parse(readFileSync(join(this.dir, `${fileId}.json`), 'utf8')) as Meta
    return { bytes: readFileSync(bin), ...meta }
  }

  /** The file a link names, if its signature holds and it has not expired; null otherwise. */
  async open(fileId: string, exp: string | null, sig: string | null): Promise<StoredFile | null> {
    if (!LOCAL_FILE_ID.test(fileId) || !exp || !/^\d{1,12}$/.test(exp) || !sig) return null
    if (Number(exp) * 1000 <= this.clock.now().getTime()) return null
    const expected = Buffer.from(await this.sign(fileId, Number(exp)))
    const given = Buffer.from(sig)
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null
    return this.get(fileId)
  }

  private async sign(fileId: string, exp: number): Promise<string> {
    const key = await this.secrets.get('signing')
    return createHmac('sha256', key).update(`file:${fileId}:${exp}`).digest('base64url')
  }
}
