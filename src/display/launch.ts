/**
 * What a page was opened with, whichever way the code was scanned:
 * - a link or in-app navigation: the page's own query (`?t=…`, `?code=…`, `?id=…`);
 * - a 小程序码 from WeChat's 扫一扫: `scene`, URL-encoded once by WeChat, standing for the page's
 *   one main parameter (a 小程序码 carries nothing else);
 * - a 普通链接二维码 (a branch's own https rule): `q`, the whole link URL-encoded, whose own query
 *   holds the parameters.
 * The page's own parameter wins over the other two.
 */

const decodedOnce = (value: string) => {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

/** The query of a link, also after a `#` route (`https://host/#/pages/x/index?t=…`). */
function queryOf(link: string): Record<string, string> {
  const at = link.indexOf('?')
  if (at < 0) return {}
  const out: Record<string, string> = {}
  for (const pair of link.slice(at + 1).split('#')[0].split('&')) {
    const eq = pair.indexOf('=')
    if (eq <= 0) continue
    const value = decodedOnce(pair.slice(eq + 1).replace(/\+/g, ' '))
    if (value) out[decodedOnce(pair.slice(0, eq))] = value
  }
  return out
}

/**
 * The page's parameters by name: from its query (decoded once), else from `q`'s link, else, for
 * `sceneFor`, from `scene`. Absent or empty parameters are left out.
 */
export function launchParams<K extends string>(query: Record<string, string | undefined>, names: readonly K[], sceneFor?: K): Partial<Record<K, string>> {
  const fromLink = query.q ? queryOf(decodedOnce(query.q)) : {}
  const out: Partial<Record<K, string>> = {}
  for (const name of names) {
    const own = query[name] ? decodedOnce(query[name] as string) : undefined
    const scene = name === sceneFor && query.scene ? decodedOnce(query.scene) : undefined
    const value = own || fromLink[name] || scene
    if (value) out[name] = value
  }
  return out
}
