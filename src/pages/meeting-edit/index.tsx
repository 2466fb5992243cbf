import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { MeetingView } from '../../../types/views'
import type { MeetingScope, MeetingType, MemberView } from '../../../types/models'
import { SessionGate } from '../../containers/SessionGate'
import { StateView } from '../../components/StateView'
import { ArrowRight, Button, Cell, CellGroup, DatePicker, Input, Picker, TextArea } from '../../components/ui'
import { withoutFieldPrefix } from '../../display/meeting-display'
import { MEETING_TYPE_LABELS, scopeLabel } from '../../domain/meetings'
import { effectiveRoles } from '../../domain/permissions'
import { formatDateZh, inShanghai, shanghaiDate } from '../../domain/time'
import { useRemote } from '../../hooks/use-remote'
import { ApiError, call } from '../../services/call'
import { useSessionStore } from '../../stores/use-session-store'
import './index.scss'
import { now } from '../../services/clock'

const TITLE_MAX = 40
const LOCATION_MAX = 60
const AGENDA_MAX = 1000

interface Form {
  type: MeetingType
  title: string
  /** YYYY-MM-DD, Shanghai; null until chosen. */
  date: string | null
  /** HH:mm */
  start: string
  end: string
  location: string
  agenda: string
  scope: MeetingScope
}

type Field = 'title' | 'date' | 'time' | 'location' | 'agenda' | 'scope'
type Errors = Partial<Record<Field, string>>

/** A 党小组长 who is not also in the leadership may only hold their own group's 党小组会. */
function onlyGroupMeetings(member: MemberView): boolean {
  const roles = effectiveRoles(member.roles)
  return !roles.has('secretary') && !roles.has('committee')
}

/** The scope a type starts with: 支委会 → committee, 党小组会 → my group, otherwise everyone. */
function defaultScope(type: MeetingType, member: MemberView): MeetingScope {
  if (type === 'committee') return { kind: 'committee' }
  if (type === 'group' && member.groupId) return { kind: 'group', groupId: member.groupId }
  return { kind: 'branch' }
}

const scopeKey = (s: MeetingScope) => (s.kind === 'group' ? `group:${s.groupId}` : s.kind)

function fromMeeting(m: MeetingView): Form {
  const start = inShanghai(m.startAt)
  return {
    type: m.type,
    title: m.title,
    date: start.format('YYYY-MM-DD'),
    start: start.format('HH:mm'),
    end: inShanghai(m.endAt).format('HH:mm'),
    location: m.location ?? '',
    agenda: m.agenda ?? '',
    scope: m.scope,
  }
}

function validate(f: Form): Errors {
  const e: Errors = {}
  const title = f.title.trim()
  if (!title) e.title = '请填写会议名称'
  else if (title.length > TITLE_MAX) e.title = `会议名称不能超过 ${TITLE_MAX} 个字`
  if (!f.date) e.date = '请选择会议日期'
  if (f.end <= f.start) e.time = '结束时间应晚于开始时间'
  if (f.location.trim().length > LOCATION_MAX) e.location = `地点不能超过 ${LOCATION_MAX} 个字`
  if (f.agenda.trim().length > AGENDA_MAX) e.agenda = `议程不能超过 ${AGENDA_MAX} 个字`
  if (f.scope.kind === 'group' && !f.scope.groupId) e.scope = '请选择参会的党小组'
  return e
}

const pad = (v: string | number | null) => String(v ?? '').padStart(2, '0')

/** A Date that puts the picker's wheels on the given day and time (the device's zone is irrelevant here). */
function pickerDate(date: string | null, hhmm: string): Date {
  const d = date ?? shanghaiDate(now())
  return new Date(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)), Number(hhmm.slice(0, 2)), Number(hhmm.slice(3, 5)))
}

function FieldError({ text }: { text?: string }) {
  return text ? <Text className='edit__error'>{text}</Text> : null
}

/**
 * Props for a Cell that opens a picker, with the chosen value and an arrow (without onClick it
 * only shows the value). Props rather than a wrapper component: CellGroup draws its dividers
 * only between its own Cell children.
 */
function pickerRow(title: string, value: string, onClick?: () => void, placeholder = false) {
  return {
    title,
    align: 'center' as const,
    extra: (
      <View className='edit__value'>
        <Text className={placeholder ? 'edit__value-text edit__value-text--empty' : 'edit__value-text'}>{value}</Text>
        {onClick ? <ArrowRight className='edit__arrow' /> : null}
      </View>
    ),
    onClick,
    clickable: Boolean(onClick),
  }
}

interface FormProps {
  member: MemberView
  initial: Form
  /** When editing: the meeting, and its group's name for a group meeting. */
  meetingId?: string
  meetingGroupName?: string | null
}

