/**
 * join.list is paged (issue 9 item 13): anyone holding the printed invite may ask to join, so the
 * list of pending requests is not bounded by the roster, and its answer must not grow with it.
 */
import { DEMO, theDemoBranch } from '../../../tests/support/app'

it('answers 200 pending requests a page, oldest first, and the offset of the next', async () => {
  const app = await theDemoBranch()
  const { code } = await app.as(DEMO.secretary).ok('invite.get', {})
  for (let i = 0; i < 230; i++) {
    app.clock.set(new Date(Date.parse('2026-05-20T10:00:00+08:00') + i * 1000).toISOString())
    await app.as(`wx-stranger-${i}`).ok('join.request', { code, name: `申请人${i}`, phoneTail: String(1000 + i) })
  }
  const first = await app.as(DEMO.secretary).ok('join.list', {})
  expect(first.requests).toHaveLength(200)
  expect(first.requests[0].name).toBe('申请人0')
  expect(first.next).toBe(200)
  const second = await app.as(DEMO.secretary).ok('join.list', { offset: first.next! })
  expect(second.requests.map((r) => r.name)).toEqual(Array.from({ length: 30 }, (_, k) => `申请人${200 + k}`))
  expect(second.next).toBeNull()
}, 60_000)
