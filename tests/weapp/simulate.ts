/**
 * Runs the built mini-program (dist/weapp) the way WeChat splits it:
 *
 * - Logic layer: the built JS (runtime, common, vendors, taro, app, each page, comp) runs in a
 *   Node `vm` context of its own, each file wrapped like WeChat's `define()` does, so that
 *   `window`, `document`, `localStorage`, `fetch`, `XMLHttpRequest`, ... are undefined inside it.
 *   The context's global has only what WeChat's logic layer has: `wx`, `App`, `Page`,
 *   `Component`, `getApp`, `getCurrentPages`, timers and `console`.
 * - View layer: the built WXML (page, base.wxml templates, utils.wxs, comp) compiled by the
 *   `wcc` binary that `miniprogram-compiler` ships, rendered by `miniprogram-simulate`
 *   (j-component + exparser) on a jsdom document that only the view layer sees.
 *
 * `Page(config)` is mapped onto a simulate component: attached → onLoad + onShow, ready →
 * onReady, every function of the config (Taro's `eh` event handler among them) a method.
 */
import { execFile } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import * as vm from 'node:vm'

export const ROOT = path.resolve(__dirname, '../..')
export const DIST = path.join(ROOT, 'dist/weapp')

/* ------------------------------------------------------------------------------------------ */
/* Build                                                                                       */
/* ------------------------------------------------------------------------------------------ */

function newestMtime(dir: string): number {
  let newest = 0
  if (!fs.existsSync(dir)) return newest
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full))
    else if (!/\.test\.tsx?$/.test(entry.name)) newest = Math.max(newest, fs.statSync(full).mtimeMs)
  }
  return newest
}

/** Why dist/weapp must be (re)built, or null when it is there and newer than src/ and config/. */
export function buildReason(): string | null {
  const appJson = path.join(DIST, 'app.json')
  if (!fs.existsSync(appJson)) return 'dist/weapp/app.json is missing'
  if (process.env.WEAPP_REBUILD) return 'WEAPP_REBUILD is set'
  const built = fs.statSync(appJson).mtimeMs
  const sources = Math.max(newestMtime(path.join(ROOT, 'src')), newestMtime(path.join(ROOT, 'config')))
  return sources > built ? 'src/ or config/ changed after the last weapp build' : null
}

/** Builds dist/weapp with the Taro CLI when it is missing or older than the sources. */
export async function ensureWeappBuild(): Promise<void> {
  const reason = buildReason()
  if (!reason) return
  // jest sets NODE_ENV=test; `taro build` must pick its own mode, as it does from a shell.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV' && name !== 'TARO_ENV'),
  ) as NodeJS.ProcessEnv
  const cli = require.resolve('@tarojs/cli/bin/taro')
  await new Promise<void>((resolve, reject) => {
    execFile(
      process.execPath,
      [cli, 'build', '--type', 'weapp'],
      { cwd: ROOT, env, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        if (!err && fs.existsSync(path.join(DIST, 'app.json'))) return resolve()
        const tail = `${stdout}\n${stderr}`.split('\n').slice(-40).join('\n')
        reject(new Error(`taro build --type weapp failed (${reason}):\n${tail}`))
      },
    )
  })
}

export interface AppJson {
  pages: string[]
  /** Packages WeChat downloads on first use: each page is `<root>/<page>`, its files under `root`. */
  subPackages?: Array<{ root: string; pages: string[] }>
  tabBar?: { list: Array<{ pagePath: string; text: string }> }
}

export function readAppJson(): AppJson {
  return JSON.parse(fs.readFileSync(path.join(DIST, 'app.json'), 'utf8'))
}

/** Every page route of the app: the main package's, then each subpackage's (`<root>/<page>`). */
export function allPages(app: AppJson = readAppJson()): string[] {
  return [...app.pages, ...(app.subPackages ?? []).flatMap((sub) => sub.pages.map((page) => `${sub.root.replace(/\/+$/, '')}/${page}`))]
}

/** The subpackage root a built file (relative to dist/weapp) lies under, or null for the main package. */
function packageRootOf(rel: string, roots: string[]): string | null {
  const file = rel.split(path.sep).join('/')
  return roots.find((root) => file.startsWith(`${root}/`)) ?? null
}

