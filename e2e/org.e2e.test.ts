/**
 * The 党委 (CONTRACT §7) on a phone: demo-org, who oversees 示例机关党委 and belongs to no
 * branch, sees both demo branches side by side, opens one, and takes the overview as an .xlsx;
 * a member who also oversees an org switches to it from 我的.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { backend, button, SHOTS, signIn as openAs, useApp } from './app'
import { phone } from './browser'

const SETUP = 'e2e-org-setup-code'
const app = useApp({ ZHIBU_SETUP_CODE: SETUP })
const signIn = (context: Parameters<typeof openAs>[1], openid: string) => openAs(app.server, context, openid)

test('demo-org sees both demo branches, opens 第二党支部 and exports the overview', async () => {
  const context = await phone(app.browser)
  const { page, errors } = await signIn(context, 'demo-org')
  await page.getByText('示例机关党委').waitFor()
  await page.screenshot({ path: join(SHOTS, 'org-welcome.png') })
  await button(page, '查看各支部情况').click()
  await page.waitForURL(/pages\/org\/index/)
  await page.locator('[data-branch="demo-branch"]').getByText('示例党支部').waitFor()
  await page.locator('[data-branch="demo-branch-2"]').getByText('第二党支部').waitFor()
  await page.getByText('共 2 个支部', { exact: false }).waitFor()
  await page.screenshot({ path: join(SHOTS, 'org-overview.png') })
  // 按月, then the month before: the label and the figures follow.
  await page.locator('[data-tab="month"]').click()
  await page.locator('.org__period-label').filter({ hasText: /^\d{4}年\d{1,2}月$/ }).waitFor()
  const thisMonth = await page.locator('.org__period-label').textContent()
  await button(page, '‹').click()
  await page.locator('.org__period-label').filter({ hasNotText: thisMonth ?? '' }).waitFor()
  await page.locator('[data-branch="demo-branch-2"]').waitFor()
  await page.screenshot({ path: join(SHOTS, 'org-month.png') })
  await page.locator('[data-tab="year"]').click()
  await page.locator('.org__period-label').filter({ hasText: /^\d{4}年$/ }).waitFor()
  await page.locator('.org__code').scrollIntoViewIfNeeded()
  await page.screenshot({ path: join(SHOTS, 'org-overview-code.png') })

  const [download] = await Promise.all([page.waitForEvent('download'), button(page, '导出表格（.xlsx）').click()])
  expect(download.suggestedFilename()).toMatch(/^示例机关党委-\d{4}\.xlsx$/)
  const saved = join(app.server.dataDir, 'overview.xlsx')
  await download.saveAs(saved)
  expect(readFileSync(saved).subarray(0, 2).toString()).toBe('PK')

  await page.locator('[data-branch="demo-branch-2"]').click()
  await page.waitForURL(/view=branch/)
  await page.getByText('书记：周海涛').waitFor()
  await page.getByText('9 人').waitFor()
  await page.locator('.org__list-title', { hasText: '三会一课' }).waitFor()
  // After the page's slide-in.
  await page.waitForTimeout(600)
  await page.screenshot({ path: join(SHOTS, 'org-branch.png') })
  await page.locator('.org__detach').scrollIntoViewIfNeeded()
  await page.screenshot({ path: join(SHOTS, 'org-branch-end.png') })
  // Names and counts only: no member of the branch is named beyond its secretary.
  expect(await page.getByText('孙丽华').count()).toBe(0)

  expect(errors).toEqual([])
  await context.close()
})

test('a member who also oversees an org switches to it on 我的', async () => {
  await backend(app.server).api('demo-member-03', 'org.create', { name: '城东街道党工委', setupCode: SETUP, overseerName: '杨伟' })
  const context = await phone(app.browser)
  const { page, errors } = await signIn(context, 'demo-member-03')
  await page.goto(`${app.server.base}/#/pages/me/index`)
  await page.locator('.nut-cell', { hasText: '切换到党委视图' }).waitFor()
  await page.screenshot({ path: join(SHOTS, 'me-org-switch.png') })
  await page.locator('.nut-cell', { hasText: '切换到党委视图' }).click()
  await page.waitForURL(/pages\/org\/index/)
  await page.locator('.org__title', { hasText: '城东街道党工委' }).waitFor()
  await page.getByText('还没有支部加入本党委').waitFor()
  await page.getByText('支部加入代码').waitFor()
  await page.screenshot({ path: join(SHOTS, 'org-empty.png') })
  expect(errors).toEqual([])
  await context.close()
})

test('the demo secretary sees on 上级党委 which 党委 the branch is under', async () => {
  const context = await phone(app.browser)
  const { page, errors } = await signIn(context, 'demo-secretary')
  await page.goto(`${app.server.base}/#/pages/me/index`)
  await page.locator('.nut-cell', { hasText: '上级党委' }).click()
  await page.waitForURL(/view=attach/)
  await page.getByText('「示例党支部」已在该党委之下', { exact: false }).waitFor()
  // After the page's slide-in.
  await page.waitForTimeout(600)
  await page.screenshot({ path: join(SHOTS, 'org-attached.png') })
  expect(errors).toEqual([])
  await context.close()
})
