/**
 * Screens as a phone shows them (375 × 667): a member withdrawing a leave the secretary was
 * counting, text boxes that take a tap anywhere in their box, buttons and times that read on a
 * small screen, the secretary's 日程与提醒, and H5's title bar and a failed page download.
 */
import type { Page } from 'playwright-core'
import { join } from 'node:path'
import { addDays, shanghaiDate } from '../src/domain/time'
import { backend, button, SHOTS, signIn as openAs, useApp } from './app'
import { phone } from './browser'

const app = useApp()
const signIn = (context: Parameters<typeof openAs>[1], openid: string) => openAs(app.server, context, openid)
const be = () => backend(app.server)

/** A branch meeting tomorrow afternoon, made through the API. */
async function aMeetingTomorrow(title: string): Promise<string> {
  const day = addDays(shanghaiDate(new Date()), 1)
  const { meeting } = await be().api('demo-secretary', 'meeting.create', {
    type: 'branch_assembly',
    title,
    startAt: `${day}T14:30:00+08:00`,
    endAt: `${day}T16:30:00+08:00`,
    location: '党员活动室',
  })
  return meeting.id
}

const meetingPage = (id: string) => `${app.server.base}/#/pages/meeting-detail/index?id=${encodeURIComponent(id)}`

test('a member withdraws a leave: the secretary’s count on 首页 and on the meeting goes with it', async () => {
  const meetingId = await aMeetingTomorrow('十二月支部党员大会')
  const memberContext = await phone(app.browser)
  const member = await signIn(memberContext, 'demo-member-07')
  const m = member.page
  await m.goto(meetingPage(meetingId))
  await button(m, '请假').click()
  await m.locator('.reason-dialog textarea').fill('单位安排出差，无法参加')
  await button(m, '提交请假').click()
  await m.getByText(/已提交请假/).waitFor()

  const secretaryContext = await phone(app.browser)
  const secretary = await signIn(secretaryContext, 'demo-secretary')
  const s = secretary.page
  await s.locator('.home__pending').getByText('1 条').waitFor()
  await s.screenshot({ path: join(SHOTS, 'home-pending-leave.png') })
  await s.getByText('会议', { exact: true }).click()
  await s.locator(`[data-meeting-id="${meetingId}"]`).getByText('1 条请假待审批').waitFor()

  await m.screenshot({ path: join(SHOTS, 'leave-pending-member.png') })
  await button(m, '撤回请假').click()
  await m.locator('.taro-modal__foot, .taro-modal__footer').getByText('撤回', { exact: true }).click()
  await m.getByText('请假已撤回').waitFor()
  await button(m, '请假').waitFor()
  expect(await m.getByText(/已提交请假/).count()).toBe(0)

  await s.reload()
  await s.locator(`[data-meeting-id="${meetingId}"]`).waitFor()
  expect(await s.getByText('条请假待审批').count()).toBe(0)
  // 首页 again: the count is gone.
  await s.getByText('首页', { exact: true }).click()
  await s.locator('.home__dues-amount').waitFor()
  await s.waitForLoadState('networkidle')
  expect(await s.locator('.home__pending').count()).toBe(0)

  expect(member.errors).toEqual([])
  expect(secretary.errors).toEqual([])
  await memberContext.close()
  await secretaryContext.close()
})

/** Where a tap at a point of the box lands: true when it reaches the text field itself. */
async function tapReachesField(page: Page, box: string, fractionDown: number): Promise<boolean> {
  return page.locator(box).first().evaluate((el, f) => {
    // elementFromPoint sees only what is on the screen.
    el.scrollIntoView({ block: 'center' })
    const r = el.getBoundingClientRect()
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height * f)
    return hit !== null && (hit.tagName === 'TEXTAREA' || hit.closest('textarea') !== null)
  }, fractionDown)
}