/* ------------------------------------------------------------------------------------------ */
/* Logic layer                                                                                 */
/* ------------------------------------------------------------------------------------------ */

/**
 * Names WeChat's `define(path, function (require, module, exports, window, document, ...))`
 * passes as undefined to every file of the logic layer, plus the other browser-only globals
 * a web build might reach for.
 */
export const SHADOWED_GLOBALS = [
  'window',
  'document',
  'frames',
  'self',
  'location',
  'navigator',
  'localStorage',
  'sessionStorage',
  'history',
  'Caches',
  'screen',
  'alert',
  'confirm',
  'prompt',
  'XMLHttpRequest',
  'WebSocket',
  'fetch',
  'Reporter',
  'webkit',
  'WeixinJSCore',
] as const

export interface CloudCall {
  name: string
  data: { action: string; payload: unknown }
}

/** A call of a stubbed `wx` API: its name and its options, as JSON (callbacks left out). */
export interface WxCall {
  name: string
  options: Record<string, unknown> | undefined
}

/** What the stub `wx.cloud.callFunction` does with a call: resolve with `result`, or reject. */
export type CloudHandler = (call: CloudCall) => Promise<unknown>

type AnyFn = (...args: any[]) => any
type Config = Record<string, any>

export interface LogicLayer {
  /**
   * Every `wx` API call in order (`cloud.init`, `cloud.callFunction session.me`,
   * `redirectTo /pages/…`), and each cloud call that failed, with why.
   */
  readonly log: string[]
  /** Every `wx.cloud.callFunction` call, in order. */
  readonly calls: CloudCall[]
  /** `wx.cloud.init` options, one entry per call. */
  readonly cloudInits: unknown[]
  /** console.error / console.warn lines and errors thrown by timers in the logic layer. */
  readonly errors: string[]
  /** `wx` members the built code read that the stub does not provide. */
  readonly missingWx: Set<string>
  /** Every call of a stubbed `wx` API other than the cloud and system-info ones, with its options (functions left out). */
  readonly wxCalls: WxCall[]
  /** The `App()` config the built app.js registered. */
  readonly app: Config
  /**
   * Runs a page's built JS (once) and returns the config it passed to `Page()`: pages/<x>/index.js
   * for the main package, `<root>/<page>.js` for a subpackage's (which loads its sub-common chunks
   * from that root).
   */
  loadPage(route: string): Config
  /** Runs comp.js (once) and returns the config it passed to `Component()`. */
  loadComp(): Config
  /** Evaluates an expression in the logic layer, wrapped exactly as a built file is. */
  evaluate(expression: string): unknown
  /** Replace how `wx.cloud.callFunction` answers from now on. */
  setCloudHandler(handler: CloudHandler): void
  /**
   * What the camera reads on the next `wx.scanCode`: a result, or null for the user closing the
   * scanner (the default, `scanCode:fail cancel`).
   */
  setScanResult(result: { result: string; path?: string } | null): void
  readonly pageStack: Config[]
  /**
   * One-shot timers due within `horizonMs` (and, unless `ignoreCalls`, cloud calls) still
   * pending. A repeating interval (NutUI's Skeleton replays its animation every 1.6 s while
   * shown) does not count, nor does a timer set further out than the horizon: that is a page's
   * own schedule (a poll every few seconds), which a test looks at with `pendingTimers`.
   */
  busy(ignoreCalls?: boolean, horizonMs?: number): boolean
  /** setInterval timers running now. */
  activeIntervals(): number
  /** Every timer pending now (one-shot and repeating), with the delay it was set with. */
  pendingTimers(): Array<{ ms: number; repeat: boolean }>
  /**
   * Runs now, once, every pending one-shot timer set with a delay of at least `minMs` (a poll's
   * next tick), instead of waiting for it. The logic layer's clock does not jump.
   */
  runTimersNow(minMs: number): number
  /** Clears every pending timer (so that jest exits cleanly). */
  dispose(): void
}

export interface LogicOptions {
  /** The instant the logic layer's clock starts at (it then runs on in real time). */
  now: Date
  cloud: CloudHandler
}

