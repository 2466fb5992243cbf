/**
 * The built mini-program (dist/weapp), run rather than only compiled: every page in app.json is
 * loaded from its built JS, rendered from its built WXML by miniprogram-simulate with the wcc
 * compiler, fed by a stub wx.cloud.callFunction that answers with the real `api` router over
 * the demo seed, and checked for what a member would read. See ./simulate.ts for the harness.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Result } from '../../types/actions'
import type { Envelope } from '../../types/envelope'
import { formatDateZh, shanghaiDate } from '../../src/domain/time'
import { openDemoBackend, type DemoBackend } from './backend'
import {
  DIST,
  SHADOWED_GLOBALS,
  createLogicLayer,
  createViewLayer,
  ensureWeappBuild,
  launchApp,
  mountPage,
  readAppJson,
  settle,
  type CloudCall,
  type CloudHandler,
  type LogicLayer,
  type MountedPage,
  type ViewLayer,
} from './simulate'

/** A Thursday in September 2026: the month's 主题党日 is still ahead, and 中秋 moves it. */
const NOW = new Date('2026-09-10T09:00:00+08:00')
const TODAY = shanghaiDate(NOW)
const PAGES = ['pages/index/index', 'pages/meetings/index', 'pages/study/index', 'pages/me/index']

let backend: DemoBackend
let view: ViewLayer
let months: Array<Result<'schedule.month'>>
let points: Result<'points.mine'>

const layers: LogicLayer[] = []
const mounted: MountedPage[] = []

function dataOf<T>(envelope: Envelope<unknown>): T {
  if (!envelope.ok) throw new Error(`backend fixture failed: ${envelope.error.code} ${envelope.error.message}`)
  return envelope.data as T
}

beforeAll(async () => {
  await ensureWeappBuild()
  backend = await openDemoBackend(NOW)
  view = createViewLayer()
  months = await Promise.all(
    ['2026-09', '2026-10', '2026-11'].map(async (month) =>
      dataOf<Result<'schedule.month'>>(await backend.answer({ action: 'schedule.month', payload: { month } })),
    ),
  )
  points = dataOf<Result<'points.mine'>>(await backend.answer({ action: 'points.mine', payload: {} }))
}, 300_000)

beforeEach(() => {
  view.warnings.length = 0
})

afterEach(() => {
  for (const page of mounted.splice(0)) page.unmount()
  for (const logic of layers.splice(0)) logic.dispose()
})

afterAll(() => {
  view?.close()
})

const api: CloudHandler = (call) => backend.answer(call.data)

/**
 * A fresh logic layer whose cloud calls go to `cloud`, launched. As in WeChat, the first page
 * loads right after App.onLaunch, without waiting for anything the launch scheduled.
 */
function startApp(cloud: CloudHandler = api): LogicLayer {
  const logic = createLogicLayer({ now: NOW, cloud })
  layers.push(logic)
  launchApp(logic, PAGES[0])
  return logic
}

function open(logic: LogicLayer, route: string): MountedPage {
  const page = mountPage(logic, view, route)
  mounted.push(page)
  return page
}

/** Holds every cloud answer until `release()`, so that the first render can be seen on its own. */
function gated(handler: CloudHandler) {
  let release!: () => void
  const gate = new Promise<void>((resolve) => (release = resolve))
  const held: CloudHandler = async (call) => {
    await gate
    return handler(call)
  }
  return { handler: held, release }
}

const actions = (calls: CloudCall[]) => calls.map((c) => c.data.action).sort()

function expectShows(page: MountedPage, logic: LogicLayer, texts: string[]): void {
  const text = page.text()
  for (const t of texts) {
    if (text.includes(t)) continue
    const errors = logic.errors.length ? `\nlogic-layer errors:\n${logic.errors.join('\n')}` : ''
    throw new Error(`${page.route} should show "${t}"; it reads:\n${text}\nwx calls:\n${logic.log.join('\n')}${errors}`)
  }
}

/** Nothing odd on screen, nothing logged or thrown, no navigation (no H5 sign-in redirect), nothing left polling. */
function expectClean(page: MountedPage, logic: LogicLayer): void {
  expect(page.text()).not.toMatch(/undefined|NaN|\[object Object\]|null/)
  expect(logic.log[0]).toBe('cloud.init')
  expect(logic.log.filter((entry) => /^(navigateTo|redirectTo|reLaunch|switchTab|navigateBack)\b/.test(entry))).toEqual([])
  expect(logic.activeIntervals()).toBe(0)
  expect(logic.errors).toEqual([])
  expect(view.warnings).toEqual([])
  expect([...logic.missingWx]).toEqual([])
}

