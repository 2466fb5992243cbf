import { Image, Text, View } from '@tarojs/components'
import type { MinutesAttendance, Quorum } from '../../../types/records'
import { FormError, FormField } from '../../components/FormField'
import { StateView } from '../../components/StateView'
import { ArrowRight, Button, Cell, CellGroup, Input, Picker, TextArea } from '../../components/ui'
import { PageRoute } from '../../containers/PageRoute'
import { clockTime, formatMeetingTime } from '../../display/meeting-display'
import { LIMITS } from '../../domain/limits'
import { MEETING_TYPE_LABELS } from '../../domain/meetings'
import { formatDateZh, shanghaiDate } from '../../domain/time'
import { useRemote } from '../../hooks/use-remote'
import { call, type Result } from '../../services/call'
import { useMinutesEditor, type MinutesEditor } from './use-minutes-editor'
import './index.scss'

const MAX = LIMITS.minutes

/** 条例: a vote needs more than half of the 正式党员 expected. */
export function quorumLine(q: Quorum): string {
  const base = `正式党员应到 ${q.fullExpected} 人，实到 ${q.fullPresent} 人`
  return q.met ? `${base}，超过半数，可以进行表决` : `${base}，不足半数，不能进行表决`
}

function Attendance({ attendance, quorum }: { attendance: MinutesAttendance; quorum: Quorum | null }) {
  const arrived = attendance.present + attendance.late + attendance.makeup
  return (
    <View className='card minutes__attendance'>
      <Text className='minutes__card-title'>出席情况（按签到记录自动生成）</Text>
      <View className='minutes__figures'>
        <Text className='minutes__figure'>应到 {attendance.expected}</Text>
        <Text className='minutes__figure'>实到 {arrived}</Text>
        <Text className='minutes__figure'>请假 {attendance.leave}</Text>
        <Text className='minutes__figure'>缺席 {attendance.absent}</Text>
      </View>
      {attendance.absentees.length ? (
        <Text className='minutes__absentees'>
          缺席及原因：
          {attendance.absentees.map((a) => `${a.name}（${a.status === 'leave' ? `请假${a.reason ? `：${a.reason}` : ''}` : '缺席'}）`).join('、')}
        </Text>
      ) : (
        <Text className='minutes__absentees'>全员出席</Text>
      )}
      {quorum ? <Text className={quorum.met ? 'minutes__quorum' : 'minutes__quorum minutes__quorum--short'}>{quorumLine(quorum)}</Text> : null}
    </View>
  )
}

function People({ editor, roster }: { editor: MinutesEditor; roster: Result<'minutes.get'>['roster'] }) {
  const { values, errors } = editor
  const options = [roster.map((p) => ({ label: p.name, value: p.name }))]
  const row = (title: string, value: string, which: 'host' | 'recorder') => ({
    title,
    align: 'center' as const,
    extra: (
      <View className='minutes__value'>
        <Text className={value ? 'minutes__value-text' : 'minutes__value-text minutes__value-text--empty'}>{value || '请选择'}</Text>
        <ArrowRight />
      </View>
    ),
    onClick: () => editor.setPicker(which),
    clickable: true,
  })
  return (
    <>
      <CellGroup className='minutes__cells'>
        <Cell {...row('主持人', values.host, 'host')} />
        <Cell {...row('记录人', values.recorder, 'recorder')} />
      </CellGroup>
      {errors.host || errors.recorder ? <Text className='minutes__error'>{errors.host ?? errors.recorder}</Text> : null}
      {(['host', 'recorder'] as const).map((which) => (
        <Picker
          key={which}
          visible={editor.picker === which}
          threeDimensional={false}
          title={which === 'host' ? '主持人' : '记录人'}
          options={options}
          // The wheel starts on the current choice, or on the first name (what 确定 then takes).
          value={[values[which] || (roster[0]?.name ?? '')]}
          onConfirm={(_, chosen) => editor.set(which, String(chosen[0] ?? ''))}
          onClose={() => editor.setPicker(null)}
        />
      ))}
    </>
  )
}