export function createLogicLayer(opts: LogicOptions): LogicLayer {
  const calls: CloudCall[] = []
  const log: string[] = []
  const cloudInits: unknown[] = []
  const errors: string[] = []
  const missingWx = new Set<string>()
  const pageStack: Config[] = []
  let cloud = opts.cloud
  let pendingCalls = 0
  const timers = new Map<number, { handle: NodeJS.Timeout; ms: number; repeat: boolean; run: () => void }>()
  let timerSeq = 0
  const wxCalls: WxCall[] = []
  let scanResult: { result: string; path?: string } | null = null

  const format = (args: unknown[]) =>
    args.map((a) => (a instanceof Error || (a && typeof a === 'object' && 'stack' in a) ? String((a as Error).stack) : String(a))).join(' ')
  const logicConsole = {
    log: () => undefined,
    info: () => undefined,
    debug: () => undefined,
    warn: (...args: unknown[]) => errors.push(`console.warn: ${format(args)}`),
    error: (...args: unknown[]) => errors.push(`console.error: ${format(args)}`),
  }

  // Timers of the logic layer, tracked so that a test can wait until the layer is idle, see what
  // a page left scheduled, and clear whatever is left. An error thrown by a callback is recorded,
  // as WeChat's onError would.
  const addTimer = (fn: AnyFn, ms: number | undefined, args: unknown[], repeat: boolean): number => {
    const id = ++timerSeq
    const delay = Math.max(0, Number(ms) || 0)
    const run = () => {
      if (!repeat) timers.delete(id)
      try {
        fn(...args)
      } catch (err) {
        errors.push(`uncaught in timer: ${format([err])}`)
      }
    }
    timers.set(id, { handle: repeat ? setInterval(run, delay) : setTimeout(run, delay), ms: delay, repeat, run })
    return id
  }
  const clearTimer = (id: number | undefined) => {
    if (id === undefined) return
    const t = timers.get(id)
    if (t) {
      clearTimeout(t.handle)
      timers.delete(id)
    }
  }

  let context: vm.Context
  let contextJSON: JSON

  const callFunction = (options: Config = {}) => {
    const call: CloudCall = JSON.parse(JSON.stringify({ name: options.name, data: options.data }))
    calls.push(call)
    log.push(`cloud.callFunction ${call.data?.action}`)
    pendingCalls += 1
    // Everything crosses into the logic layer as that context's own plain objects, as the
    // real base library hands over deserialised JSON.
    const toContext = (value: unknown) => (value === undefined ? undefined : contextJSON.parse(JSON.stringify(value)))
    const p = cloud(call).then(
      (result) => ({ errMsg: 'cloud.callFunction:ok', result: toContext(result), requestID: `req-${calls.length}` }),
      (err: unknown) => {
        log.push(`cloud.callFunction ${call.data?.action} failed: ${err instanceof Error ? err.message : String(err)}`)
        throw toContext({ errCode: -1, errMsg: `cloud.callFunction:fail ${err instanceof Error ? err.message : String(err)}` })
      },
    )
    const settled = p.finally(() => {
      pendingCalls -= 1
    })
    if (typeof options.success === 'function' || typeof options.fail === 'function') {
      settled.then(
        (res) => {
          options.success?.(res)
          options.complete?.(res)
        },
        (err) => {
          options.fail?.(err)
          options.complete?.(err)
        },
      )
      return undefined
    }
    return settled
  }

  const storage = new Map<string, unknown>()
  const systemInfo = {
    brand: 'devtools',
    model: 'iPhone 12',
    pixelRatio: 3,
    screenWidth: 390,
    screenHeight: 844,
    windowWidth: 390,
    windowHeight: 763,
    statusBarHeight: 47,
    language: 'zh_CN',
    version: '8.0.50',
    system: 'iOS 17.0',
    platform: 'devtools',
    SDKVersion: '3.5.0',
    safeArea: { left: 0, right: 390, top: 47, bottom: 810, width: 390, height: 763 },
  }
  const done = (options: Config | undefined, res: Config = { errMsg: 'ok' }) => {
    options?.success?.(res)
    options?.complete?.(res)
  }
  const wxTarget: Config = {
    cloud: {
      init: (options: unknown) => {
        log.push('cloud.init')
        cloudInits.push(options)
      },
      callFunction,
    },
    getSystemInfoSync: () => ({ ...systemInfo }),
    getWindowInfo: () => ({ ...systemInfo }),
    getDeviceInfo: () => ({ ...systemInfo }),
    getAppBaseInfo: () => ({ ...systemInfo }),
    getStorageSync: (key: string) => (storage.has(key) ? storage.get(key) : ''),
    setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
    removeStorageSync: (key: string) => void storage.delete(key),
    stopPullDownRefresh: (o?: Config) => done(o),
    showToast: (o?: Config) => done(o),
    hideToast: (o?: Config) => done(o),
    showLoading: (o?: Config) => done(o),
    hideLoading: (o?: Config) => done(o),
    // Navigation is not simulated: recorded as a call, never performed.
    navigateTo: (o?: Config) => done(o),
    redirectTo: (o?: Config) => done(o),
    switchTab: (o?: Config) => done(o),
    navigateBack: (o?: Config) => done(o),
    reLaunch: (o?: Config) => done(o),
    setNavigationBarTitle: (o?: Config) => done(o),
    // The check-in code screen keeps the phone awake while it is shown.
    setKeepScreenOn: (o?: Config) => done(o),
    showModal: (o?: Config) => done(o, { errMsg: 'showModal:ok', confirm: true, cancel: false }),
    // WeChat's subscription sheet: the user answers 'reject' for every template unless a test says otherwise.
    requestSubscribeMessage: (o?: Config) =>
      done(o, { errMsg: 'requestSubscribeMessage:ok', ...Object.fromEntries(((o?.tmplIds as string[]) ?? []).map((id) => [id, 'reject'])) }),
    // The camera: reads what setScanResult put in front of it, or the user closes it.
    scanCode: (o?: Config) => {
      const read = scanResult
      scanResult = null
      if (!read) {
        const res = { errMsg: 'scanCode:fail cancel' }
        o?.fail?.(res)
        o?.complete?.(res)
        return
      }
      done(o, { errMsg: 'scanCode:ok', charSet: 'utf-8', scanType: 'QR_CODE', rawData: '', path: '', ...read })
    },
    canIUse: () => true,
    // An export: saved where it was asked to be, then shown by WeChat's document viewer.
    downloadFile: (o?: Config) => done(o, { errMsg: 'downloadFile:ok', statusCode: 200, tempFilePath: '', filePath: o?.filePath }),
    openDocument: (o?: Config) => done(o),
    setClipboardData: (o?: Config) => done(o),
    env: { USER_DATA_PATH: 'wxfile://usr' },
  }
  /** The options as JSON, callbacks left out, so that a test can compare them. */
  const plain = (o: unknown) => (o && typeof o === 'object' ? JSON.parse(JSON.stringify(o)) : undefined)
  for (const [name, fn] of Object.entries(wxTarget)) {
    if (typeof fn !== 'function') continue
    wxTarget[name] = (...args: any[]) => {
      if (!/^get(SystemInfo|Window|Device|AppBase)|^canIUse$/.test(name)) {
        const o = args[0] && typeof args[0] === 'object' ? args[0] : {}
        const detail = 'url' in o ? ` ${o.url}` : 'title' in o ? ` ${o.title}` : 'keepScreenOn' in o ? ` ${o.keepScreenOn}` : ''
        log.push(`${name}${detail}`)
        if (!/^(get|set|remove)StorageSync$/.test(name)) wxCalls.push({ name, options: plain(args[0]) })
      }
      return fn(...args)
    }
  }
  // Reads of `wx` members the stub lacks are recorded, so that a test can say which APIs the
  // build needs that this harness does not model.
  const wx = new Proxy(wxTarget, {
    get(target, key, receiver) {
      // webpackJsonp is the chunk list the build itself keeps on wx.
      if (typeof key === 'string' && key !== 'webpackJsonp' && !(key in target)) missingWx.add(key)
      return Reflect.get(target, key, receiver)
    },
  })

  let app: Config | null = null
  const pages = new Map<string, Config>()
  let comp: Config | null = null
  let registering: string | null = null

  const startAt = opts.now.getTime()
  const startedAt = Date.now()

  const sandbox: Config = {
    wx,
    console: logicConsole,
    setTimeout: (fn: AnyFn, ms?: number, ...args: unknown[]) => addTimer(fn, ms, args, false),
    setInterval: (fn: AnyFn, ms?: number, ...args: unknown[]) => addTimer(fn, ms, args, true),
    clearTimeout: clearTimer,
    clearInterval: clearTimer,
    App: (config: Config) => {
      app = config
    },
    Page: (config: Config) => {
      if (!registering) throw new Error('Page() called outside a page file')
      pages.set(registering, config)
    },
    Component: (config: Config) => {
      if (registering !== 'comp') throw new Error(`Component() called from ${registering}; only comp.js should`)
      comp = config
    },
    getApp: () => app,
    getCurrentPages: () => pageStack.slice(),
    __clock__: { startAt, startedAt, realNow: () => Date.now() },
  }
  context = vm.createContext(sandbox, { name: 'weapp logic layer' })
  contextJSON = vm.runInContext('JSON', context)
  // The clock of the logic layer starts at `now` and runs on; `new Date(x)` is untouched.
  vm.runInContext(
    `(() => {
      const RealDate = Date
      const clock = __clock__
      const now = () => clock.startAt + (clock.realNow() - clock.startedAt)
      class SimDate extends RealDate {
        constructor(...args) { if (args.length === 0) super(now()); else super(...args) }
        static now() { return now() }
      }
      globalThis.Date = SimDate
      delete globalThis.__clock__
    })()`,
    context,
  )

  const wrap = (body: string, filename: string) =>
    new vm.Script(`(function (require, module, exports, ${SHADOWED_GLOBALS.join(', ')}) {${body}\n})`, { filename }).runInContext(context) as AnyFn

  // A subpackage's files (its pages and its sub-common chunks) are loaded from its root, and only
  // from inside it: WeChat refuses a main-package file (or another subpackage) requiring them.
  const appJson = readAppJson()
  const routes = allPages(appJson)
  const subRoots = (appJson.subPackages ?? []).map((sub) => sub.root.replace(/\/+$/, ''))
  const modules = new Map<string, { exports: unknown }>()
  const runFile = (rel: string, from: string | null = null): unknown => {
    const file = path.join(DIST, rel.endsWith('.js') ? rel : `${rel}.js`)
    const key = path.relative(DIST, file)
    const target = packageRootOf(key, subRoots)
    if (from !== null && target !== null && packageRootOf(from, subRoots) !== target) {
      throw new Error(`${from} requires ${key}, which is in subpackage ${target}: WeChat does not load it from outside that package`)
    }
    if (!fs.existsSync(file)) throw new Error(`${from ?? 'the harness'} loads ${key}, which the build did not write`)
    const cached = modules.get(key)
    if (cached) return cached.exports
    const module = { exports: {} as unknown }
    modules.set(key, module)
    const code = fs.readFileSync(file, 'utf8')
    const fn = wrap(code, file)
    const localRequire = (spec: string) => {
      if (!spec.startsWith('.')) throw new Error(`${key} requires "${spec}": only relative files exist in a mini-program`)
      return runFile(path.relative(DIST, path.resolve(path.dirname(file), spec)), key)
    }
    fn.call(undefined, localRequire, module, module.exports)
    return module.exports
  }

  registering = 'app'
  runFile('app.js')
  registering = null
  if (!app) throw new Error('app.js did not call App()')
  const appConfig: Config = app

  const layer: LogicLayer = {
    log,
    calls,
    cloudInits,
    errors,
    missingWx,
    wxCalls,
    app: appConfig,
    pageStack,
    loadPage(route) {
      if (!routes.includes(route)) throw new Error(`${route} is not a page of app.json (pages or subPackages)`)
      if (!pages.has(route)) {
        registering = route
        try {
          runFile(`${route}.js`)
        } finally {
          registering = null
        }
      }
      const config = pages.get(route)
      if (!config) throw new Error(`${route}.js did not call Page()`)
      return config
    },
    loadComp() {
      if (!comp) {
        registering = 'comp'
        try {
          runFile('comp.js')
        } finally {
          registering = null
        }
      }
      if (!comp) throw new Error('comp.js did not call Component()')
      return comp
    },
    evaluate(expression) {
      return wrap(`return (${expression})`, 'evaluate.js').call(undefined, () => undefined, { exports: {} }, {})
    },
    setCloudHandler(handler) {
      cloud = handler
    },
    setScanResult(result) {
      scanResult = result
    },
    busy: (ignoreCalls, horizonMs = Infinity) =>
      [...timers.values()].some((t) => !t.repeat && t.ms <= horizonMs) || (!ignoreCalls && pendingCalls > 0),
    activeIntervals: () => [...timers.values()].filter((t) => t.repeat).length,
    pendingTimers: () => [...timers.values()].map(({ ms, repeat }) => ({ ms, repeat })),
    runTimersNow(minMs) {
      const due = [...timers.entries()].filter(([, t]) => !t.repeat && t.ms >= minMs)
      for (const [id, t] of due) {
        clearTimeout(t.handle)
        t.run()
        timers.delete(id)
      }
      return due.length
    },
    dispose() {
      for (const t of timers.values()) clearTimeout(t.handle)
      timers.clear()
    },
  }
  return layer
}