/** What each page must show once its answers are in, from the same answers the stub gives. */
function expectedContent(route: string): string[] {
  const [sep] = months
  switch (route) {
    case 'pages/index/index':
      return [
        '王建华，您好',
        '示例党支部 · 第一党小组',
        '近期安排',
        '主题党日',
        '党费缴纳日',
        formatDateZh(sep.themeDay.date),
        formatDateZh(sep.duesDay.date),
        ...(sep.themeDay.shifted ? [`原定 ${formatDateZh(sep.themeDay.ruleDate)} 是法定节假日`] : []),
        '今年学时',
        `${points.studyHours} / ${points.targetHours} 学时`,
      ]
    case 'pages/meetings/index':
      return [
        '每月固定安排',
        ...months.flatMap((m) => [
          `${Number(m.month.slice(5))}月`,
          `主题党日${formatDateZh(m.themeDay.date)}`,
          `党费缴纳日${formatDateZh(m.duesDay.date)}`,
        ]),
        '默认每月第4个周五',
      ]
    case 'pages/study/index':
      return [
        `${points.year} 年学时`,
        `${points.studyHours} / ${points.targetHours}`,
        `还差 ${points.targetHours - points.studyHours} 学时完成今年要求`,
        '学习积分',
        `${points.total} 分`,
        `参加会议${points.byKind.meeting} 分`,
        `自学${points.byKind.self_study} 分`,
      ]
    case 'pages/me/index':
      return ['王建华', '支部书记', '党员', '所在支部示例党支部', '党小组第一党小组']
    default:
      throw new Error(`no expectations for ${route}: add them when a page is added to app.json`)
  }
}

const EXPECTED_CALLS: Record<string, string[]> = {
  'pages/index/index': ['points.mine', 'schedule.month', 'schedule.month', 'session.me'],
  'pages/meetings/index': ['schedule.month', 'schedule.month', 'schedule.month', 'session.me'],
  'pages/study/index': ['points.mine', 'session.me'],
  'pages/me/index': ['session.me'],
}

describe('the weapp build', () => {
  test('app.json lists the four tab pages, each with its built js, json and wxml', () => {
    const app = readAppJson()
    expect(app.pages).toEqual(PAGES)
    expect(app.tabBar?.list.map((t) => [t.pagePath, t.text])).toEqual([
      ['pages/index/index', '首页'],
      ['pages/meetings/index', '会议'],
      ['pages/study/index', '学习'],
      ['pages/me/index', '我的'],
    ])
    for (const page of app.pages) {
      for (const ext of ['js', 'json', 'wxml']) expect([page, ext, existsSync(join(DIST, `${page}.${ext}`))]).toEqual([page, ext, true])
    }
  })

  test('fixture: the demo answers are real-looking (a 主题党日 ahead, moved for a holiday; 学时 on the ledger)', () => {
    expect(months.map((m) => m.month)).toEqual(['2026-09', '2026-10', '2026-11'])
    expect(months[0].themeDay.date >= TODAY).toBe(true)
    expect(months[0].themeDay.shifted).toBe(true)
    expect(points).toMatchObject({ year: 2026, total: 5, studyHours: 6.5, targetHours: 32, byKind: { meeting: 4, self_study: 1 } })
  })

  test('the logic layer has no browser globals: a built file touching them fails', async () => {
    const logic = startApp()
    for (const name of SHADOWED_GLOBALS) {
      expect([name, logic.evaluate(`typeof ${name}`)]).toEqual([name, 'undefined'])
      expect([name, logic.evaluate(`typeof globalThis.${name}`)]).toEqual([name, 'undefined'])
    }
    expect(logic.evaluate(`(() => { try { localStorage.getItem('x'); return 'read' } catch (e) { return e.name } })()`)).toBe('TypeError')
    expect(logic.evaluate(`(() => { try { return fetch('/api/api') } catch (e) { return e.name } })()`)).toBe('TypeError')
  })

  test('launching the app initialises CloudBase once and calls nothing yet', async () => {
    const logic = startApp()
    await settle(logic)
    expect(logic.cloudInits).toEqual([{ env: undefined, traceUser: true }])
    expect(logic.log).toEqual(['cloud.init'])
    expect(logic.errors).toEqual([])
  })
})

