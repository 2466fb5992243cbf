import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect } from 'react'
import type { MemberView } from '../../../types/models'
import { StateView } from '../../components/StateView'
import { ArrowRight, Button, Cell, CellGroup, DatePicker, Input, Picker, TextArea } from '../../components/ui'
import { PageRoute } from '../../containers/PageRoute'
import { LIMITS } from '../../domain/limits'
import { MEETING_TYPE_LABELS, scopeLabel } from '../../domain/meetings'
import { formatDateZh, inShanghai, shanghaiDate } from '../../domain/time'
import { blankMeeting, fromMeeting, scopeKey, type MeetingFormValues } from '../../features/meetings/meeting-form'
import { useMeetingForm, type MeetingFormModel } from '../../features/meetings/use-meeting-form'
import { prefilledMeeting, type Prefill } from '../../features/records/prefill'
import { useRemote } from '../../hooks/use-remote'
import { call } from '../../services/call'
import { now } from '../../services/clock'
import './index.scss'

const MAX = LIMITS.meeting

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

interface TextFieldProps {
  label: string
  field: 'title' | 'location' | 'agenda'
  placeholder: string
  form: MeetingFormModel
}

/** A labelled text box with its red words; the agenda is a growing text area. */
function TextField({ label, field, placeholder, form }: TextFieldProps) {
  const common = { value: form.values[field], onChange: (v: string) => form.set(field, v), placeholder }
  return (
    <View className='edit__group edit__field'>
      <Text className='edit__label'>{label}</Text>
      {field === 'agenda' ? (
        <TextArea className='edit__textarea' {...common} maxLength={MAX.agenda} autoSize />
      ) : (
        <Input className='edit__input' {...common} maxLength={MAX[field] + 10} clearable />
      )}
      <FieldError text={form.errors[field]} />
    </View>
  )
}

function WhenRows({ form }: { form: MeetingFormModel }) {
  const { date, time } = form.values
  return (
    <>
      <CellGroup className='edit__cells'>
        <Cell {...pickerRow('会议日期', date ? formatDateZh(date) : '请选择', () => form.setPicker('date'), !date)} />
        <Cell {...pickerRow('开始时间', time.start, () => form.setPicker('start'))} />
        <Cell {...pickerRow('结束时间', time.end, () => form.setPicker('end'))} />
      </CellGroup>
      <FieldError text={form.errors.date} />
      <FieldError text={form.errors.time} />
    </>
  )
}

/** The wheels for the type and the scope. */
function ChoicePickers({ form }: { form: MeetingFormModel }) {
  const { values, picker, scopes, groupNameOf } = form
  return (
    <>
      <Picker
        visible={picker === 'type'}
        threeDimensional={false}
        title='会议类型'
        options={[form.types.map((t) => ({ label: MEETING_TYPE_LABELS[t], value: t }))]}
        value={[values.type]}
        onConfirm={(_, chosen) => form.typeChosen(chosen[0] as MeetingFormValues['type'])}
        onClose={() => form.setPicker(null)}
      />
      <Picker
        visible={picker === 'scope'}
        threeDimensional={false}
        title='参会范围'
        options={[scopes.map((s) => ({ label: scopeLabel(s, groupNameOf(s)), value: scopeKey(s) }))]}
        value={[scopeKey(values.scope)]}
        onConfirm={(_, chosen) => {
          const scope = scopes.find((s) => scopeKey(s) === chosen[0])
          if (scope) form.set('scope', scope)
        }}
        onClose={() => form.setPicker(null)}
      />
    </>
  )
}

