import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { MemberView } from '../../../types/models'
import { StateView } from '../../components/StateView'
import { useRouteParams } from '../../hooks/use-route-params'
import { SessionGate } from '../SessionGate'

interface Props<K extends string, O extends string> {
  /** The query parameters the page cannot do without; each arrives decoded. */
  params?: readonly K[]
  /** Parameters the page reads when present (e.g. an id that turns "new" into "edit"). */
  optional?: readonly O[]
  /** Reads a raw parameter (e.g. a check-in token); null counts as missing. */
  parse?: Partial<Record<K, (value: string) => string | null>>
  /** The parameter a 小程序码's `scene` stands for, when a code opens this page. */
  scene?: K
  /** Shown when a required parameter is missing: the sentence of an error state, or a screen of its own. */
  missing?: string | ReactNode
  render: (route: { member: MemberView; params: Record<K, string> & Partial<Record<O, string>> }) => ReactNode
}

/**
 * A page's entrance: reads its link's parameters once, says in words when the link lacks one
 * (before anyone has to sign in), and shows the page only to a signed-in member of a branch.
 */
export function PageRoute<K extends string = never, O extends string = never>({ params = [], optional = [], parse = {}, scene, missing, render }: Props<K, O>) {
  const raw = useRouteParams<K | O>([...params, ...optional], scene)
  const values: Partial<Record<K | O, string>> = { ...raw }
  for (const name of params) {
    const read = parse[name]
    const value = raw[name]
    if (value && read) values[name] = read(value) ?? undefined
  }
  if (params.some((name) => !values[name])) {
    if (typeof missing !== 'string' && missing) return <>{missing}</>
    return (
      <View className='page'>
        <StateView status='error' errorMessage={typeof missing === 'string' ? missing : '链接不完整，请从上一页重新进入。'} />
      </View>
    )
  }
  return <SessionGate>{(member) => render({ member, params: values as Record<K, string> & Partial<Record<O, string>> })}</SessionGate>
}
