/**
 * The secretary's 台账 on a phone: 首页 says which of this month's 三会一课 is missing; one tap
 * opens the meeting form filled in; once the meeting has started the secretary writes its minutes
 * with a photo; once it has ended with someone recorded, the checklist counts it. A member invited
 * reads the minutes on the meeting page; the year view and the warnings open from 首页.
 */
import type { Page } from 'playwright-core'
import { join } from 'node:path'
import { shanghaiDate } from '../src/domain/time'
import { backend, button, SHOTS, signIn as openAs, useApp } from './app'
import { phone } from './browser'

const app = useApp()
const signIn = (context: Parameters<typeof openAs>[1], openid: string) => openAs(app.server, context, openid)

/** A real JPEG, drawn by the browser itself. */
async function aJpeg(page: Page): Promise<Buffer> {
  const dataUrl = await page.evaluate(() => {
    const canvas = document.createElement('canvas')
    canvas.width = 640
    canvas.height = 480
    const ctx = canvas.getContext('2d')!
    ctx.fillStyle = '#c8161d'
    ctx.fillRect(0, 0, 640, 480)
    ctx.fillStyle = '#ffffff'
    ctx.fillRect(80, 80, 480, 320)
    return canvas.toDataURL('image/jpeg', 0.8)
  })
  return Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64')
}

/** Taro's H5 pages slide in: a screenshot waits for the slide to finish. */
const afterTransition = (page: Page) => page.waitForTimeout(600)

/** Opens a row's picker and takes what it shows (the current choice, or the roster's first name). */
const pick = async (page: Page, row: string) => {
  await page.locator('.minutes .nut-cell', { hasText: row }).first().click()
  await page.locator('.nut-picker-confirm-btn').filter({ visible: true }).first().click()
}

