/**
 * A member takes the monthly knowledge test on the phone: it is waiting under 学习, answered once,
 * scored on the server, and the 学时 and points it earns show up at once.
 */
import { join } from 'node:path'
import { backend, button, signIn, SHOTS, useApp } from './app'
import { phone, watchErrors } from './browser'

const app = useApp()

test('a member takes the monthly test: answered once, scored on the server, points counted', async () => {
  const { api } = backend(app.server)
  // The committee member imports two questions from a spreadsheet and opens this month's test.
  const { questions } = await api('demo-committee', 'question.import', {
    csv: ['题型,题干,选项A,选项B,选项C,选项D,答案', '单选,党的最高理想和最终目标是什么,实现共产主义,全面建成小康社会,,,A', '判断,党员应按月足额交纳党费,,,,,对'].join('\n'),
  })
  const now = Date.now()
  await api('demo-committee', 'quiz.create', {
    title: '本月党章知识测试',
    questionIds: questions.map((q: { id: string }) => q.id),
    opensAt: new Date(now - 3600_000).toISOString(),
    closesAt: new Date(now + 86400_000).toISOString(),
    timeLimitMin: 10,
  })

  const before = await api('demo-member-06', 'points.mine')
  const context = await phone(app.browser)
  const page = await context.newPage()
  const errors = watchErrors(page)
  await page.goto(app.server.base)
  await page.locator('[data-openid="demo-member-06"]').click()
  await page.waitForURL(/pages\/index\/index/)
  await page.getByText('学习', { exact: true }).click()
  await page.waitForURL(/pages\/study\/index/)
  await page.locator('[data-quiz]', { hasText: '本月党章知识测试' }).click()
  await page.waitForURL(/pages\/quiz\/index/)
  await button(page, '开始答题').click()

  // One question at a time would do too; here both are on one screen under the countdown.
  await page.locator('[role="timer"]').waitFor()
  const first = page.locator('.quiz__question').nth(0)
  const second = page.locator('.quiz__question').nth(1)
  await first.locator('[data-index="0"]').click()
  await second.locator('[data-index="0"]').click()
  await page.screenshot({ path: join(SHOTS, 'quiz-taking.png') })
  await button(page, '交卷').click()

  await page.getByText('100').first().waitFor()
  await page.getByText(/通过/).first().waitFor()
  await page.screenshot({ path: join(SHOTS, 'quiz-result.png') })

  // The server kept one attempt: starting again is refused, and the ledger has the award.
  const mine = await api('demo-member-06', 'quiz.list')
  expect(mine.quizzes[0].my).toMatchObject({ state: 'submitted', score: 100, passed: true })
  const points = await api('demo-member-06', 'points.mine')
  expect(points.byKind.test).toBe(2)
  expect(points.studyHours - before.studyHours).toBe(1)

  expect(errors).toEqual([])
  await context.close()
})

test('the secretary allows a member to retake the test from the quiz admin screen', async () => {
  const { api } = backend(app.server)
  const { quizzes } = await api('demo-secretary', 'quiz.list')
  const quiz = quizzes.find((q: { title: string }) => q.title === '本月党章知识测试')
  const context = await phone(app.browser)
  const { page, errors } = await signIn(app.server, context, 'demo-secretary')
  await page.goto(`${app.server.base}/#/pages/quiz-admin/index`)
  const card = page.locator(`[data-quiz="${quiz.id}"]`)
  await card.getByText('查看参加情况').click()
  const row = card.locator('[data-member="demo-member-06"]')
  await row.getByText('100 分').waitFor()
  // Past the fixed 新建测试 bar, so the row shows on the screenshot.
  await page.mouse.wheel(0, 600)
  await page.screenshot({ path: join(SHOTS, 'quiz-admin-attempt.png') })
  await row.locator('taro-button-core', { hasText: '允许重考' }).click()
  await page.locator('.reason-dialog textarea').fill('本人申请重考，巩固学习')
  await page.locator('.reason-dialog').locator('taro-button-core', { hasText: '允许重考' }).last().click()
  await row.getByText('已允许重考').waitFor()
  await page.screenshot({ path: join(SHOTS, 'quiz-admin-retake.png') })

  const mine = await api('demo-member-06', 'quiz.list')
  expect(mine.quizzes.find((q: { id: string }) => q.id === quiz.id).my).toEqual({ state: 'not_started' })
  expect(errors).toEqual([])
  await context.close()
})
