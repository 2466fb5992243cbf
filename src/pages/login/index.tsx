import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { RoleTags } from '../../components/RoleTags'
import { StateView } from '../../components/StateView'
import { Button, Input } from '../../components/ui'
import { useDemoLogin } from '../../features/login/use-demo-login'
import './index.scss'

/** H5 local mode only: pick a demo user (CONTRACT §4) to try each role without a WeChat account. */
export default function LoginPage() {
  const { users, busy, chosen, newUser } = useDemoLogin()
  const [name, setName] = useState('')
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
              onClick={() => chosen(u.openid)}
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
      <View className='card login__new'>
        <Text className='login__new-title'>以新的微信用户进入</Text>
        <Text className='login__hint'>像第一次打开小程序的人那样：可以创建支部，或凭邀请加入支部。同一个名字下次还是同一个人。</Text>
        <Input className='login__new-name' value={name} onChange={setName} placeholder='随便起一个名字，例如 zhangsan' />
        <Button block type='primary' className='login__new-go' loading={busy !== null && busy.startsWith('wx')} onClick={() => newUser(name)}>
          以新用户进入
        </Button>
      </View>
    </View>
  )
}