function Topics({ editor }: { editor: MinutesEditor }) {
  const { topics } = editor.values
  return (
    <FormField label='议题' hint='每行一个议题' error={editor.errors.topics}>
      {topics.map((topic, i) => (
        <View className='minutes__topic' key={i}>
          <Text className='minutes__topic-no'>{i + 1}.</Text>
          <Input className='field__input minutes__topic-input' value={topic} placeholder='例如：传达学习全会精神' maxLength={MAX.topic + 10} onChange={(v: string) => editor.topicChanged(i, v)} />
          {topics.length > 1 ? (
            <Button fill='none' className='minutes__topic-remove' onClick={() => editor.topicRemoved(i)}>
              删除
            </Button>
          ) : null}
        </View>
      ))}
      {topics.length < MAX.topicsMax ? (
        <Button fill='outline' className='minutes__add' onClick={editor.topicAdded}>
          + 再加一个议题
        </Button>
      ) : null}
    </FormField>
  )
}

function Photos({ editor }: { editor: MinutesEditor }) {
  const { photos } = editor.values
  return (
    <FormField label={`照片（${photos.length}/${MAX.photosMax}）`} hint='会场照片，会自动压缩'>
      <View className='minutes__photos'>
        {photos.map((p) => (
          <View className='minutes__photo' key={p.fileId}>
            <Image className='minutes__photo-image' src={p.src} mode='aspectFill' />
            <View className='minutes__photo-remove' role='button' aria-label='删除这张照片' onClick={() => editor.photoRemoved(p.fileId)}>
              删除
            </View>
          </View>
        ))}
      </View>
      {editor.canAddPhoto ? (
        <Button fill='outline' className='minutes__add' loading={editor.addingPhoto} onClick={editor.photoAdded}>
          + 添加照片
        </Button>
      ) : null}
    </FormField>
  )
}

function History({ history }: { history: Result<'minutes.get'>['history'] }) {
  if (history.length === 0) return null
  return (
    <View className='card'>
      <Text className='minutes__card-title'>修改记录</Text>
      {history.map((h) => (
        <Text className='minutes__history' key={h.version}>
          {formatDateZh(shanghaiDate(h.at))} {clockTime(h.at)} {h.byName || '组织者'}
          {h.version === 1 ? ' 填写' : ' 修改'}
        </Text>
      ))}
    </View>
  )
}

function Editor({ meetingId, data, saved }: { meetingId: string; data: Result<'minutes.get'>; saved: () => void }) {
  const editor = useMinutesEditor(meetingId, data, saved)
  const { values } = editor
  return (
    <View className='page page--actions minutes'>
      <View className='card'>
        <Text className='minutes__type'>{MEETING_TYPE_LABELS[data.meeting.type]}</Text>
        <Text className='minutes__title'>{data.meeting.title}</Text>
        <Text className='muted'>
          {formatMeetingTime(data.meeting.startAt, data.meeting.endAt)}
          {data.meeting.location ? ` · ${data.meeting.location}` : ''}
        </Text>
      </View>
      <Attendance attendance={data.attendance} quorum={data.quorum} />
      <People editor={editor} roster={data.roster} />
      <Topics editor={editor} />
      <FormField label='内容摘要' error={editor.errors.summary}>
        <TextArea className='field__textarea' value={values.summary} placeholder='会议的主要内容、发言要点' maxLength={MAX.summary} autoSize onChange={(v: string) => editor.set('summary', v)} />
      </FormField>
      <FormField label='决议（可不填）' error={editor.errors.decisions}>
        <TextArea className='field__textarea' value={values.decisions} placeholder='会议作出的决定' maxLength={MAX.decisions} autoSize onChange={(v: string) => editor.set('decisions', v)} />
      </FormField>
      <Photos editor={editor} />
      <History history={data.history} />
      <FormError text={editor.error && !editor.errorField ? editor.error : null} />
      <View className='action-bar'>
        <Button block type='primary' className='action-bar__main' loading={editor.busy} onClick={editor.submit}>
          保存会议记录
        </Button>
      </View>
    </View>
  )
}

function MinutesScreen({ meetingId }: { meetingId: string }) {
  const remote = useRemote(() => call('minutes.get', { meetingId }), [meetingId])
  if (!remote.data) {
    return (
      <View className='page'>
        <StateView remote={remote} rows={8} />
      </View>
    )
  }
  return <Editor meetingId={meetingId} data={remote.data} saved={remote.refresh} />
}

/** 会议记录 (organisers): 主持人, 记录人, 议题, 内容, 决议, photos; 出席 from the check-in records. */
export default function MinutesPage() {
  return <PageRoute params={['id']} missing='没有找到这次会议，请从会议页面进入。' render={({ params }) => <MinutesScreen meetingId={params.id} />} />
}
