import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { FormError, FormField } from '../../components/FormField'
import { ResultPanel } from '../../components/ResultPanel'
import { SessionGate } from '../../containers/SessionGate'
import { StateView } from '../../components/StateView'
import { Button, TextArea } from '../../components/ui'
import { withoutFieldPrefix } from '../../display/meeting-display'
import { MEETING_TYPE_LABELS } from '../../domain/meetings'
import { dateTimeZh } from '../../display/study-display'
import { useRemote } from '../../hooks/use-remote'
import { ApiError, call } from '../../services/call'
import { backOr } from '../../services/navigation'
import './index.scss'

const NOTE_MAX = 500

function Makeup({ meetingId }: { meetingId: string }) {
  const mine = useRemote(() => call('makeup.mine', {}), [])
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [done, setDone] = useState<{ completedAt: string; pointsAwarded: number } | null>(null)

  const task = mine.data?.tasks.find((t) => t.meetingId === meetingId)
  if (!task) {
    return (
      <View className='page'>
        <StateView
          remote={mine}
          rows={6}
          isEmpty
          empty={{ title: '没有这次会议的补学任务', hint: '只有缺席或请假未参加支部党员大会、党课时才需要补学。', actionText: '返回学习', onAction: () => backOr('/pages/study/index') }}
        />
      </View>
    )
  }

  async function complete() {
    if (busy) return
    setBusy(true)
    setError(null)
    try {
      const trimmed = note.trim()
      setDone(await call('makeup.complete', { meetingId, ...(trimmed ? { note: trimmed } : {}) }))
    } catch (err) {
      setError(err instanceof ApiError ? withoutFieldPrefix(err.message) : '没有提交成功，请重试')
      setBusy(false)
    }
  }

  const completedAt = done?.completedAt ?? (task.done ? task.completedAt : null)
  if (completedAt) {
    return (
      <View className='page page--actions makeup'>
        <ResultPanel
          tone='ok'
          word='已完成补学'
          lines={[
            task.title,
            `${dateTimeZh(completedAt)}完成`,
            ...(done && done.pointsAwarded > 0 ? [`获得 ${done.pointsAwarded} 积分，已记入学习记录`] : []),
          ]}
        />
        <View className='action-bar'>
          <Button block type='primary' className='action-bar__main' onClick={() => backOr('/pages/study/index')}>
            返回学习
          </Button>
        </View>
      </View>
    )
  }

  return (
    <View className='page page--actions makeup'>
      <View className='card makeup__head'>
        <Text className='muted'>{MEETING_TYPE_LABELS[task.type]} · 补学</Text>
        <Text className='makeup__title'>{task.title}</Text>
        {task.overdue ? (
          <Text className='makeup__overdue'>已逾期 · 原定{dateTimeZh(task.deadline)}前完成，请尽快补学</Text>
        ) : (
          <Text className='makeup__deadline'>请在{dateTimeZh(task.deadline)}前完成</Text>
        )}
      </View>

      <Text className='section-title'>学习材料</Text>
      <View className='card'>
        {task.materials ? (
          <Text className='makeup__materials' userSelect>
            {task.materials}
          </Text>
        ) : (
          <Text className='muted makeup__none'>这次会议没有上传议程材料。请向支部书记或党小组长了解会议内容后自学。</Text>
        )}
      </View>

      <FormField label='学习体会（可不填）'>
        <TextArea
          className='field__textarea'
          value={note}
          onChange={(v) => {
            setNote(v)
            setError(null)
          }}
          placeholder='写几句学习体会'
          maxLength={NOTE_MAX}
          autoSize
        />
      </FormField>
      <Text className='muted makeup__hint'>认真学习以上材料后，点下方“我已学习”完成补学。</Text>
      <FormError text={error} />

      <View className='action-bar'>
        <Button block type='primary' className='action-bar__main' loading={busy} onClick={complete}>
          我已学习
        </Button>
      </View>
    </View>
  )
}

export default function MakeupPage() {
  const id = useRouter().params.meetingId
  if (!id) {
    return (
      <View className='page'>
        <StateView status='error' errorMessage='没有找到这次补学，请从“学习”页进入。' />
      </View>
    )
  }
  return <SessionGate>{() => <Makeup meetingId={decodeURIComponent(id)} />}</SessionGate>
}
