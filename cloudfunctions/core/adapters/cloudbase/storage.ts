/**
 * Storage on CloudBase's document database through @cloudbase/node-sdk. It only translates:
 * `id` ↔ `_id`, the port's operators ↔ db.command, paging at 100 a request. Business rules stay
 * in the use cases; uniqueness comes from the indexes in ../../indexes.ts, which must exist in
 * the console because no API creates them.
 */
import type tcb from '@cloudbase/node-sdk'
import { DuplicateKeyError } from '../../errors'
import type { Change, CollectionName, Collections, FieldCondition, Filter, FindOptions, Storage, Tally } from '../../ports'

export type CloudbaseDb = ReturnType<ReturnType<typeof tcb.init>['database']>
type Command = CloudbaseDb['command']
type Query = ReturnType<ReturnType<CloudbaseDb['collection']>['where']>
type Doc = Record<string, unknown> & { _id: string }

/** CloudBase answers a single read with at most 100 documents in some contexts; never ask for more. */
export const PAGE_SIZE = 100

const OPERATORS = ['$in', '$nin', '$ne', '$gt', '$gte', '$lt', '$lte', '$exists'] as const
type Operator = (typeof OPERATORS)[number]

/**
 * The error CloudBase gives when an insert or update breaks the `_id` or a unique index:
 * code DATABASE_DUPLICATE_WRITE (docs.cloudbase.net/error-code/DATABASE_DUPLICATE_WRITE).
 * Some SDK paths wrap it as a generic failure that keeps MongoDB's E11000 text, so that is
 * recognised too; nothing looser, so that other failures are never taken for a conflict.
 */
export function isDuplicateKeyError(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false
  const { code, errCode, message, errMsg } = err as Record<string, unknown>
  if (code === 'DATABASE_DUPLICATE_WRITE' || errCode === 'DATABASE_DUPLICATE_WRITE') return true
  if (code === 11000 || errCode === 11000) return true
  return [message, errMsg].some((text) => typeof text === 'string' && /DATABASE_DUPLICATE_WRITE|E11000 duplicate key/.test(text))
}

function toDoc(value: { id: string }): Doc {
  const { id, ...rest } = value as { id: string } & Record<string, unknown>
  return { ...rest, _id: id }
}

function fromDoc<T>(doc: Record<string, unknown> | null | undefined): T | null {
  if (!doc) return null
  const { _id, ...rest } = doc
  return { id: _id, ...rest } as T
}

const fieldName = (field: string) => (field === 'id' ? '_id' : field)

function isCondition(value: unknown): value is FieldCondition {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const keys = Object.keys(value)
  return keys.length > 0 && keys.every((k) => k.startsWith('$'))
}

/** One field's condition as db.command calls; several operators on a field must all hold. */
function toCommand(_: Command, field: string, cond: FieldCondition): unknown {
  const parts: unknown[] = []
  for (const [op, operand] of Object.entries(cond)) {
    if (operand === undefined) continue
    switch (op as Operator) {
      case '$in': parts.push(_.in(operand as unknown[])); break
      case '$nin': parts.push(_.nin(operand as unknown[])); break
      case '$ne': parts.push(_.neq(operand)); break
      case '$gt': parts.push(_.gt(operand)); break
      case '$gte': parts.push(_.gte(operand)); break
      case '$lt': parts.push(_.lt(operand)); break
      case '$lte': parts.push(_.lte(operand)); break
      case '$exists': parts.push(_.exists(operand as boolean)); break
      default: throw new Error(`unsupported operator ${op} on ${field}`)
    }
  }
  if (parts.length === 0) return undefined
  return parts.length === 1 ? parts[0] : _.and(...(parts as Parameters<Command['and']>))
}

/** The port's filter as a `where` object; null when it constrains nothing. */
export function toWhere(_: Command, filter: Record<string, unknown>): Record<string, unknown> | null {
  const where: Record<string, unknown> = {}
  for (const [field, cond] of Object.entries(filter)) {
    if (cond === undefined) continue
    const value = isCondition(cond) ? toCommand(_, field, cond) : cond
    if (value !== undefined) where[fieldName(field)] = value
  }
  return Object.keys(where).length > 0 ? where : null
}

export class CloudbaseStorage implements Storage {
  private trips = 0

  constructor(private readonly db: CloudbaseDb) {}

  get roundTrips(): number {
    return this.trips
  }

  private collection(name: CollectionName) {
    return this.db.collection(name)
  }

  private async request<T>(send: () => Promise<T>): Promise<T> {
    this.trips += 1
    return send()
  }

  async get<C extends CollectionName>(collection: C, id: string): Promise<Collections[C] | null> {
    const res = await this.request(() => this.collection(collection).doc(id).get())
    const data = (res as { data?: unknown }).data
    return fromDoc<Collections[C]>(Array.isArray(data) ? data[0] : (data as Record<string, unknown> | null))
  }

