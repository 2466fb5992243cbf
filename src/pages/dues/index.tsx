import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { DuesItem } from '../../../types/views'
import type { MemberView } from '../../../types/models'
import { PayDialog } from '../../components/PayDialog'
import { StateView } from '../../components/StateView'
import { Button } from '../../components/ui'
import { PageRoute } from '../../containers/PageRoute'
import { RemindMe } from '../../containers/RemindMe'
import { DUES_CATEGORY_LABELS, yuan } from '../../display/money'
import type { Result } from '../../services/call'
import { monthLabel, useBranchDues, useMyDues } from '../../features/dues/use-dues'
import './index.scss'

/** Six months in a row unpaid is 自行脱党 (条例第三十一条): flag members from three on. */
export const DRIFTING_FROM = 3

const PaidWord = ({ paid }: { paid: boolean }) => (
  <Text className={paid ? 'dues__state dues__state--paid' : 'dues__state dues__state--unpaid'}>{paid ? '已缴' : '未缴'}</Text>
)

function MyMonth({ m, onPay }: { m: Result<'dues.mine'>['months'][number]; onPay: () => void }) {
  return (
    <View className='dues__row' data-month={m.month}>
      <View className='dues__row-main'>
        <Text className='dues__month'>{Number(m.month.slice(5))}月</Text>
        {m.paid ? (
          <Text className='muted'>
            {m.paidAt} 缴纳 {yuan(m.amount ?? 0)} 元{m.state === 'reported' ? ' · 待书记确认' : ''}
          </Text>
        ) : null}
      </View>
      <View className='dues__row-side'>
        <PaidWord paid={m.paid} />
        {!m.paid && m.canPay ? (
          <Button size='small' type='primary' className='dues__pay' onClick={onPay}>
            登记已缴
          </Button>
        ) : null}
      </View>
    </View>
  )
}

/** A member's own 登记表: this year's months, paid or not, and marking a month paid. */
function MyDues() {
  const { today, mine, paying, setPaying, paid } = useMyDues()
  const data = mine.data
  return (
    <View className='page dues'>
      <StateView remote={mine} rows={5}>
        {data ? (
          <View>
            <View className='card dues__head'>
              <Text className='muted'>每月应缴党费</Text>
              <Text className='big-number'>{data.amount !== null ? `${yuan(data.amount)} 元` : '待核定'}</Text>
              {data.category ? <Text className='muted'>{DUES_CATEGORY_LABELS[data.category]}</Text> : null}
            </View>
            <Text className='section-title'>{data.year} 年缴纳记录</Text>
            <View className='card dues__list'>
              {data.months.map((m) => (
                <MyMonth key={m.month} m={m} onPay={() => setPaying(m.month)} />
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
        amount={data?.amount ?? null}
        today={today}
        earliest={paying ? `${paying}-01` : today}
        confirmText='登记'
        onClose={() => setPaying(null)}
        onConfirm={paid}
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
        <PaidWord paid={item.paid} />
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

type Branch = ReturnType<typeof useBranchDues>

function People({ title, none, items, dues }: { title: string; none: string; items: DuesItem[]; dues: Branch }) {
  return (
    <>
      <Text className='section-title'>
        {title} {items.length} 人
      </Text>
      <View className='card dues__list'>
        {items.length === 0 ? <Text className='muted'>{none}</Text> : null}
        {items.map((i) => (
          <Person key={i.memberId} item={i} onPay={() => dues.setPaying(i)} onConfirm={() => dues.confirmed(i)} />
        ))}
      </View>
    </>
  )
}

function Totals({ data }: { data: NonNullable<Branch['status']['data']> }) {
  const { totals } = data
  return (
    <View className='card dues__totals'>
      <View className='dues__total'>
        <Text className='big-number'>{totals.paidCount}</Text>
        <Text className='muted'>/ {data.items.length} 人已缴</Text>
      </View>
      <View className='dues__total'>
        <Text className='dues__figure'>{totals.rate === null ? '—' : `${Math.round(totals.rate * 100)}%`}</Text>
        <Text className='muted'>收缴率</Text>
      </View>
      <View className='dues__total'>
        <Text className='dues__figure'>{yuan(totals.collected)}</Text>
        <Text className='muted'>已收 / 应收 {yuan(totals.due)} 元</Text>
      </View>
    </View>
  )
}

/** The secretary's 登记表 for a month: who has paid, who has not, totals and the collection rate. */
function BranchDues() {
  const dues = useBranchDues()
  const { month, paying } = dues
  return (
    <View className='page dues'>
      <View className='dues__switch'>
        <Button size='small' fill='none' className='dues__arrow' onClick={dues.toPrev}>
          ‹ 上月
        </Button>
        <Text className='dues__switch-month'>{monthLabel(month)}</Text>
        <Button size='small' fill='none' className='dues__arrow' disabled={dues.toNext ? undefined : true} onClick={dues.toNext}>
          下月 ›
        </Button>
      </View>
      <StateView remote={dues.status} rows={6}>
        {dues.status.data ? (
          <View>
            <Totals data={dues.status.data} />
            <People title='未缴' none='本月全部缴清。' items={dues.unpaid} dues={dues} />
            <People title='已缴' none='还没有人登记本月党费。' items={dues.paidItems} dues={dues} />
          </View>
        ) : null}
      </StateView>
      <PayDialog
        visible={paying !== null}
        title={paying ? `为${paying.name}登记${monthLabel(month)}党费` : ''}
        amount={paying?.amount ?? null}
        today={dues.today}
        earliest={`${month}-01`}
        confirmText='登记并确认'
        onClose={() => dues.setPaying(null)}
        onConfirm={dues.paid}
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
  return <PageRoute render={({ member }) => <Dues member={member} />} />
}
