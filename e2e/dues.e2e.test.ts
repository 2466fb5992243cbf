/**
 * The dues register as two people use it: a member marks this month paid on the phone; the
 * secretary's register shows the total change and confirms it. And 提醒我: the stand-in for
 * WeChat's subscription sheet grants one reminder, which the remind timer then spends.
 */
import type { Page } from 'playwright-core'
import { join } from 'node:path'
import { backend, button, SHOTS, signIn as openAs, useApp } from './app'
import { phone } from './browser'

const app = useApp()
const signIn = (context: Parameters<typeof openAs>[1], openid: string) => openAs(app.server, context, openid)
const be = () => backend(app.server)

const paidCount = (page: Page) => page.locator('.dues__totals .big-number').first()

test('a member marks this month paid and the secretary sees the total change', async () => {
  const secretaryContext = await phone(app.browser)
  const secretary = await signIn(secretaryContext, 'demo-secretary')
  const s = secretary.page
  await s.goto(`${app.server.base}/#/pages/dues/index`)
  await s.getByText('人已缴').waitFor()
  const before = Number(await paidCount(s).textContent())

  const memberContext = await phone(app.browser)
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
  const context = await phone(app.browser)
  const { page, errors } = await signIn(context, 'demo-member-09')
  await page.locator('.remind-me__left').getByText('目前收不到微信提醒').waitFor()
  await page.locator('.remind-me__button').click()
  await page.locator('.subscribe-sheet').waitFor()
  await page.screenshot({ path: join(SHOTS, 'subscribe-sheet.png') })
  await button(page, '允许').click()
  await page.locator('.remind-me__left').getByText('还可提醒 1 次').waitFor()

  // The evening before the next dues day (also the 主题党日 under the default rule), the timer,
  // fired twice at once, sends this member each reminder exactly once.
  const { api, post, outbox } = be()
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