/** Starts the app as WeChat does: onLaunch, then onShow, with the first tab as the entry. */
export function launchApp(logic: LogicLayer, entry: string): void {
  const options = { path: entry, query: {}, scene: 1001, referrerInfo: {} }
  logic.app.onLaunch?.call(logic.app, options)
  logic.app.onShow?.call(logic.app, options)
}

/* ------------------------------------------------------------------------------------------ */
/* View layer                                                                                  */
/* ------------------------------------------------------------------------------------------ */

/** The parts of miniprogram-simulate / j-component this harness uses. */
export interface SimNode {
  dom: Element
  querySelector(selector: string): SimNode | undefined
  dispatchEvent(name: string, options?: Record<string, unknown>): void
}
export interface SimRoot extends SimNode {
  attach(parent: Element): void
  detach(): void
  instance: Config
}
interface Simulate {
  load(definition: Config): string
  render(id: string, properties?: Config): SimRoot
}

type Gwx = (wxmlPath: string) => AnyFn

export interface ViewLayer {
  document: Document
  /** Runtime warnings of the wcc-compiled templates (e.g. "Template `tmpl_0_undefined` not found"). */
  warnings: string[]
  /** The wcc-compiled generator of a built .wxml file (relative to dist/weapp, without .wxml). */
  template(rel: string): AnyFn
  simulate: Simulate
  close(): void
}

