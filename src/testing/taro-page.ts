/**
 * For jest: Taro's H5 package outside a running page has no router and no page hooks. Mock it with
 * `jest.mock('@tarojs/taro', () => require('<path>/testing/taro-page').withPageHooks())`: useRouter
 * then answers `route.params`, and the page hooks keep their latest callback for `page` to call.
 */
type Callback = () => void

export const route: { params: Record<string, string> } = { params: {} }

const latest: Record<string, Callback | undefined> = {}

export const page = {
  pullDown: () => latest.usePullDownRefresh?.(),
  show: () => latest.useDidShow?.(),
  hide: () => latest.useDidHide?.(),
}

const hooks: Record<string, unknown> = {
  useRouter: () => ({ params: route.params }),
  ...Object.fromEntries(['usePullDownRefresh', 'useDidShow', 'useDidHide'].map((name) => [name, (cb: Callback) => void (latest[name] = cb)])),
}

const withHooks = (api: Record<string | symbol, unknown>) => new Proxy(api, { get: (target, key) => (key in hooks ? hooks[key as string] : target[key]) })

export function withPageHooks() {
  const actual = jest.requireActual('@tarojs/taro')
  // `Taro.x` (the default export) and `import { x }` both find the hooks.
  return new Proxy(actual, { get: (target, key) => (key === 'default' ? withHooks(target.default) : key in hooks ? hooks[key as string] : target[key]) })
}
