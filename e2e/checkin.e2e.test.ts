/**
 * The heart of the product, as two people do it: the secretary creates a meeting on a phone and
 * opens its live code; a member's phone reads the code off that screen and opens its link; the
 * member is checked in, and the secretary's screen shows the arrival without reloading.
 */
import { join } from 'node:path'
import { shanghaiDate } from '../src/domain/time'
import { backend, button, SHOTS, signIn as openAs, useApp } from './app'
import { phone } from './browser'
import { readQr, settled } from './qr'

const app = useApp()
const signIn = (context: Parameters<typeof openAs>[1], openid: string) => openAs(app.server, context, openid)


test('secretary shows the live code, a member checks in from its link, the arrival appears', async () => {
  // The meeting is today 14:30–16:30 (the form's default times); the server clock stands at
  // 14:20, inside the check-in window that opens half an hour before the start.
  const today = shanghaiDate(new Date())
  expect((await backend(app.server).clock(`${today}T14:20:00+08:00`)).ok).toBe(true)

  const secretaryContext = await phone(app.browser)
  const secretary = await signIn(secretaryContext, 'demo-secretary')
  const s = secretary.page

  // 会议 → 新建会议: a title, today's date, the default times.
  await s.getByText('会议', { exact: true }).click()
  await s.waitForURL(/pages\/meetings\/index/)
  await button(s, '新建会议').click()
  await s.waitForURL(/pages\/meeting-edit\/index/)
  await s.locator('input[placeholder="例如：学习贯彻全会精神专题会"]').fill('党课：学习党章')
  await s.locator('.nut-cell', { hasText: '请选择' }).first().click()
  // The date picker opens on today; 确定 takes it.
  await s.locator('.nut-picker-confirm-btn, .nut-picker__confirm').filter({ visible: true }).first().click()
  await s.screenshot({ path: join(SHOTS, 'meeting-edit.png') })
  await button(s, '创建会议').click()
  await s.waitForURL(/pages\/meeting-detail\/index/)
  await s.getByText('党课：学习党章').first().waitFor()

  await button(s, '显示签到码').click()
  await s.waitForURL(/pages\/checkin-code\/index/)
  const qr = s.locator('.qr-code__img')
  await qr.waitFor()
  await settled(qr)
  await s.locator('.code-page__count-num').first().filter({ hasText: '0' }).waitFor()
  await s.screenshot({ path: join(SHOTS, 'checkin-code-before.png') })

  // The member's phone camera reads the code off the secretary's screen.
  const link = await readQr(qr)
  expect(link).toMatch(/#\/pages\/checkin\/index\?t=/)
  expect(link.startsWith(app.server.base)).toBe(true)

  const memberContext = await phone(app.browser)
  const member = await signIn(memberContext, 'demo-member-03')
  const m = member.page
  await m.goto(link)
  await m.getByText('签到成功').waitFor()
  await m.getByText(/获得 \d+ 积分/).waitFor()
  await m.screenshot({ path: join(SHOTS, 'checkin-result-member.png') })

  // No reload on the secretary's side: the live count and the newest arrival update by themselves.
  await s.locator('.code-page__arrival-name', { hasText: '杨伟' }).waitFor({ timeout: 15_000 })
  await s.locator('.code-page__count-num').first().filter({ hasText: '1' }).waitFor()
  await s.screenshot({ path: join(SHOTS, 'checkin-code-after.png') })

  // The secretary, holding the screen, checks in with the same live code: present, not a 补签.
  await button(s, '我也签到').click()
  await s.locator('.code-page__self-done', { hasText: '您已签到' }).waitFor()
  await s.locator('.code-page__count-num').first().filter({ hasText: '2' }).waitFor({ timeout: 15_000 })
  await s.screenshot({ path: join(SHOTS, 'checkin-code-self.png') })
  const meetingId = decodeURIComponent(/[?&]id=([^&]+)/.exec(s.url())![1])
  const sheet = (await backend(app.server).api('demo-secretary', 'attendance.get', { meetingId })) as { members: Array<{ memberId: string; status: string }> }
  expect(sheet.members.find((r) => r.memberId === 'demo-secretary')).toMatchObject({ status: 'present' })

  // The printable poster opens the meeting's page, never a check-in.
  await s.goto(`${app.server.base}/#/pages/records/poster?id=${encodeURIComponent(meetingId)}`)
  const posterQr = s.locator('.poster .qr-code__img')
  await posterQr.waitFor()
  await settled(posterQr)
  await s.screenshot({ path: join(SHOTS, 'meeting-poster.png') })
  expect(await readQr(posterQr)).toBe(`${app.server.base}/#/pages/meeting-detail/index?id=${encodeURIComponent(meetingId)}`)

  // Opening the same link again does not count twice.
  await m.goto(`${app.server.base}/#/pages/index/index`)
  await m.goto(link)
  await m.getByText(/已签到|签到成功/).first().waitFor()

  expect(secretary.errors).toEqual([])
  expect(member.errors).toEqual([])
  await secretaryContext.close()
  await memberContext.close()
})