const VIEW_GLOBALS = [
  'window',
  'document',
  'Node',
  'Element',
  'HTMLElement',
  'Event',
  'CustomEvent',
  'TouchEvent',
  'DocumentFragment',
  'getComputedStyle',
] as const

let viewLayer: ViewLayer | null = null

/**
 * jsdom for the view layer only, installed on the test's own global (where j-component
 * looks for `document`); the logic layer's vm context never sees it.
 */
export function createViewLayer(): ViewLayer {
  if (viewLayer) return viewLayer
  const { JSDOM } = require('jsdom') as typeof import('jsdom')
  const dom = new JSDOM('<!doctype html><html><body></body></html>')
  const g = globalThis as Config
  const saved = new Map<string, PropertyDescriptor | undefined>()
  for (const name of VIEW_GLOBALS) {
    saved.set(name, Object.getOwnPropertyDescriptor(g, name))
    const value = name === 'window' ? dom.window : (dom.window as unknown as Config)[name]
    Object.defineProperty(g, name, { value: typeof value === 'function' && /^[a-z]/.test(name) ? value.bind(dom.window) : value, configurable: true, writable: true })
  }
  // miniprogram-simulate also sets global wx / Component / Behavior for plain component tests;
  // they live on the test's global, not in the logic layer.
  for (const name of ['wx', 'Component', 'Behavior', 'Touch']) saved.set(name, Object.getOwnPropertyDescriptor(g, name))

  const simulate = require('miniprogram-simulate') as Simulate
  const compiler = require('miniprogram-compiler') as { wxmlToJs(rootPath: string): string }
  // wcc compiles every .wxml and .wxs under the root in one go, as DevTools does.
  ;(dom.window as unknown as Config).__webview_engine_version__ = 0.02
  // The compiled templates report runtime problems (a missing template, a bad expression)
  // through console.warn; they are collected instead of printed.
  const warnings: string[] = []
  const viewConsole = { ...console, warn: (...args: unknown[]) => warnings.push(args.map(String).join(' ')) }
  const gwx = new Function('console', compiler.wxmlToJs(DIST))(viewConsole) as Gwx

  viewLayer = {
    document: dom.window.document,
    warnings,
    template(rel) {
      const generate = gwx(`${rel}.wxml`)
      if (typeof generate !== 'function') throw new Error(`wcc has no template for ${rel}.wxml`)
      return generate
    },
    simulate,
    close() {
      for (const [name, descriptor] of saved) {
        if (descriptor) Object.defineProperty(g, name, descriptor)
        else delete g[name]
      }
      dom.window.close()
      viewLayer = null
    },
  }
  return viewLayer
}