test('a reason box and 学习心得 take a tap anywhere in their visible box, not only the top line', async () => {
  const meetingId = await aMeetingTomorrow('十二月党课')
  const context = await phone(app.browser)
  const { page, errors } = await signIn(context, 'demo-member-08')
  await page.goto(meetingPage(meetingId))
  await button(page, '请假').click()
  const box = '.reason-dialog .nut-textarea'
  await page.locator(box).waitFor()
  for (const f of [0.1, 0.5, 0.85]) expect(await tapReachesField(page, box, f)).toBe(true)
  // The dialog's line "十二月党课，12月3日（周四）14:30–16:30" keeps each time whole.
  expect(await splitTimes(page)).toEqual([])
  const r = (await page.locator(box).boundingBox())!
  await page.mouse.click(r.x + r.width / 2, r.y + r.height * 0.85)
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA')
  await page.screenshot({ path: join(SHOTS, 'reason-dialog.png') })

  // 学习心得 on 记录自学: the same box in a form.
  await page.goto(`${app.server.base}/#/pages/study-log/index`)
  await page.locator('.field__textarea').waitFor()
  for (const f of [0.1, 0.5, 0.85]) expect(await tapReachesField(page, '.field__textarea', f)).toBe(true)
  expect(errors).toEqual([])
  await context.close()
})

/** Every visible button's height and text size, for the ones under the minimum. */
async function smallButtons(page: Page) {
  return page.locator('taro-button-core').evaluateAll((els) =>
    els
      .filter((el) => (el as HTMLElement).offsetParent !== null)
      .map((el) => ({ text: el.textContent?.trim() ?? '', height: el.getBoundingClientRect().height, font: parseFloat(getComputedStyle(el).fontSize) }))
      .filter((b) => b.height < 44 || b.font < 14),
  )
}

/** Every HH:mm on the screen drawn on more than one line. */
async function splitTimes(page: Page) {
  return page.evaluate(() => {
    const split: string[] = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of (node.textContent ?? '').matchAll(/\d{1,2}:\d{2}/g)) {
        const range = document.createRange()
        range.setStart(node, m.index ?? 0)
        range.setEnd(node, (m.index ?? 0) + m[0].length)
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)))
        if (tops.size > 1) split.push(m[0])
      }
    }
    return split
  })
}

test('buttons are at least 44 px tall with 14 px text, times stay on one line, role tags at least 12 px', async () => {
  const context = await phone(app.browser)
  const { page, errors } = await signIn(context, 'demo-secretary')
  await page.goto(`${app.server.base}/#/pages/dues/index`)
  await page.getByText('人已缴').waitFor()
  await page.locator('.dues__row taro-button-core').first().waitFor()
  await page.screenshot({ path: join(SHOTS, 'dues-register.png') })
  expect(await smallButtons(page)).toEqual([])

  await page.goto(`${app.server.base}/#/pages/meetings/index`)
  await page.locator('.meeting-card').first().waitFor()
  await page.screenshot({ path: join(SHOTS, 'meetings.png'), fullPage: true })
  expect(await splitTimes(page)).toEqual([])

  await page.goto(`${app.server.base}/#/pages/roster/index`)
  await page.locator('.role-tags__tag').first().waitFor()
  // The size the words are drawn at: the innermost element holding them.
  const tagFonts = await page.locator('.role-tags__tag').evaluateAll((els) =>
    els.flatMap((el) => [el, ...el.querySelectorAll('*')].filter((e) => e.textContent?.trim()).map((e) => parseFloat(getComputedStyle(e).fontSize))),
  )
  expect(Math.min(...tagFonts)).toBeGreaterThanOrEqual(12)
  expect(errors).toEqual([])
  await context.close()
})

/** Turns a NutUI wheel down by one item, the way a finger does (the wheel follows touches only). */
async function turnWheelOnce(page: Page) {
  const item = page.locator('.nut-pickerview-roller-item-tiled').first()
  const r = (await item.boundingBox())!
  const cdp = await page.context().newCDPSession(page)
  const x = r.x + r.width / 2
  const y = r.y + r.height / 2
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] })
  for (let i = 1; i <= 5; i++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y - (r.height * i) / 5 }] })
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
  await cdp.detach()
}

/** 确认 on an open picker; NutUI's first tap after a turn only stops the wheel. */
async function confirmPicker(page: Page) {
  const confirm = page.locator('.nut-picker-confirm-btn').filter({ visible: true }).first()
  for (let i = 0; i < 3 && (await confirm.isVisible()); i++) {
    await confirm.click()
    await page.waitForTimeout(300)
  }
}

