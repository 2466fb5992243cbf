/**
 * The local host (`npm start`): the H5 app, the cloud functions over HTTP and the dev-only
 * endpoints of CONTRACT §1, on one port. Nothing here is bundled into a cloud function.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { resolve } from 'node:path'
import { openLocalRuntime } from '../cloudfunctions/core/runtime/local'
import { issueSessionToken, OPENID_RE, verifySessionToken } from '../cloudfunctions/core/adapters/local/session-tokens'
import { instant } from '../cloudfunctions/core/actions/define'
import { jsonLogger } from '../cloudfunctions/core/log'
import { toShanghaiIso } from '../src/domain/time'
import { staticFiles } from './static'
import type { StoredFile } from '../cloudfunctions/core/ports'

const MAX_BODY = 1024 * 1024
/** How much of an oversized body is read and dropped so that its sender gets the 413 cleanly; past it the connection is cut. */
const MAX_DRAIN = 16 * MAX_BODY
const BODY_TIMEOUT_MS = 30_000

/** A body the server will not take: answered with `status`, and that connection closed. */
class BodyError extends Error {
  constructor(public readonly status: number, message: string) {
    super(message)
  }
}

/** The client went away before its body arrived: there is nobody to answer. */
class ClientGone extends Error {}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers })
  res.end(text)
}

/**
 * The whole body, at most MAX_BODY bytes, within `timeoutMs` of the request's start. An
 * oversized body is read to its end and dropped before the 413 goes out: closing a connection
 * with unread data in it resets it, and the client would see a reset instead of the answer.
 */
function readBody(req: IncomingMessage, timeoutMs: number): Promise<Buffer> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = []
    let size = 0
    let settled = false
    const settle = (err: Error | null, body?: Buffer) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      req.removeListener('data', onData)
      if (err) fail(err)
      else ok(body!)
    }
    const tooLarge = () => new BodyError(413, `请求体过大（上限 ${MAX_BODY / 1024 / 1024} MB）`)
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size <= MAX_BODY) chunks.push(chunk)
      else if (size > MAX_BODY + MAX_DRAIN) settle(tooLarge())
    }
    const timer = setTimeout(() => settle(new BodyError(408, `请求体在 ${Math.round(timeoutMs / 1000)} 秒内没有传完`)), timeoutMs)
    if (Number(req.headers['content-length']) > MAX_BODY + MAX_DRAIN) return settle(tooLarge())
    req.on('data', onData)
    req.on('end', () => settle(size > MAX_BODY ? tooLarge() : null, Buffer.concat(chunks)))
    req.on('error', () => settle(new ClientGone()))
    req.on('close', () => {
      if (!req.complete) settle(new ClientGone())
    })
  })
}

async function readJson(req: IncomingMessage, timeoutMs: number): Promise<unknown> {
  const text = (await readBody(req, timeoutMs)).toString('utf8')
  try {
    return text.trim() === '' ? {} : JSON.parse(text)
  } catch {
    throw new BodyError(400, '请求体不是合法的 JSON')
  }
}

