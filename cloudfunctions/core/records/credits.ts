/**
 * One-time subscription credits, counted on the server: each 允许 adds one, each send spends one.
 * Every change is an atomic increment on the member's credit document, so concurrent taps and
 * sends never lose or invent a credit, and the client's own count is never trusted.
 */
import type { Credit, Member, TemplateKind } from '../../../types/models'
import { toShanghaiIso } from '../../../src/domain/time'
import type { Clock, Storage } from '../ports'
import { creditId } from './ids'
import { upsert } from './record-once'

export function addCredit(storage: Storage, clock: Clock, member: Pick<Member, 'id' | 'branchId'>, kind: TemplateKind): Promise<void> {
  const id = creditId(member.id, kind)
  const updatedAt = toShanghaiIso(clock.now())
  const credit: Credit = { id, branchId: member.branchId, memberId: member.id, kind, balance: 1, updatedAt }
  return upsert(storage, 'credits', credit, { inc: { balance: 1 }, set: { updatedAt } })
}

/** Spends one credit if there is one; answers whether there was. */
export function spendCredit(storage: Storage, memberId: string, kind: TemplateKind): Promise<boolean> {
  return storage.updateWhere('credits', creditId(memberId, kind), { balance: { $gt: 0 } }, { inc: { balance: -1 } })
}

/** Gives back a credit that a failed send did not use. */
export function refundCredit(storage: Storage, memberId: string, kind: TemplateKind): Promise<boolean> {
  return storage.updateWhere('credits', creditId(memberId, kind), {}, { inc: { balance: 1 } })
}

/** WeChat said 43101: the user has no credit, whatever we counted. */
export function clearCredit(storage: Storage, memberId: string, kind: TemplateKind): Promise<boolean> {
  return storage.updateWhere('credits', creditId(memberId, kind), { balance: { $gt: 0 } }, { set: { balance: 0 } })
}

export function balancesOf(credits: Credit[]): Map<string, Record<TemplateKind, number>> {
  const out = new Map<string, Record<TemplateKind, number>>()
  for (const c of credits) {
    const row = out.get(c.memberId) ?? { meeting_reminder: 0, dues_reminder: 0 }
    row[c.kind] = Math.max(0, c.balance)
    out.set(c.memberId, row)
  }
  return out
}
