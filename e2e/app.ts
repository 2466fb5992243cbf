/**
 * What every browser test needs: `npm start` and Chromium for the file's tests, signing in as a
 * demo user, NutUI buttons by their words, and the API and dev endpoints for setting the scene.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { join } from 'node:path'
import { launch, watchErrors } from './browser'
import { startServer, type RunningServer } from './server'

export const SHOTS = join(__dirname, 'screenshots')

/** Starts the app (with `env`) and the browser before the file's tests and stops both after them. */
export function useApp(env: Record<string, string> = {}): { server: RunningServer; browser: Browser; startedAt: number } {
  const app = {} as { server: RunningServer; browser: Browser; startedAt: number }
  beforeAll(async () => {
    app.startedAt = Date.now()
    app.server = await startServer(env)
    app.browser = await launch()
  }, 300_000)
  afterAll(async () => {
    await app.browser?.close()
    await app.server?.stop()
  })
  return app
}

/** A NutUI button by its words (its inner text element does not take the tap itself). */
export const button = (page: Page, text: string) => page.locator('taro-button-core', { hasText: text }).first()

/** Opens the app in a new page, picks the demo user on the sign-in screen, and waits for 首页. */
export async function signIn(server: RunningServer, context: BrowserContext, openid: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage()
  const errors = watchErrors(page)
  await page.goto(server.base)
  await page.locator(`[data-openid="${openid}"]`).click()
  await page.waitForURL(/pages\/index\/index/)
  await page.locator('.login').waitFor({ state: 'detached' })
  return { page, errors }
}

/** The local server's HTTP surface, for setting up a scene and checking what was stored or sent. */
export function backend(server: RunningServer) {
  const post = (path: string, body?: unknown, token?: string) =>
    fetch(`${server.base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body ?? {}),
    })
  return {
    post,
    async api(openid: string, action: string, payload: unknown = {}) {
      const { token } = (await (await post('/dev/login', { openid })).json()).data
      const envelope = await (await post('/api/api', { action, payload }, token)).json()
      if (!envelope.ok) throw new Error(`${action}: ${envelope.error.code} ${envelope.error.message}`)
      return envelope.data
    },
    clock: async (now: string | null) => (await post('/dev/clock', { now })).json(),
    outbox: async () => (await (await fetch(`${server.base}/dev/outbox`)).json()).data.messages as Array<{ openid: string; kind: string }>,
  }
}
