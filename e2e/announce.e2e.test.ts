/**
 * A notice as two people use it: the secretary posts one from 首页 to the whole branch; a member
 * sees it unread on their 首页 and opens it; the secretary's 已读 count then reads 1. And the
 * secretary names this month's 轮值党务干事, whom everyone's 首页 shows.
 */
import { join } from 'node:path'
import { backend, button, SHOTS, signIn as openAs, useApp } from './app'
import { phone } from './browser'

const app = useApp()
const signIn = (context: Parameters<typeof openAs>[1], openid: string) => openAs(app.server, context, openid)
const TITLE = '关于开展本月主题党日的通知'

test('the secretary posts a notice, a member opens it, and the secretary sees 已读 1', async () => {
  const secretaryContext = await phone(app.browser)
  const secretary = await signIn(secretaryContext, 'demo-secretary')
  const s = secretary.page
  await button(s, '发通知').click()
  await s.waitForURL(/pages\/announce\/index\?view=compose/)
  await s.locator('input[placeholder^="例如：关于开展"]').fill(TITLE)
  await s.locator('textarea').fill('请各位党员本周五14:30到党员活动室参加主题党日，带好笔记本。')
  await s.screenshot({ path: join(SHOTS, 'announce-compose.png'), fullPage: true })
  await button(s, '发布').click()
  await s.getByText('已发布').waitFor()
  await s.screenshot({ path: join(SHOTS, 'announce-posted.png') })

  const memberContext = await phone(app.browser)
  const member = await signIn(memberContext, 'demo-member-05')
  const m = member.page
  const card = m.locator('.notice-card', { hasText: TITLE })
  await card.getByText('未读').waitFor()
  await m.locator('.home-board').screenshot({ path: join(SHOTS, 'announce-home-member.png') })
  await card.click()
  await m.waitForURL(/pages\/announce\/index\?id=/)
  await m.getByText('本周五14:30').waitFor()
  // Let the page's slide-in finish before the picture.
  await m.waitForTimeout(500)
  await m.screenshot({ path: join(SHOTS, 'announce-read.png') })
  await button(m, '返回').click()
  await m.waitForURL(/pages\/index\/index/)
  await card.getByText('未读').waitFor({ state: 'detached' })

  await button(s, '查看已读情况').click()
  await s.waitForURL(/view=readers/)
  await s.getByText(/已读 1 \/ \d+/).waitFor()
  await s.locator('[data-tab="read"]').click()
  await s.getByText(/已读$/).first().waitFor()
  await s.screenshot({ path: join(SHOTS, 'announce-readers.png'), fullPage: true })
  // And on 首页 as the leadership lists it.
  await s.goto(`${app.server.base}/#/pages/index/index`)
  await s.reload()
  await s.locator('.notice-card', { hasText: TITLE }).getByText(/已读 1 \//).waitFor()
  await s.locator('.home-board').screenshot({ path: join(SHOTS, 'announce-home-secretary.png') })

  expect(secretary.errors).toEqual([])
  expect(member.errors).toEqual([])
  await secretaryContext.close()
  await memberContext.close()
})

test('the secretary names this month’s 轮值党务干事 and a member’s 首页 shows them', async () => {
  const context = await phone(app.browser)
  const { page: s, errors } = await signIn(context, 'demo-secretary')
  await s.locator('.home-board__duty').getByText('去安排').click()
  await s.waitForURL(/view=duty/)
  const thisMonth = s.locator('.announce__row').first()
  await thisMonth.locator('taro-button-core', { hasText: '安排' }).click()
  await s.locator('.choice', { hasText: '赵丽' }).click()
  await s.locator('.nut-dialog-footer-ok').click()
  await thisMonth.getByText('赵丽').waitFor()
  await s.screenshot({ path: join(SHOTS, 'announce-duty.png'), fullPage: true })

  const memberContext = await phone(app.browser)
  const { page: m, errors: memberErrors } = await signIn(memberContext, 'demo-member-12')
  await m.locator('.home-board__duty').getByText('赵丽').waitFor()
  const month = (await backend(app.server).api('demo-member-12', 'duty.get')).duty.month as string
  await m.locator('.home-board__duty').getByText(`${Number(month.slice(5))}月轮值党务干事`).waitFor()

  expect(errors).toEqual([])
  expect(memberErrors).toEqual([])
  await context.close()
  await memberContext.close()
})
