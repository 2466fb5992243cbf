/**
 * Storage on disk with NeDB: one append-only file per collection under the data directory.
 * Queries use the same operator subset the CloudBase adapter translates, so a use case
 * behaves the same on both.
 */
import Datastore from '@seald-io/nedb'
import { join } from 'node:path'
import { mkdirSync } from 'node:fs'
import { DuplicateKeyError } from '../../errors'
import { INDEXES } from '../../indexes'
import type { Change, CollectionName, Collections, Filter, FindOptions, Storage, Tally } from '../../ports'

type Doc = Record<string, unknown> & { _id: string }

function toDoc(value: { id: string }): Doc {
  const { id, ...rest } = value as { id: string } & Record<string, unknown>
  return { ...rest, _id: id }
}

function fromDoc<T>(doc: Doc | null): T | null {
  if (!doc) return null
  const { _id, ...rest } = doc
  return { id: _id, ...rest } as T
}

function isUniqueViolation(err: unknown): err is { errorType: string; key: unknown } {
  return typeof err === 'object' && err !== null && (err as { errorType?: string }).errorType === 'uniqueViolated'
}

export class NedbStorage implements Storage {
  private stores = new Map<CollectionName, Datastore<Doc>>()
  private trips = 0

  private constructor(private readonly dir: string | null) {}

  /** Opens (or creates) the database under `dir`; `null` keeps it in memory, for tests. */
  static async open(dir: string | null): Promise<NedbStorage> {
    if (dir) mkdirSync(dir, { recursive: true })
    const storage = new NedbStorage(dir)
    for (const name of Object.keys(INDEXES) as CollectionName[]) {
      const store = new Datastore<Doc>(dir ? { filename: join(dir, `${name}.db`) } : { inMemoryOnly: true })
      await store.loadDatabaseAsync()
      for (const index of INDEXES[name]) {
        await store.ensureIndexAsync({
          fieldName: index.fields.length === 1 ? index.fields[0] : index.fields,
          unique: index.unique,
          sparse: index.sparse,
        })
      }
      storage.stores.set(name, store)
    }
    return storage
  }

  get roundTrips(): number {
    return this.trips
  }

  private store(name: CollectionName): Datastore<Doc> {
    const store = this.stores.get(name)
    if (!store) throw new Error(`unknown collection ${name}`)
    this.trips += 1
    return store
  }

  async get<C extends CollectionName>(collection: C, id: string): Promise<Collections[C] | null> {
    return fromDoc<Collections[C]>(await this.store(collection).findOneAsync({ _id: id }))
  }

  async find<C extends CollectionName>(
    collection: C,
    filter: Filter<Collections[C]>,
    options: FindOptions<Collections[C]> = {},
  ): Promise<Array<Collections[C]>> {
    // NeDB reads limit(0) as "no limit"; the port promises at most `limit` documents.
    if (options.limit === 0) return []
    let cursor = this.store(collection).findAsync(toQuery(filter))
    if (options.orderBy?.length) {
      const sort: Record<string, 1 | -1> = {}
      for (const [field, dir] of options.orderBy) sort[field === 'id' ? '_id' : field] = dir === 'asc' ? 1 : -1
      cursor = cursor.sort(sort)
    }
    if (options.skip) cursor = cursor.skip(options.skip)
    if (options.limit !== undefined) cursor = cursor.limit(options.limit)
    const docs = await cursor
    return docs.map((d) => fromDoc<Collections[C]>(d) as Collections[C])
  }

  async count<C extends CollectionName>(collection: C, filter: Filter<Collections[C]>): Promise<number> {
    return this.store(collection).countAsync(toQuery(filter))
  }

  async tally<C extends CollectionName>(collection: C, filter: Filter<Collections[C]>, by: string[], sum?: string): Promise<Tally[]> {
    // NeDB has no aggregation: one read of the matching documents (only the fields needed),
    // grouped here, is what CloudBase's pipeline does on its side.
    const fields = Object.fromEntries([...by, ...(sum ? [sum] : [])].map((f) => [f === 'id' ? '_id' : f, 1]))
    const docs = await this.store(collection).findAsync(toQuery(filter), fields)
    const groups = new Map<string, Tally>()
    for (const doc of docs) {
      const key = Object.fromEntries(by.map((f) => [f, (doc[f === 'id' ? '_id' : f] ?? null) as Tally['key'][string]]))
      const id = JSON.stringify(by.map((f) => key[f]))
      const group = groups.get(id) ?? { key, count: 0, sum: 0 }
      group.count += 1
      const value = sum ? doc[sum] : undefined
      if (typeof value === 'number') group.sum += value
      groups.set(id, group)
    }
    return [...groups.values()]
  }

  async insert<C extends CollectionName>(collection: C, doc: Collections[C]): Promise<void> {
    await uniqueAware(collection, () => this.store(collection).insertAsync(toDoc(doc)))
  }

  async update<C extends CollectionName>(
    collection: C,
    id: string,
    patch: Partial<Omit<Collections[C], 'id' | 'branchId'>>,
  ): Promise<boolean> {
    const { numAffected } = await uniqueAware(collection, () => this.store(collection).updateAsync({ _id: id }, { $set: patch }, {}))
    return numAffected > 0
  }

  async updateWhere<C extends CollectionName>(collection: C, id: string, expect: Filter<Collections[C]>, change: Change<Collections[C]>): Promise<boolean> {
    const modifier = toModifier(change)
    if (!modifier) return false
    // NeDB runs one operation at a time, so the match and the change are atomic.
    const { numAffected } = await uniqueAware(collection, () => this.store(collection).updateAsync({ ...toQuery(expect), _id: id }, modifier, {}))
    return numAffected > 0
  }

  async remove<C extends CollectionName>(collection: C, id: string): Promise<boolean> {
    return (await this.store(collection).removeAsync({ _id: id }, {})) > 0
  }

  /** Rewrites each file without superseded lines; called at start and on a quiet shutdown. */
  async compact(): Promise<void> {
    if (!this.dir) return
    for (const store of this.stores.values()) await store.compactDatafileAsync()
  }
}

/** The port's change as NeDB's update modifier; null when it changes nothing. */
function toModifier<T>(change: Change<T>): Record<string, unknown> | null {
  const defined = (fields: object = {}) => Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined))
  const set = defined(change.set)
  const inc = defined(change.inc)
  const modifier: Record<string, unknown> = {
    ...(Object.keys(set).length ? { $set: set } : {}),
    ...(Object.keys(inc).length ? { $inc: inc } : {}),
    ...(change.unset?.length ? { $unset: Object.fromEntries(change.unset.map((field) => [field, true])) } : {}),
  }
  return Object.keys(modifier).length ? modifier : null
}

/** Runs a write, turning NeDB's unique-index violation into the port's DuplicateKeyError. */
async function uniqueAware<T>(collection: CollectionName, write: () => Promise<T>): Promise<T> {
  try {
    return await write()
  } catch (err) {
    if (isUniqueViolation(err)) throw new DuplicateKeyError(collection, String(err.key))
    throw err
  }
}

function toQuery(filter: Record<string, unknown>): Record<string, unknown> {
  const query: Record<string, unknown> = {}
  for (const [field, cond] of Object.entries(filter)) {
    if (cond === undefined) continue
    query[field === 'id' ? '_id' : field] = cond
  }
  return query
}
