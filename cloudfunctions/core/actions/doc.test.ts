import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { actionTable, withActionTable } from './doc'
import { ACTIONS } from '.'

describe("the README's action list", () => {
  it('has a row for every declared action, naming who may call it and the payload fields', () => {
    const table = actionTable()
    for (const name of Object.keys(ACTIONS)) expect(table).toContain(`| \`${name}\` |`)
    expect(table).toContain('| `checkin.manual` | 支部书记或支委 | `{ meetingId, memberId, reason }` |')
    expect(table).toContain('| `meeting.list` | 党员 | `{ from?, to? }` |')
    expect(table).toContain('| `session.me` | 已登录用户 | — |')
  })

  it('is up to date (run `npm run docs:actions` after changing a declaration)', () => {
    const readme = readFileSync(join(__dirname, '../../../README.md'), 'utf8')
    expect(withActionTable(readme)).toBe(readme)
  })
})
