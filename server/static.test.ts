import { mkdtempSync, rmSync, utimesSync, writeFileSync, mkdirSync } from 'node:fs'
import { createServer, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import zlib from 'node:zlib'
import { pickEncoding, staticFiles } from './static'

const APP_JS = `${'export const greeting = "支部通";\n'.repeat(2000)}`
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4])

let dir: string
let server: Server
let base: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zhibu-static-'))
  mkdirSync(join(dir, 'js'))
  writeFileSync(join(dir, 'index.html'), '<!doctype html><div id="app"></div>')
  writeFileSync(join(dir, 'js', 'app.0a1b2c3d.js'), APP_JS)
  writeFileSync(join(dir, 'icon.png'), PNG)
  const serve = staticFiles(dir)
  server = createServer((req, res) => void serve(req, res, new URL(req.url ?? '/', 'http://x').pathname))
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise((ok) => server.close(ok))
  rmSync(dir, { recursive: true, force: true })
})

afterEach(() => jest.restoreAllMocks())

/** The raw response: node's http does not decompress, unlike fetch. */
function get(path: string, acceptEncoding?: string, method = 'GET') {
  return new Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }>((ok, fail) => {
    const req = request(`${base}${path}`, { method, headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => ok({ headers: res.headers, body: Buffer.concat(chunks) }))
    })
    req.on('error', fail)
    req.end()
  })
}

describe('static files', () => {
  it('answers a malformed address with 400, and serves no dot file (the build stamp .source-hash)', async () => {
    writeFileSync(join(dir, '.source-hash'), 'abc123')
    expect((await fetch(`${base}/%`)).status).toBe(400)
    expect((await fetch(`${base}/%E4%B8`)).status).toBe(400)
    const stamp = await fetch(`${base}/.source-hash`)
    expect(stamp.status).toBe(404)
    expect(await stamp.text()).not.toContain('abc123')
    expect((await fetch(`${base}/js/%2Esource-hash`)).status).toBe(404)
    expect((await fetch(`${base}/`)).status).toBe(200)
  })

  it('answers gzip to a browser that accepts only gzip, with the headers a cache needs', async () => {
    const r = await get('/js/app.0a1b2c3d.js', 'gzip, deflate')
    expect(r.headers['content-encoding']).toBe('gzip')
    expect(r.headers.vary).toBe('Accept-Encoding')
    expect(r.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect(r.headers['cache-control']).toBe('public, max-age=31536000')
    expect(Number(r.headers['content-length'])).toBe(r.body.length)
    expect(r.body.length).toBeLessThan(Buffer.byteLength(APP_JS) / 10)
    expect(zlib.gunzipSync(r.body).toString()).toBe(APP_JS)
  })

  it('prefers brotli when the browser accepts both', async () => {
    const r = await get('/js/app.0a1b2c3d.js', 'gzip, deflate, br')
    expect(r.headers['content-encoding']).toBe('br')
    expect(zlib.brotliDecompressSync(r.body).toString()).toBe(APP_JS)
  })

  it('sends the file as it is when the browser accepts no compression', async () => {
    for (const accept of [undefined, 'identity', 'gzip;q=0, br;q=0', 'deflate']) {
      const r = await get('/js/app.0a1b2c3d.js', accept)
      expect(r.headers['content-encoding']).toBeUndefined()
      expect(r.headers.vary).toBe('Accept-Encoding')
      expect(r.body.toString()).toBe(APP_JS)
    }
  })

  it('does not compress images, which are compressed already', async () => {
    const r = await get('/icon.png', 'gzip, br')
    expect(r.headers['content-encoding']).toBeUndefined()
    expect(r.headers.vary).toBeUndefined()
    expect(r.body.equals(PNG)).toBe(true)
  })

  it('answers an unknown path with index.html, compressed and revalidated', async () => {
    const r = await get('/pages/index/index', 'gzip')
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(r.headers['cache-control']).toBe('no-cache')
    expect(zlib.gunzipSync(r.body).toString()).toContain('<div id="app">')
  })

  it('gives HEAD the headers without the body', async () => {
    const r = await get('/js/app.0a1b2c3d.js', 'gzip', 'HEAD')
    expect(r.headers['content-encoding']).toBe('gzip')
    expect(Number(r.headers['content-length'])).toBeGreaterThan(0)
    expect(r.body.length).toBe(0)
  })

  it('compresses a file once, and again only when the file changes', async () => {
    const file = join(dir, 'js', 'late.0a1b2c3d.js')
    writeFileSync(file, 'export const v = 1;\n'.repeat(500))
    const gzip = jest.spyOn(zlib, 'gzip')
    const first = await get('/js/late.0a1b2c3d.js', 'gzip')
    const second = await get('/js/late.0a1b2c3d.js', 'gzip')
    expect(gzip).toHaveBeenCalledTimes(1)
    expect(second.body.equals(first.body)).toBe(true)

    writeFileSync(file, 'export const v = 2;\n'.repeat(500))
    utimesSync(file, new Date(), new Date(Date.now() + 5000))
    const changed = await get('/js/late.0a1b2c3d.js', 'gzip')
    expect(gzip).toHaveBeenCalledTimes(2)
    expect(zlib.gunzipSync(changed.body).toString()).toContain('v = 2')
  })
})

describe('pickEncoding', () => {
  it.each([
    [undefined, null],
    ['', null],
    ['gzip', 'gzip'],
    ['br', 'br'],
    ['gzip, deflate, br', 'br'],
    ['br;q=0.5, gzip', 'gzip'],
    ['br;q=0, gzip;q=0.1', 'gzip'],
    ['GZIP', 'gzip'],
    ['*', 'br'],
    ['*, br;q=0', 'gzip'],
    ['identity, *;q=0', null],
    ['gzip;q=abc', null],
  ])('%p → %p', (accept, expected) => {
    expect(pickEncoding(accept)).toBe(expected)
  })
})
