/** Exactly-once writes over the real local storage: a second write of the same id finds the first. */
import { NedbStorage } from '../adapters/local/nedb-storage'
import { aLedgerEntry } from '../../../tests/support/builders'
import type { Credit } from '../../../types/models'
import { insertOnce, recordOnce, upsert } from './record-once'

const storage = () => NedbStorage.open(null)
const credit = (balance: number): Credit => ({ id: 'c-1', branchId: 'demo-branch', memberId: 'demo-member-01', kind: 'dues_reminder', balance, updatedAt: '2026-05-20T10:00:00+08:00' })

describe('insertOnce', () => {
  it('inserts once and answers false for the same id or unique key again', async () => {
    const s = await storage()
    expect(await insertOnce(s, 'ledger', aLedgerEntry('l-1').fromSource('src').build())).toBe(true)
    expect(await insertOnce(s, 'ledger', aLedgerEntry('l-1').fromSource('other').build())).toBe(false)
    expect(await insertOnce(s, 'ledger', aLedgerEntry('l-2').fromSource('src').build())).toBe(false)
    expect(await s.count('ledger', {})).toBe(1)
  })

  it('passes any other failure on', async () => {
    const s = await storage()
    const failing = { ...s, insert: () => Promise.reject(new Error('timeout')) } as unknown as typeof s
    await expect(insertOnce(failing, 'credits', credit(1))).rejects.toThrow('timeout')
  })
})

describe('recordOnce', () => {
  it('answers the new record, then the first one for every retry', async () => {
    const s = await storage()
    expect(await recordOnce(s, 'credits', credit(1))).toEqual({ created: true, record: credit(1) })
    expect(await recordOnce(s, 'credits', credit(5))).toEqual({ created: false, record: credit(1) })
  })

  it('of many at once creates one and answers it to all', async () => {
    const s = await storage()
    const all = await Promise.all([1, 2, 3, 4, 5].map((n) => recordOnce(s, 'credits', credit(n))))
    expect(all.filter((r) => r.created)).toHaveLength(1)
    expect(new Set(all.map((r) => r.record.balance)).size).toBe(1)
  })
})

describe('upsert', () => {
  it('inserts the document, then applies the change to it; concurrent upserts lose nothing', async () => {
    const s = await storage()
    await Promise.all(Array.from({ length: 6 }, () => upsert(s, 'credits', credit(1), { inc: { balance: 1 } })))
    expect(await s.get('credits', 'c-1')).toMatchObject({ balance: 6 })
  })
})
