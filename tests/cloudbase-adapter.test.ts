/**
 * The CloudBase adapters.
 *
 * The storage part runs the REAL @cloudbase/node-sdk against a local HTTP endpoint (its
 * `serviceUrl` option) that records each request and answers with canned, plausible responses.
 * It checks the WIRE QUERIES ONLY — what the adapter asks CloudBase for — not how CloudBase
 * answers them: query semantics, indexes and error codes can only be confirmed on a real
 * environment. Business behaviour is tested through the storage port on the local database.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

import tcb from '@cloudbase/node-sdk'
import { CloudbaseStorage, isDuplicateKeyError, PAGE_SIZE } from '../cloudfunctions/core/adapters/cloudbase/storage'
import { callerFromPlatform } from '../cloudfunctions/core/adapters/cloudbase/identity'
import { EnvSecrets } from '../cloudfunctions/core/adapters/cloudbase/secrets'
import { WxCloudSender, type WxCloud } from '../cloudfunctions/core/adapters/cloudbase/sender'
import { DuplicateKeyError } from '../cloudfunctions/core/errors'
import type { Member } from '../types/models'

interface Recorded {
  url: string
  body: Record<string, unknown>
}

type Answer = { status?: number; body: unknown }
type Responder = (body: Record<string, unknown>) => Answer

/** Strict EJSON (what the SDK sends) → plain JSON values, for readable assertions. */
function fromEjson(text: unknown): unknown {
  if (typeof text !== 'string') throw new Error(`expected an EJSON string, got ${JSON.stringify(text)}`)
  return JSON.parse(text, (_key, value) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const keys = Object.keys(value)
      if (keys.length === 1 && ['$numberInt', '$numberLong', '$numberDouble'].includes(keys[0])) return Number(value[keys[0]])
    }
    return value
  })
}

/** A document as CloudBase's getDocument lists it: one strict-EJSON string per document. */
const listed = (doc: Record<string, unknown>) =>
  JSON.stringify(doc, (_key, value) => (Number.isInteger(value) ? { $numberInt: String(value) } : value))

/** An aggregate request's stages as `{ match, group, … }`, each stage's value parsed. */
function fromStages(body: Record<string, unknown>): Record<string, unknown> {
  const stages = body.stages as Array<{ stageKey: string; stageValue: string }>
  return Object.fromEntries(stages.map((s) => [s.stageKey.replace(/^\$/, ''), fromEjson(s.stageValue)]))
}

const ok = (data: unknown): Answer => ({ body: { requestId: 'req-test', data } })
const list = (docs: Array<Record<string, unknown>>) => ok({ list: docs.map(listed), limit: docs.length, offset: 0 })

let server: Server
let recorded: Recorded[] = []
let respond: Responder = () => ok({})
let storage: CloudbaseStorage

const savedTencentCloud = process.env.TENCENTCLOUD

