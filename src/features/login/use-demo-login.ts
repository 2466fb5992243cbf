import Taro from '@tarojs/taro'
import { ROLE_ORDER } from '../../components/RoleTags'
import { useOneAtATime } from '../../hooks/use-one-at-a-time'
import { useRemote } from '../../hooks/use-remote'
import { devLogin, listDemoUsers, type DemoUser } from '../../services/dev-login'
import { replaceWith } from '../../services/navigation'
import { useSessionStore } from '../../stores/use-session-store'

const OPENID_MAX = 64

/**
 * A new WeChat user's openid from the name typed: the same name comes back as the same user.
 * Openids take letters, digits, `_` and `-`, so other characters become their code in base 36.
 */
export function newUserOpenid(name: string): string {
  const safe = Array.from(name.trim())
    .map((c) => (/[A-Za-z0-9_-]/.test(c) ? c : `-${c.codePointAt(0)!.toString(36)}`))
    .join('')
  return `wx${safe}`.slice(0, OPENID_MAX)
}

// A 党委's overseer holds no branch role (CONTRACT §7): listed first, above the branches' people.
const rank = (u: DemoUser) => (u.roles.length ? Math.min(...u.roles.map((r) => ROLE_ORDER.indexOf(r))) : -1)
const bySeniority = (a: DemoUser, b: DemoUser) => rank(a) - rank(b) || a.openid.localeCompare(b.openid)

/** H5 local mode's sign-in: the demo users, most senior first, and signing in as one. */
export function useDemoLogin() {
  const users = useRemote(async () => (await listDemoUsers()).sort(bySeniority), [])
  const signedIn = useSessionStore((s) => s.signedIn)
  const returnConsumed = useSessionStore((s) => s.returnConsumed)
  const signingIn = useOneAtATime<string>()

  const chosen = (openid: string) =>
    signingIn.run(openid, async () => {
      try {
        await signedIn(await devLogin(openid))
        // Back to the page that asked for a sign-in (a check-in link, say), else home.
        await replaceWith(returnConsumed() ?? '/pages/index/index')
      } catch (err) {
        Taro.showToast({ title: err instanceof Error ? err.message : '登录失败，请重试', icon: 'none' })
      }
    })

  /** Enters as a WeChat user nobody has added yet: they see 加入支部 and 创建支部. */
  const newUser = (name: string) => {
    if (!name.trim()) {
      Taro.showToast({ title: '请先输入一个名字', icon: 'none' })
      return
    }
    chosen(newUserOpenid(name))
  }

  return { users, busy: signingIn.running, chosen, newUser }
}