  async find<C extends CollectionName>(
    collection: C,
    filter: Filter<Collections[C]>,
    options: FindOptions<Collections[C]> = {},
  ): Promise<Array<Collections[C]>> {
    const wanted = options.limit ?? Infinity
    if (wanted <= 0) return []
    const where = toWhere(this.db.command, filter)
    const coll = this.collection(collection)
    let query: Query = where ? coll.where(where) : coll
    const order = (options.orderBy ?? []).map(([field, dir]) => [fieldName(field), dir] as const)
    // Offset paging needs a total order, or a document can repeat or vanish between pages.
    if (!order.some(([field]) => field === '_id')) order.push(['_id', 'asc'])
    for (const [field, dir] of order) query = query.orderBy(field, dir)

    const out: Array<Collections[C]> = []
    const start = options.skip ?? 0
    while (out.length < wanted) {
      const size = Math.min(PAGE_SIZE, wanted - out.length)
      let page = query.limit(size)
      if (start + out.length > 0) page = page.skip(start + out.length)
      const res = await this.request(() => page.get())
      const docs = ((res as { data?: unknown }).data ?? []) as Array<Record<string, unknown>>
      for (const d of docs) out.push(fromDoc<Collections[C]>(d) as Collections[C])
      if (docs.length < size) break
    }
    return out
  }

  async count<C extends CollectionName>(collection: C, filter: Filter<Collections[C]>): Promise<number> {
    const where = toWhere(this.db.command, filter)
    const coll = this.collection(collection)
    const res = await this.request(() => (where ? coll.where(where).count() : coll.count()))
    return Number((res as { total?: unknown }).total ?? 0)
  }

  async tally<C extends CollectionName>(collection: C, filter: Filter<Collections[C]>, by: string[], sum?: string): Promise<Tally[]> {
    const $ = this.db.command.aggregate
    const where = toWhere(this.db.command, filter)
    const groupId = Object.fromEntries(by.map((f, i) => [`k${i}`, `$${fieldName(f)}`]))
    const out: Tally[] = []
    // The pipeline answers a page of groups at a time; sorted by key so that pages never overlap.
    for (;;) {
      let pipeline = this.collection(collection).aggregate()
      if (where) pipeline = pipeline.match(where)
      const page = pipeline
        .group({ _id: groupId, count: $.sum(1), sum: $.sum(sum ? `$${fieldName(sum)}` : 0) })
        .sort({ _id: 1 })
        .skip(out.length)
        .limit(PAGE_SIZE)
      const res = await this.request(() => page.end())
      const groups = ((res as { data?: unknown }).data ?? []) as Array<{ _id: Record<string, Tally['key'][string]>; count: number; sum: number }>
      for (const g of groups) {
        out.push({ key: Object.fromEntries(by.map((f, i) => [f, g._id?.[`k${i}`] ?? null])), count: Number(g.count), sum: Number(g.sum ?? 0) })
      }
      if (groups.length < PAGE_SIZE) return out
    }
  }

  async insert<C extends CollectionName>(collection: C, doc: Collections[C]): Promise<void> {
    try {
      await this.request(() => this.collection(collection).add(toDoc(doc)))
    } catch (err) {
      if (isDuplicateKeyError(err)) throw new DuplicateKeyError(collection, doc.id)
      throw err
    }
  }

  async update<C extends CollectionName>(
    collection: C,
    id: string,
    patch: Partial<Omit<Collections[C], 'id' | 'branchId'>>,
  ): Promise<boolean> {
    const _ = this.db.command
    const data: Record<string, unknown> = {}
    // _.set replaces a nested object whole, as the port (and NeDB's $set) does; a plain object
    // would be merged field by field.
    for (const [field, value] of Object.entries(patch)) if (value !== undefined) data[field] = _.set(value)
    if (Object.keys(data).length === 0) return (await this.get(collection, id)) !== null
    let updated: number
    try {
      const res = await this.request(() => this.collection(collection).doc(id).update(data))
      updated = Number((res as { updated?: unknown }).updated ?? 0)
    } catch (err) {
      if (isDuplicateKeyError(err)) throw new DuplicateKeyError(collection, id)
      throw err
    }
    if (updated > 0) return true
    // `updated` counts changed documents: a patch equal to what is stored reports 0 for a
    // document that exists, so only a read can tell "unchanged" from "missing".
    return (await this.get(collection, id)) !== null
  }

  async updateWhere<C extends CollectionName>(
    collection: C,
    id: string,
    expect: Filter<Collections[C]>,
    change: Change<Collections[C]>,
  ): Promise<boolean> {
    const _ = this.db.command
    const data: Record<string, unknown> = {}
    for (const [field, value] of Object.entries(change.set ?? {})) if (value !== undefined) data[field] = _.set(value)
    for (const [field, by] of Object.entries(change.inc ?? {})) if (by !== undefined) data[field] = _.inc(by as number)
    for (const field of change.unset ?? []) data[field] = _.remove()
    if (Object.keys(data).length === 0) return false
    // One conditional update on the server: the match and the change cannot interleave with another.
    const where = { ...(toWhere(_, expect) ?? {}), _id: id }
    try {
      const res = await this.request(() => this.collection(collection).where(where).update(data))
      return Number((res as { updated?: unknown }).updated ?? 0) > 0
    } catch (err) {
      if (isDuplicateKeyError(err)) throw new DuplicateKeyError(collection, id)
      throw err
    }
  }

  async remove<C extends CollectionName>(collection: C, id: string): Promise<boolean> {
    const res = await this.request(() => this.collection(collection).doc(id).remove())
    return Number((res as { deleted?: unknown }).deleted ?? 0) > 0
  }
}
