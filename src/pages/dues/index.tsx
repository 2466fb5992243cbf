import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import type { DuesItem } from '../../../types/views'
import type { MemberView } from '../../../types/models'
import { PayDialog } from '../../components/PayDialog'
import { RemindMe } from '../../containers/RemindMe'
import { SessionGate } from '../../containers/SessionGate'
import { StateView } from '../../components/StateView'
import { Button } from '../../components/ui'
import { DUES_CATEGORY_LABELS, yuan } from '../../display/money'
import { nextMonth } from '../../domain/relative-day'
import { calendarDay, shanghaiDate } from '../../domain/time'
import { useRemote } from '../../hooks/use-remote'
import { call } from '../../services/call'
import './index.scss'
import { now } from '../../services/clock'

/** Six months in a row unpaid is 自行脱党 (条例第三十一条): flag members from three on. */
export const DRIFTING_FROM = 3

const monthLabel = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5))}月`
const prevMonth = (month: string) => calendarDay(`${month}-01`).subtract(1, 'month').format('YYYY-MM')

/** A member's own 登记表: this year's months, paid or not, and marking a month paid. */
function MyDues() {
  const today = shanghaiDate(now())
  const mine = useRemote(() => call('dues.mine', {}), [])
  const [paying, setPaying] = useState<string | null>(null)

  usePullDownRefresh(() => {
    mine.reload()
    Taro.stopPullDownRefresh()
  })

  return (
    <View className='page dues'>
      <StateView remote={mine} rows={5}>
        {mine.data ? (
          <View>
            <View className='card dues__head'>
              <Text className='muted'>每月应缴党费</Text>
              <Text className='big-number'>{mine.data.amount !== null ? `${yuan(mine.data.amount)} 元` : '待核定'}</Text>
              {mine.data.category ? <Text className='muted'>{DUES_CATEGORY_LABELS[mine.data.category]}</Text> : null}
            </View>
            <Text className='section-title'>{mine.data.year} 年缴纳记录</Text>
            <View className='card dues__list'>
              {mine.data.months.map((m) => (
                <View className='dues__row' key={m.month} data-month={m.month}>
                  <View className='dues__row-main'>
                    <Text className='dues__month'>{Number(m.month.slice(5))}月</Text>
                    {m.paid ? (
                      <Text className='muted'>
                        {m.paidAt} 缴纳 {yuan(m.amount ?? 0)} 元{m.state === 'reported' ? ' · 待书记确认' : ''}
                      </Text>
                    ) : null}
                  </View>
                  <View className='dues__row-side'>
                    <Text className={m.paid ? 'dues__state dues__state--paid' : 'dues__state dues__state--unpaid'}>{m.paid ? '已缴' : '未缴'}</Text>
                    {!m.paid && m.canPay ? (
                      <Button size='small' type='primary' className='dues__pay' onClick={() => setPaying(m.month)}>
                        登记已缴
                      </Button>
                    ) : null}
                  </View>
                </View>
              ))}
            </View>
            <Text className='muted dues__note'>党费按月足额缴纳；最多可补交最近 6 个月。登记后由书记确认。</Text>
            <View className='dues__remind'>
              <RemindMe kinds={['dues_reminder']} label='缴费日提醒我' secondary />
            </View>
          </View>
        ) : null}
      </StateView>
      <PayDialog
        visible={paying !== null}
        title={paying ? `登记${monthLabel(paying)}党费` : ''}
        amount={mine.data?.amount ?? null}
        today={today}
        earliest={paying ? `${paying}-01` : today}
        confirmText='登记'
        onClose={() => setPaying(null)}
        onConfirm={async (amount, paidAt) => {
          await call('dues.pay', { month: paying as string, amount, paidAt })
          setPaying(null)
          Taro.showToast({ title: '已登记，等待书记确认', icon: 'success' })
          mine.reload()
        }}
      />
    </View>
  )
}

function Person({ item, onPay, onConfirm }: { item: DuesItem; onPay: () => void; onConfirm: () => void }) {
  const drifting = !item.paid && item.unpaidStreak >= DRIFTING_FROM
  return (
    <View className={drifting ? 'dues__row dues__row--drifting' : 'dues__row'} data-member={item.memberId}>
      <View className='dues__row-main'>
        <Text className='dues__name'>{item.name}</Text>
        <Text className='muted'>
          {item.paid
            ? `${item.paidAt} · ${yuan(item.paidAmount ?? 0)} 元${item.state === 'reported' ? ' · 待确认' : ''}`
            : `应缴 ${yuan(item.amount)} 元`}
        </Text>
        {drifting ? <Text className='dues__drift'>已连续 {item.unpaidStreak} 个月未缴，满 6 个月按自行脱党处理，请尽快联系</Text> : null}
      </View>
      <View className='dues__row-side'>
        <Text className={item.paid ? 'dues__state dues__state--paid' : 'dues__state dues__state--unpaid'}>{item.paid ? '已缴' : '未缴'}</Text>
        {!item.paid ? (
          <Button size='small' fill='outline' className='dues__pay' onClick={onPay}>
            登记
          </Button>
        ) : item.state === 'reported' ? (
          <Button size='small' type='primary' className='dues__pay' onClick={onConfirm}>
            确认
          </Button>
        ) : null}
      </View>
    </View>
  )
}

/** The secretary's 登记表 for a month: who has paid, who has not, totals and the collection rate. */
function BranchDues() {
  const today = shanghaiDate(now())
  const [month, setMonth] = useState(today.slice(0, 7))
  const status = useRemote(() => call('dues.status', { month }), [month])
  const [paying, setPaying] = useState<DuesItem | null>(null)

  usePullDownRefresh(() => {
    status.reload()
    Taro.stopPullDownRefresh()
  })

  async function confirm(item: DuesItem) {
    try {
      await call('dues.confirm', { memberId: item.memberId, month })
      Taro.showToast({ title: `已确认${item.name}的党费`, icon: 'success' })
      status.reload()
    } catch (err) {
      Taro.showToast({ title: err instanceof Error ? err.message : '没有成功，请重试', icon: 'none' })
    }
  }

  const data = status.data
  const unpaid = data?.items.filter((i) => !i.paid).sort((a, b) => b.unpaidStreak - a.unpaidStreak) ?? []
  const paid = data?.items.filter((i) => i.paid) ?? []
  return (
    <View className='page dues'>
      <View className='dues__switch'>
        <Button size='small' fill='none' className='dues__arrow' onClick={() => setMonth(prevMonth(month))}>
          ‹ 上月
        </Button>
        <Text className='dues__switch-month'>{monthLabel(month)}</Text>
        <Button
          size='small'
          fill='none'
          className='dues__arrow'
          disabled={month >= today.slice(0, 7) ? true : undefined}
          onClick={() => setMonth(nextMonth(month))}
        >
          下月 ›
        </Button>
      </View>
      <StateView remote={status} rows={6}>
        {data ? (
          <View>
            <View className='card dues__totals'>
              <View className='dues__total'>
                <Text className='big-number'>{data.totals.paidCount}</Text>
                <Text className='muted'>/ {data.items.length} 人已缴</Text>
              </View>
              <View className='dues__total'>
                <Text className='dues__figure'>{data.totals.rate === null ? '—' : `${Math.round(data.totals.rate * 100)}%`}</Text>
                <Text className='muted'>收缴率</Text>
              </View>
              <View className='dues__total'>
                <Text className='dues__figure'>{yuan(data.totals.collected)}</Text>
                <Text className='muted'>已收 / 应收 {yuan(data.totals.due)} 元</Text>
              </View>
            </View>
            <Text className='section-title'>未缴 {unpaid.length} 人</Text>
            <View className='card dues__list'>
              {unpaid.length === 0 ? <Text className='muted'>本月全部缴清。</Text> : null}
              {unpaid.map((i) => (
                <Person key={i.memberId} item={i} onPay={() => setPaying(i)} onConfirm={() => confirm(i)} />
              ))}
            </View>
            <Text className='section-title'>已缴 {paid.length} 人</Text>
            <View className='card dues__list'>
              {paid.length === 0 ? <Text className='muted'>还没有人登记本月党费。</Text> : null}
              {paid.map((i) => (
                <Person key={i.memberId} item={i} onPay={() => setPaying(i)} onConfirm={() => confirm(i)} />
              ))}
            </View>
          </View>
        ) : null}
      </StateView>
      <PayDialog
        visible={paying !== null}
        title={paying ? `为${paying.name}登记${monthLabel(month)}党费` : ''}
        amount={paying?.amount ?? null}
        today={today}
        earliest={`${month}-01`}
        confirmText='登记并确认'
        onClose={() => setPaying(null)}
        onConfirm={async (amount, paidAt) => {
          await call('dues.confirm', { memberId: (paying as DuesItem).memberId, month, amount, paidAt })
          setPaying(null)
          Taro.showToast({ title: '已登记', icon: 'success' })
          status.reload()
        }}
      />
    </View>
  )
}

function Dues({ member }: { member: MemberView }) {
  const isSecretary = member.roles.includes('secretary')
  const [view, setView] = useState<'branch' | 'mine'>(isSecretary ? 'branch' : 'mine')
  if (!isSecretary) return <MyDues />
  return (
    <View>
      <View className='dues__tabs' role='tablist'>
        {(['branch', 'mine'] as const).map((v) => (
          <View key={v} role='tab' className={view === v ? 'dues__tab dues__tab--on' : 'dues__tab'} onClick={() => setView(v)}>
            {v === 'branch' ? '支部登记表' : '我的党费'}
          </View>
        ))}
      </View>
      {view === 'branch' ? <BranchDues /> : <MyDues />}
    </View>
  )
}

export default function DuesPage() {
  return <SessionGate>{(member) => <Dues member={member} />}</SessionGate>
}
