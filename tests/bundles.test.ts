/**
 * The deployable functions: what esbuild put in dist/functions/<name>/ and what it kept out.
 * Nothing local-only (dev endpoints, the settable clock, NeDB, file secrets, the outbox, session
 * tokens) may reach a CloudBase deployment, and the SDKs must be installed, not bundled.
 *
 * The smoke tests run each built bundle in a child process with the environment CloudBase
 * injects, its SDK pointed at a local recording endpoint (TCB_CONTEXT_CNFG's URL). They check
 * the wiring (entry → identity → router → storage queries), not CloudBase itself.
 */
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join, resolve } from 'node:path'
import { buildFunctions, cloudbaseRc, CLOUD_SDKS, projectConfig, type BuiltFunction } from '../scripts/build-functions'

const ROOT = resolve(__dirname, '..')
const rootPkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }

const LOCAL_ONLY = [
  '/dev/login',
  '/dev/clock',
  '/dev/outbox',
  '/dev/timer',
  'SettableClock',
  'NedbStorage',
  'nedb',
  'FileSecrets',
  'OutboxSender',
  'issueSessionToken',
  'verifySessionToken',
]

/**
 * Bundling an SDK in makes a 1–2.5 MB file; our own code and its libraries stay well under this
 * (api: about 270 KB of ours and zod, plus about 200 KB for the spreadsheet reader and 85 KB
 * for the exports' writer and layouts).
 */
const MAX_BUNDLE_BYTES = 640 * 1024

let built: BuiltFunction[]
const fn = (name: string) => {
  const f = built.find((b) => b.name === name)
  if (!f) throw new Error(`function ${name} was not built`)
  return f
}
const read = (name: string, file: string) => readFileSync(join(fn(name).dir, file), 'utf8')
const json = (name: string, file: string) => JSON.parse(read(name, file)) as Record<string, unknown>

beforeAll(async () => {
  built = await buildFunctions({ log: () => undefined })
}, 60_000)

describe('built functions', () => {
  it('builds api and remind into dist/functions', () => {
    expect(built.map((b) => b.name).sort()).toEqual(['api', 'remind'])
    for (const b of built) expect(b.dir).toBe(join(ROOT, 'dist/functions', b.name))
  })

  it.each(['api', 'remind'])('%s contains nothing local-only', (name) => {
    const code = read(name, 'index.js')
    for (const needle of LOCAL_ONLY) expect({ needle, found: code.includes(needle) }).toEqual({ needle, found: false })
    for (const input of fn(name).inputs) {
      expect(input).not.toMatch(/adapters\/local\/|runtime\/local|^server\/|@seald-io|nedb/)
    }
  })

  it.each(['api', 'remind'])('%s keeps the SDKs external and is small', (name) => {
    const code = read(name, 'index.js')
    expect(fn(name).bytes).toBeLessThan(MAX_BUNDLE_BYTES)
    expect(code).toContain('require("@cloudbase/node-sdk")')
    expect(fn(name).inputs.some((i) => i.includes('node_modules/@cloudbase/') || i.includes('node_modules/wx-server-sdk/'))).toBe(false)
  })

  it.each(['api', 'remind'])('%s/package.json pins exactly the SDKs the bundle requires', (name) => {
    const code = read(name, 'index.js')
    const pkg = json(name, 'package.json')
    expect(pkg).toMatchObject({ name, main: 'index.js' })
    const required = CLOUD_SDKS.filter((sdk) => code.includes(`require("${sdk}")`))
    expect(pkg.dependencies).toEqual(Object.fromEntries(required.map((sdk) => [sdk, rootPkg.dependencies[sdk]])))
    for (const version of Object.values(pkg.dependencies as Record<string, string>)) expect(version).toMatch(/^\d+\.\d+\.\d+$/)
  })

  it('api/config.json grants the QR-code cloud call', () => {
    expect(json('api', 'config.json')).toEqual({ permissions: { openapi: ['wxacode.getUnlimited'] }, timeout: 20 })
  })

  it('remind/config.json grants subscription messages and runs hourly at :00', () => {
    const config = json('remind', 'config.json') as { triggers: Array<{ config: string }> }
    expect(config).toEqual({
      permissions: { openapi: ['subscribeMessage.send'] },
      timeout: 60,
      triggers: [{ name: 'remind-hourly', type: 'timer', config: '0 0 * * * * *' }],
    })
    // CloudBase's cron has 7 fields: second minute hour day month weekday year.
    expect(config.triggers[0].config.split(' ')).toHaveLength(7)
  })
})

