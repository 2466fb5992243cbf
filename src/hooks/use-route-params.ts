import { useRouter } from '@tarojs/taro'
import { useMemo } from 'react'
import { launchParams } from '../display/launch'

/**
 * The page's query parameters by name, decoded once, also when a scanned code opened the page
 * (`scene` of a 小程序码 stands for `sceneFor`; `q` of a 普通链接二维码 is read as the link it is).
 * A parameter that is absent or empty is undefined.
 */
export function useRouteParams<K extends string>(names: readonly K[], sceneFor?: K): Partial<Record<K, string>> {
  const { params } = useRouter()
  const key = [...names, 'scene', 'q'].map((n) => params[n] ?? '').join('\n')
  return useMemo(() => launchParams(params, names, sceneFor), [key])
}
