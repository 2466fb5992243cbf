// `npm start`: build the H5 app if its sources changed since the last build, then serve the
// H5 app, the cloud functions and the local-only dev endpoints on one port.
import { spawn, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const h5 = join(root, 'dist', 'h5')
const stampFile = join(h5, '.source-hash')

function* files(dir) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) yield* files(p)
    else if (!/\.test\.tsx?$/.test(name)) yield p
  }
}

/** A hash of everything the H5 build reads from this repository. */
function sourceHash() {
  const h = createHash('sha256')
  for (const dir of ['src', 'config', 'types']) for (const f of files(join(root, dir))) h.update(f.slice(root.length)).update(readFileSync(f))
  for (const f of ['package.json', 'babel.config.js', 'tsconfig.json']) h.update(f).update(readFileSync(join(root, f)))
  return h.digest('hex')
}

const hash = sourceHash()
const built = existsSync(join(h5, 'index.html')) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === hash
if (!built) {
  console.log('Building the H5 app (first start or sources changed)…')
  const t0 = Date.now()
  // Taro's H5 build does not empty its folder: start clean so old hashed chunks do not pile up.
  rmSync(h5, { recursive: true, force: true })
  const r = spawnSync(process.execPath, [join(root, 'node_modules', '@tarojs', 'cli', 'bin', 'taro'), 'build', '--type', 'h5'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'production' },
    maxBuffer: 64 * 1024 * 1024,
  })
  if (r.status !== 0) {
    // Taro's progress bar floods the terminal; show only the end of its output on failure.
    console.error(`${r.stdout}\n${r.stderr}`.slice(-6000))
    console.error('H5 build failed; see the errors above.')
    process.exit(r.status ?? 1)
  }
  writeFileSync(stampFile, hash)
  console.log(`H5 app built in ${((Date.now() - t0) / 1000).toFixed(1)} s`)
}

const server = spawn(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'server', 'main.ts')], {
  cwd: process.cwd(),
  stdio: 'inherit',
  env: process.env,
})
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig))
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)))
