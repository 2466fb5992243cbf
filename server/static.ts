/**
 * The H5 app's files for the local server. Hashed files are cached for a year, the rest
 * revalidated; text is compressed (brotli or gzip, whichever the browser accepts) once per
 * file version and kept in memory, so a phone on a slow network downloads a quarter of it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { extname, join, normalize, resolve } from 'node:path'
import { promisify } from 'node:util'
import * as zlib from 'node:zlib'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
}
/** Images and woff fonts are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.txt', '.svg', '.ico', '.ttf'])

export type Encoding = 'br' | 'gzip'

const compress: Record<Encoding, (data: Buffer) => Promise<Buffer>> = {
  br: (data) =>
    promisify(zlib.brotliCompress)(data, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length },
    }),
  gzip: (data) => promisify(zlib.gzip)(data, { level: 9 }),
}

/** The encoding to answer with for an Accept-Encoding header: the highest q above 0, brotli on a tie. */
export function pickEncoding(accept: string | undefined): Encoding | null {
  const q = new Map<string, number>()
  for (const part of (accept ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';')
    if (!name) continue
    const weight = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    q.set(name, weight ? Number(weight.slice(2)) || 0 : 1)
  }
  const weight = (e: Encoding) => q.get(e) ?? q.get('*') ?? 0
  const best = (['br', 'gzip'] as const).filter((e) => weight(e) > 0).sort((a, b) => weight(b) - weight(a))
  return best[0] ?? null
}

interface Version {
  mtimeMs: number
  size: number
  bodies: Map<Encoding, Promise<Buffer>>
}

function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' })
  res.end(text)
}

/** Serves GET and HEAD for files under webRoot; any other path gets index.html (the app routes by hash). */
export function staticFiles(webRoot: string) {
  const root = resolve(webRoot)
  const versions = new Map<string, Version>()

  /** The file compressed with encoding, made on the first request for this version of the file. */
  function encoded(file: string, encoding: Encoding): Promise<Buffer> {
    const st = statSync(file)
    let v = versions.get(file)
    if (!v || v.mtimeMs !== st.mtimeMs || v.size !== st.size) {
      v = { mtimeMs: st.mtimeMs, size: st.size, bodies: new Map() }
      versions.set(file, v)
    }
    let body = v.bodies.get(encoding)
    if (!body) {
      body = compress[encoding](readFileSync(file))
      v.bodies.set(encoding, body)
    }
    return body
  }

  return async function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string) {
    if (!existsSync(join(root, 'index.html'))) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' })
      res.end('H5 应用尚未构建：请运行 npm start（会自动构建）或 npm run build:h5')
      return
    }
    let decoded: string
    try {
      decoded = decodeURIComponent(pathname)
    } catch {
      // A malformed address (`/%`) is the client's mistake, not a server failure (CONTRACT §2).
      return plain(res, 400, '地址不正确')
    }
    // Dot files (the build's .source-hash stamp, anything hidden) are not part of the app.
    if (decoded.split(/[/\\]/).some((segment) => segment.startsWith('.') && segment !== '.' && segment !== '..')) return plain(res, 404, '没有这个文件')
    const rel = normalize(decoded).replace(/^([/\\])+/, '')
    let file = join(root, rel)
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) file = join(root, 'index.html')
    const ext = extname(file)
    const immutable = /\.[0-9a-f]{8}\./.test(file)
    const headers: Record<string, string> = {
      'content-type': TYPES[ext] ?? 'application/octet-stream',
      'cache-control': immutable ? 'public, max-age=31536000' : 'no-cache',
    }
    const encoding = COMPRESSIBLE.has(ext) ? pickEncoding(req.headers['accept-encoding']) : null
    if (COMPRESSIBLE.has(ext)) headers.vary = 'Accept-Encoding'
    if (encoding) headers['content-encoding'] = encoding
    const body = encoding ? await encoded(file, encoding) : readFileSync(file)
    headers['content-length'] = String(body.length)
    res.writeHead(200, headers)
    res.end(req.method === 'HEAD' ? undefined : body)
  }
}