/* ------------------------------------------------------------------------------------------ */
/* A page, both layers                                                                         */
/* ------------------------------------------------------------------------------------------ */

let compSeq = 0

export interface MountedPage {
  route: string
  /** Every setData payload the page (and any recursive comp in it) received, in order. */
  updates: Config[]
  root: SimRoot
  /** The page's visible text, whitespace collapsed. */
  text(): string
  /** Taps the innermost element whose own text is exactly `label` (through Taro's `eh`). */
  tap(label: string): void
  /** WeChat covering the page (another page opened on top, the app sent to the background): onHide. */
  hide(): void
  /** The page on screen again: onShow. */
  show(): void
  /** Closes the page (navigateBack, redirectTo away): detached → onUnload. Once. */
  unmount(): void
}

/**
 * setData crosses from the logic layer to the view layer as JSON, as it does in WeChat (and
 * exparser's copies do not recognise another realm's arrays). Each payload is also recorded.
 */
function recordSetData(instance: Config, sink: Config[]): void {
  const setData = instance.setData
  instance.setData = (data: Config, callback?: AnyFn) => {
    const json = JSON.stringify(data)
    sink.push(JSON.parse(json))
    return setData.call(instance, JSON.parse(json), callback)
  }
}

/** Property types arrive as the logic layer's own constructors; exparser knows this realm's. */
const TYPES: Config = { Object, String, Number, Boolean, Array, Function }
function adoptProperties(properties: Config | undefined): Config | undefined {
  if (!properties) return properties
  const out: Config = {}
  for (const [name, prop] of Object.entries(properties)) {
    const adopt = (t: unknown) => (typeof t === 'function' && TYPES[t.name] ? TYPES[t.name] : t)
    out[name] =
      prop && typeof prop === 'object'
        ? { ...prop, type: adopt(prop.type), value: prop.value && typeof prop.value === 'object' ? cloneData(prop.value) : prop.value }
        : adopt(prop)
  }
  return out
}

