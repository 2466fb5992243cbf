import { Text, View } from '@tarojs/components'
import type { Result } from '../../services/call'
import type { StudyKind } from '../../../types/models'
import { ChoiceList } from '../../components/ChoiceList'
import { FormError, FormField } from '../../components/FormField'
import { PhotoField } from '../../containers/PhotoField'
import { ResultPanel } from '../../components/ResultPanel'
import { SessionGate } from '../../containers/SessionGate'
import { ArrowRight, Button, Cell, CellGroup, Input, TextArea } from '../../components/ui'
import { minutesLabel, STUDY_KIND_LABELS } from '../../display/study-display'
import { LIMITS } from '../../domain/limits'
import { formatDateZh } from '../../domain/time'
import { DayPicker } from '../../features/study/day-picker'
import { awardHint, useStudyLog } from '../../features/study/use-study-log'
import { ActionBar, BackToStudy } from '../../features/study/views'
import './index.scss'

const QUICK_MINUTES = [30, 45, 60, 90]
// The kinds in the order the labels list them (types/ holds types only for the app build).
const STUDY_KINDS = Object.keys(STUDY_KIND_LABELS) as StudyKind[]

type Log = ReturnType<typeof useStudyLog>

function Done({ result, onAnother }: { result: Result<'study.log'>; onAnother: () => void }) {
  const s = result.study
  return (
    <View className='page page--actions'>
      <ResultPanel
        tone={result.counted ? 'ok' : 'wait'}
        word={result.counted ? '已计入学时' : '已提交，等待审核'}
        lines={[
          `${s.title} · ${STUDY_KIND_LABELS[s.kind]} · ${minutesLabel(s.minutes)}`,
          formatDateZh(s.studiedOn),
          result.counted ? '学时和积分已记入您今年的学习记录。' : '本支部的自学记录由支委审核后计入学时，审核后会显示在学习记录里。',
        ]}
      />
      <Button block fill='outline' className='study-log__again' onClick={onAnother}>
        再记一条
      </Button>
      <BackToStudy />
    </View>
  )
}

function MinutesField({ log }: { log: Log }) {
  const minutes = log.values.minutes
  return (
    <FormField label='学习时长（分钟）' hint={awardHint(minutes)} error={log.errors.minutes}>
      <Input className='field__input' type='number' value={minutes} onChange={(v) => log.set('minutes', v)} placeholder='例如 45' />
      <View className='study-log__quick'>
        {QUICK_MINUTES.map((n) => (
          <View
            key={n}
            role='button'
            className={minutes === String(n) ? 'study-log__chip study-log__chip--on' : 'study-log__chip'}
            onClick={() => log.set('minutes', String(n))}
          >
            {n}分钟
          </View>
        ))}
      </View>
    </FormField>
  )
}

function DateCell({ log }: { log: Log }) {
  return (
    <CellGroup className='study-log__cells'>
      <Cell
        title='学习日期'
        align='center'
        clickable
        onClick={log.pickerOpened}
        extra={
          <View className='study-log__value'>
            <Text className='study-log__value-text'>{formatDateZh(log.values.date)}</Text>
            <ArrowRight className='study-log__arrow' />
          </View>
        }
      />
    </CellGroup>
  )
}

function StudyLog() {
  const log = useStudyLog()
  const { values, set } = log
  if (log.done) return <Done result={log.done} onAnother={log.anotherStarted} />
  return (
    <View className='page page--actions study-log'>
      <FormField label='学习内容' error={log.errors.title}>
        <Input className='field__input' value={values.title} onChange={(v) => set('title', v)} placeholder='例如：学习党章第一章' maxLength={LIMITS.study.title + 10} clearable />
      </FormField>
      <FormField label='学习形式'>
        <ChoiceList
          options={STUDY_KINDS.map((k) => STUDY_KIND_LABELS[k])}
          chosen={[STUDY_KINDS.indexOf(values.kind)]}
          onToggle={(i) => set('kind', STUDY_KINDS[i])}
          letters={false}
          columns={2}
        />
      </FormField>
      <MinutesField log={log} />
      <DateCell log={log} />
      <FormField label='学习心得（可不填）'>
        <TextArea className='field__textarea' value={values.note} onChange={(v) => set('note', v)} placeholder='写几句体会，支委审核时可以看到' maxLength={LIMITS.study.note} autoSize />
      </FormField>
      <View className='field'>
        <PhotoField label='照片（可不加）' hint='例如书页、笔记或学习界面的截图' value={values.photo} onChange={(p) => set('photo', p)} />
      </View>
      {log.needsApproval !== null ? (
        <Text className='muted study-log__note'>{log.needsApproval ? '本支部的自学记录需支委审核，审核通过后计入学时。' : '提交后立即计入学时和积分。'}</Text>
      ) : null}
      <FormError text={log.formError} />
      <ActionBar text='提交' busy={log.busy} onClick={log.submit} />
      <DayPicker visible={log.picking} title='学习日期' value={values.date} from={log.earliest} to={log.today} onPick={(d) => set('date', d)} onClose={log.pickerClosed} />
    </View>
  )
}

export default function StudyLogPage() {
  return <SessionGate>{() => <StudyLog />}</SessionGate>
}
