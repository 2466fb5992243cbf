import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { COLORS } from './colors'

const SCSS_NAMES: Record<keyof typeof COLORS, string> = {
  primary: '$color-primary',
  primaryDark: '$color-primary-dark',
  present: '$status-present',
  surface: '$color-surface',
}

describe('COLORS', () => {
  it('are the values of the same tokens in tokens.scss', () => {
    const scss = readFileSync(join(__dirname, 'tokens.scss'), 'utf8')
    for (const [key, name] of Object.entries(SCSS_NAMES)) {
      const value = new RegExp(`^\\${name}:\\s*(#[0-9a-fA-F]+);`, 'm').exec(scss)?.[1]
      expect([key, value]).toEqual([key, COLORS[key as keyof typeof COLORS]])
    }
  })
})
