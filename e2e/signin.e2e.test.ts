/**
 * A newcomer opens the local app, signs in as the demo secretary and finds their name, role,
 * branch and group on 我的 — with no console error on the way.
 */
import { join } from 'node:path'
import { SHOTS, useApp } from './app'
import { phone, watchErrors } from './browser'

const app = useApp()

test('demo secretary signs in and sees 我的 with the right role', async () => {
  const context = await phone(app.browser)
  const page = await context.newPage()
  const errors = watchErrors(page)

  await page.goto(app.server.base)
  // Not signed in: the app sends us to the demo sign-in, which lists the demo users.
  await page.waitForURL(/pages\/login\/index/)
  await page.getByText('demo-secretary', { exact: true }).waitFor()
  await page.screenshot({ path: join(SHOTS, 'login.png') })

  await page.locator('[data-openid="demo-secretary"]').click()
  await page.waitForURL(/pages\/index\/index/)
  await page.getByText('王建华，您好').waitFor()
  await page.getByText('主题党日').first().waitFor()
  // The sign-in page slides away before the screenshot.
  await page.locator('.login').waitFor({ state: 'detached' })
  await page.screenshot({ path: join(SHOTS, 'home-secretary.png') })

  await page.getByText('我的', { exact: true }).click()
  await page.waitForURL(/pages\/me\/index/)
  const me = page.locator('.me')
  await me.getByText('王建华').waitFor()
  await me.getByText('支部书记').waitFor()
  await me.getByText('示例党支部').waitFor()
  await me.getByText('第一党小组').waitFor()
  await page.screenshot({ path: join(SHOTS, 'me-secretary.png') })

  // The session survives a reload (the token is kept in storage).
  await page.reload()
  await page.locator('.me').getByText('支部书记').waitFor()

  expect(errors).toEqual([])
  await context.close()
})

test('switching user shows a plain member without the secretary role', async () => {
  const context = await phone(app.browser)
  const page = await context.newPage()
  const errors = watchErrors(page)
  await page.goto(app.server.base)
  await page.locator('[data-openid="demo-member-12"]').click()
  await page.waitForURL(/pages\/index\/index/)
  await page.getByText('我的', { exact: true }).click()
  const me = page.locator('.me')
  await me.getByText('第二党小组').waitFor()
  expect(await me.getByText('支部书记').count()).toBe(0)
  await me.getByText('党员', { exact: true }).waitFor()

  await me.locator('.me__switch').click()
  await page.waitForURL(/pages\/login\/index/)
  expect(errors).toEqual([])
  await context.close()
})
