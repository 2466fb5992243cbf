import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { StateView } from '../../components/StateView'
import { Button } from '../../components/ui'
import { minutesLabel, shortDate, STUDY_KIND_LABELS } from '../../display/study-display'
import { usePendingReview, type Pending } from './use-pending'

// The mini-program's viewer lets one zoom into the photo; on the web the picture is already full width.
const preview = (photo: string) => (process.env.TARO_ENV === 'weapp' ? Taro.previewImage({ urls: [photo] }) : undefined)

function PendingItem({ s, busy, onReview }: { s: Pending; busy: boolean; onReview: (approve: boolean) => void }) {
  return (
    <View className='card sa__pending' data-study={s.id}>
      <Text className='sa__name'>{s.name}</Text>
      <Text className='sa__title'>{s.title}</Text>
      <Text className='muted'>
        {STUDY_KIND_LABELS[s.kind]} · {minutesLabel(s.minutes)} · {shortDate(s.studiedOn)}学习
      </Text>
      {s.note ? <Text className='sa__note'>心得：{s.note}</Text> : null}
      {s.photo ? <Image className='sa__photo' src={s.photo} mode='aspectFit' onClick={() => preview(s.photo as string)} /> : null}
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

export function PendingTab({ onCount }: { onCount: (n: number) => void }) {
  const { pending, studies, reviewing, reviewed } = usePendingReview(onCount)
  return (
    <StateView
      remote={pending}
      rows={5}
      isEmpty={studies.length === 0}
      empty={{ title: '没有待审核的自学记录', hint: '党员提交的自学记录需要审核时会出现在这里。' }}
    >
      {studies.map((s) => (
        <PendingItem key={s.id} s={s} busy={reviewing === s.id} onReview={(approve) => reviewed(s, approve)} />
      ))}
    </StateView>
  )
}