function MeetingForm({ member, initial, meetingId, meetingGroupName = null }: FormProps) {
  const [form, setForm] = useState<Form>(initial)
  const [errors, setErrors] = useState<Errors>({})
  const [serverError, setServerError] = useState<string | null>(null)
  const [picker, setPicker] = useState<'type' | 'date' | 'start' | 'end' | 'scope' | null>(null)
  const [busy, setBusy] = useState(false)
  const groupOnly = onlyGroupMeetings(member)

  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    setForm((f) => ({ ...f, [key]: value }))
    setServerError(null)
    // A field's message goes once the field is changed; the next 保存 checks again.
    const field: Field | null = key === 'start' || key === 'end' ? 'time' : key === 'type' ? null : (key as Field)
    if (field) setErrors(({ [field]: _gone, ...rest }) => rest)
  }

  const types = groupOnly ? (['group'] as MeetingType[]) : (Object.keys(MEETING_TYPE_LABELS) as MeetingType[])
  // The leadership may hold a meeting for any 党小组 of the branch; a group leader for their own.
  const groups = useSessionStore((st) => st.me?.groups ?? [])
  const scopes: MeetingScope[] = groupOnly
    ? member.groupId
      ? [{ kind: 'group', groupId: member.groupId }]
      : []
    : [{ kind: 'branch' }, { kind: 'committee' }, ...groups.map((g) => ({ kind: 'group' as const, groupId: g.id }))]
  // Editing a meeting of another group keeps that group on offer.
  if (initial.scope.kind === 'group' && !scopes.some((s) => scopeKey(s) === scopeKey(initial.scope))) scopes.push(initial.scope)
  const groupNameOf = (s: MeetingScope) => {
    if (s.kind !== 'group') return null
    return groups.find((g) => g.id === s.groupId)?.name ?? (s.groupId === member.groupId ? member.groupName : meetingGroupName)
  }

  async function submit() {
    if (busy) return
    const found = validate(form)
    setErrors(found)
    if (Object.keys(found).length) {
      Taro.showToast({ title: '请按红字提示修改', icon: 'none' })
      return
    }
    setBusy(true)
    setServerError(null)
    const fields = {
      type: form.type,
      title: form.title.trim(),
      startAt: `${form.date}T${form.start}:00+08:00`,
      endAt: `${form.date}T${form.end}:00+08:00`,
      location: form.location.trim(),
      agenda: form.agenda.trim(),
      scope: form.scope,
    }
    try {
      if (meetingId) {
        await call('meeting.update', { meetingId, ...fields })
        Taro.showToast({ title: '已保存', icon: 'success' })
        setTimeout(() => Taro.navigateBack(), 600)
      } else {
        const { meeting } = await call('meeting.create', {
          ...fields,
          location: fields.location || undefined,
          agenda: fields.agenda || undefined,
        })
        Taro.showToast({ title: '已创建', icon: 'success' })
        setTimeout(() => Taro.redirectTo({ url: `/pages/meeting-detail/index?id=${encodeURIComponent(meeting.id)}` }), 600)
      }
    } catch (err) {
      const message = err instanceof ApiError ? withoutFieldPrefix(err.message) : '保存失败，请重试'
      setServerError(message)
      Taro.showToast({ title: message, icon: 'none', duration: 3000 })
      setBusy(false)
    }
  }

  return (
    <View className='page page--actions edit'>
      <CellGroup className='edit__cells'>
        <Cell {...pickerRow('会议类型', MEETING_TYPE_LABELS[form.type], groupOnly ? undefined : () => setPicker('type'))} />
      </CellGroup>
      {groupOnly ? <Text className='edit__note'>党小组长可以为本小组安排党小组会。</Text> : null}

      <View className='edit__group edit__field'>
        <Text className='edit__label'>会议名称</Text>
        <Input
          className='edit__input'
          value={form.title}
          onChange={(v) => set('title', v)}
          placeholder='例如：学习贯彻全会精神专题会'
          maxLength={TITLE_MAX + 10}
          clearable
        />
        <FieldError text={errors.title} />
      </View>

      <CellGroup className='edit__cells'>
        <Cell {...pickerRow('会议日期', form.date ? formatDateZh(form.date) : '请选择', () => setPicker('date'), !form.date)} />
        <Cell {...pickerRow('开始时间', form.start, () => setPicker('start'))} />
        <Cell {...pickerRow('结束时间', form.end, () => setPicker('end'))} />
      </CellGroup>
      <FieldError text={errors.date} />
      <FieldError text={errors.time} />

      <CellGroup className='edit__cells'>
        <Cell {...pickerRow('参会范围', scopeLabel(form.scope, groupNameOf(form.scope)), scopes.length > 1 ? () => setPicker('scope') : undefined)} />
      </CellGroup>
      <FieldError text={errors.scope} />

      <View className='edit__group edit__field'>
        <Text className='edit__label'>地点（可不填）</Text>
        <Input
          className='edit__input'
          value={form.location}
          onChange={(v) => set('location', v)}
          placeholder='例如：社区党群服务中心二楼会议室'
          maxLength={LOCATION_MAX + 10}
          clearable
        />
        <FieldError text={errors.location} />
      </View>

      <View className='edit__group edit__field'>
        <Text className='edit__label'>议程（可不填）</Text>
        <TextArea
          className='edit__textarea'
          value={form.agenda}
          onChange={(v) => set('agenda', v)}
          placeholder={'每行一项，例如：\n1. 学习文件\n2. 交流发言'}
          maxLength={AGENDA_MAX}
          autoSize
        />
        <FieldError text={errors.agenda} />
      </View>

      {serverError ? (
        <View className='edit__server-error' role='alert'>
          {serverError}
        </View>
      ) : null}

      <View className='action-bar'>
        <Button block type='primary' className='action-bar__main' loading={busy} onClick={submit}>
          {meetingId ? '保存修改' : '创建会议'}
        </Button>
      </View>

      <Picker
        visible={picker === 'type'}
        threeDimensional={false}
        title='会议类型'
        options={[types.map((t) => ({ label: MEETING_TYPE_LABELS[t], value: t }))]}
        value={[form.type]}
        onConfirm={(_, values) => {
          const type = values[0] as MeetingType
          setForm((f) => ({ ...f, type, scope: defaultScope(type, member) }))
        }}
        onClose={() => setPicker(null)}
      />
      <Picker
        visible={picker === 'scope'}
        threeDimensional={false}
        title='参会范围'
        options={[scopes.map((s) => ({ label: scopeLabel(s, groupNameOf(s)), value: scopeKey(s) }))]}
        value={[scopeKey(form.scope)]}
        onConfirm={(_, values) => {
          const chosen = scopes.find((s) => scopeKey(s) === values[0])
          if (chosen) set('scope', chosen)
        }}
        onClose={() => setPicker(null)}
      />
      <DatePicker
        visible={picker === 'date'}
        threeDimensional={false}
        title='会议日期'
        type='date'
        showChinese
        value={pickerDate(form.date, form.start)}
        startDate={inShanghai(now()).subtract(1, 'year').startOf('year').toDate()}
        endDate={inShanghai(now()).add(2, 'year').endOf('year').toDate()}
        onConfirm={(_, values) => set('date', `${values[0]}-${pad(values[1])}-${pad(values[2])}`)}
        onClose={() => setPicker(null)}
      />
      {(['start', 'end'] as const).map((which) => (
        <DatePicker
          key={which}
          visible={picker === which}
          threeDimensional={false}
          title={which === 'start' ? '开始时间' : '结束时间'}
          type='hour-minutes'
          minuteStep={5}
          value={pickerDate(form.date, form[which])}
          onConfirm={(_, values) => set(which, `${pad(values[0])}:${pad(values[1])}`)}
          onClose={() => setPicker(null)}
        />
      ))}
    </View>
  )
}

