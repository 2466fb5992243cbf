/**
 * NedbStorage, the local mode's database: the shared storage contract in memory and on disk,
 * and what only a database on disk must do — keep everything across a restart.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { NedbStorage } from '../cloudfunctions/core/adapters/local/nedb-storage'
import { DuplicateKeyError } from '../cloudfunctions/core/errors'
import { aLedgerEntry, aMember } from './support/builders'
import { storageContract } from './storage-contract'

const dirs: string[] = []
const aTempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'zhibu-storage-'))
  dirs.push(dir)
  return dir
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

storageContract('NedbStorage in memory', () => NedbStorage.open(null))
storageContract('NedbStorage on disk', () => NedbStorage.open(aTempDir()))

describe('NedbStorage on disk, across a restart', () => {
  async function writeSomething(dir: string) {
    const storage = await NedbStorage.open(dir)
    await storage.insert('members', aMember('m-1').named('王').boundTo('wx-1').build())
    await storage.insert('members', aMember('m-2').named('李').build())
    await storage.insert('members', aMember('m-3').named('张').build())
    await storage.insert('ledger', aLedgerEntry('l-1').forMember('m-1').fromSource('s-1').worth(5).build())
    await storage.update('members', 'm-2', { name: '李四', openid: 'wx-2' })
    await storage.remove('members', 'm-3')
    return storage
  }

  async function expectSomething(storage: NedbStorage) {
    expect(await storage.find('members', {}, { orderBy: [['id', 'asc']] })).toEqual([
      expect.objectContaining({ id: 'm-1', name: '王', openid: 'wx-1' }),
      expect.objectContaining({ id: 'm-2', name: '李四', openid: 'wx-2' }),
    ])
    expect(await storage.get('ledger', 'l-1')).toMatchObject({ memberId: 'm-1', points: 5 })
  }

  it('keeps every insert, update and remove, each written as it happened (nothing to flush)', async () => {
    const dir = aTempDir()
    await writeSomething(dir)
    // A second instance on the same files, as after a restart or a kill -9.
    await expectSomething(await NedbStorage.open(dir))
  })

  it('keeps everything after compaction on a quiet shutdown', async () => {
    const dir = aTempDir()
    const storage = await writeSomething(dir)
    await storage.compact()
    await expectSomething(await NedbStorage.open(dir))
  })

  it('still enforces the unique keys after reopening', async () => {
    const dir = aTempDir()
    await writeSomething(dir)
    const reopened = await NedbStorage.open(dir)
    await expect(reopened.insert('members', aMember('m-9').boundTo('wx-1').build())).rejects.toBeInstanceOf(DuplicateKeyError)
    await expect(
      reopened.insert('ledger', aLedgerEntry('l-9').forMember('m-1').fromSource('s-1').build()),
    ).rejects.toBeInstanceOf(DuplicateKeyError)
    await expect(reopened.insert('members', aMember('m-1').build())).rejects.toBeInstanceOf(DuplicateKeyError)
  })

  it('opens an empty directory as an empty store, creating it if need be', async () => {
    const storage = await NedbStorage.open(join(aTempDir(), 'nested', 'data'))
    expect(await storage.count('members', {})).toBe(0)
  })
})