/** Images show inline; anything else downloads under its name, so no stored file runs as a page. */
function serveFile(res: ServerResponse, file: StoredFile, headOnly: boolean) {
  const inline = /^image\/(jpeg|png|webp)$/.test(file.contentType)
  res.writeHead(200, {
    'content-type': inline ? file.contentType : 'application/octet-stream',
    'content-length': String(file.bytes.length),
    'content-disposition': `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'",
    'cache-control': 'private, no-store',
  })
  res.end(headOnly ? undefined : Buffer.from(file.bytes))
}

const bearer = (req: IncomingMessage) => {
  const h = req.headers.authorization
  return h && h.startsWith('Bearer ') ? h.slice(7).trim() : undefined
}

export async function startLocalServer(opts: { port: number; dataDir: string; seed: boolean | 'demo'; webRoot: string; bodyTimeoutMs?: number }) {
  const bodyTimeoutMs = opts.bodyTimeoutMs ?? BODY_TIMEOUT_MS
  const log = jsonLogger()
  // The address phones open the invite link at: this server, or ZHIBU_PUBLIC_URL (e.g. a LAN address).
  const publicUrl = (process.env.ZHIBU_PUBLIC_URL || `http://127.0.0.1:${opts.port}`).replace(/\/$/, '')
  const rt = await openLocalRuntime({ dataDir: opts.dataDir, seed: opts.seed, log, appUrl: `${publicUrl}/#`, filesUrl: publicUrl })
  const serveStatic = staticFiles(opts.webRoot)

  async function route(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const path = url.pathname
    const method = req.method ?? 'GET'

    if (path === '/healthz') return send(res, 200, { ok: true })

    const fn = /^\/api\/([a-z][a-z0-9_-]*)$/.exec(path)
    if (fn) {
      if (method !== 'POST') return send(res, 405, { ok: false, error: { code: 'INVALID_INPUT', message: '请使用 POST' } })
      const body = await readJson(req, bodyTimeoutMs)
      const caller = await verifySessionToken(rt.ports.secrets, bearer(req))
      if (fn[1] === 'api') return send(res, 200, await rt.api(body, caller))
      const other = rt.functions[fn[1]]
      if (!other) return send(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: `没有名为 ${fn[1]} 的云函数` } })
      return send(res, 200, await other(body))
    }

    if (path === '/dev/login' && method === 'POST') {
      const body = (await readJson(req, bodyTimeoutMs)) as { openid?: unknown }
      const openid = typeof body === 'object' && body !== null ? body.openid : undefined
      if (typeof openid !== 'string' || !OPENID_RE.test(openid)) {
        return send(res, 200, { ok: false, error: { code: 'INVALID_INPUT', message: 'openid：应为 1–64 位字母、数字、下划线或连字符' } })
      }
      return send(res, 200, { ok: true, data: { token: await issueSessionToken(rt.ports.secrets, openid) } })
    }
    if (path === '/dev/clock' && method === 'POST') {
      const body = (await readJson(req, bodyTimeoutMs)) as { now?: unknown }
      const now = typeof body === 'object' && body !== null ? body.now : undefined
      if (now === null) {
        rt.clock.set(null)
      } else if (instant.safeParse(now).success) {
        rt.clock.set(new Date(now as string))
      } else {
        return send(res, 200, { ok: false, error: { code: 'INVALID_INPUT', message: 'now：应为带时区的 ISO 8601 时间或 null' } })
      }
      return send(res, 200, { ok: true, data: { now: toShanghaiIso(rt.clock.now()) } })
    }
    const timer = /^\/dev\/timer\/([a-z][a-z0-9_-]*)$/.exec(path)
    if (timer && method === 'POST') {
      const other = rt.functions[timer[1]]
      if (!other) return send(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: `没有名为 ${timer[1]} 的定时云函数` } })
      // The event shape CloudBase hands a timer-triggered function.
      const event = { Type: 'Timer', TriggerName: 'daily', Time: rt.clock.now().toISOString() }
      return send(res, 200, await other(event))
    }
    if (path === '/dev/outbox' && method === 'GET') {
      return send(res, 200, { ok: true, data: { messages: await rt.sender.messages() } })
    }
    if (path === '/dev/users' && method === 'GET') {
      const members = await rt.storage.find('members', { active: true }, { orderBy: [['id', 'asc']] })
      const users = members
        .filter((m) => m.openid)
        .map((m) => ({ openid: m.openid, name: m.name, roles: m.roles, groupId: m.groupId }))
      // A 党委's overseers hold no branch role (CONTRACT §7); their org names them on the list.
      const [overseers, orgs] = await Promise.all([rt.storage.find('orgOverseers', {}), rt.storage.find('orgs', {})])
      const orgName = new Map(orgs.map((o) => [o.id, o.name]))
      const overseeing = overseers
        .filter((o) => !users.some((u) => u.openid === o.id))
        .map((o) => ({ openid: o.id, name: `${o.name}（${orgName.get(o.orgId) ?? '党委'}）`, roles: [], groupId: null }))
      return send(res, 200, { ok: true, data: { users: [...users, ...overseeing] } })
    }
    const file = /^\/files\/([^/]+)$/.exec(path)
    if (file && (method === 'GET' || method === 'HEAD')) {
      const found = await rt.files.open(file[1], url.searchParams.get('exp'), url.searchParams.get('sig'))
      if (!found) return send(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: '文件不存在或链接已过期' } })
      return serveFile(res, found, method === 'HEAD')
    }
    if (path.startsWith('/dev/') || path.startsWith('/api/') || path.startsWith('/files/')) {
      return send(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: '没有这个接口' } })
    }
    if (method !== 'GET' && method !== 'HEAD') return send(res, 405, { ok: false, error: { code: 'INVALID_INPUT', message: '不支持的请求方法' } })
    return serveStatic(req, res, path)
  }

  const server = createServer((req, res) => {
    route(req, res).catch((err) => {
      if (err instanceof ClientGone) return log.info('client_disconnected', { where: 'server', path: req.url, detail: '客户端在请求体传完前断开' })
      if (err instanceof BodyError) {
        // 400 leaves the connection usable; after 408 or 413 the rest of the stream is not a request.
        const close: Record<string, string> = err.status === 400 ? {} : { connection: 'close' }
        return send(res, err.status, { ok: false, error: { code: 'INVALID_INPUT', message: err.message } }, close)
      }
      log.error('INTERNAL', { where: 'server', error: err instanceof Error ? err.message : String(err) })
      if (!res.headersSent) send(res, 200, { ok: false, error: { code: 'INTERNAL', message: '系统出了点问题，请稍后再试' } })
    })
  })
  server.keepAliveTimeout = 5000
  server.headersTimeout = BODY_TIMEOUT_MS
  await new Promise<void>((ok) => server.listen(opts.port, '127.0.0.1', ok))

  const close = async () => {
    await new Promise<void>((ok) => server.close(() => ok()))
    await rt.storage.compact()
  }
  return { server, runtime: rt, close, url: `http://127.0.0.1:${opts.port}` }
}

if (require.main === module) {
  const port = Number(process.env.PORT || 8787)
  const dataDir = resolve(process.env.ZHIBU_DATA_DIR || '.data')
  const seed = process.env.ZHIBU_SEED === 'none' ? false : 'demo'
  const webRoot = resolve(__dirname, '..', 'dist', 'h5')
  startLocalServer({ port, dataDir, seed, webRoot })
    .then(async ({ url, close, runtime }) => {
      if (runtime.seeded) console.log('已创建示例党支部（demo branch seeded）')
      // CONTRACT §5: the code that creates a branch, printed on every start.
      console.log(`设置码：${await runtime.ports.secrets.get('setup')}`)
      console.log(`支部通 is ready at ${url}`)
      let stopping = false
      const stop = () => {
        if (stopping) return
        stopping = true
        close().finally(() => process.exit(0))
      }
      process.on('SIGTERM', stop)
      process.on('SIGINT', stop)
    })
    .catch((err) => {
      console.error(err instanceof Error ? err.message : err)
      process.exit(1)
    })
}
