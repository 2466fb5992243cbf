/**
 * 台账 (CONTRACT §6 exports): the secretary opens 我的 → 台账, exports the demo 支部党员大会's
 * 考勤表 and the year's 三会一课台账; the browser downloads each file, and its cells say what
 * attendance.get says.
 */
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import readXlsxFile from 'read-excel-file/node'
import { backend, button, SHOTS, signIn, useApp } from './app'
import { phone } from './browser'

const app = useApp()

const CHINESE: Record<string, string> = { present: '出席', late: '迟到', leave: '请假', absent: '缺席', makeup: '补签' }

/** Taps an export button and answers the file the browser saved, read as Excel would. */
async function downloaded(page: Page, tap: () => Promise<void>) {
  const [download] = await Promise.all([page.waitForEvent('download'), tap()])
  const path = await download.path()
  return { name: download.suggestedFilename(), sheets: await readXlsxFile(path) }
}

test('the secretary downloads a meeting’s 考勤表 and the year’s 三会一课台账 from 台账', async () => {
  const api = backend(app.server)
  const context = await phone(app.browser)
  const { page, errors } = await signIn(app.server, context, 'demo-secretary')
  await page.getByText('我的', { exact: true }).click()
  await page.waitForURL(/pages\/me\/index/)
  await page.locator('.nut-cell', { hasText: '台账' }).click()
  await page.waitForURL(/pages\/ledger\/index/)
  // The demo meeting was ten days before the start: in January, last year's 台账.
  const { meeting } = await api.api('demo-secretary', 'meeting.get', { meetingId: 'demo-assembly' })
  const year = Number(meeting.startAt.slice(0, 4))
  const { now } = await api.api('demo-secretary', 'session.me')
  if (Number(now.slice(0, 4)) !== year) await button(page, `‹ ${year}`).click()
  const row = page.locator('[data-meeting="demo-assembly"]')
  await row.waitFor()
  await page.waitForTimeout(500)
  await page.screenshot({ path: join(SHOTS, 'ledger-1-page.png') })

  const attendance = await downloaded(page, () => row.locator('taro-button-core', { hasText: '考勤表' }).click())
  expect(attendance.name).toMatch(/^示例党支部-考勤表-支部党员大会.*\.xlsx$/)
  const rows = attendance.sheets[0].data
  expect(rows[0][0]).toBe('支部党员大会：学习党章、讨论季度工作 考勤表')
  expect(rows[1][0]).toBe('党支部：示例党支部')
  const expected = await api.api('demo-secretary', 'attendance.get', { meetingId: 'demo-assembly' })
  const lines = rows.slice(rows.findIndex((r) => r[0] === '序号') + 1)
  expect(lines.map((r) => [r[1], r[3]])).toEqual(expected.members.map((m: { name: string; status: string }) => [m.name, CHINESE[m.status]]))
  expect(lines.map((r) => r[3])).toEqual(expect.arrayContaining(['出席', '请假', '缺席']))
  // The file stays offered under the row, with how long its link works.
  await row.locator(`[data-file="${attendance.name}"]`).getByText(/下载链接 \d\d:\d\d 前有效/).waitFor()
  await page.screenshot({ path: join(SHOTS, 'ledger-2-exported.png') })

  const yearRow = page.locator('[data-export="export.meetings"]')
  const meetings = await downloaded(page, () => yearRow.locator('taro-button-core', { hasText: '导出' }).click())
  expect(meetings.sheets[0].data[0][0]).toBe(`${year}年 三会一课台账`)
  expect(meetings.sheets[0].data.some((r) => r[3] === '支部党员大会：学习党章、讨论季度工作')).toBe(true)

  // A plain member has no 台账 in 我的.
  const member = await signIn(app.server, await phone(app.browser), 'demo-member-01')
  await member.page.getByText('我的', { exact: true }).click()
  await member.page.locator('.me').getByText('第一党小组').waitFor()
  expect(await member.page.locator('.nut-cell', { hasText: '台账' }).count()).toBe(0)
  expect([...errors, ...member.errors]).toEqual([])
})
