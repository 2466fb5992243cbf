// Browser tests: jest drives Debian's Chromium (playwright-core) against `npm start`.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
if (!existsSync(chromium)) {
  console.error(`Chromium not found at ${chromium}. Install Debian's: apt-get install -y chromium fonts-wqy-zenhei`)
  process.exit(1)
}
const r = spawnSync('npx', ['jest', '--config', 'jest.e2e.config.js', '--ci', ...process.argv.slice(2)], { stdio: 'inherit' })
process.exit(r.status ?? 1)
