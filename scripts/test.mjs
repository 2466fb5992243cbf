#!/usr/bin/env node
/**
 * `npm test`: every jest project under TZ=Asia/Shanghai, then the calendar-sensitive suites of
 * the `node` project again under TZ=UTC, where cloud functions run. Extra arguments go to both
 * runs (`npm test -- dues` runs the matching suites only). Ends with "N passed, M failed".
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const require = createRequire(import.meta.url)
const jestBin = require.resolve('jest/bin/jest')
const extra = process.argv.slice(2)
const outDir = mkdtempSync(join(tmpdir(), 'zhibu-test-'))

// Domain rules, the use cases, the router and the timer: where a server-local date would be a day off.
const UTC_SUITES = ['src/domain/', 'src/display/', 'cloudfunctions/core/domain/', 'cloudfunctions/core/usecases/', 'cloudfunctions/core/router\\.test\\.ts$', 'cloudfunctions/core/remind\\.test\\.ts$']

const runs = [
  { title: 'all projects, TZ=Asia/Shanghai', tz: 'Asia/Shanghai', args: [] },
  {
    title: 'domain, router and timer suites, TZ=UTC',
    tz: 'UTC',
    // An ignore pattern rather than a path pattern, so that a pattern given on the command line
    // narrows this run instead of widening it.
    args: ['--selectProjects', 'node', '--testPathIgnorePatterns', `^(?!.*/(${UTC_SUITES.join('|')})).*`],
  },
]

function runJest(run, outputFile) {
  // The run's own options go last: jest reads the words after an array option such as
  // --testPathIgnorePatterns as more of its values, which would swallow a path pattern.
  const args = [jestBin, '--ci', '--passWithNoTests', '--json', '--outputFile', outputFile, ...extra, ...run.args]
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: 'inherit', env: { ...process.env, TZ: run.tz } })
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)))
    child.on('error', () => resolve(1))
  })
}

function readCounts(outputFile) {
  try {
    const r = JSON.parse(readFileSync(outputFile, 'utf8'))
    return { passed: r.numPassedTests, failed: r.numFailedTests, brokenSuites: r.numRuntimeErrorTestSuites }
  } catch {
    return null
  }
}

let exitCode = 0
const total = { passed: 0, failed: 0 }
const notes = []
const started = Date.now()
try {
  for (const [i, run] of runs.entries()) {
    console.log(`\n▶ ${run.title}\n`)
    const outputFile = join(outDir, `run-${i}.json`)
    const code = await runJest(run, outputFile)
    if (code !== 0) exitCode = 1
    const counts = readCounts(outputFile)
    if (!counts) {
      notes.push(`${run.title}: jest wrote no results (exit code ${code})`)
      continue
    }
    total.passed += counts.passed
    total.failed += counts.failed
    if (counts.brokenSuites > 0) notes.push(`${run.title}: ${counts.brokenSuites} test file(s) failed to run`)
  }
} finally {
  rmSync(outDir, { recursive: true, force: true })
}

console.log('')
for (const note of notes) console.log(note)
console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`)
console.log(`${total.passed} passed, ${total.failed} failed`)
process.exit(exitCode)
