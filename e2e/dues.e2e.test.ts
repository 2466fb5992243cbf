/**
 * The dues register as two people use it: a member marks this month paid on the phone; the
 * secretary's register shows the total change and confirms it. And 提醒我: the stand-in for
 * WeChat's subscription sheet grants one reminder, which the remind timer then spends.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { join } from 'node:path'
import { launch, phone, watchErrors } from './browser'
import { startServer, type RunningServer } from './server'

const SHOTS = join(__dirname, 'screenshots')

let server: RunningServer
let browser: Browser

beforeAll(async () => {
  server = await startServer()
  browser = await launch()
}, 300_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

const button = (page: Page, text: string) => page.locator('taro-button-core', { hasText: text }).first()

async function signIn(context: BrowserContext, openid: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage()
  const errors = watchErrors(page)
  await page.goto(server.base)
  await page.locator(`[data-openid="${openid}"]`).click()
  await page.waitForURL(/pages\/index\/index/)
  await page.locator('.login').waitFor({ state: 'detached' })
  return { page, errors }
}

const post = (path: string, body?: unknown) =>
  fetch(`${server.base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) })

async function api(openid: string, action: string, payload: unknown = {}) {
  const { token } = (await (await post('/dev/login', { openid })).json()).data
  const res = await fetch(`${server.base}/api/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ action, payload }),
  })
  const envelope = await res.json()
  if (!envelope.ok) throw new Error(`${action}: ${envelope.error.code}`)
  return envelope.data
}

const outbox = async () => (await (await fetch(`${server.base}/dev/outbox`)).json()).data.messages as Array<{ openid: string; kind: string }>

const paidCount = (page: Page) => page.locator('.dues__totals .big-number').first()

test('a member marks this month paid and the secretary sees the total change', async () => {
  const secretaryContext = await phone(browser)
  const secretary = await signIn(secretaryContext, 'demo-secretary')
  const s = secretary.page
  await s.goto(`${server.base}/#/pages/dues/index`)
  await s.getByText('人已缴').waitFor()
  const before = Number(await paidCount(s).textContent())

  const memberContext = await phone(browser)
  const member = await signIn(memberContext, 'demo-member-05')
  const m = member.page
  await m.locator('.home__dues').click()
  await m.waitForURL(/pages\/dues\/index/)
  const thisMonth = m.locator('.dues__row').first()
  await thisMonth.getByText('未缴').waitFor()
  await thisMonth.locator('taro-button-core', { hasText: '登记已缴' }).click()
  await m.locator('.pay-dialog').waitFor()
  await m.screenshot({ path: join(SHOTS, 'dues-pay-dialog.png') })
  await m.locator('.nut-dialog-footer-ok').click()
  await thisMonth.getByText('已缴').waitFor()
  await thisMonth.getByText(/待书记确认/).waitFor()
  await m.screenshot({ path: join(SHOTS, 'dues-member.png') })

  // The secretary's register, opened again, counts the new payment and can confirm it.
  await s.reload()
  await s.getByText('人已缴').waitFor()
  await paidCount(s).filter({ hasText: String(before + 1) }).waitFor()
  const row = s.locator('.dues__row[data-member="demo-member-05"]')
  await row.getByText('待确认', { exact: false }).waitFor()
  await row.locator('taro-button-core', { hasText: '确认' }).click()
  await row.getByText('待确认').waitFor({ state: 'detached' })
  await s.screenshot({ path: join(SHOTS, 'dues-secretary.png'), fullPage: true })

  expect(secretary.errors).toEqual([])
  expect(member.errors).toEqual([])
  await secretaryContext.close()
  await memberContext.close()
})

test('提醒我 grants one reminder through the stand-in sheet, and the timer spends it once', async () => {
  const context = await phone(browser)
  const { page, errors } = await signIn(context, 'demo-member-09')
  await page.locator('.remind-me__left').getByText('目前收不到微信提醒').waitFor()
  await page.locator('.remind-me__button').click()
  await page.locator('.subscribe-sheet').waitFor()
  await page.screenshot({ path: join(SHOTS, 'subscribe-sheet.png') })
  await button(page, '允许').click()
  await page.locator('.remind-me__left').getByText('还可提醒 1 次').waitFor()

  // The evening before the next dues day (also the 主题党日 under the default rule), the timer,
  // fired twice at once, sends this member each reminder exactly once.
  const overview = await api('demo-secretary', 'subscription.overview')
  const duesDay: string = overview.next.find((n: { kind: string }) => n.kind === 'dues_reminder').date
  const before = (await outbox()).length
  await post('/dev/clock', { now: new Date(Date.parse(`${duesDay}T18:00:00+08:00`) - 86400_000).toISOString() })
  await Promise.all([post('/dev/timer/remind'), post('/dev/timer/remind')])
  const sent = (await outbox()).slice(before).filter((msg) => msg.openid === 'demo-member-09')
  expect(sent.map((msg) => msg.kind).sort()).toEqual(['dues_reminder', 'meeting_reminder'])
  await post('/dev/clock', { now: null })

  await page.reload()
  await page.locator('.remind-me__left').getByText('目前收不到微信提醒').waitFor()
  await page.getByText(/明天 · 党费缴纳日/).first().waitFor()
  await page.screenshot({ path: join(SHOTS, 'home-after-reminder.png'), fullPage: true })
  expect(errors).toEqual([])
  await context.close()
})
