/**
 * The storage port's contract: what every adapter must do, whatever database is behind it.
 * One suite, run against each adapter that can be opened in a test:
 *
 *   storageContract('NedbStorage in memory', () => NedbStorage.open(null))
 *
 * `open` must give a fresh, empty store each time it is called.
 */
import { DuplicateKeyError } from '../cloudfunctions/core/errors'
import type { Storage } from '../cloudfunctions/core/ports'
import type { LedgerEntry } from '../types/models'
import { aLedgerEntry, aMember } from './support/builders'

/** Ledger rows with predictable ids and fields: row i has points i % 10 and year 2020 + i % 5. */
function row(i: number): LedgerEntry {
  return aLedgerEntry(`row-${String(i).padStart(3, '0')}`)
    .forMember(`m-${i % 3}`)
    .worth(i % 10)
    .inYear(2020 + (i % 5))
    .fromSource(`src-${i}`)
    .build()
}

const ids = (docs: Array<{ id: string }>) => docs.map((d) => d.id)
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k)
const rowIds = (ns: number[]) => ns.map((i) => `row-${String(i).padStart(3, '0')}`)

async function expectDuplicate(promise: Promise<unknown>, collection: string) {
  const error = await promise.then(
    () => null,
    (err: unknown) => err,
  )
  expect(error).toBeInstanceOf(DuplicateKeyError)
  expect((error as DuplicateKeyError).collection).toBe(collection)
}

