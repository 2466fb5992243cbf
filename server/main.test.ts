/**
 * The local host's transport (CONTRACT §1–§2): what it answers to bodies too large, too slow or
 * cut off, and the dev endpoints' own input. The server runs in this process on a temp data dir.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { connect, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startLocalServer } from './main'

let dir: string
let running: Awaited<ReturnType<typeof startLocalServer>>
let port: number
const lines: string[] = []

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zhibu-server-'))
  jest.spyOn(console, 'log').mockImplementation((line: unknown) => void lines.push(String(line)))
  running = await startLocalServer({ port: 0, dataDir: dir, seed: 'demo', webRoot: join(dir, 'web'), bodyTimeoutMs: 400 })
  port = (running.server.address() as AddressInfo).port
}, 60_000)

afterAll(async () => {
  await running.close()
  jest.restoreAllMocks()
  rmSync(dir, { recursive: true, force: true })
})

interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** A POST over `agent`, its body written in `chunks` pieces; fails on a connection reset. */
function post(path: string, body: Buffer | string, agent?: Agent, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', agent, headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (c: string) => (text += c))
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: text }))
    })
    req.on('error', fail)
    req.end(body)
  })
}

/** Raw bytes on a fresh socket: everything the server sends back until it closes. */
function raw(bytes: string, opts: { endAfterMs?: number } = {}): Promise<string> {
  return new Promise((ok, fail) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes))
    let text = ''
    socket.setEncoding('utf8')
    socket.on('data', (c: string) => (text += c))
    socket.on('close', () => ok(text))
    socket.on('error', fail)
    if (opts.endAfterMs !== undefined) setTimeout(() => socket.destroy(), opts.endAfterMs)
  })
}

const waitFor = async (check: () => boolean) => {
  for (let i = 0; i < 50 && !check(); i++) await new Promise((r) => setTimeout(r, 20))
}

describe('bodies', () => {
  it('answers a body over 1 MB with a clean 413 and closes that connection, while another keeps working', async () => {
    const keptAlive = new Agent({ keepAlive: true, maxSockets: 1 })
    const before = await post('/api/api', JSON.stringify({ action: 'session.me' }), keptAlive)
    expect(before.status).toBe(200)

    const huge = JSON.stringify({ action: 'study.log', payload: { title: 'x'.repeat(2 * 1024 * 1024) } })
    const refused = await post('/api/api', huge)
    expect(refused.status).toBe(413)
    expect(refused.headers.connection).toBe('close')
    expect(JSON.parse(refused.body)).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('请求体过大') } })

    const after = await post('/api/api', JSON.stringify({ action: 'session.me' }), keptAlive)
    expect(after.status).toBe(200)
    expect(JSON.parse(after.body).error.code).toBe('UNAUTHENTICATED')
    keptAlive.destroy()
  })

  it('logs a client that hangs up mid-body as a disconnect, not INTERNAL, and answers nothing', async () => {
    lines.length = 0
    const answer = await raw('POST /api/api HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"action":', { endAfterMs: 50 })
    expect(answer).toBe('')
    await waitFor(() => lines.some((l) => l.includes('client_disconnected')))
    expect(lines.some((l) => l.includes('client_disconnected'))).toBe(true)
    expect(lines.join('\n')).not.toContain('INTERNAL')
  })

  it('times a body out (30 s; shortened here) with 408 and closes the connection', async () => {
    const answer = await raw('POST /api/api HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"action"')
    expect(answer).toMatch(/^HTTP\/1\.1 408/)
    expect(answer.toLowerCase()).toContain('connection: close')
    expect(answer).toContain('秒内没有传完')
  })

  it('answers a body that is not JSON with 400', async () => {
    const answer = await post('/api/api', '{"action":')
    expect(answer.status).toBe(400)
    expect(JSON.parse(answer.body).error.code).toBe('INVALID_INPUT')
  })
})

describe('dev endpoints', () => {
  it('refuses an impossible calendar date at /dev/clock and keeps the clock', async () => {
    const set = await post('/dev/clock', JSON.stringify({ now: '2026-02-30T09:00:00+08:00' }))
    expect(JSON.parse(set.body)).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('now') } })
    const good = await post('/dev/clock', JSON.stringify({ now: '2026-02-28T09:00:00+08:00' }))
    expect(JSON.parse(good.body)).toEqual({ ok: true, data: { now: '2026-02-28T09:00:00+08:00' } })
    await post('/dev/clock', JSON.stringify({ now: null }))
  })

  it('makes a fresh session token at every login, each of them good', async () => {
    const login = async () => JSON.parse((await post('/dev/login', JSON.stringify({ openid: 'demo-member-01' }))).body).data.token as string
    const [first, second] = [await login(), await login()]
    expect(first).not.toBe(second)
    for (const token of [first, second]) {
      const me = JSON.parse((await post('/api/api', JSON.stringify({ action: 'session.me' }), undefined, { authorization: `Bearer ${token}` })).body)
      expect(me.data.openid).toBe('demo-member-01')
    }
  })
})
