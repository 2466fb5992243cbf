/**
 * The demo branch of CONTRACT §4, seeded on the first start of local mode.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Member } from '../../types/models'
import { monthlyDues } from './domain/dues'
import { DEFAULT_SCHEDULE } from './domain/schedule'
import { fixedClock } from '../../tests/support/clock'
import { recordingLogger } from '../../tests/support/log'
import { NedbStorage } from './adapters/local/nedb-storage'
import { openLocalRuntime } from './runtime/local'
import { DEMO_BRANCH_ID, demoMembers, seedDemoBranch } from './seed'

const clock = fixedClock('2026-01-05T09:00:00+08:00')
const DEMO_MEMBER_OPENIDS = Array.from({ length: 20 }, (_, i) => `demo-member-${String(i + 1).padStart(2, '0')}`)

async function aSeededStore() {
  const storage = await NedbStorage.open(null)
  const seeded = await seedDemoBranch({ storage, clock })
  return { storage, seeded }
}

const byOpenid = async (storage: NedbStorage) => {
  const members = await storage.find('members', {}, { limit: 1000 })
  return new Map(members.map((m) => [m.openid, m] as const))
}

describe('the demo seed', () => {
  it('creates 示例党支部 with the default schedule', async () => {
    const { storage, seeded } = await aSeededStore()
    expect(seeded).toBe(true)
    const branches = await storage.find('branches', {})
    expect(branches).toEqual([
      expect.objectContaining({ id: DEMO_BRANCH_ID, branchId: DEMO_BRANCH_ID, name: '示例党支部', schedule: DEFAULT_SCHEDULE }),
    ])
    expect(branches[0].createdAt).toBe('2026-01-05T09:00:00+08:00')
  })

  it('has two 党小组, group 1 led by demo-leader-1', async () => {
    const { storage } = await aSeededStore()
    const groups = await storage.find('groups', {}, { orderBy: [['id', 'asc']] })
    expect(groups).toHaveLength(2)
    expect(groups.every((g) => g.branchId === DEMO_BRANCH_ID)).toBe(true)
    const leader = (await byOpenid(storage)).get('demo-leader-1')!
    expect(groups[0]).toMatchObject({ leaderId: leader.id })
    expect(leader.groupId).toBe(groups[0].id)
  })

  it.each([
    ['demo-secretary', 'secretary'],
    ['demo-committee', 'committee'],
    ['demo-leader-1', 'group_leader'],
  ] as const)('binds %s as the %s', async (openid, role) => {
    const { storage } = await aSeededStore()
    const member = (await byOpenid(storage)).get(openid)
    expect(member).toBeDefined()
    expect(member!.roles).toEqual(expect.arrayContaining([role, 'member']))
  })

  it('binds demo-member-01 … demo-member-20 as members, split between the two groups', async () => {
    const { storage } = await aSeededStore()
    const members = await byOpenid(storage)
    const groups = (await storage.find('groups', {})).map((g) => g.id)
    const perGroup = new Map<string | null, number>()
    for (const openid of DEMO_MEMBER_OPENIDS) {
      const m = members.get(openid)
      expect(m).toMatchObject({ roles: ['member'], active: true, branchId: DEMO_BRANCH_ID })
      perGroup.set(m!.groupId, (perGroup.get(m!.groupId) ?? 0) + 1)
    }
    expect([...perGroup.keys()].sort()).toEqual([...groups].sort())
    expect([...perGroup.values()]).toEqual([10, 10])
  })

  it('has exactly those 23 people, each with a unique id and openid', async () => {
    const { storage } = await aSeededStore()
    const members = await storage.find('members', {}, { limit: 1000 })
    expect(members.map((m) => m.openid).sort()).toEqual(
      ['demo-secretary', 'demo-committee', 'demo-leader-1', ...DEMO_MEMBER_OPENIDS].sort(),
    )
    expect(new Set(members.map((m) => m.id)).size).toBe(23)
  })

  it('sets a 核定 monthly dues amount for every member, as the official brackets give it', async () => {
    const { storage } = await aSeededStore()
    const members: Member[] = await storage.find('members', {}, { limit: 1000 })
    for (const m of members) {
      expect(m.dues).not.toBeNull()
      const { category, base, amount } = m.dues!
      expect(Number.isInteger(amount)).toBe(true)
      expect(amount).toBeGreaterThan(0)
      expect(monthlyDues({ category, base, amount })).toEqual({ ok: true, amount })
    }
  })

  it('includes both the 0.5% and the 1% side of the 3000 元 bracket edge', async () => {
    const dues = demoMembers().map((m) => m.dues)
    expect(dues).toContainEqual({ category: 'employed', base: 300000, amount: 1500 })
    expect(dues).toContainEqual({ category: 'employed', base: 300001, amount: 3000 })
  })

  it('runs only once: a second run finds the branch and adds nothing', async () => {
    const { storage } = await aSeededStore()
    const count = async () => [
      await storage.count('branches', {}),
      await storage.count('groups', {}),
      await storage.count('members', {}),
    ]
    const before = await count()
    expect(await seedDemoBranch({ storage, clock })).toBe(false)
    expect(await count()).toEqual(before)
  })

  it('finishes a seed that was interrupted before the branch was written', async () => {
    const storage = await NedbStorage.open(null)
    // As if the process died part-way through the first start: groups and some members, no branch.
    await storage.insert('groups', { id: 'demo-group-1', branchId: DEMO_BRANCH_ID, name: '第一党小组', leaderId: 'demo-leader-1' })
    for (const m of demoMembers().slice(0, 7)) await storage.insert('members', m)

    expect(await seedDemoBranch({ storage, clock })).toBe(true)
    expect(await storage.count('branches', {})).toBe(1)
    expect(await storage.count('groups', {})).toBe(2)
    expect(await storage.count('members', {})).toBe(23)
  })
})

describe('the local runtime', () => {
  it('seeds an empty store when asked to', async () => {
    const runtime = await openLocalRuntime({ dataDir: null, seed: true, log: recordingLogger() })
    expect(runtime.seeded).toBe(true)
    expect(await runtime.storage.count('members', {})).toBe(23)
  })

  it('leaves the store empty with seeding off (ZHIBU_SEED=none)', async () => {
    const runtime = await openLocalRuntime({ dataDir: null, seed: false, log: recordingLogger() })
    expect(runtime.seeded).toBe(false)
    expect(await runtime.storage.count('branches', {})).toBe(0)
  })

  it('seeds a data directory on the first start only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhibu-seed-'))
    try {
      const first = await openLocalRuntime({ dataDir: dir, seed: true, log: recordingLogger() })
      expect(first.seeded).toBe(true)
      await first.storage.update('members', 'demo-member-01', { name: '改过的名字' })

      const second = await openLocalRuntime({ dataDir: dir, seed: true, log: recordingLogger() })
      expect(second.seeded).toBe(false)
      expect(await second.storage.count('members', {})).toBe(23)
      expect(await second.storage.get('members', 'demo-member-01')).toMatchObject({ name: '改过的名字' })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('the demo branch npm start shows a newcomer', () => {
  it('has a past 支部党员大会 with attendance, one approved leave, two absent, and the awards in the ledger', async () => {
    const runtime = await openLocalRuntime({ dataDir: null, seed: false, log: recordingLogger() })
    await seedDemoBranch({ storage: runtime.storage, clock: fixedClock('2026-05-20T10:00:00+08:00') }, { pastMeeting: true })
    const meeting = await runtime.storage.get('meetings', 'demo-assembly')
    expect(meeting).toMatchObject({ type: 'branch_assembly', startAt: '2026-05-10T14:30:00+08:00', status: 'scheduled' })
    const records = await runtime.storage.find('attendance', { meetingId: 'demo-assembly' })
    expect(records).toHaveLength(20)
    expect(records.map((r) => r.memberId)).not.toEqual(expect.arrayContaining(['demo-member-07', 'demo-member-15', 'demo-member-12']))
    expect(records.some((r) => r.status === 'late')).toBe(true)
    expect(await runtime.storage.find('leaves', { meetingId: 'demo-assembly', state: 'approved' })).toHaveLength(1)
    const ledger = await runtime.storage.find('ledger', { sourceId: { $in: records.map((r) => r.id) } })
    expect(ledger).toHaveLength(20)
    expect(ledger.every((row) => row.points === 2 && row.studyTenths === 20 && row.year === 2026)).toBe(true)
  })
})