export function storageContract(name: string, open: () => Promise<Storage>): void {
  describe(`${name}: the storage contract`, () => {
    let storage: Storage

    beforeEach(async () => {
      storage = await open()
    })

    describe('get', () => {
      it('answers the document as it was inserted', async () => {
        const member = aMember('m-1').withRoles('committee').boundTo('wx-1').inGroup('g-1').build()
        member.dues = { category: 'employed', base: 300001, amount: 3000 }
        await storage.insert('members', member)
        expect(await storage.get('members', 'm-1')).toEqual(member)
      })

      it('answers null for an id that does not exist', async () => {
        expect(await storage.get('members', 'nobody')).toBeNull()
      })

      it('keeps collections apart', async () => {
        await storage.insert('members', aMember('same-id').build())
        expect(await storage.get('ledger', 'same-id')).toBeNull()
      })

      it('hands out a copy: changing it changes nothing stored', async () => {
        await storage.insert('members', aMember('m-1').named('原名').build())
        const copy = await storage.get('members', 'm-1')
        copy!.name = '改名'
        copy!.roles.push('secretary')
        expect(await storage.get('members', 'm-1')).toMatchObject({ name: '原名', roles: ['member'] })
      })
    })

    describe('find', () => {
      beforeEach(async () => {
        for (let i = 0; i < 20; i++) await storage.insert('ledger', row(i))
      })

      const find = (filter: Record<string, unknown>) =>
        storage.find('ledger', filter, { orderBy: [['id', 'asc']] }).then(ids)
      const where = (pred: (i: number) => boolean) => rowIds(range(0, 20).filter(pred))

      it('matches every document with an empty filter', async () => {
        expect(await find({})).toEqual(where(() => true))
      })

      it('matches on equality, on several fields at once', async () => {
        expect(await find({ memberId: 'm-1' })).toEqual(where((i) => i % 3 === 1))
        expect(await find({ memberId: 'm-1', year: 2021 })).toEqual(where((i) => i % 3 === 1 && i % 5 === 1))
      })

      it('matches on id', async () => {
        expect(await find({ id: 'row-007' })).toEqual(['row-007'])
        expect(await find({ id: { $in: ['row-003', 'row-011', 'nope'] } })).toEqual(['row-003', 'row-011'])
      })

      it('ignores a field whose condition is undefined', async () => {
        expect(await find({ memberId: undefined, year: 2020 })).toEqual(where((i) => i % 5 === 0))
      })

      it.each<[string, Record<string, unknown>, (i: number) => boolean]>([
        ['$in', { points: { $in: [1, 3] } }, (i) => [1, 3].includes(i % 10)],
        ['$nin', { points: { $nin: [1, 3] } }, (i) => ![1, 3].includes(i % 10)],
        ['$ne', { year: { $ne: 2020 } }, (i) => i % 5 !== 0],
        ['$gt', { points: { $gt: 7 } }, (i) => i % 10 > 7],
        ['$gte', { points: { $gte: 7 } }, (i) => i % 10 >= 7],
        ['$lt', { points: { $lt: 2 } }, (i) => i % 10 < 2],
        ['$lte', { points: { $lte: 2 } }, (i) => i % 10 <= 2],
        ['$gte with $lt', { year: { $gte: 2021, $lt: 2023 } }, (i) => i % 5 === 1 || i % 5 === 2],
        ['$gt on strings', { memberId: { $gt: 'm-0' } }, (i) => i % 3 !== 0],
        ['$lte on strings', { id: { $lte: 'row-004' } }, (i) => i <= 4],
        ['$in on strings', { memberId: { $in: ['m-0', 'm-2'] } }, (i) => i % 3 !== 1],
        ['an operator and an equality', { memberId: 'm-0', points: { $gt: 4 } }, (i) => i % 3 === 0 && i % 10 > 4],
      ])('matches with %s', async (_op, filter, pred) => {
        expect(await find(filter)).toEqual(where(pred))
      })

      it('matches booleans and null', async () => {
        await storage.insert('members', aMember('a').build())
        await storage.insert('members', aMember('b').inactive().inGroup('g-1').build())
        await storage.insert('members', aMember('c').inGroup('g-1').build())
        const members = (filter: Record<string, unknown>) =>
          storage.find('members', filter, { orderBy: [['id', 'asc']] }).then(ids)
        expect(await members({ active: true })).toEqual(['a', 'c'])
        expect(await members({ active: false })).toEqual(['b'])
        expect(await members({ groupId: null })).toEqual(['a'])
        expect(await members({ groupId: 'g-1', active: true })).toEqual(['c'])
      })

      it('answers [] when nothing matches', async () => {
        expect(await find({ memberId: 'nobody' })).toEqual([])
        expect(await find({ points: { $in: [] } })).toEqual([])
      })
    })

    describe('orderBy, skip and limit', () => {
      beforeEach(async () => {
        // Inserted out of order, so that insertion order cannot pass for sorting.
        for (const i of [...range(0, 250)].reverse()) await storage.insert('ledger', row(i))
      })

      it('sorts ascending and descending', async () => {
        expect(ids(await storage.find('ledger', {}, { orderBy: [['id', 'asc']] }))).toEqual(rowIds(range(0, 250)))
        expect(ids(await storage.find('ledger', {}, { orderBy: [['id', 'desc']] }))).toEqual(rowIds(range(0, 250).reverse()))
      })

      it('sorts by several keys in turn', async () => {
        const docs = await storage.find(
          'ledger',
          { id: { $lt: 'row-020' } },
          {
            orderBy: [
              ['year', 'desc'],
              ['points', 'asc'],
              ['id', 'asc'],
            ],
          },
        )
        const expected = range(0, 20).sort((a, b) => b % 5 - a % 5 || (a % 10) - (b % 10) || a - b)
        expect(ids(docs)).toEqual(rowIds(expected))
      })

      it('answers every match without a limit, beyond the 100 one request can fetch', async () => {
        expect(await storage.find('ledger', {})).toHaveLength(250)
        expect(await storage.find('ledger', { memberId: 'm-0' })).toHaveLength(84)
      })

      it('answers up to the limit, beyond 100', async () => {
        const docs = await storage.find('ledger', {}, { orderBy: [['id', 'asc']], limit: 230 })
        expect(ids(docs)).toEqual(rowIds(range(0, 230)))
      })

      it('skips beyond 100', async () => {
        const docs = await storage.find('ledger', {}, { orderBy: [['id', 'asc']], skip: 120, limit: 50 })
        expect(ids(docs)).toEqual(rowIds(range(120, 170)))
        const tail = await storage.find('ledger', {}, { orderBy: [['id', 'asc']], skip: 210 })
        expect(ids(tail)).toEqual(rowIds(range(210, 250)))
      })

      it('pages through everything with skip and limit, with nothing missed or repeated', async () => {
        const seen: string[] = []
        for (let skip = 0; ; skip += 100) {
          const page = await storage.find('ledger', {}, { orderBy: [['id', 'asc']], skip, limit: 100 })
          seen.push(...ids(page))
          if (page.length < 100) break
        }
        expect(seen).toEqual(rowIds(range(0, 250)))
      })

      it('answers nothing past the end, and nothing for a limit of 0', async () => {
        expect(await storage.find('ledger', {}, { orderBy: [['id', 'asc']], skip: 250 })).toEqual([])
        expect(await storage.find('ledger', {}, { limit: 0 })).toEqual([])
      })

      it('applies the filter before skip and limit', async () => {
        const docs = await storage.find('ledger', { memberId: 'm-1' }, { orderBy: [['id', 'asc']], skip: 40, limit: 5 })
        expect(ids(docs)).toEqual(rowIds(range(0, 250).filter((i) => i % 3 === 1).slice(40, 45)))
      })
    })

    describe('count', () => {
      it('counts matches, beyond 100', async () => {
        for (let i = 0; i < 150; i++) await storage.insert('ledger', row(i))
        expect(await storage.count('ledger', {})).toBe(150)
        expect(await storage.count('ledger', { year: 2024 })).toBe(30)
        expect(await storage.count('ledger', { points: { $gte: 5 }, memberId: 'm-2' })).toBe(
          range(0, 150).filter((i) => i % 10 >= 5 && i % 3 === 2).length,
        )
        expect(await storage.count('members', {})).toBe(0)
      })
    })

    describe('tally', () => {
      it('counts and sums by the given fields, in one round trip, beyond 100', async () => {
        for (let i = 0; i < 150; i++) await storage.insert('ledger', row(i))
        const before = storage.roundTrips
        const groups = await storage.tally('ledger', { year: { $gte: 2022 } }, ['memberId', 'year'], 'points')
        expect(storage.roundTrips - before).toBe(1)
        const wanted = new Map<string, { count: number; sum: number }>()
        for (const i of range(0, 150).filter((n) => 2020 + (n % 5) >= 2022)) {
          const key = `m-${i % 3}|${2020 + (i % 5)}`
          const g = wanted.get(key) ?? { count: 0, sum: 0 }
          wanted.set(key, { count: g.count + 1, sum: g.sum + (i % 10) })
        }
        expect(new Map(groups.map((g) => [`${g.key.memberId}|${g.key.year}`, { count: g.count, sum: g.sum }]))).toEqual(wanted)
      })

      it('groups a missing field as null and sums nothing without a sum field', async () => {
        await storage.insert('members', aMember('m-1').inGroup('g-1').build())
        await storage.insert('members', aMember('m-2').build())
        await storage.insert('members', aMember('m-3').build())
        const groups = await storage.tally('members', {}, ['groupId'])
        const byGroup = Object.fromEntries(groups.map((g) => [String(g.key.groupId), [g.count, g.sum]]))
        expect(byGroup).toEqual({ 'g-1': [1, 0], null: [2, 0] })
        expect(await storage.tally('ledger', {}, ['memberId'])).toEqual([])
      })
    })

    describe('insert', () => {
      it('refuses a second document with the same id, with DuplicateKeyError', async () => {
        await storage.insert('members', aMember('m-1').named('第一').build())
        await expectDuplicate(storage.insert('members', aMember('m-1').named('第二').build()), 'members')
      })

      it('refuses a second member bound to the same openid', async () => {
        await storage.insert('members', aMember('m-1').boundTo('wx-1').build())
        await expectDuplicate(storage.insert('members', aMember('m-2').boundTo('wx-1').build()), 'members')
      })

      it('allows any number of members not yet bound to an openid', async () => {
        await storage.insert('members', aMember('m-1').build())
        await storage.insert('members', aMember('m-2').build())
        expect(await storage.count('members', {})).toBe(2)
      })

      it('refuses a second ledger row for the same member and source', async () => {
        await storage.insert('ledger', aLedgerEntry('l-1').forMember('m-1').fromSource('meeting-9').build())
        await expectDuplicate(
          storage.insert('ledger', aLedgerEntry('l-2').forMember('m-1').fromSource('meeting-9').build()),
          'ledger',
        )
      })

      it('allows the same source for another member, and another source for the same member', async () => {
        await storage.insert('ledger', aLedgerEntry('l-1').forMember('m-1').fromSource('meeting-9').build())
        await storage.insert('ledger', aLedgerEntry('l-2').forMember('m-2').fromSource('meeting-9').build())
        await storage.insert('ledger', aLedgerEntry('l-3').forMember('m-1').fromSource('meeting-10').build())
        expect(await storage.count('ledger', {})).toBe(3)
      })

      it('changes nothing when it fails', async () => {
        await storage.insert('members', aMember('m-1').named('第一').boundTo('wx-1').build())
        await storage.insert('ledger', aLedgerEntry('l-1').forMember('m-1').fromSource('s').worth(5).build())
        const before = { members: await storage.find('members', {}), ledger: await storage.find('ledger', {}) }

        await expect(storage.insert('members', aMember('m-1').named('冒名').build())).rejects.toThrow()
        await expect(storage.insert('members', aMember('m-2').boundTo('wx-1').build())).rejects.toThrow()
        await expect(storage.insert('ledger', aLedgerEntry('l-2').forMember('m-1').fromSource('s').build())).rejects.toThrow()
        await expect(storage.insert('ledger', aLedgerEntry('l-1').fromSource('other').worth(99).build())).rejects.toThrow()

        expect({ members: await storage.find('members', {}), ledger: await storage.find('ledger', {}) }).toEqual(before)
        expect(await storage.get('members', 'm-2')).toBeNull()
        expect(await storage.get('ledger', 'l-2')).toBeNull()
      })

      it('lets exactly one of many concurrent inserts of the same id succeed', async () => {
        const attempts = range(0, 10).map((k) => storage.insert('members', aMember('m-1').named(`第${k}`).build()))
        const results = await Promise.allSettled(attempts)
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
        for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(DuplicateKeyError)
        expect(await storage.count('members', {})).toBe(1)
      })

      it('lets exactly one of many concurrent inserts of the same unique key succeed', async () => {
        const attempts = range(0, 10).map((k) =>
          storage.insert('ledger', aLedgerEntry(`l-${k}`).forMember('m-1').fromSource('meeting-9').build()),
        )
        const results = await Promise.allSettled(attempts)
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
        for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(DuplicateKeyError)
        expect(await storage.count('ledger', { memberId: 'm-1', sourceId: 'meeting-9' })).toBe(1)
      })

      it('keeps the caller’s object unchanged', async () => {
        const member = aMember('m-1').build()
        const copy = structuredClone(member)
        await storage.insert('members', member)
        expect(member).toEqual(copy)
      })
    })

    describe('update', () => {
      it('sets the given fields, keeps the others, and answers true', async () => {
        const member = aMember('m-1').named('王').inGroup('g-1').build()
        await storage.insert('members', member)
        expect(await storage.update('members', 'm-1', { name: '汪', roles: ['member', 'committee'] })).toBe(true)
        expect(await storage.get('members', 'm-1')).toEqual({ ...member, name: '汪', roles: ['member', 'committee'] })
      })

      it('replaces a nested object as a whole', async () => {
        await storage.insert('members', { ...aMember('m-1').build(), dues: { category: 'employed', base: 300000, amount: 1500 } })
        await storage.update('members', 'm-1', { dues: { category: 'student', amount: 20 } })
        expect((await storage.get('members', 'm-1'))!.dues).toEqual({ category: 'student', amount: 20 })
      })

      it('answers false, and creates nothing, for an id that does not exist', async () => {
        expect(await storage.update('members', 'nobody', { name: '谁' })).toBe(false)
        expect(await storage.count('members', {})).toBe(0)
      })

      it('refuses to break a unique key, with DuplicateKeyError, and changes nothing', async () => {
        await storage.insert('members', aMember('m-1').boundTo('wx-1').build())
        await storage.insert('members', aMember('m-2').named('二').boundTo('wx-2').build())
        await expectDuplicate(storage.update('members', 'm-2', { openid: 'wx-1', name: '改' }), 'members')
        expect(await storage.get('members', 'm-2')).toMatchObject({ openid: 'wx-2', name: '二' })
      })
    })

    describe('updateWhere', () => {
      it('changes the document only while it matches, and answers whether it did', async () => {
        await storage.insert('ledger', aLedgerEntry('l-1').worth(2).build())
        expect(await storage.updateWhere('ledger', 'l-1', { points: { $gt: 0 } }, { inc: { points: -1 } })).toBe(true)
        expect(await storage.updateWhere('ledger', 'l-1', { points: { $gt: 0 } }, { inc: { points: -1 } })).toBe(true)
        expect(await storage.updateWhere('ledger', 'l-1', { points: { $gt: 0 } }, { inc: { points: -1 } })).toBe(false)
        expect((await storage.get('ledger', 'l-1'))!.points).toBe(0)
      })

      it('sets fields as a compare-and-set', async () => {
        await storage.insert('members', aMember('m-1').named('甲').build())
        expect(await storage.updateWhere('members', 'm-1', { name: '乙' }, { set: { name: '丙' } })).toBe(false)
        expect(await storage.updateWhere('members', 'm-1', { name: '甲' }, { set: { name: '丙' } })).toBe(true)
        expect((await storage.get('members', 'm-1'))!.name).toBe('丙')
      })

      it('removes a field, so that a sparse unique index no longer sees it (unbinding a member)', async () => {
        await storage.insert('members', aMember('m-1').boundTo('wx-1').build())
        await storage.insert('members', aMember('m-2').boundTo('wx-2').build())
        expect(await storage.updateWhere('members', 'm-1', { openid: 'wx-1' }, { unset: ['openid'] })).toBe(true)
        expect(await storage.updateWhere('members', 'm-2', { openid: 'wx-2' }, { unset: ['openid'], set: { name: '二' } })).toBe(true)
        const [one, two] = [await storage.get('members', 'm-1'), await storage.get('members', 'm-2')]
        expect(one && 'openid' in one).toBe(false)
        expect(two).toMatchObject({ name: '二' })
        expect(two && 'openid' in two).toBe(false)
        expect(await storage.find('members', { openid: 'wx-1' })).toEqual([])
        // Binding is a compare-and-set on the field being absent.
        expect(await storage.updateWhere('members', 'm-1', { openid: { $exists: false } }, { set: { openid: 'wx-9' } })).toBe(true)
        expect(await storage.updateWhere('members', 'm-1', { openid: { $exists: false } }, { set: { openid: 'wx-8' } })).toBe(false)
        expect((await storage.get('members', 'm-1'))!.openid).toBe('wx-9')
        expect(await storage.count('members', { openid: { $exists: true } })).toBe(1)
        // Two members without an openid do not collide on the sparse unique index.
        await storage.insert('members', aMember('m-3').build())
        expect(await storage.count('members', {})).toBe(3)
      })

      it('answers false, and creates nothing, for an id that does not exist', async () => {
        expect(await storage.updateWhere('ledger', 'nobody', {}, { inc: { points: 1 } })).toBe(false)
        expect(await storage.count('ledger', {})).toBe(0)
      })

      it('never lets concurrent decrements take a balance below the floor', async () => {
        await storage.insert('ledger', aLedgerEntry('l-1').worth(5).build())
        const results = await Promise.all(
          Array.from({ length: 20 }, () => storage.updateWhere('ledger', 'l-1', { points: { $gt: 0 } }, { inc: { points: -1 } })),
        )
        expect(results.filter(Boolean)).toHaveLength(5)
        expect((await storage.get('ledger', 'l-1'))!.points).toBe(0)
      })

      it('counts concurrent increments exactly', async () => {
        await storage.insert('ledger', aLedgerEntry('l-1').worth(0).build())
        await Promise.all(Array.from({ length: 30 }, () => storage.updateWhere('ledger', 'l-1', {}, { inc: { points: 1 } })))
        expect((await storage.get('ledger', 'l-1'))!.points).toBe(30)
      })
    })

    describe('remove', () => {
      it('removes the document and answers true, then false', async () => {
        await storage.insert('members', aMember('m-1').boundTo('wx-1').build())
        await storage.insert('members', aMember('m-2').build())
        expect(await storage.remove('members', 'm-1')).toBe(true)
        expect(await storage.get('members', 'm-1')).toBeNull()
        expect(await storage.remove('members', 'm-1')).toBe(false)
        expect(await storage.count('members', {})).toBe(1)
      })

      it('frees its unique keys', async () => {
        await storage.insert('members', aMember('m-1').boundTo('wx-1').build())
        await storage.remove('members', 'm-1')
        await storage.insert('members', aMember('m-2').boundTo('wx-1').build())
        expect(await storage.find('members', { openid: 'wx-1' })).toHaveLength(1)
      })
    })

    describe('roundTrips', () => {
      it('goes up with every request', async () => {
        const steps: Array<() => Promise<unknown>> = [
          () => storage.insert('members', aMember('m-1').build()),
          () => storage.get('members', 'm-1'),
          () => storage.find('members', {}),
          () => storage.count('members', {}),
          () => storage.update('members', 'm-1', { name: '新' }),
          () => storage.remove('members', 'm-1'),
        ]
        for (const step of steps) {
          const before = storage.roundTrips
          await step()
          expect(storage.roundTrips).toBeGreaterThan(before)
        }
      })
    })
  })
}
