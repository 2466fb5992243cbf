import { Text, View } from '@tarojs/components'
import { FormError, FormField } from '../../components/FormField'
import { ResultPanel } from '../../components/ResultPanel'
import { PageRoute } from '../../containers/PageRoute'
import { TextArea } from '../../components/ui'
import { MEETING_TYPE_LABELS } from '../../domain/meetings'
import { LIMITS } from '../../domain/limits'
import { dateTimeZh } from '../../display/study-display'
import { useMakeup } from '../../features/study/use-makeup'
import { ActionBar, BackToStudy, NotFound } from '../../features/study/views'
import './index.scss'

type Makeup = ReturnType<typeof useMakeup>
type Task = NonNullable<Makeup['task']>

function Completed({ task, completedAt, pointsAwarded }: { task: Task; completedAt: string; pointsAwarded: number }) {
  const lines = [task.title, `${dateTimeZh(completedAt)}完成`, ...(pointsAwarded > 0 ? [`获得 ${pointsAwarded} 积分，已记入学习记录`] : [])]
  return (
    <View className='page page--actions makeup'>
      <ResultPanel tone='ok' word='已完成补学' lines={lines} />
      <BackToStudy />
    </View>
  )
}

function TaskCard({ task }: { task: Task }) {
  return (
    <View className='card makeup__head'>
      <Text className='muted'>{MEETING_TYPE_LABELS[task.type]} · 补学</Text>
      <Text className='makeup__title'>{task.title}</Text>
      {task.overdue ? (
        <Text className='makeup__overdue'>已逾期 · 原定{dateTimeZh(task.deadline)}前完成，请尽快补学</Text>
      ) : (
        <Text className='makeup__deadline'>请在{dateTimeZh(task.deadline)}前完成</Text>
      )}
    </View>
  )
}

function Materials({ text }: { text: Task['materials'] }) {
  return (
    <View className='card'>
      {text ? (
        <Text className='makeup__materials' userSelect>
          {text}
        </Text>
      ) : (
        <Text className='muted makeup__none'>这次会议没有上传议程材料。请向支部书记或党小组长了解会议内容后自学。</Text>
      )}
    </View>
  )
}

function Makeup({ meetingId }: { meetingId: string }) {
  const m = useMakeup(meetingId)
  const { task } = m
  if (!task) return <NotFound remote={m.mine} rows={6} empty={{ title: '没有这次会议的补学任务', hint: '只有缺席或请假未参加支部党员大会、党课时才需要补学。' }} />
  if (m.completedAt) return <Completed task={task} completedAt={m.completedAt} pointsAwarded={m.pointsAwarded} />
  return (
    <View className='page page--actions makeup'>
      <TaskCard task={task} />
      <Text className='section-title'>学习材料</Text>
      <Materials text={task.materials} />
      <FormField label='学习体会（可不填）'>
        <TextArea className='field__textarea' value={m.values.note} onChange={(v) => m.set('note', v)} placeholder='写几句学习体会' maxLength={LIMITS.makeupNote} autoSize />
      </FormField>
      <Text className='muted makeup__hint'>认真学习以上材料后，点下方“我已学习”完成补学。</Text>
      <FormError text={m.error} />
      <ActionBar text='我已学习' busy={m.busy} onClick={m.submit} />
    </View>
  )
}

export default function MakeupPage() {
  return <PageRoute params={['meetingId']} missing='没有找到这次补学，请从“学习”页进入。' render={({ params }) => <Makeup meetingId={params.meetingId} />} />
}
