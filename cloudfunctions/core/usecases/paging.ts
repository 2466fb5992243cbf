/**
 * One page of a list answer. A page also stops once its JSON reaches `maxChars` (photos travel
 * inline in local mode), so no answer reaches megabytes whatever members have stored; it always
 * holds at least one item, so paging moves on.
 */
import type { FindOptions } from '../ports'

/** Most JSON characters a page with photos may hold. */
export const PHOTO_PAGE_CHARS = 2_000_000

export interface PageRequest {
  offset?: number
  limit?: number
}

export interface PageRule {
  /** The page size when none is asked for: what the list answered before it was paged. */
  limit: number
  maxChars?: number
}

/** The query options that read one page and tell whether there is more (one item beyond it). */
export function pageQuery<T>(p: PageRequest, rule: PageRule, orderBy: FindOptions<T>['orderBy']): FindOptions<T> {
  return { orderBy, skip: p.offset ?? 0, limit: (p.limit ?? rule.limit) + 1 }
}

/** The page of `found` (read with pageQuery) and the offset of the next one, null when this is the last. */
export function pageOf<T>(found: T[], p: PageRequest, rule: PageRule): { items: T[]; next: number | null } {
  const offset = p.offset ?? 0
  const limit = p.limit ?? rule.limit
  const items: T[] = []
  let chars = 0
  for (const item of found.slice(0, limit)) {
    chars += JSON.stringify(item).length
    if (items.length > 0 && rule.maxChars !== undefined && chars > rule.maxChars) break
    items.push(item)
  }
  const more = items.length < found.length
  return { items, next: more ? offset + items.length : null }
}