/**
 * The config's functions as component methods. What one throws (in a lifetime or an event
 * handler) is recorded as a logic-layer error, as WeChat reports it to App.onError.
 */
function methodsOf(config: Config, errors: string[], where: string): Config {
  const methods: Config = {}
  for (const key of Object.keys(config)) {
    const fn = config[key]
    if (typeof fn !== 'function') continue
    methods[key] = function (this: unknown, ...args: unknown[]) {
      try {
        return fn.apply(this, args)
      } catch (err) {
        errors.push(`${where}.${key} threw: ${err instanceof Error || (err && typeof err === 'object' && 'stack' in err) ? (err as Error).stack : String(err)}`)
        return undefined
      }
    }
  }
  return methods
}

function cloneData(data: unknown): Config {
  return JSON.parse(JSON.stringify(data ?? {}))
}

/** Loads a page's built JS in the logic layer and renders its built WXML in the view layer. */
export function mountPage(logic: LogicLayer, view: ViewLayer, route: string, query: Record<string, string> = {}): MountedPage {
  const pageConfig = logic.loadPage(route)
  const compConfig = logic.loadComp()

  // Taro's recursive `comp` (used past the template nesting limit), bound to this logic layer.
  const compId = `taro-comp-${++compSeq}`
  const updates: Config[] = []
  view.simulate.load({
    id: compId,
    tagName: 'comp',
    template: view.template('comp'),
    usingComponents: { comp: compId },
    properties: adoptProperties(compConfig.properties),
    data: cloneData(compConfig.data),
    options: compConfig.options,
    methods: methodsOf(compConfig.methods ?? {}, logic.errors, 'comp'),
    lifetimes: {
      ...compConfig.lifetimes,
      created(this: Config) {
        recordSetData(this, updates)
        compConfig.lifetimes?.created?.call(this)
      },
    },
  })

  const pageId = view.simulate.load({
    tagName: route.replace(/\W/g, '-'),
    template: view.template(route),
    usingComponents: { comp: compId },
    data: cloneData(pageConfig.data),
    methods: methodsOf(pageConfig, logic.errors, route),
    attached(this: Config) {
      recordSetData(this, updates)
      this.route = route
      this.__route__ = route
      this.options = { ...query }
      logic.pageStack.push(this)
      this.onLoad?.({ ...query })
      this.onShow?.()
    },
    ready(this: Config) {
      this.onReady?.()
    },
    detached(this: Config) {
      this.onUnload?.()
      const i = logic.pageStack.indexOf(this)
      if (i >= 0) logic.pageStack.splice(i, 1)
    },
  })
  const root = view.simulate.render(pageId)
  const parent = view.document.createElement('page-host')
  view.document.body.appendChild(parent)
  root.attach(parent)

  const text = () => (root.dom.textContent ?? '').replace(/\s+/g, ' ').trim()
  return {
    route,
    updates,
    root,
    text,
    tap(label) {
      const own = (el: Element) =>
        Array.from(el.childNodes)
          .filter((n) => n.nodeType === 3)
          .map((n) => n.textContent)
          .join('')
          .trim()
      const hit = Array.from(root.dom.querySelectorAll('*')).find((el) => own(el) === label)
      if (!hit) throw new Error(`nothing shows "${label}" on ${route}; the page reads: ${text()}`)
      // Taro's templates give each element id="{{i.uid||i.sid}}" and bindtap="eh"; exparser
      // keeps that id to itself and the DOM carries data-sid, so go from one to the other.
      const target = hit.closest('[data-sid]')
      const sid = target?.getAttribute('data-sid')
      if (!sid) throw new Error(`"${label}" on ${route} has no Taro element around it`)
      const node = root.querySelector(`#${sid}`)
      if (!node) throw new Error(`simulate cannot find #${sid} (inside a recursive comp?)`)
      node.dispatchEvent('tap')
    },
    hide() {
      root.instance.onHide?.()
    },
    show() {
      root.instance.onShow?.()
    },
    unmount() {
      if (!parent.isConnected) return
      root.detach()
      parent.remove()
    },
  }
}

/** Timers set further out than this are a page's own schedule (a poll), not work in progress. */
export const SETTLE_HORIZON_MS = 1000

/**
 * Waits until the logic layer has no timer pending within `horizonMs` (and, unless
 * `ignoreCalls`, no cloud call) for a few turns of the event loop, so that every setData has
 * reached the view.
 */
export async function settle(
  logic: LogicLayer,
  opts: { ignoreCalls?: boolean; timeoutMs?: number; horizonMs?: number } = {},
): Promise<void> {
  const deadline = Date.now() + (opts.timeoutMs ?? 3000)
  const horizon = opts.horizonMs ?? SETTLE_HORIZON_MS
  let quiet = 0
  while (Date.now() < deadline) {
    await new Promise<void>((resolve) => setImmediate(resolve))
    if (logic.busy(opts.ignoreCalls, horizon)) quiet = 0
    else if (++quiet >= 3) return
  }
  throw new Error(`the logic layer did not settle (timers or cloud calls still pending): ${JSON.stringify(logic.pendingTimers())}`)
}
