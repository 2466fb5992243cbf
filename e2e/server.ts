/** Starts `npm start` (scripts/start.mjs) on a free port with a fresh data directory. */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

/** A port nothing listens on now, for a server a test starts. */
export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer()
    s.once('error', fail)
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port
      s.close(() => ok(port))
    })
  })
}

export interface RunningServer {
  base: string
  dataDir: string
  log: () => string
  stop: () => Promise<void>
}

export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const root = resolve(__dirname, '..')
  const port = await freePort()
  const dataDir = mkdtempSync(join(tmpdir(), 'zhibu-e2e-'))
  let output = ''
  const child: ChildProcess = spawn(process.execPath, [join(root, 'scripts', 'start.mjs')], {
    cwd: root,
    env: { ...process.env, PORT: String(port), ZHIBU_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  child.stdout?.on('data', (d) => (output += d))
  child.stderr?.on('data', (d) => (output += d))
  const base = `http://127.0.0.1:${port}`
  const until = Date.now() + 240_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output.slice(-3000)}`)
    try {
      const r = await fetch(`${base}/healthz`)
      if (r.status === 200) break
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`server did not become healthy:\n${output.slice(-3000)}`)
    await new Promise((r) => setTimeout(r, 300))
  }
  return {
    base,
    dataDir,
    log: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        try {
          process.kill(-child.pid!, 'SIGTERM')
        } catch {
          // already gone
        }
        await new Promise((r) => child.once('exit', r))
      }
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
