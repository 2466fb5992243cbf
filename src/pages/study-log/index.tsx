import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { Result } from '../../services/call'
import type { StudyKind } from '../../../types/models'
import { ChoiceList } from '../../components/ChoiceList'
import { FormError, FormField } from '../../components/FormField'
import { PhotoField } from '../../containers/PhotoField'
import { ResultPanel } from '../../components/ResultPanel'
import { SessionGate } from '../../containers/SessionGate'
import { ArrowRight, Button, Cell, CellGroup, DatePicker, Input, TextArea } from '../../components/ui'
import { withoutFieldPrefix } from '../../display/meeting-display'
import { selfStudyAward } from '../../domain/study'
import { formatHours, minutesLabel, STUDY_KIND_LABELS } from '../../display/study-display'
import { addDays, formatDateZh, shanghaiDate } from '../../domain/time'
import { useRemote } from '../../hooks/use-remote'
import { ApiError, call } from '../../services/call'
import { now } from '../../services/clock'
import { backOr } from '../../services/navigation'
import { photoForUpload, PhotoError, type PickedPhoto } from '../../services/photo'
import './index.scss'

const TITLE_MAX = 60
const NOTE_MAX = 500
const MINUTES_MIN = 5
const MINUTES_MAX = 600
const QUICK_MINUTES = [30, 45, 60, 90]
// The kinds in the order the labels list them (types/ holds types only for the app build).
const STUDY_KINDS = Object.keys(STUDY_KIND_LABELS) as StudyKind[]
/** How far back a study may be dated (the server takes the last month). */
const DAYS_BACK = 31

interface Form {
  title: string
  kind: StudyKind
  minutes: string
  date: string
  note: string
  photo: PickedPhoto | null
}

type Errors = Partial<Record<'title' | 'minutes', string>>

function validate(f: Form): Errors {
  const e: Errors = {}
  const title = f.title.trim()
  if (!title) e.title = '请填写学习内容，例如：学习新修订的《中国共产党纪律处分条例》'
  else if (title.length > TITLE_MAX) e.title = `学习内容不能超过 ${TITLE_MAX} 个字`
  const minutes = Number(f.minutes)
  if (!f.minutes.trim() || !Number.isInteger(minutes)) e.minutes = '请填写学了多少分钟（整数）'
  else if (minutes < MINUTES_MIN || minutes > MINUTES_MAX) e.minutes = `时长应在 ${MINUTES_MIN}–${MINUTES_MAX} 分钟之间`
  return e
}

const pad = (v: string | number | null) => String(v ?? '').padStart(2, '0')

/** A Date that puts the picker's wheels on the given day (the device's zone is irrelevant here). */
function pickerDay(date: string): Date {
  return new Date(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)))
}

/** What the minutes typed so far are worth, so nobody is surprised afterwards. */
function awardHint(minutes: string): string {
  const n = Number(minutes)
  if (!minutes.trim() || !Number.isInteger(n) || n < MINUTES_MIN || n > MINUTES_MAX) return '按每小时 1 学时折算，每条最多计 4 学时'
  const award = selfStudyAward(n)
  return `可计 ${formatHours(award.studyTenths / 10)} 学时、${award.points} 积分（每条最多计 4 学时）`
}

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
      <View className='action-bar'>
        <Button block type='primary' className='action-bar__main' onClick={() => backOr('/pages/study/index')}>
          返回学习
        </Button>
      </View>
    </View>
  )
}

