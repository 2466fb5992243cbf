import { newUserOpenid } from './use-demo-login'

const ALLOWED = /^[A-Za-z0-9_-]{1,64}$/

describe('a new WeChat user on the local sign-in screen', () => {
  it('gets an openid the local server takes, from any name, the same name giving the same user', () => {
    for (const name of ['zhangsan', '张三', ' 李 书记 ', 'a'.repeat(100), '王😀']) expect([name, ALLOWED.test(newUserOpenid(name))]).toEqual([name, true])
    expect(newUserOpenid('张三')).toBe(newUserOpenid('张三'))
    expect(newUserOpenid('张三')).not.toBe(newUserOpenid('张四'))
    expect(newUserOpenid('zhangsan')).toBe('wxzhangsan')
  })
})
