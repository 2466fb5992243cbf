#!/usr/bin/env node
/**
 * `npm run bench [-- --quick]`: runs every benchmark in bench/ (each `bench/<name>.ts`, one after
 * another so that they do not compete for the CPU), passing the arguments on. A benchmark checks
 * its own figures and exits non-zero when they fail; this exits non-zero if any did.
 */
import { spawn } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const tsx = join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist', 'cli.mjs')
const args = process.argv.slice(2)
const benches = readdirSync(join(root, 'bench'))
  .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts'))
  .sort()

function run(name) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsx, join('bench', name), ...args], { cwd: root, stdio: 'inherit' })
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)))
    child.on('error', () => resolve(1))
  })
}

if (benches.length === 0) {
  console.error('No benchmarks in bench/')
  process.exit(1)
}

const results = []
for (const name of benches) {
  console.log(`\n▶ bench/${name} ${args.join(' ')}`)
  const started = Date.now()
  const code = await run(name)
  results.push({ name, code, seconds: (Date.now() - started) / 1000 })
}

console.log('')
for (const r of results) console.log(`${r.code === 0 ? 'ok  ' : 'FAIL'}  bench/${r.name}  (${r.seconds.toFixed(1)} s)`)
const failed = results.filter((r) => r.code !== 0).length
console.log(failed ? `${failed} of ${results.length} benchmarks failed` : `${results.length} benchmark(s) passed`)
process.exit(failed ? 1 : 0)
