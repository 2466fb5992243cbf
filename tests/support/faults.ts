/**
 * Storage that fails on cue, for specs of what a retry finds after a function died part-way
 * (CloudBase ends a function at its timeout, between any two writes).
 */
import type { CollectionName, Storage } from '../../cloudfunctions/core/ports'

/** Storage whose first insert into `collection` fails as a timed-out function would; the rest pass. */
export function firstInsertFails(collection: CollectionName) {
  return (real: Storage): Storage => {
    let failed = false
    return new Proxy(real, {
      get(target, prop) {
        if (prop === 'insert') {
          return async (c: CollectionName, doc: never) => {
            if (c === collection && !failed) {
              failed = true
              throw new Error(`simulated timeout before writing to ${collection}`)
            }
            return target.insert(c, doc)
          }
        }
        const value = Reflect.get(target, prop, target)
        return typeof value === 'function' ? value.bind(target) : value
      },
    })
  }
}

/**
 * Storage that holds the first insert into `collection` until `release()`, as a slow database
 * write would, so that a retry of the same request can run to its end meanwhile.
 */
export function firstInsertHeld(collection: CollectionName) {
  let release = () => {}
  let markStarted = () => {}
  const started = new Promise<void>((resolve) => (markStarted = resolve))
  const held = new Promise<void>((resolve) => (release = resolve))
  let seen = false
  const storage = (real: Storage): Storage =>
    new Proxy(real, {
      get(target, prop) {
        if (prop === 'insert') {
          return async (c: CollectionName, doc: never) => {
            if (c === collection && !seen) {
              seen = true
              markStarted()
              await held
            }
            return target.insert(c, doc)
          }
        }
        const value = Reflect.get(target, prop, target)
        return typeof value === 'function' ? value.bind(target) : value
      },
    })
  return { storage, started, release: () => release() }
}

/**
 * Storage whose first `n` gets from `collection` each wait until all `n` have read, so that `n`
 * concurrent requests all read the same document before any of them writes (a lost-update race).
 */
export function readsTogether(collection: CollectionName, n: number) {
  const waiting: Array<() => void> = []
  return (real: Storage): Storage =>
    new Proxy(real, {
      get(target, prop) {
        if (prop === 'get') {
          return async (c: CollectionName, id: string) => {
            const doc = await target.get(c, id)
            if (c === collection && waiting.length < n) {
              await new Promise<void>((resolve) => {
                waiting.push(resolve)
                if (waiting.length === n) for (const go of waiting) go()
              })
            }
            return doc
          }
        }
        const value = Reflect.get(target, prop, target)
        return typeof value === 'function' ? value.bind(target) : value
      },
    })
}
