import { Image, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { Result } from '../../services/call'
import type { EditableSettings } from '../../../types/views'
import type { MemberView } from '../../../types/models'
import { ChoiceList } from '../../components/ChoiceList'
import { FormError, FormField } from '../../components/FormField'
import { SessionGate } from '../../containers/SessionGate'
import { StateView } from '../../components/StateView'
import { TabSwitch, type TabItem } from '../../components/TabSwitch'
import { Button, Input, Progress } from '../../components/ui'
import { withoutFieldPrefix } from '../../display/meeting-display'
import { dateTimeZh, formatHours, hoursPercent, minutesLabel, shortDate, STUDY_KIND_LABELS } from '../../display/study-display'
import { useRemote } from '../../hooks/use-remote'
import { ApiError, call } from '../../services/call'
import './index.scss'

type Tab = 'pending' | 'overview' | 'makeup' | 'settings'
type Pending = Result<'study.pending'>['studies'][number]

const messageOf = (err: unknown, fallback: string) => (err instanceof ApiError ? withoutFieldPrefix(err.message) : fallback)

function PendingItem({ s, busy, onReview }: { s: Pending; busy: boolean; onReview: (approve: boolean) => void }) {
  return (
    <View className='card sa__pending' data-study={s.id}>
      <Text className='sa__name'>{s.name}</Text>
      <Text className='sa__title'>{s.title}</Text>
      <Text className='muted'>
        {STUDY_KIND_LABELS[s.kind]} · {minutesLabel(s.minutes)} · {shortDate(s.studiedOn)}学习
      </Text>
      {s.note ? <Text className='sa__note'>心得：{s.note}</Text> : null}
      {s.photo ? (
        <Image
          className='sa__photo'
          src={s.photo}
          mode='aspectFit'
          onClick={() => (process.env.TARO_ENV === 'weapp' ? Taro.previewImage({ urls: [s.photo as string] }) : undefined)}
        />
      ) : null}
      <View className='sa__actions'>
        <Button type='primary' className='sa__btn' loading={busy} onClick={() => onReview(true)}>
          通过，计入学时
        </Button>
        <Button fill='outline' className='sa__btn' disabled={busy ? true : undefined} onClick={() => onReview(false)}>
          不通过
        </Button>
      </View>
    </View>
  )
}

function PendingTab({ onCount }: { onCount: (n: number) => void }) {
  const pending = useRemote(() => call('study.pending', {}), [])
  const [reviewing, setReviewing] = useState<string | null>(null)
  const studies = pending.data?.studies ?? []

  useEffect(() => {
    if (pending.data) onCount(pending.data.studies.length)
  }, [pending.data])

  async function review(s: Pending, approve: boolean) {
    if (reviewing) return
    setReviewing(s.id)
    try {
      await call('study.review', { studyId: s.id, approve })
      Taro.showToast({ title: approve ? `已计入${s.name}的学时` : '已退回', icon: 'success' })
      await pending.refresh()
    } catch (err) {
      Taro.showToast({ title: messageOf(err, '操作失败，请重试'), icon: 'none', duration: 3000 })
    } finally {
      setReviewing(null)
    }
  }

  return (
    <StateView
      remote={pending}
      rows={5}
      isEmpty={studies.length === 0}
      empty={{ title: '没有待审核的自学记录', hint: '党员提交的自学记录需要审核时会出现在这里。' }}
    >
      {studies.map((s) => (
        <PendingItem key={s.id} s={s} busy={reviewing === s.id} onReview={(approve) => review(s, approve)} />
      ))}
    </StateView>
  )
}

type OverviewRow = Result<'study.overview'>['members'][number]

function OverviewRowView({ m }: { m: OverviewRow }) {
  return (
    <View className={m.behind ? 'sa__member sa__member--behind' : 'sa__member'} data-member={m.memberId}>
      <View className='sa__member-head'>
        <Text className='sa__member-name'>{m.name}</Text>
        {m.behind ? <Text className='sa__behind'>进度落后</Text> : m.studyHours >= m.target ? <Text className='sa__done'>已完成</Text> : null}
        <Text className='sa__member-hours'>
          <Text className='sa__member-num'>{formatHours(m.studyHours)}</Text> / {formatHours(m.target)} 学时
        </Text>
      </View>
      <Progress percent={hoursPercent(m.studyHours, m.target)} color={m.behind ? '#B4141A' : '#17753A'} strokeWidth='6' />
      {m.behind ? <Text className='sa__expected'>按进度此时应达 {formatHours(m.expectedByNow)} 学时</Text> : null}
    </View>
  )
}

function OverviewTab() {
  const overview = useRemote(() => call('study.overview', {}), [])
  const data = overview.data
  const members = [...(data?.members ?? [])].sort((a, b) => Number(b.behind) - Number(a.behind) || a.studyHours / a.target - b.studyHours / b.target)
  const behind = members.filter((m) => m.behind).length
  const done = members.filter((m) => m.studyHours >= m.target).length
  return (
    <StateView
      remote={overview}
      rows={6}
      isEmpty={members.length === 0}
      empty={{ title: '支部还没有党员', hint: '党员加入后，每个人的学时会列在这里。' }}
    >
      {data ? (
        <View>
          <View className='card sa__summary'>
            <View className='sa__summary-item'>
              <Text className='sa__summary-num sa__summary-num--behind'>{behind}</Text>
              <Text className='muted'>人进度落后</Text>
            </View>
            <View className='sa__summary-item'>
              <Text className='sa__summary-num'>{done}</Text>
              <Text className='muted'>人已完成</Text>
            </View>
            <View className='sa__summary-item'>
              <Text className='sa__summary-num'>{members.length}</Text>
              <Text className='muted'>名党员</Text>
            </View>
          </View>
          <Text className='muted sa__explain'>{data.year} 年学时。“进度落后”指低于按全年目标和今天的日期折算的应有学时。</Text>
          <View className='card sa__list'>
            {members.map((m) => (
              <OverviewRowView key={m.memberId} m={m} />
            ))}
          </View>
        </View>
      ) : null}
    </StateView>
  )
}

function MakeupTab() {
  const overview = useRemote(() => call('makeup.overview', {}), [])
  const owed = overview.data?.owed ?? []
  return (
    <StateView
      remote={overview}
      rows={5}
      isEmpty={owed.length === 0}
      empty={{ title: '没有人需要补学', hint: '缺席或请假未参加支部党员大会、党课的党员，需在 7 天内补学，未完成的会列在这里。' }}
    >
      <Text className='muted sa__explain'>缺席或请假未参加支部党员大会、党课的党员，需在会后 7 天内补学。</Text>
      {owed.map((o) => {
        // One deadline per meeting: everyone on its list is overdue or nobody is.
        const overdue = o.members.some((m) => m.overdue)
        return (
          <View key={o.meetingId} className='card sa__makeup' data-meeting={o.meetingId}>
            <Text className='sa__title'>{o.title}</Text>
            {overdue ? (
              <Text className='sa__late'>已逾期 · 应在{dateTimeZh(o.deadline)}前完成</Text>
            ) : (
              <Text className='muted'>{dateTimeZh(o.deadline)}前完成</Text>
            )}
            <Text className='muted'>还有 {o.members.length} 人未补学：</Text>
            <View className='sa__names'>
              {o.members.map((m) => (
                <Text key={m.memberId} className='sa__owe'>
                  {m.name}
                </Text>
              ))}
            </View>
          </View>
        )
      })}
    </StateView>
  )
}

type Settings = Required<EditableSettings>
interface SettingsForm {
  targetHours: string
  committeeTargetHours: string
  xuexiWeeklyTarget: string
  selfStudyNeedsApproval: boolean
  rankingsEnabled: boolean
}

const toForm = (s: Settings): SettingsForm => ({
  targetHours: String(s.targetHours),
  committeeTargetHours: String(s.committeeTargetHours),
  xuexiWeeklyTarget: String(s.xuexiWeeklyTarget),
  selfStudyNeedsApproval: s.selfStudyNeedsApproval,
  rankingsEnabled: s.rankingsEnabled,
})

function checkInt(text: string, label: string, min: number, max: number): string | null {
  const n = Number(text)
  if (!text.trim() || !Number.isInteger(n)) return `${label}请填写整数`
  if (n < min || n > max) return `${label}应在 ${min}–${max} 之间`
  return null
}

function SettingsTab() {
  const settings = useRemote(() => call('branch.settings', {}), [])
  const [form, setForm] = useState<SettingsForm | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    if (settings.data) setForm(toForm(settings.data.settings))
  }, [settings.data])

  const update = (next: Partial<SettingsForm>) => {
    setForm((f) => (f ? { ...f, ...next } : f))
    setError(null)
  }

  async function save() {
    if (!form || busy) return
    const problem =
      checkInt(form.targetHours, '党员全年学时目标', 1, 200) ??
      checkInt(form.committeeTargetHours, '支委全年学时目标', 1, 200) ??
      checkInt(form.xuexiWeeklyTarget, '学习强国每周目标', 0, 1000)
    if (problem) {
      setError(problem)
      return
    }
    setBusy(true)
    try {
      const r = await call('branch.updateSettings', {
        targetHours: Number(form.targetHours),
        committeeTargetHours: Number(form.committeeTargetHours),
        xuexiWeeklyTarget: Number(form.xuexiWeeklyTarget),
        selfStudyNeedsApproval: form.selfStudyNeedsApproval,
        rankingsEnabled: form.rankingsEnabled,
      })
      setForm(toForm(r.settings))
      Taro.showToast({ title: '设置已保存', icon: 'success' })
    } catch (err) {
      setError(messageOf(err, '没有保存成功，请重试'))
    } finally {
      setBusy(false)
    }
  }

  return (
    <StateView remote={settings} rows={6}>
      {form ? (
        <View>
          <View className='sa__numbers'>
            <FormField label='党员全年学时'>
              <Input className='field__input' type='number' value={form.targetHours} onChange={(v) => update({ targetHours: v })} />
            </FormField>
            <FormField label='支委全年学时'>
              <Input className='field__input' type='number' value={form.committeeTargetHours} onChange={(v) => update({ committeeTargetHours: v })} />
            </FormField>
          </View>
          <Text className='muted sa__explain'>《党员教育管理工作条例》要求党员每年集中学习培训一般不少于 32 学时。</Text>
          <FormField label='学习强国每周目标（分）' hint='党员自行上报，只作统计参考'>
            <Input className='field__input' type='number' value={form.xuexiWeeklyTarget} onChange={(v) => update({ xuexiWeeklyTarget: v })} />
          </FormField>
          <FormField label='自学记录' hint='需要审核时，党员提交的自学由支委通过后才计入学时'>
            <ChoiceList
              options={['提交即计入', '需支委审核']}
              chosen={[form.selfStudyNeedsApproval ? 1 : 0]}
              onToggle={(i) => update({ selfStudyNeedsApproval: i === 1 })}
              letters={false}
              columns={2}
            />
          </FormField>
          <FormField
            label='学习积分排名'
            hint='默认关闭。2023 年整治“指尖上的形式主义”的规定要求，不得把积分排名、打卡等作为硬性要求。开启后，全体党员可以在“学习”里看到排名。'
          >
            <ChoiceList
              options={['关闭', '开启']}
              chosen={[form.rankingsEnabled ? 1 : 0]}
              onToggle={(i) => update({ rankingsEnabled: i === 1 })}
              letters={false}
              columns={2}
            />
          </FormField>
          <FormError text={error} />
          <View className='action-bar'>
            <Button block type='primary' className='action-bar__main' loading={busy} onClick={save}>
              保存设置
            </Button>
          </View>
        </View>
      ) : null}
    </StateView>
  )
}

