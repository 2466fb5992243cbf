/**
 * Exactly-once writes. A document whose id (or unique key) says what it is can be inserted only
 * once, so a retried or doubled request finds the first one instead of making a second. This is
 * the only place that reads the storage's DuplicateKeyError.
 */
import { DuplicateKeyError } from '../errors'
import type { Change, CollectionName, Collections, Storage } from '../ports'

/** Inserts `doc` unless its id or unique key is taken; answers whether it did. */
export async function insertOnce<C extends CollectionName>(storage: Storage, collection: C, doc: Collections[C]): Promise<boolean> {
  try {
    await storage.insert(collection, doc)
    return true
  } catch (err) {
    if (err instanceof DuplicateKeyError) return false
    throw err
  }
}

export interface Recorded<T> {
  /** False when an earlier call made the record: `record` is then that first one. */
  created: boolean
  record: T
}

/** Inserts `doc`, or answers the record already stored under its id. */
export async function recordOnce<C extends CollectionName>(storage: Storage, collection: C, doc: Collections[C]): Promise<Recorded<Collections[C]>> {
  if (await insertOnce(storage, collection, doc)) return { created: true, record: doc }
  const first = await storage.get(collection, doc.id)
  if (!first) throw new DuplicateKeyError(collection, doc.id)
  return { created: false, record: first }
}

/**
 * Applies `change` to the document with `doc`'s id, or inserts `doc` when there is none; a
 * concurrent insert that wins the race gets the change instead. Only for changes that really
 * change the document (CloudBase may answer false for one that does not).
 */
export async function upsert<C extends CollectionName>(storage: Storage, collection: C, doc: Collections[C], change: Change<Collections[C]>): Promise<void> {
  if (await storage.updateWhere(collection, doc.id, {}, change)) return
  if (await insertOnce(storage, collection, doc)) return
  await storage.updateWhere(collection, doc.id, {}, change)
}