describe.each(PAGES)('%s', (route) => {
  test('loads, renders a skeleton first, then the member’s content from the api answers', async () => {
    const { handler, release } = gated(api)
    const logic = startApp(handler)
    const page = open(logic, route)
    await settle(logic, { ignoreCalls: true })

    // First render, while session.me is still on its way.
    expect(page.updates.length).toBeGreaterThan(0)
    expect(page.updates[0]['root.cn']).toEqual(expect.arrayContaining([expect.objectContaining({ nn: expect.any(String) })]))
    expect(page.text()).toContain('正在加载…')
    expect(logic.calls.map((c) => c.data.action)).toEqual(['session.me'])

    release()
    await settle(logic)

    expectShows(page, logic, expectedContent(route))
    expect(page.text()).not.toContain('正在加载')
    expect(page.text()).not.toContain('没能加载出来')
    expect(actions(logic.calls)).toEqual(EXPECTED_CALLS[route])
    expect(logic.calls.every((c) => c.name === 'api')).toBe(true)
    expectClean(page, logic)
  })

  test('a failed callFunction shows 没能加载出来 and 重试, and 重试 recovers', async () => {
    const logic = startApp(() => Promise.reject(new Error('network down')))
    const page = open(logic, route)
    await settle(logic)

    expectShows(page, logic, ['没能加载出来', '网络不太好，请检查网络后重试', '重试', '错误代码 NETWORK'])
    expect(logic.calls.map((c) => c.data.action)).toEqual(['session.me'])

    logic.setCloudHandler(api)
    page.tap('重试')
    await settle(logic)

    expectShows(page, logic, expectedContent(route))
    expect(page.text()).not.toContain('没能加载出来')
    expectClean(page, logic)
  })
})

describe('pages/index/index with one failing section', () => {
  test('an error envelope for schedule.month shows the error in 近期安排 and keeps 学时', async () => {
    const message = '系统出了点问题，请稍后再试（编号 0000test）'
    const failing: CloudHandler = (call) =>
      call.data.action === 'schedule.month' ? Promise.resolve({ ok: false, error: { code: 'INTERNAL', message } }) : api(call)
    const logic = startApp(failing)
    const page = open(logic, 'pages/index/index')
    await settle(logic)

    expectShows(page, logic, ['王建华，您好', '近期安排', '没能加载出来', message, '重试', '错误代码 INTERNAL', '今年学时', `${points.studyHours} / 32 学时`])
    expect(page.text()).not.toContain('党费缴纳日')

    logic.setCloudHandler(api)
    page.tap('重试')
    await settle(logic)
    expectShows(page, logic, expectedContent('pages/index/index'))
    expect(page.text()).not.toContain('没能加载出来')
    expectClean(page, logic)
  })
})

describe('Taro’s recursive comp (built comp.js + comp.wxml)', () => {
  test('renders a tree deeper than base.wxml’s templates go', async () => {
    const logic = startApp(() => new Promise(() => undefined))
    const page = open(logic, 'pages/me/index')
    await settle(logic, { ignoreCalls: true })
    let node: Record<string, unknown> = { nn: '9', sid: '_deep_text', v: '第二十四层' }
    for (let level = 0; level < 24; level++) node = { nn: '3', sid: `_deep${level}`, cn: [node] }
    page.root.instance.setData({ 'root.cn': [node] })
    await settle(logic, { ignoreCalls: true })
    expect(page.text()).toBe('第二十四层')
    expect(view.warnings).toEqual([])
    expect(logic.errors).toEqual([])
  })
})

describe('a WeChat user bound to no branch', () => {
  test('sees how to join, with the mini-program’s refresh action (not the H5 user switch)', async () => {
    const logic = startApp((call) => backend.answer(call.data, 'wx-user-not-in-any-branch'))
    const page = open(logic, 'pages/me/index')
    await settle(logic)

    expectShows(page, logic, ['您还没有加入党支部', 'wx-user-not-in-any-branch', '我已加入，刷新'])
    expect(page.text()).not.toContain('换一个示例用户')
    expectClean(page, logic)
  })
})
