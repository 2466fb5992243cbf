import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect } from 'react'
import type { MemberView } from '../../../types/models'
import { SessionGate } from '../../containers/SessionGate'
import { useRouteParams } from '../../hooks/use-route-params'

/** A member (just approved, or already bound) goes on to 首页. */
function ToHome({ member }: { member: MemberView }) {
  useEffect(() => {
    Taro.reLaunch({ url: '/pages/index/index' })
  }, [])
  return (
    <View className='page'>
      <Text className='section-title'>您已是「{member.branchName}」的党员，正在打开首页</Text>
    </View>
  )
}

/**
 * The invite link and QR open this page with `?code=` (a 小程序码 with the code as its scene): the
 * join form, the code already filled in.
 */
export default function JoinPage() {
  const { code } = useRouteParams<'code'>(['code'], 'code')
  return <SessionGate joinCode={code}>{(member) => <ToHome member={member} />}</SessionGate>
}