const newRequestId = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`

function StudyLog() {
  const today = shanghaiDate(now())
  const blank: Form = { title: '', kind: 'original', minutes: '', date: today, note: '', photo: null }
  const [form, setForm] = useState<Form>(blank)
  const [errors, setErrors] = useState<Errors>({})
  const [serverError, setServerError] = useState<string | null>(null)
  const [picking, setPicking] = useState(false)
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<Result<'study.log'> | null>(null)
  // One id per filled-in form: a retry after a lost answer cannot log the same study twice.
  const [requestId, setRequestId] = useState(newRequestId)
  const settings = useRemote(() => call('branch.settings', {}), [])

  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    setForm((f) => ({ ...f, [key]: value }))
    setServerError(null)
    if (key === 'title' || key === 'minutes') setErrors(({ [key]: _gone, ...rest }) => rest)
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
    try {
      const photo = form.photo ? await photoForUpload(form.photo, 'study') : undefined
      const note = form.note.trim()
      const result = await call('study.log', {
        title: form.title.trim(),
        kind: form.kind,
        minutes: Number(form.minutes),
        studiedOn: form.date,
        ...(note ? { note } : {}),
        ...(photo ? { photo } : {}),
        requestId,
      })
      setDone(result)
    } catch (err) {
      const message =
        err instanceof ApiError ? withoutFieldPrefix(err.message) : err instanceof PhotoError ? err.message : '没有提交成功，请重试'
      setServerError(message)
      Taro.showToast({ title: message, icon: 'none', duration: 3000 })
    } finally {
      setBusy(false)
    }
  }

  if (done) {
    return (
      <Done
        result={done}
        onAnother={() => {
          setForm(blank)
          setRequestId(newRequestId())
          setDone(null)
        }}
      />
    )
  }

  const needsApproval = settings.data?.settings.selfStudyNeedsApproval
  return (
    <View className='page page--actions study-log'>
      <FormField label='学习内容' error={errors.title}>
        <Input
          className='field__input'
          value={form.title}
          onChange={(v) => set('title', v)}
          placeholder='例如：学习党章第一章'
          maxLength={TITLE_MAX + 10}
          clearable
        />
      </FormField>

      <FormField label='学习形式'>
        <ChoiceList
          options={STUDY_KINDS.map((k) => STUDY_KIND_LABELS[k])}
          chosen={[STUDY_KINDS.indexOf(form.kind)]}
          onToggle={(i) => set('kind', STUDY_KINDS[i])}
          letters={false}
          columns={2}
        />
      </FormField>

      <FormField label='学习时长（分钟）' hint={awardHint(form.minutes)} error={errors.minutes}>
        <Input className='field__input' type='number' value={form.minutes} onChange={(v) => set('minutes', v)} placeholder='例如 45' />
        <View className='study-log__quick'>
          {QUICK_MINUTES.map((n) => (
            <View
              key={n}
              role='button'
              className={form.minutes === String(n) ? 'study-log__chip study-log__chip--on' : 'study-log__chip'}
              onClick={() => set('minutes', String(n))}
            >
              {n}分钟
            </View>
          ))}
        </View>
      </FormField>

      <CellGroup className='study-log__cells'>
        <Cell
          title='学习日期'
          align='center'
          clickable
          onClick={() => setPicking(true)}
          extra={
            <View className='study-log__value'>
              <Text className='study-log__value-text'>{formatDateZh(form.date)}</Text>
              <ArrowRight className='study-log__arrow' />
            </View>
          }
        />
      </CellGroup>

      <FormField label='学习心得（可不填）'>
        <TextArea
          className='field__textarea'
          value={form.note}
          onChange={(v) => set('note', v)}
          placeholder='写几句体会，支委审核时可以看到'
          maxLength={NOTE_MAX}
          autoSize
        />
      </FormField>

      <View className='field'>
        <PhotoField label='照片（可不加）' hint='例如书页、笔记或学习界面的截图' value={form.photo} onChange={(p) => set('photo', p)} />
      </View>

      {settings.data ? (
        <Text className='muted study-log__note'>
          {needsApproval ? '本支部的自学记录需支委审核，审核通过后计入学时。' : '提交后立即计入学时和积分。'}
        </Text>
      ) : null}

      <FormError text={serverError} />

      <View className='action-bar'>
        <Button block type='primary' className='action-bar__main' loading={busy} onClick={submit}>
          提交
        </Button>
      </View>

      <DatePicker
        visible={picking}
        threeDimensional={false}
        title='学习日期'
        type='date'
        showChinese
        value={pickerDay(form.date)}
        startDate={pickerDay(addDays(today, -DAYS_BACK))}
        endDate={pickerDay(today)}
        onConfirm={(_, values) => set('date', `${values[0]}-${pad(values[1])}-${pad(values[2])}`)}
        onClose={() => setPicking(false)}
      />
    </View>
  )
}

export default function StudyLogPage() {
  return <SessionGate>{() => <StudyLog />}</SessionGate>
}
