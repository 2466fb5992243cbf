/**
 * Files locally (minutes' photos, exports): stored in the data directory, opened through the
 * local server by a signed link that stops working when it expires or is altered.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startLocalServer } from './main'

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5, 0xff, 0xd9])

async function freePort(): Promise<number> {
  return new Promise((ok) => {
    const s = createServer()
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port
      s.close(() => ok(port))
    })
  })
}

let dataDir: string
let local: Awaited<ReturnType<typeof startLocalServer>>

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'zhibu-files-'))
  local = await startLocalServer({ port: await freePort(), dataDir, seed: false, webRoot: dataDir })
})

afterAll(async () => {
  await local.close()
  rmSync(dataDir, { recursive: true, force: true })
})

afterEach(() => local.runtime.clock.set(null))

describe('local files', () => {
  it('serves a photo inline at its absolute link until the link expires, by the product clock', async () => {
    const { files, clock } = local.runtime
    const id = await files.put(JPEG, 'image/jpeg', '会议照片.jpg')
    const link = await files.url(id, 600)
    expect(link.url.startsWith(`${local.url}/files/${id}?`)).toBe(true)
    expect(Date.parse(link.expiresAt) - clock.now().getTime()).toBeGreaterThan(599_000)

    const r = await fetch(link.url)
    expect(r.status).toBe(200)
    expect(r.headers.get('content-type')).toBe('image/jpeg')
    expect(r.headers.get('x-content-type-options')).toBe('nosniff')
    expect(Buffer.from(await r.arrayBuffer())).toEqual(JPEG)

    clock.set(new Date(Date.parse(link.expiresAt) + 1000))
    expect((await fetch(link.url)).status).toBe(404)
  })

  it('refuses an altered signature, expiry or id, and a link without them', async () => {
    const { files } = local.runtime
    const id = await files.put(JPEG, 'image/jpeg', 'a.jpg')
    const other = await files.put(JPEG, 'image/jpeg', 'b.jpg')
    const { url } = await files.url(id, 600)
    const u = new URL(url)
    const exp = Number(u.searchParams.get('exp'))
    const sig = u.searchParams.get('sig')!
    const flipped = sig.slice(0, -1) + (sig.endsWith('A') ? 'B' : 'A')
    for (const bad of [
      `/files/${id}?exp=${exp}&sig=${flipped}`,
      `/files/${id}?exp=${exp + 3600}&sig=${sig}`,
      `/files/${other}?exp=${exp}&sig=${sig}`,
      `/files/${id}`,
      `/files/..%2Fsecrets.json?exp=${exp}&sig=${sig}`,
    ]) {
      expect((await fetch(`${local.url}${bad}`)).status).toBe(404)
    }
  })

  it('downloads anything but an image as an attachment under its Chinese name, and keeps files across a restart', async () => {
    const { files } = local.runtime
    const html = Buffer.from('<script>alert(1)</script>')
    const id = await files.put(html, 'text/html', '考勤表.xlsx')
    const r = await fetch((await files.url(id, 600)).url)
    expect(r.headers.get('content-type')).toBe('application/octet-stream')
    expect(r.headers.get('content-disposition')).toBe(`attachment; filename*=UTF-8''${encodeURIComponent('考勤表.xlsx')}`)

    const again = await startLocalServer({ port: await freePort(), dataDir, seed: false, webRoot: dataDir })
    try {
      expect(await again.runtime.files.get(id)).toEqual({ bytes: expect.anything(), contentType: 'text/html', name: '考勤表.xlsx' })
      expect(Buffer.from((await again.runtime.files.get(id))!.bytes)).toEqual(html)
    } finally {
      await again.close()
    }
  })
})