beforeAll(async () => {
  // Tell the SDK it runs on Tencent Cloud so that it does not probe the metadata host first.
  process.env.TENCENTCLOUD = 'true'
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = ''
    req.on('data', (chunk) => (raw += chunk))
    req.on('end', () => {
      const body = JSON.parse(raw) as Record<string, unknown>
      recorded.push({ url: req.url ?? '', body })
      const answer = respond(body)
      res.writeHead(answer.status ?? 200, { 'content-type': 'application/json' })
      res.end(JSON.stringify(answer.body))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const app = tcb.init({
    env: 'zhibu-test-env',
    serviceUrl: `http://127.0.0.1:${port}/admin`,
    secretId: 'AKIDlocaltest',
    secretKey: 'local-test-key',
    keepalive: false,
    timeout: 5000,
  })
  storage = new CloudbaseStorage(app.database())
})

afterAll(async () => {
  if (savedTencentCloud === undefined) delete process.env.TENCENTCLOUD
  else process.env.TENCENTCLOUD = savedTencentCloud
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

beforeEach(() => {
  recorded = []
  respond = () => ok({})
})

const member = (id: string, extra: Partial<Member> = {}): Member => ({
  id,
  branchId: 'b1',
  openid: `o-${id}`,
  name: `党员${id}`,
  roles: ['member'],
  groupId: 'g1',
  standing: 'full',
  active: true,
  dues: { category: 'employed', base: 800000, amount: 4000 },
  ...extra,
})
const { id: _ignored, ...m1Stored } = member('m1')
const m1Doc = { _id: 'm1', ...m1Stored }

describe('CloudbaseStorage on the wire (queries sent only, not CloudBase behaviour)', () => {
  it('reads one document by id and converts _id to id', async () => {
    respond = () => list([m1Doc])
    await expect(storage.get('members', 'm1')).resolves.toEqual(member('m1'))

    expect(recorded).toHaveLength(1)
    const { url, body } = recorded[0]
    expect(url).toMatch(/^\/admin\?env=zhibu-test-env&/)
    expect(body).toMatchObject({ action: 'database.getDocument', collectionName: 'members', queryType: 'DOC', envName: 'zhibu-test-env' })
    expect(fromEjson(body.query)).toEqual({ _id: 'm1' })
  })

  it('answers null for an id that is not there', async () => {
    respond = () => list([])
    await expect(storage.get('branches', 'nope')).resolves.toBeNull()
  })

  it('translates every filter operator to db.command and id to _id', async () => {
    respond = () => list([m1Doc])
    const found = await storage.find(
      'ledger',
      {
        branchId: 'b1',
        id: { $in: ['l1', 'l2'] },
        memberId: { $nin: ['m9'] },
        kind: { $ne: 'checkin' },
        year: { $gte: 2025, $lt: 2027 },
        points: { $gt: 0, $lte: 10 },
        sourceId: undefined,
      } as never,
      { limit: 20 },
    )
    expect(found).toHaveLength(1)

    const { body } = recorded[0]
    expect(body).toMatchObject({ action: 'database.getDocument', collectionName: 'ledger', queryType: 'WHERE', limit: 20 })
    expect(body).not.toHaveProperty('offset')
    expect(fromEjson(body.query)).toEqual({
      branchId: 'b1',
      _id: { $in: ['l1', 'l2'] },
      memberId: { $nin: ['m9'] },
      kind: { $ne: 'checkin' },
      // The SDK encodes several operators on one field as a top-level $and, one clause each.
      $and: [{ year: { $gte: 2025 } }, { year: { $lt: 2027 } }, { points: { $gt: 0 } }, { points: { $lte: 10 } }],
    })
    // Numbers travel as typed EJSON, so 2025 is compared as a number, not a string.
    expect(body.query).toContain('{"$gte":{"$numberInt":"2025"}}')
  })

  it('sends no query at all for an empty filter', async () => {
    respond = () => list([])
    await storage.find('branches', {})
    expect(recorded[0].body).not.toHaveProperty('query')
  })

  it('orders by the given fields, then by _id so that pages never overlap', async () => {
    respond = () => list([])
    await storage.find('members', { branchId: 'b1' }, { orderBy: [['name', 'asc'], ['groupId', 'desc']] })
    await storage.find('members', { branchId: 'b1' }, { orderBy: [['id', 'desc']] })

    expect(Object.entries(fromEjson(recorded[0].body.order) as object)).toEqual([
      ['name', 1],
      ['groupId', -1],
      ['_id', 1],
    ])
    expect(fromEjson(recorded[1].body.order)).toEqual({ _id: -1 })
  })

  it('pages at 100 a request from skip until the limit, one round trip each', async () => {
    let next = 0
    respond = (body) => {
      const docs = Array.from({ length: Number(body.limit) }, () => ({ ...m1Doc, _id: `m${next++}` }))
      return list(docs)
    }
    const before = storage.roundTrips
    const found = await storage.find('members', { branchId: 'b1' }, { skip: 10, limit: 250 })

    expect(found).toHaveLength(250)
    expect(found[249].id).toBe('m249')
    expect(recorded.map((r) => [r.body.offset, r.body.limit])).toEqual([
      [10, PAGE_SIZE],
      [110, PAGE_SIZE],
      [210, 50],
    ])
    expect(storage.roundTrips - before).toBe(3)
  })

  it('without a limit reads until a short page', async () => {
    const total = 230
    respond = (body) => {
      const offset = Number(body.offset ?? 0)
      const n = Math.max(0, Math.min(Number(body.limit), total - offset))
      return list(Array.from({ length: n }, (_, i) => ({ ...m1Doc, _id: `m${offset + i}` })))
    }
    const before = storage.roundTrips
    const found = await storage.find('members', {})

    expect(found.map((m) => m.id)).toEqual(Array.from({ length: total }, (_, i) => `m${i}`))
    expect(recorded.map((r) => [r.body.offset, r.body.limit])).toEqual([
      [undefined, 100],
      [100, 100],
      [200, 100],
    ])
    expect(storage.roundTrips - before).toBe(3)
  })

  it('counts with calculateDocument', async () => {
    respond = () => ok({ total: 7 })
    await expect(storage.count('members', { branchId: 'b1', active: true })).resolves.toBe(7)
    expect(recorded[0].body).toMatchObject({ action: 'database.calculateDocument', collectionName: 'members', queryType: 'WHERE' })
    expect(fromEjson(recorded[0].body.query)).toEqual({ branchId: 'b1', active: true })
  })

  it('tallies with one aggregate pipeline a page: match, group by the fields, sort, skip, limit', async () => {
    const groups = (from: number, n: number) =>
      Array.from({ length: n }, (_, i) => JSON.stringify({ _id: { k0: `m${from + i}` }, count: 2, sum: from + i }))
    respond = (body) => ok({ list: fromStages(body).skip === 0 ? groups(0, PAGE_SIZE) : groups(PAGE_SIZE, 3) })
    const before = storage.roundTrips
    const out = await storage.tally('ledger', { branchId: 'b1', year: { $gte: 2026 } }, ['memberId'], 'points')
    expect(storage.roundTrips - before).toBe(2)
    expect(out).toHaveLength(PAGE_SIZE + 3)
    expect(out[PAGE_SIZE + 2]).toEqual({ key: { memberId: `m${PAGE_SIZE + 2}` }, count: 2, sum: PAGE_SIZE + 2 })
    expect(recorded[0].body).toMatchObject({ action: 'database.aggregateDocuments', collectionName: 'ledger' })
    expect(fromStages(recorded[0].body)).toEqual({
      match: { branchId: 'b1', year: { $gte: 2026 } },
      group: { _id: { k0: '$memberId' }, count: { $sum: 1 }, sum: { $sum: '$points' } },
      sort: { _id: 1 },
      skip: 0,
      limit: PAGE_SIZE,
    })
    expect(fromStages(recorded[1].body).skip).toBe(PAGE_SIZE)
  })

  it('inserts with add, the id becoming _id', async () => {
    respond = () => ok({ insertedIds: ['m1'] })
    await storage.insert('members', member('m1'))

    const { body } = recorded[0]
    expect(body).toMatchObject({ action: 'database.insertDocument', collectionName: 'members' })
    expect((body.data as unknown[]).map(fromEjson)).toEqual([m1Doc])
  })

  it('turns a duplicate-key answer into DuplicateKeyError and leaves other failures alone', async () => {
    respond = () => ({
      body: { code: 'DATABASE_DUPLICATE_WRITE', message: '[DuplicateWrite] E11000 duplicate key error', requestId: 'req-dup' },
    })
    const dup = storage.insert('members', member('m1'))
    await expect(dup).rejects.toBeInstanceOf(DuplicateKeyError)
    await expect(dup).rejects.toMatchObject({ collection: 'members', key: 'm1' })

    respond = () => ({ body: { code: 'DATABASE_PERMISSION_DENIED', message: 'permission denied', requestId: 'req-perm' } })
    const denied = storage.insert('members', member('m2'))
    await expect(denied).rejects.toMatchObject({ code: 'DATABASE_PERMISSION_DENIED' })
    await expect(denied).rejects.not.toBeInstanceOf(DuplicateKeyError)
  })

  it('updates one document by id with $set, replacing nested objects whole', async () => {
    respond = () => ok({ updated: 1 })
    const patch = { name: '新名字', dues: { category: 'retired' as const, amount: 1000 }, groupId: null }
    await expect(storage.update('members', 'm1', patch)).resolves.toBe(true)

    expect(recorded).toHaveLength(1)
    const { body } = recorded[0]
    expect(body).toMatchObject({
      action: 'database.modifyDocument',
      collectionName: 'members',
      queryType: 'DOC',
      multi: false,
      merge: true,
      upsert: false,
    })
    expect(fromEjson(body.query)).toEqual({ _id: 'm1' })
    // Not `dues.category` / `dues.amount`: a stale `dues.base` must not survive the update.
    expect(fromEjson(body.data)).toEqual({ $set: patch })
  })

  it('tells an unchanged document from a missing one when CloudBase reports 0 updated', async () => {
    respond = (body) => (body.action === 'database.modifyDocument' ? ok({ updated: 0 }) : list([m1Doc]))
    await expect(storage.update('members', 'm1', { name: m1Doc.name })).resolves.toBe(true)
    expect(recorded.map((r) => r.body.action)).toEqual(['database.modifyDocument', 'database.getDocument'])

    recorded = []
    respond = (body) => (body.action === 'database.modifyDocument' ? ok({ updated: 0 }) : list([]))
    await expect(storage.update('members', 'gone', { name: 'x' })).resolves.toBe(false)
  })

  it('updates conditionally in one request: where _id and the expected fields, then $inc and $set', async () => {
    respond = () => ok({ updated: 1 })
    await expect(
      storage.updateWhere('members', 'm1', { active: true, name: { $ne: '旧' } }, { set: { name: '新' } }),
    ).resolves.toBe(true)
    expect(recorded).toHaveLength(1)
    const { body } = recorded[0]
    expect(body).toMatchObject({ action: 'database.modifyDocument', collectionName: 'members', queryType: 'WHERE' })
    expect(fromEjson(body.query)).toEqual({ active: true, name: { $ne: '旧' }, _id: 'm1' })
    expect(fromEjson(body.data)).toEqual({ $set: { name: '新' } })

    recorded = []
    respond = () => ok({ updated: 0 })
    await expect(storage.updateWhere('ledger', 'l1', { points: { $gt: 0 } }, { inc: { points: -1 } })).resolves.toBe(false)
    expect(fromEjson(recorded[0].body.query)).toEqual({ points: { $gt: 0 }, _id: 'l1' })
    expect(fromEjson(recorded[0].body.data)).toEqual({ $inc: { points: -1 } })

    recorded = []
    respond = () => ok({ updated: 1 })
    await expect(storage.updateWhere('members', 'm1', { openid: 'wx-1' }, { unset: ['openid'] })).resolves.toBe(true)
    expect(fromEjson(recorded[0].body.data)).toEqual({ $unset: { openid: '' } })
  })

  it('removes one document by id', async () => {
    respond = () => ok({ deleted: 1 })
    await expect(storage.remove('members', 'm1')).resolves.toBe(true)
    expect(recorded[0].body).toMatchObject({ action: 'database.removeDocument', collectionName: 'members', queryType: 'DOC', multi: false })
    expect(fromEjson(recorded[0].body.query)).toEqual({ _id: 'm1' })

    respond = () => ok({ deleted: 0 })
    await expect(storage.remove('members', 'm1')).resolves.toBe(false)
  })
})

describe('isDuplicateKeyError', () => {
  it('recognises CloudBase\'s DATABASE_DUPLICATE_WRITE and MongoDB\'s E11000', () => {
    expect(isDuplicateKeyError({ code: 'DATABASE_DUPLICATE_WRITE', message: 'index key duplicate' })).toBe(true)
    expect(isDuplicateKeyError(Object.assign(new Error('x'), { code: 'DATABASE_DUPLICATE_WRITE' }))).toBe(true)
    // wx-server-sdk's wrapping of the same failure.
    expect(
      isDuplicateKeyError({
        errCode: -502001,
        errMsg: 'database request fail | errCode: -502001 | errMsg: [DuplicateWrite] E11000 duplicate key error collection: x index: openid_1',
      }),
    ).toBe(true)
    expect(isDuplicateKeyError({ code: 11000 })).toBe(true)
  })

  it('does not take other failures for a conflict', () => {
    expect(isDuplicateKeyError({ code: 'DATABASE_REQUEST_FAILED', message: 'timeout' })).toBe(false)
    expect(isDuplicateKeyError({ code: 'DATABASE_TRANSACTION_CONFLICT', message: 'conflict' })).toBe(false)
    expect(isDuplicateKeyError(new Error('duplicate entry'))).toBe(false)
    expect(isDuplicateKeyError(null)).toBe(false)
    expect(isDuplicateKeyError('DATABASE_DUPLICATE_WRITE')).toBe(false)
  })
})

describe('callerFromPlatform', () => {
  const keys = ['WX_CONTEXT_KEYS', 'WX_OPENID', 'WX_APPID'] as const
  const saved = Object.fromEntries(keys.map((k) => [k, process.env[k]]))
  afterEach(() => {
    for (const k of keys) {
      if (saved[k] === undefined) delete process.env[k]
      else process.env[k] = saved[k]
    }
  })

  it('reads the OPENID the platform injects, through the real SDK', () => {
    process.env.WX_CONTEXT_KEYS = 'WX_OPENID,WX_APPID'
    process.env.WX_OPENID = 'o-platform-user'
    process.env.WX_APPID = 'wx0000000000000000'
    expect(callerFromPlatform(tcb.init({ env: 'zhibu-test-env' }))).toEqual({ openid: 'o-platform-user' })
  })

  it('is null when the call carries no OPENID', () => {
    delete process.env.WX_CONTEXT_KEYS
    delete process.env.WX_OPENID
    expect(callerFromPlatform(tcb.init({ env: 'zhibu-test-env' }))).toBeNull()
    expect(callerFromPlatform({ auth: () => ({ getUserInfo: () => ({ openId: '' }) }) })).toBeNull()
  })
})

describe('EnvSecrets', () => {
  const strong = 'x'.repeat(32)

  it('gives the signing secret from ZHIBU_SIGNING_SECRET', async () => {
    await expect(new EnvSecrets({ ZHIBU_SIGNING_SECRET: strong }).get('signing')).resolves.toBe(strong)
  })

  it('refuses a missing or short secret, saying why', async () => {
    await expect(new EnvSecrets({}).get('signing')).rejects.toThrow(/ZHIBU_SIGNING_SECRET is not set/)
    await expect(new EnvSecrets({ ZHIBU_SIGNING_SECRET: 'short' }).get('signing')).rejects.toThrow(/too short.*at least 32/)
  })

  it('gives the setup code from ZHIBU_SETUP_CODE, and none when it is not set', async () => {
    await expect(new EnvSecrets({ ZHIBU_SETUP_CODE: ' branch-2026 ' }).get('setup')).resolves.toBe('branch-2026')
    await expect(new EnvSecrets({}).get('setup')).resolves.toBe('')
  })

  it('has no session secret in the cloud', async () => {
    await expect(new EnvSecrets({ ZHIBU_SIGNING_SECRET: strong, ZHIBU_SESSION_SECRET: strong }).get('session')).rejects.toThrow(
      /local-mode only/,
    )
  })
})

describe('WxCloudSender', () => {
  const env = { ZHIBU_TEMPLATE_MEETING_REMINDER: 'tpl-meeting', ZHIBU_TEMPLATE_DUES_REMINDER: 'tpl-dues' }
  const message = { openid: 'o-1', kind: 'dues_reminder' as const, data: { thing1: '5月党费', date2: '2026-05-22' }, page: 'pages/dues/index' }

  function fakeCloud(send: (params: unknown) => Promise<unknown>) {
    const calls: unknown[] = []
    const cloud: WxCloud = {
      init: () => undefined,
      DYNAMIC_CURRENT_ENV: Symbol('current'),
      openapi: { subscribeMessage: { send: (params) => (calls.push(params), send(params)) } },
    }
    return { cloud, calls }
  }

  it('sends through subscribeMessage.send with the kind\'s template and { value } fields', async () => {
    const { cloud, calls } = fakeCloud(async () => ({ errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' }))
    const sender = new WxCloudSender(env, () => cloud)
    await expect(sender.send(message)).resolves.toEqual({ ok: true })
    expect(calls).toEqual([
      {
        touser: 'o-1',
        templateId: 'tpl-dues',
        page: 'pages/dues/index',
        data: { thing1: { value: '5月党费' }, date2: { value: '2026-05-22' } },
        miniprogramState: 'formal',
      },
    ])
  })

  it('loads wx-server-sdk only on the first send', async () => {
    const load = jest.fn(() => fakeCloud(async () => ({})).cloud)
    const sender = new WxCloudSender(env, load)
    expect(load).not.toHaveBeenCalled()
    await sender.send(message)
    await sender.send(message)
    expect(load).toHaveBeenCalledTimes(1)
  })

  it('reports WeChat\'s refusal as a result', async () => {
    const refused = Object.assign(new Error('openapi.subscribeMessage.send:fail 43101 user refuse to accept the msg'), {
      errCode: 43101,
      errMsg: 'openapi.subscribeMessage.send:fail 43101 user refuse to accept the msg',
    })
    const sender = new WxCloudSender(env, () => fakeCloud(async () => Promise.reject(refused)).cloud)
    await expect(sender.send(message)).resolves.toEqual({ ok: false, errCode: 43101, errMsg: refused.errMsg })
  })

  it('throws when the template id is not configured, or on a fault without an errCode', async () => {
    await expect(new WxCloudSender({}, () => fakeCloud(async () => ({})).cloud).send(message)).rejects.toThrow(
      /ZHIBU_TEMPLATE_DUES_REMINDER is not set/,
    )
    const sender = new WxCloudSender(env, () => fakeCloud(async () => Promise.reject(new TypeError('boom'))).cloud)
    await expect(sender.send(message)).rejects.toThrow('boom')
  })
})
