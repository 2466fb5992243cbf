import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FileSecrets } from '../cloudfunctions/core/adapters/local/file-secrets'

describe('FileSecrets (local mode)', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'zhibu-secrets-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('makes a setup code of letters, digits, - or _ on first start and keeps it across restarts', async () => {
    const code = await new FileSecrets(dir, {}).get('setup')
    expect(code).toMatch(/^[A-Za-z0-9_-]{8,}$/)
    expect(await new FileSecrets(dir, {}).get('setup')).toBe(code)
    expect(statSync(join(dir, 'secrets.json')).mode & 0o777).toBe(0o600)
  })

  it('adds a setup code to a data directory made before setup codes existed, keeping its other secrets', async () => {
    writeFileSync(join(dir, 'secrets.json'), JSON.stringify({ signing: 's'.repeat(64), session: 't'.repeat(64) }))
    const secrets = new FileSecrets(dir, {})
    expect(await secrets.get('signing')).toBe('s'.repeat(64))
    expect(await secrets.get('setup')).toMatch(/^[A-Za-z0-9_-]{8,}$/)
    expect(JSON.parse(readFileSync(join(dir, 'secrets.json'), 'utf8')).setup).toBe(await secrets.get('setup'))
  })

  it('uses ZHIBU_SETUP_CODE when it is set', async () => {
    expect(await new FileSecrets(dir, { ZHIBU_SETUP_CODE: 'our-branch-code' }).get('setup')).toBe('our-branch-code')
  })
})