describe('project files', () => {
  it('cloudbaserc.json at the root is the one the build writes', () => {
    expect(JSON.parse(readFileSync(join(ROOT, 'cloudbaserc.json'), 'utf8'))).toEqual(cloudbaseRc())
  })

  it('cloudbaserc.json deploys both functions from dist/functions with placeholders only', () => {
    const rc = cloudbaseRc()
    expect(rc).toMatchObject({ envId: '{{env.ENV_ID}}', functionRoot: 'dist/functions' })
    const byName = Object.fromEntries(rc.functions.map((f) => [f.name, f]))
    expect(byName.api).toMatchObject({ timeout: 20, handler: 'index.main', envVariables: { ZHIBU_SIGNING_SECRET: '{{env.ZHIBU_SIGNING_SECRET}}' } })
    expect(byName.remind).toMatchObject({
      timeout: 60,
      triggers: [{ name: 'remind-hourly', type: 'timer', config: '0 0 * * * * *' }],
      envVariables: {
        ZHIBU_TEMPLATE_MEETING_REMINDER: '{{env.ZHIBU_TEMPLATE_MEETING_REMINDER}}',
        ZHIBU_TEMPLATE_DUES_REMINDER: '{{env.ZHIBU_TEMPLATE_DUES_REMINDER}}',
      },
    })
    for (const f of rc.functions) for (const value of Object.values(f.envVariables)) expect(value).toMatch(/^\{\{env\.[A-Z_]+\}\}$/)
  })

  it('project.config.json points DevTools at the built mini-program and functions', () => {
    const project = JSON.parse(readFileSync(join(ROOT, 'project.config.json'), 'utf8'))
    expect(project).toMatchObject({
      miniprogramRoot: 'dist/weapp/',
      cloudfunctionRoot: 'dist/functions/',
      compileType: 'miniprogram',
      projectname: 'zhibutong',
    })
    expect(projectConfig()).toMatchObject({ appid: 'touristappid' })
  })
})

