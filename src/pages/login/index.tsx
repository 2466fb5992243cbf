import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { ROLE_ORDER, RoleTags } from '../../components/RoleTags'
import { StateView } from '../../components/StateView'
import { useRemote } from '../../hooks/use-remote'
import { devLogin, listDemoUsers, type DemoUser } from '../../services/dev-login'
import { replaceWith } from '../../services/navigation'
import { useSessionStore } from '../../stores/use-session-store'
import './index.scss'

const rank = (u: DemoUser) => Math.min(...u.roles.map((r) => ROLE_ORDER.indexOf(r)))
const bySeniority = (a: DemoUser, b: DemoUser) => rank(a) - rank(b) || a.openid.localeCompare(b.openid)

/** H5 local mode only: pick a demo user (CONTRACT §4) to try each role without a WeChat account. */
export default function LoginPage() {
  const users = useRemote(async () => (await listDemoUsers()).sort(bySeniority), [])
  const signedIn = useSessionStore((s) => s.signedIn)
  const returnConsumed = useSessionStore((s) => s.returnConsumed)
  const [busy, setBusy] = useState<string | null>(null)

  async function choose(openid: string) {
    if (busy) return
    setBusy(openid)
    try {
      await signedIn(await devLogin(openid))
      // Back to the page that asked for a sign-in (a check-in link, say), else home.
      await replaceWith(returnConsumed() ?? '/pages/index/index')
    } catch (err) {
      Taro.showToast({ title: err instanceof Error ? err.message : '登录失败，请重试', icon: 'none' })
    } finally {
      setBusy(null)
    }
  }

  return (
    <View className='page login'>
      <View className='login__intro'>
        <Text className='login__title'>支部通 · 本地演示</Text>
        <Text className='login__hint'>不需要微信账号。选择一位示例支部的成员登录，体验书记、支委、党小组长或党员看到的页面。</Text>
      </View>
      <StateView
        remote={users}
        rows={6}
        isEmpty={users.data?.length === 0}
        empty={{ title: '还没有示例用户', hint: '本地数据库是空的。删除数据目录后重新运行 npm start 会创建示例党支部。' }}
      >
        <View className='login__list'>
          {users.data?.map((u) => (
            <View
              key={u.openid}
              className={busy === u.openid ? 'login__user login__user--busy' : 'login__user'}
              onClick={() => choose(u.openid)}
              data-openid={u.openid}
              role='button'
            >
              <View className='login__user-main'>
                <Text className='login__user-name'>{u.name}</Text>
                <Text className='login__user-id'>{u.openid}</Text>
              </View>
              <RoleTags roles={u.roles} />
            </View>
          ))}
        </View>
      </StateView>
    </View>
  )
}