/** The wheels for the date and the two times. */
function WhenPickers({ form }: { form: MeetingFormModel }) {
  const { values, picker } = form
  return (
    <>
      <DatePicker
        visible={picker === 'date'}
        threeDimensional={false}
        title='会议日期'
        type='date'
        showChinese
        value={pickerDate(values.date, values.time.start)}
        startDate={inShanghai(now()).subtract(1, 'year').startOf('year').toDate()}
        endDate={inShanghai(now()).add(2, 'year').endOf('year').toDate()}
        onConfirm={(_, v) => form.set('date', `${v[0]}-${pad(v[1])}-${pad(v[2])}`)}
        onClose={() => form.setPicker(null)}
      />
      {(['start', 'end'] as const).map((which) => (
        <DatePicker
          key={which}
          visible={picker === which}
          threeDimensional={false}
          title={which === 'start' ? '开始时间' : '结束时间'}
          type='hour-minutes'
          minuteStep={5}
          value={pickerDate(values.date, values.time[which])}
          onConfirm={(_, v) => form.timeChosen(which, `${pad(v[0])}:${pad(v[1])}`)}
          onClose={() => form.setPicker(null)}
        />
      ))}
    </>
  )
}

function MeetingForm(props: Parameters<typeof useMeetingForm>[0]) {
  const form = useMeetingForm(props)
  const { values, groupOnly } = form
  return (
    <View className='page page--actions edit'>
      <CellGroup className='edit__cells'>
        <Cell {...pickerRow('会议类型', MEETING_TYPE_LABELS[values.type], groupOnly ? undefined : () => form.setPicker('type'))} />
      </CellGroup>
      {groupOnly ? <Text className='edit__note'>党小组长可以为本小组安排党小组会。</Text> : null}
      <TextField label='会议名称' field='title' placeholder='例如：学习贯彻全会精神专题会' form={form} />
      <WhenRows form={form} />
      <CellGroup className='edit__cells'>
        <Cell {...pickerRow('参会范围', scopeLabel(values.scope, form.groupNameOf(values.scope)), form.scopes.length > 1 ? () => form.setPicker('scope') : undefined)} />
      </CellGroup>
      <FieldError text={form.errors.scope} />
      <TextField label='地点（可不填）' field='location' placeholder='例如：社区党群服务中心二楼会议室' form={form} />
      <TextField label='议程（可不填）' field='agenda' placeholder={'每行一项，例如：\n1. 学习文件\n2. 交流发言'} form={form} />
      {form.serverError ? (
        <View className='edit__server-error' role='alert'>
          {form.serverError}
        </View>
      ) : null}
      <View className='action-bar'>
        <Button block type='primary' className='action-bar__main' loading={form.saving} onClick={form.submit}>
          {form.editing ? '保存修改' : '创建会议'}
        </Button>
      </View>
      <ChoicePickers form={form} />
      <WhenPickers form={form} />
    </View>
  )
}

function useTitle(title: string) {
  useEffect(() => {
    Taro.setNavigationBarTitle({ title })
  }, [title])
}

function NewMeeting({ member, prefill }: { member: MemberView; prefill: Prefill }) {
  useTitle('新建会议')
  return <MeetingForm member={member} initial={prefilledMeeting(blankMeeting(member), prefill)} />
}

function EditMeeting({ member, id }: { member: MemberView; id: string }) {
  useTitle('编辑会议')
  const remote = useRemote(() => call('meeting.get', { meetingId: id }), [id])
  const meeting = remote.data?.meeting
  if (!meeting) {
    return (
      <View className='page'>
        <StateView remote={remote} rows={8} />
      </View>
    )
  }
  if (!remote.data?.canManage || meeting.status === 'cancelled') {
    const hint = meeting.status === 'cancelled' ? '会议已取消，不能再修改。' : '仅支部书记、支委或本小组的党小组长可以修改。'
    return (
      <View className='page'>
        <StateView status='ready' isEmpty empty={{ title: '不能编辑这次会议', hint }} />
      </View>
    )
  }
  return <MeetingForm member={member} initial={fromMeeting(meeting)} meetingId={meeting.id} meetingGroupName={meeting.groupName} />
}

export default function MeetingEditPage() {
  return (
    <PageRoute
      optional={['id', 'type', 'groupId', 'title']}
      render={({ member, params }) => (params.id ? <EditMeeting member={member} id={params.id} /> : <NewMeeting member={member} prefill={params} />)}
    />
  )
}
