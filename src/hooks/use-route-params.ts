import { useRouter } from '@tarojs/taro'
import { useMemo } from 'react'

const decoded = (value: string) => {
  try {
    return decodeURIComponent(value)
  } catch {
    // Not percent-encoding after all (a stray '%'): the value as it came.
    return value
  }
}

/** The page's query parameters by name, decoded once; a parameter that is absent or empty is undefined. */
export function useRouteParams<K extends string>(names: readonly K[]): Partial<Record<K, string>> {
  const { params } = useRouter()
  const key = names.map((n) => params[n] ?? '').join('\n')
  return useMemo(() => {
    const out: Partial<Record<K, string>> = {}
    for (const name of names) {
      const raw = params[name]
      if (raw) out[name] = decoded(raw)
    }
    return out
  }, [key])
}