test('the secretary moves next month’s 主题党日 on 日程与提醒, and 会议 shows the new day', async () => {
  const context = await phone(app.browser)
  const { page, errors } = await signIn(context, 'demo-secretary')
  await page.locator('.home__shortcut', { hasText: '日程与提醒' }).click()
  await page.waitForURL(/pages\/calendar-settings\/index/)
  await page.getByText('规则').first().waitFor()
  await page.screenshot({ path: join(SHOTS, 'calendar-settings.png') })
  // Row 0 is the rule, row 1 this month, row 2 next month. Its wheel opens on 按规则; a turn picks a day.
  const nextMonth = page.locator('.cal__list').first().locator('.cal__row').nth(2)
  const month = Number((await nextMonth.locator('.cal__label').textContent())!.replace('月', ''))
  await nextMonth.click()
  await page.locator('.nut-pickerview-roller-item-tiled').first().waitFor()
  await turnWheelOnce(page)
  await page.waitForTimeout(500)
  const picked = (await page.locator('.nut-pickerview-roller-item-active').first().textContent())!.trim()
  expect(picked).toMatch(new RegExp(`^${month}月\\d+日`))
  await page.screenshot({ path: join(SHOTS, 'calendar-settings-picker.png') })
  await confirmPicker(page)
  await nextMonth.getByText('已调整').waitFor()
  await nextMonth.getByText(picked).waitFor()

  await page.goto(`${app.server.base}/#/pages/meetings/index`)
  await page.locator('.meetings__month', { hasText: picked }).waitFor()
  expect(errors).toEqual([])
  await context.close()
})

test('in H5 a page opened from another has a title bar with 返回', async () => {
  const meetingId = await aMeetingTomorrow('十二月主题党日筹备会')
  const context = await phone(app.browser)
  const { page, errors } = await signIn(context, 'demo-member-09')
  await page.getByText('会议', { exact: true }).click()
  await page.locator(`[data-meeting-id="${meetingId}"]`).click()
  await page.waitForURL(/pages\/meeting-detail\/index/)
  const back = page.locator('.taro-navigation-bar-back')
  await back.waitFor({ state: 'visible' })
  await page.screenshot({ path: join(SHOTS, 'title-bar.png') })
  await back.click()
  await page.waitForURL(/pages\/meetings\/index/)
  expect(errors).toEqual([])
  await context.close()
})

test('a page whose download fails shows the error screen with 重试, which loads it', async () => {
  const context = await phone(app.browser)
  const { page } = await signIn(context, 'demo-secretary')
  // 首页 is loaded: every page chunk asked for from now on is one not downloaded yet (the roster's).
  let blocked = true
  await page.route(/\/js\/\d+\.[0-9a-f]+\.js$/, (route) => (blocked ? route.abort('internetdisconnected') : route.continue()))
  await page.goto(`${app.server.base}/#/pages/roster/index`)
  await page.getByText('页面没能加载出来').waitFor()
  await page.screenshot({ path: join(SHOTS, 'chunk-failed.png') })
  blocked = false
  await page.locator('.chunk-error__retry').click()
  await page.locator('.roster__list, .roster__links').first().waitFor()
  await context.close()
})

test('while a screen loads, its placeholders are visible on the page and on a card', async () => {
  const context = await phone(app.browser)
  const { page } = await signIn(context, 'demo-member-10')
  // Every answer but the session's is held back for a while.
  await page.route('**/api/api', async (route) => {
    if (!(route.request().postData() ?? '').includes('session.me')) await new Promise((resolve) => setTimeout(resolve, 3000))
    await route.continue()
  })
  await page.goto(`${app.server.base}/#/pages/meetings/index`)
  await page.locator('.nut-skeleton-content').first().waitFor()
  await page.screenshot({ path: join(SHOTS, 'loading.png') })
  // Each bar against what is behind it: the nearest ancestor with a background of its own.
  const contrasts = await page.locator('.nut-skeleton-content').evaluateAll((bars) =>
    bars.map((bar) => {
      const rgb = (c: string) => (c.match(/\d+/g) ?? []).slice(0, 3).map(Number)
      const luminance = ([r, g, b]: number[]) => 0.2126 * r + 0.7152 * g + 0.0722 * b
      let behind = bar.parentElement
      while (behind && getComputedStyle(behind).backgroundColor === 'rgba(0, 0, 0, 0)') behind = behind.parentElement
      const back = behind ? getComputedStyle(behind).backgroundColor : 'rgb(255, 255, 255)'
      return Math.abs(luminance(rgb(getComputedStyle(bar).backgroundColor)) - luminance(rgb(back)))
    }),
  )
  expect(Math.min(...contrasts)).toBeGreaterThanOrEqual(12)
  await page.unrouteAll({ behavior: 'ignoreErrors' })
  await context.close()
})