function NewMeeting({ member }: { member: MemberView }) {
  useEffect(() => {
    Taro.setNavigationBarTitle({ title: '新建会议' })
  }, [])
  const type: MeetingType = onlyGroupMeetings(member) ? 'group' : 'branch_assembly'
  const initial: Form = { type, title: '', date: null, start: '14:30', end: '16:30', location: '', agenda: '', scope: defaultScope(type, member) }
  return <MeetingForm member={member} initial={initial} />
}

function EditMeeting({ member, id }: { member: MemberView; id: string }) {
  useEffect(() => {
    Taro.setNavigationBarTitle({ title: '编辑会议' })
  }, [])
  const remote = useRemote(() => call('meeting.get', { meetingId: id }), [id])
  if (remote.status !== 'ready') {
    return (
      <View className='page'>
        <StateView remote={remote} rows={8} />
      </View>
    )
  }
  const { meeting, canManage } = remote.data
  if (!canManage || meeting.status === 'cancelled') {
    return (
      <View className='page'>
        <StateView
          status='ready'
          isEmpty
          empty={{ title: '不能编辑这次会议', hint: meeting.status === 'cancelled' ? '会议已取消，不能再修改。' : '仅支部书记、支委或本小组的党小组长可以修改。' }}
        />
      </View>
    )
  }
  return <MeetingForm member={member} initial={fromMeeting(meeting)} meetingId={meeting.id} meetingGroupName={meeting.groupName} />
}

export default function MeetingEditPage() {
  const id = useRouter().params.id
  return (
    <SessionGate>{(member) => (id ? <EditMeeting member={member} id={decodeURIComponent(id)} /> : <NewMeeting member={member} />)}</SessionGate>
  )
}
