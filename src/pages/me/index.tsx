import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { MemberView } from '../../../types/models'
import { RoleTags } from '../../components/RoleTags'
import { LOGIN_PAGE, SessionGate } from '../../components/SessionGate'
import { Button, Cell } from '../../components/ui'
import { useSessionStore } from '../../stores/use-session-store'
import './index.scss'

function Me({ member }: { member: MemberView }) {
  const signedOut = useSessionStore((s) => s.signedOut)
  return (
    <View className='page me'>
      <View className='card me__head'>
        <Text className='me__name'>{member.name}</Text>
        <RoleTags roles={member.roles} />
      </View>
      <View className='me__cells'>
        <Cell title='所在支部' extra={member.branchName} />
        <Cell title='党小组' extra={member.groupName ?? '未分组'} />
      </View>
      {process.env.TARO_ENV === 'h5' ? (
        <View className='me__footer'>
          <Text className='muted me__hint'>本地演示模式：可以换一个示例用户体验不同角色。</Text>
          <Button
            block
            fill='outline'
            className='me__switch'
            onClick={() => {
              signedOut()
              Taro.redirectTo({ url: LOGIN_PAGE })
            }}
          >
            切换用户
          </Button>
        </View>
      ) : null}
    </View>
  )
}

export default function MePage() {
  return <SessionGate>{(member) => <Me member={member} />}</SessionGate>
}
