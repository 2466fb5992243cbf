/**
 * What a member's phone downloads to open the H5 app: the sign-in screen, and 首页 for a member
 * who has signed in before, each from a cold cache in Chromium with the CPU slowed 4×.
 *
 *   npx tsx bench/h5-load.ts [--quick]
 *
 * Starts `npm start` as the browser tests do (building the H5 app if its sources changed).
 * Bytes are what crossed the wire (CDP's encodedDataLength: headers and the body as sent, so
 * compressed when the server compressed it) for every request until the screen shows and the
 * network is quiet. Signing in once beforehand gives 首页 its session and lets the server
 * compress each file, as an earlier visitor would have. The full run loads each screen three
 * times and reports the median; the quick run loads each once.
 *
 * Fails (exit 1) when a screen transfers more than 350 KB.
 */
import type { Browser, Page } from 'playwright-core'
import { launch, phone, watchErrors } from '../e2e/browser'
import { startServer, type RunningServer } from '../e2e/server'

const QUICK = process.argv.includes('--quick')
const RUNS = QUICK ? 1 : 3
const BUDGET_BYTES = 350 * 1024
const CPU_SLOWDOWN = 4
const OPENID = 'demo-secretary'

interface Load {
  bytes: number
  requests: number
  fcpMs: number
}

interface Screen {
  name: string
  path: string
  /** Shown once the screen has its content. */
  ready: string
  signedIn: boolean
}

const SCREENS: Screen[] = [
  { name: '登录页 (sign-in)', path: '/', ready: `[data-openid="${OPENID}"]`, signedIn: false },
  { name: '首页 (home)', path: '/#/pages/index/index', ready: '.home__name', signedIn: true },
]

/** The browser's storage after signing in once through the sign-in screen. */
async function signedInState(browser: Browser, server: RunningServer) {
  const context = await phone(browser)
  const page = await context.newPage()
  await page.goto(server.base)
  await page.locator(`[data-openid="${OPENID}"]`).click()
  await page.locator('.home__name').waitFor()
  const state = await context.storageState()
  await context.close()
  return state
}

async function measure(page: Page, url: string, ready: string): Promise<Load> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN })
  let bytes = 0
  let requests = 0
  cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
    bytes += e.encodedDataLength
    requests += 1
  })
  await page.goto(url)
  await page.locator(ready).first().waitFor({ timeout: 120_000 })
  await page.waitForLoadState('networkidle')
  const fcpMs = await page.evaluate(
    () => performance.getEntriesByType('paint').find((p) => p.name === 'first-contentful-paint')?.startTime ?? NaN,
  )
  await cdp.detach()
  return { bytes, requests, fcpMs }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`

async function main() {
  console.log(`\nH5 load bench${QUICK ? ' (quick)' : ''}: cold cache, CPU ${CPU_SLOWDOWN}× slower, ${RUNS} load(s) per screen\n`)
  const server = await startServer()
  const browser = await launch()
  let failed = false
  try {
    const state = await signedInState(browser, server)
    for (const screen of SCREENS) {
      const loads: Load[] = []
      for (let i = 0; i < RUNS; i++) {
        // A new context each time: an empty cache, and only the storage a returning member has.
        const context = await phone(browser)
        if (screen.signedIn) await context.addInitScript(injectStorage, state.origins)
        const page = await context.newPage()
        const errors = watchErrors(page)
        loads.push(await measure(page, server.base + screen.path, screen.ready))
        await context.close()
        if (errors.length) throw new Error(`${screen.name}: ${errors.join('; ')}`)
      }
      const bytes = median(loads.map((l) => l.bytes))
      const fcp = median(loads.map((l) => l.fcpMs))
      const over = bytes > BUDGET_BYTES
      failed ||= over
      console.log(
        `${screen.name.padEnd(18)} ${kb(bytes).padStart(10)} in ${median(loads.map((l) => l.requests))} requests, ` +
          `first contentful paint ${fcp.toFixed(0)} ms${over ? `  OVER the ${kb(BUDGET_BYTES)} budget` : ''}`,
      )
    }
  } finally {
    await browser.close()
    await server.stop()
  }
  console.log(failed ? `\nFAIL: a screen transfers more than ${kb(BUDGET_BYTES)}` : `\nok: every screen within ${kb(BUDGET_BYTES)}`)
  process.exit(failed ? 1 : 0)
}

/** Runs in the page before its scripts: puts back the signed-in member's localStorage. */
function injectStorage(origins: Array<{ origin: string; localStorage: Array<{ name: string; value: string }> }>) {
  const mine = origins.find((o) => o.origin === location.origin)
  for (const { name, value } of mine?.localStorage ?? []) localStorage.setItem(name, value)
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
