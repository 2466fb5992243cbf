import { Text, View } from '@tarojs/components'
import { QrCode } from '../../components/QrCode'
import { StateView } from '../../components/StateView'
import { ActionBar } from '../../features/study/views'
import { useInvite } from './use-roster'

/** The poster to show or print: the branch's name, the join QR and one line of what to do. */
export function InvitePoster({ branchName }: { branchName: string }) {
  const { invite, rotated, rotating } = useInvite()
  return (
    <View className='page page--actions roster'>
      <StateView remote={invite} rows={6}>
        {invite.data ? (
          <View className='card roster__poster'>
            <Text className='roster__poster-title'>{branchName}</Text>
            <View className='roster__qr'>
              <QrCode text={invite.data.link} image={invite.data.image?.url} />
            </View>
            <Text className='roster__poster-line'>用微信扫一扫，填写姓名和手机尾号，书记通过后即可加入。</Text>
            {invite.data.problem ? <Text className='muted roster__poster-line'>{invite.data.problem}</Text> : null}
            <Text className='muted roster__poster-code' userSelect data-invite-url={invite.data.link}>
              邀请码 {invite.data.scene}
            </Text>
          </View>
        ) : null}
      </StateView>
      <ActionBar quiet text='更换邀请码' busy={rotating} onClick={rotated} />
    </View>
  )
}