describe('built bundles run (wiring only, against a recording endpoint)', () => {
  let server: Server
  let port: number
  let requests: Array<Record<string, unknown>> = []
  let answer: (body: Record<string, unknown>) => unknown = () => ({})

  beforeAll(async () => {
    server = createServer((req, res) => {
      let raw = ''
      req.on('data', (c) => (raw += c))
      req.on('end', () => {
        const body = JSON.parse(raw) as Record<string, unknown>
        requests.push(body)
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ requestId: 'req-smoke', data: answer(body) }))
      })
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    port = (server.address() as AddressInfo).port
  })
  afterAll(() => new Promise<void>((r) => server.close(() => r())))
  beforeEach(() => {
    requests = []
  })

  let wxServerSdkLoaded = false
  const MARK = '@@main-result '

  /** Runs `main(event)` of a built bundle in a fresh node with the given platform variables. */
  function invoke(name: string, event: unknown, env: Record<string, string> = {}): Promise<unknown> {
    // The functions log JSON lines to stdout too; the answer is the line after the mark.
    const script = `const MARK = ${JSON.stringify(MARK)}; require(${JSON.stringify(join(fn(name).dir, 'index.js'))}).main(${JSON.stringify(event)}, {}).then(
      (result) => process.stdout.write('\\n' + MARK + JSON.stringify({
        result, wx: Object.keys(require.cache).some((p) => p.includes('wx-server-sdk')),
      })),
      (e) => { console.error(e); process.exit(1) })`
    const childEnv: Record<string, string | undefined> = {
      PATH: process.env.PATH ?? '',
      TCB_CONTEXT_CNFG: JSON.stringify({ URL: `http://127.0.0.1:${port}/admin` }),
      TENCENTCLOUD: 'true',
      TCB_CONTEXT_KEYS: 'TCB_ENV',
      TCB_ENV: 'zhibu-smoke-env',
      TENCENTCLOUD_SECRETID: 'AKIDsmoke',
      TENCENTCLOUD_SECRETKEY: 'smoke-key',
      WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID',
      ...env,
    }
    const child = spawn(process.execPath, ['-e', script], { env: childEnv as NodeJS.ProcessEnv })
    let out = ''
    let err = ''
    child.stdout.on('data', (c) => (out += c))
    child.stderr.on('data', (c) => (err += c))
    return new Promise((resolvePromise, reject) =>
      child.on('close', (code) => {
        const line = out.split('\n').find((l) => l.startsWith(MARK))
        if (code !== 0 || !line) return reject(new Error(`exit ${code}: ${err}${out}`))
        const { result, wx } = JSON.parse(line.slice(MARK.length)) as { result: unknown; wx: boolean }
        wxServerSdkLoaded ||= wx
        resolvePromise(result)
      }),
    )
  }

  // Last: every run above went through the entries without sending a message.
  afterAll(() => {
    expect(wxServerSdkLoaded).toBe(false)
  })

  const memberDoc = JSON.stringify({ _id: 'm1', branchId: 'b1', openid: 'o-smoke', name: '测试党员', roles: ['member'], groupId: null, active: true })

  it('api: no OPENID from the platform is UNAUTHENTICATED, before any database request', async () => {
    const res = await invoke('api', { action: 'session.me' })
    expect(res).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    expect(requests).toHaveLength(0)
  }, 20_000)

  it('api: the platform OPENID finds the member, and payloads are validated in the bundle', async () => {
    // session.me also asks whether the caller oversees a 党委 (orgOverseers): nobody does here.
    answer = (body) =>
      body.collectionName === 'members'
        ? { list: [memberDoc] }
        : body.collectionName === 'orgOverseers'
          ? { list: [] }
          : { list: [JSON.stringify({ _id: 'b1', branchId: 'b1', name: '示例党支部' })] }

    const me = await invoke('api', { action: 'session.me' }, { WX_OPENID: 'o-smoke' })
    expect(me).toMatchObject({ ok: true, data: { openid: 'o-smoke', member: { id: 'm1', branchName: '示例党支部' } } })
    expect(requests[0]).toMatchObject({ action: 'database.getDocument', collectionName: 'members', envName: 'zhibu-smoke-env', limit: 1 })
    expect(JSON.parse(requests[0].query as string)).toEqual({ openid: 'o-smoke', active: true })

    const bad = await invoke('api', { action: 'schedule.month', payload: { month: '2026-13' } }, { WX_OPENID: 'o-smoke' })
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect((bad as { error: { message: string } }).error.message).toContain('month')
  }, 20_000)

  it('remind: refuses a client call and runs on its timer event', async () => {
    answer = (body) =>
      body.action === 'database.insertDocument'
        ? { insertedIds: ['remind'] }
        : body.action === 'database.modifyDocument'
          ? { updated: 0 }
          : { list: [] }
    await expect(invoke('remind', { action: 'anything' }, { WX_OPENID: 'o-smoke' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(requests).toHaveLength(0)

    const run = await invoke('remind', { Type: 'Timer', TriggerName: 'remind-hourly', Time: '2026-05-21T01:00:00Z' })
    expect(run).toMatchObject({ ok: true, data: { branches: 0 } })
    // Its resume cursor first, then the notices still being sent, then the branches, a page at a
    // time, then the cursor saved as finished, then the sweep for recent check-ins whose award a
    // crash left undone.
    expect(requests[0]).toMatchObject({ action: 'database.getDocument', collectionName: 'jobs' })
    expect(requests[1]).toMatchObject({ action: 'database.getDocument', collectionName: 'announcements' })
    expect(requests[2]).toMatchObject({ action: 'database.getDocument', collectionName: 'branches' })
    expect(requests.slice(3).map((r) => r.collectionName)).toEqual(['jobs', 'jobs', 'attendance'])
  }, 20_000)
})