test('secretary arranges the missing 党小组会, writes its minutes with a photo, and sees the checklist change', async () => {
  const today = shanghaiDate(new Date())
  const be = backend(app.server)
  expect((await be.clock(`${today}T09:00:00+08:00`)).ok).toBe(true)

  const context = await phone(app.browser)
  const { page: s, errors } = await signIn(context, 'demo-secretary')
  const missing = s.locator('.records__row', { hasText: '第二党小组 本月党小组会 未开' })
  await missing.waitFor()
  await s.locator('.records').screenshot({ path: join(SHOTS, 'records-home-block.png') })
  await s.screenshot({ path: join(SHOTS, 'records-home.png') })

  // 去安排 opens the meeting form as a 党小组会 of 第二党小组, titled for the month.
  await missing.locator('taro-button-core', { hasText: '去安排' }).click()
  await s.waitForURL(/pages\/meeting-edit\/index/)
  const month = Number(today.slice(5, 7))
  expect(await s.locator('input[placeholder="例如：学习贯彻全会精神专题会"]').inputValue()).toBe(`第二党小组${month}月党小组会`)
  await s.locator('.nut-cell', { hasText: '第二党小组' }).first().waitFor()
  await s.locator('.nut-cell', { hasText: '请选择' }).first().click()
  await s.locator('.nut-picker-confirm-btn, .nut-picker__confirm').filter({ visible: true }).first().click()
  await button(s, '创建会议').click()
  await s.waitForURL(/pages\/meeting-detail\/index/)
  const meetingUrl = s.url()
  const meetingId = decodeURIComponent(/[?&]id=([^&]+)/.exec(meetingUrl)![1])

  // Under way: one member checked in by the secretary (补签); the minutes open from the meeting page.
  await be.clock(`${today}T14:40:00+08:00`)
  await be.api('demo-secretary', 'checkin.manual', { meetingId, memberId: 'demo-member-11', reason: '手机没电，现场补签' })
  await s.reload()
  await s.locator('.nut-cell', { hasText: '会议记录' }).click()
  await s.waitForURL(/pages\/records\/minutes/)
  await s.getByText('出席情况（按签到记录自动生成）').waitFor()
  await s.getByText('实到 1').waitFor()
  await afterTransition(s)
  await s.screenshot({ path: join(SHOTS, 'records-minutes-top.png') })
  // The secretary called the meeting: 主持人 starts as them; 记录人 is picked from the roster.
  await s.locator('.minutes .nut-cell', { hasText: '主持人' }).getByText('王建华').waitFor()
  await pick(s, '记录人')
  const chosen = s.locator('.minutes .nut-cell', { hasText: '记录人' }).locator('.minutes__value-text').filter({ hasNotText: '请选择' })
  await chosen.waitFor()
  const recorder = (await chosen.textContent())?.trim()
  await s.locator('input[placeholder="例如：传达学习全会精神"]').fill('学习党章第三章')
  await button(s, '再加一个议题').click()
  await s.locator('input[placeholder="例如：传达学习全会精神"]').nth(1).fill('讨论本组党员联系群众情况')
  await s.locator('textarea[placeholder="会议的主要内容、发言要点"]').fill('组长领学党章第三章，大家逐一发言，结合社区工作谈体会。')
  const photo = await aJpeg(s)
  const [chooser] = await Promise.all([s.waitForEvent('filechooser'), button(s, '添加照片').click()])
  await chooser.setFiles({ name: 'meeting.jpg', mimeType: 'image/jpeg', buffer: photo })
  const shown = s.locator('.minutes__photo-image img, img.minutes__photo-image').first()
  await shown.waitFor()
  await s.screenshot({ path: join(SHOTS, 'records-minutes-editor.png'), fullPage: true })
  await button(s, '保存会议记录').click()
  await s.getByText(/王建华 填写/).waitFor()

  // The photo is served by its signed link, and the saved minutes say who and what.
  const got = await be.api('demo-secretary', 'minutes.get', { meetingId })
  expect(got.minutes).toMatchObject({ host: '王建华', recorder, topics: ['学习党章第三章', '讨论本组党员联系群众情况'], photos: [expect.stringMatching(/^f-/)] })
  const served = await fetch(got.photoUrls[0])
  expect(served.status).toBe(200)
  expect(served.headers.get('content-type')).toBe('image/jpeg')

  // Until it ends it is only arranged; after the end, with someone recorded, 首页 counts it as held.
  await s.goto(`${app.server.base}/#/pages/index/index`)
  await s.locator('.records__row', { hasText: '第二党小组 本月党小组会 已安排' }).waitFor()
  await be.clock(`${today}T16:40:00+08:00`)
  await s.reload()
  await s.locator('.records__done', { hasText: '第二党小组 党小组会' }).waitFor()
  expect(await s.locator('.records__row', { hasText: '第二党小组 本月党小组会' }).count()).toBe(0)

  // The year view and the warnings open from the block.
  await s.locator('.records__link', { hasText: '全年台账' }).click()
  await s.waitForURL(/pages\/records\/checklist/)
  await s.locator('.year__row').first().waitFor()
  await afterTransition(s)
  await s.screenshot({ path: join(SHOTS, 'records-checklist.png') })
  await s.goBack()
  await s.locator('.records__link', { hasText: '预警' }).click()
  await s.waitForURL(/pages\/records\/warnings/)
  await s.locator('.warn__card').first().waitFor()
  await afterTransition(s)
  await s.screenshot({ path: join(SHOTS, 'records-warnings.png') })

  // A member of the group reads the minutes' text on the meeting page, with no one's leave reason.
  const memberContext = await phone(app.browser)
  const member = await signIn(memberContext, 'demo-member-12')
  await member.page.goto(meetingUrl)
  await member.page.locator('.minutes-card').getByText('学习党章第三章').waitFor()
  await member.page.getByText('主持人：王建华').waitFor()
  await member.page.locator('.minutes-card').scrollIntoViewIfNeeded()
  await member.page.screenshot({ path: join(SHOTS, 'records-minutes-member.png') })

  await be.clock(null)
  expect(errors).toEqual([])
  expect(member.errors).toEqual([])
  await context.close()
  await memberContext.close()
})
