import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { MemberView } from '../../../types/models'
import { MeetingCard } from '../../components/MeetingCard'
import { RoleTags } from '../../components/RoleTags'
import { Section } from '../../components/Section'
import { Button, Cell } from '../../components/ui'
import { PageRoute } from '../../containers/PageRoute'
import { switchUser } from '../../containers/SessionGate'
import { mayCall, ORGANISERS } from '../../domain/permissions'
import { useMyAttendance } from '../../features/me/use-my-attendance'
import { OrgCells } from '../../features/org/org-entry'
import type { Result } from '../../services/call'
import './index.scss'

const RECENT_SHOWN = 5

function Recent({ items }: { items: Result<'attendance.mine'>['items'] }) {
  if (!items.length) return null
  return (
    <View>
      <Text className='section-title'>最近的会议</Text>
      {items.slice(0, RECENT_SHOWN).map((item) => (
        <MeetingCard
          key={item.meetingId}
          meeting={{ id: item.meetingId, type: item.type, title: item.title, startAt: item.startAt }}
          status={item.status}
          onClick={() => Taro.navigateTo({ url: `/pages/meeting-detail/index?id=${encodeURIComponent(item.meetingId)}` })}
        />
      ))}
    </View>
  )
}

/** My attendance this year: the rate large, the counts, and the latest meetings with their status words. */
function MyAttendance() {
  const { mine, counts } = useMyAttendance()
  const data = mine.data
  const empty = { title: '今年还没有已结束的会议', hint: '参加会议并扫码签到后，出勤情况会记在这里。' }
  return (
    <View className='me__attendance'>
      <Section title={data ? `${data.year} 年出勤` : '今年出勤'} remote={mine} rows={3} isEmpty={data?.held === 0} empty={empty}>
        {data && data.rate !== null ? (
          <View>
            <View className='me__rate'>
              <Text className='big-number me__rate-num'>{Math.round(data.rate * 100)}%</Text>
              <Text className='muted me__rate-label'>出勤率</Text>
            </View>
            <View className='me__counts'>
              {counts.map((c) => (
                <View key={c.label} className='me__count'>
                  <Text className='me__count-num'>{c.value}</Text>
                  <Text className='me__count-label'>{c.label}</Text>
                </View>
              ))}
            </View>
          </View>
        ) : null}
      </Section>
      {data ? <Recent items={data.items} /> : null}
    </View>
  )
}

function Me({ member }: { member: MemberView }) {
  return (
    <View className='page me'>
      <View className='card me__head'>
        <Text className='me__name'>{member.name}</Text>
        <RoleTags roles={member.roles} />
      </View>
      <View className='me__cells'>
        <Cell title='所在支部' extra={member.branchName} />
        <Cell title='党小组' extra={member.groupName ?? '未分组'} />
        {member.roles.includes('secretary') ? (
          <Cell title='支部名册' extra='导入、邀请、审核' clickable onClick={() => Taro.navigateTo({ url: '/pages/roster/index' })} />
        ) : null}
        <OrgCells roles={member.roles} />
        {mayCall(ORGANISERS, member.roles) ? <Cell title='台账' extra='考勤表、会议记录、年度台账' clickable onClick={() => Taro.navigateTo({ url: '/pages/ledger/index' })} /> : null}
      </View>
      <MyAttendance />
      {process.env.TARO_ENV === 'h5' ? (
        <View className='me__footer'>
          <Text className='muted me__hint'>本地演示模式：可以换一个示例用户体验不同角色。</Text>
          <Button block fill='outline' className='me__switch' onClick={switchUser}>
            切换用户
          </Button>
        </View>
      ) : null}
    </View>
  )
}

export default function MePage() {
  return <PageRoute render={({ member }) => <Me member={member} />} />
}