const mayManage = (m: MemberView) => m.roles.some((r) => r === 'secretary' || r === 'deputy' || r === 'committee')

function StudyAdmin({ member, initialTab }: { member: MemberView; initialTab: Tab }) {
  const isSecretary = member.roles.includes('secretary')
  const [tab, setTab] = useState<Tab>(initialTab === 'settings' && !isSecretary ? 'pending' : initialTab)
  const [pendingCount, setPendingCount] = useState(0)
  // A tab's content is remounted on each visit, so switching tabs is also a refresh.
  const [visit, setVisit] = useState(0)

  usePullDownRefresh(() => {
    setVisit((v) => v + 1)
    Taro.stopPullDownRefresh()
  })

  if (!mayManage(member)) {
    return (
      <View className='page'>
        <StateView status='ready' isEmpty empty={{ title: '仅支部书记和支委可以查看', hint: '您的学时和积分在“学习”里。' }} />
      </View>
    )
  }

  const items: TabItem<Tab>[] = [
    { key: 'pending', label: '待审核', badge: pendingCount },
    { key: 'overview', label: '学时' },
    { key: 'makeup', label: '补学' },
    ...(isSecretary ? [{ key: 'settings' as const, label: '设置' }] : []),
  ]
  return (
    <View>
      <TabSwitch
        items={items}
        value={tab}
        onChange={(t) => {
          setTab(t)
          setVisit((v) => v + 1)
        }}
      />
      <View className={tab === 'settings' ? 'page page--actions sa' : 'page sa'} key={`${tab}-${visit}`}>
        {tab === 'pending' ? <PendingTab onCount={setPendingCount} /> : null}
        {tab === 'overview' ? <OverviewTab /> : null}
        {tab === 'makeup' ? <MakeupTab /> : null}
        {tab === 'settings' ? <SettingsTab /> : null}
      </View>
    </View>
  )
}

export default function StudyAdminPage() {
  const param = useRouter().params.tab
  const tab: Tab = param === 'overview' || param === 'makeup' || param === 'settings' ? param : 'pending'
  return <SessionGate>{(member) => <StudyAdmin member={member} initialTab={tab} />}</SessionGate>
}

