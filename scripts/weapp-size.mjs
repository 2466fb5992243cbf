// Prints the weapp main package's size and fails above the budget (default 2 MB).
// The main package is everything in dist/weapp outside the subpackage roots listed in app.json.
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

const root = 'dist/weapp'
const budget = Number(process.env.WEAPP_MAIN_BUDGET_BYTES || 2 * 1024 * 1024)
const app = JSON.parse(readFileSync(join(root, 'app.json'), 'utf8'))
const subRoots = (app.subPackages || app.subpackages || []).map((p) => p.root.replace(/\/$/, ''))

let main = 0
let total = 0
function walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name)
    const st = statSync(p)
    if (st.isDirectory()) walk(p)
    else {
      total += st.size
      const rel = relative(root, p)
      if (!subRoots.some((r) => rel === r || rel.startsWith(`${r}/`))) main += st.size
    }
  }
}
walk(root)
const kb = (n) => `${(n / 1024).toFixed(1)} KB`
console.log(`weapp main package: ${kb(main)} (budget ${kb(budget)}); all packages: ${kb(total)}`)
if (main > budget) {
  console.error('weapp main package is over budget')
  process.exit(1)
}
