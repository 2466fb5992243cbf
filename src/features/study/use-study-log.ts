import { useState } from 'react'
import type { StudyKind } from '../../../types/models'
import { formatHours } from '../../display/study-display'
import { LIMITS } from '../../domain/limits'
import { selfStudyAward } from '../../domain/study'
import { addDays, shanghaiDate } from '../../domain/time'
import { useActionForm, type Problem } from '../../hooks/use-action-form'
import { useRemote } from '../../hooks/use-remote'
import { call } from '../../services/call'
import { now } from '../../services/clock'
import type { PickedPhoto } from '../../services/photo'
import { uploadedPhoto } from './photo'

export interface StudyForm {
  title: string
  kind: StudyKind
  minutes: string
  date: string
  note: string
  photo: PickedPhoto | null
  /** One id per filled-in form: a retry after a lost answer cannot log the same study twice. */
  requestId: string
}

const { title: TITLE_MAX, minutesMin, minutesMax } = LIMITS.study
/** How far back a study may be dated (the server takes the last month). */
const DAYS_BACK = 31

const newRequestId = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`

export const blankStudy = (today: string): StudyForm => ({ title: '', kind: 'original', minutes: '', date: today, note: '', photo: null, requestId: newRequestId() })

const wholeMinutes = (text: string): number | null => {
  const n = Number(text)
  return text.trim() && Number.isInteger(n) ? n : null
}

export function validateStudy(f: StudyForm): Problem[] {
  const problems: Problem[] = []
  const title = f.title.trim()
  if (!title) problems.push({ field: 'title', message: '请填写学习内容，例如：学习新修订的《中国共产党纪律处分条例》' })
  else if (title.length > TITLE_MAX) problems.push({ field: 'title', message: `学习内容不能超过 ${TITLE_MAX} 个字` })
  const minutes = wholeMinutes(f.minutes)
  if (minutes === null) problems.push({ field: 'minutes', message: '请填写学了多少分钟（整数）' })
  else if (minutes < minutesMin || minutes > minutesMax) problems.push({ field: 'minutes', message: `时长应在 ${minutesMin}–${minutesMax} 分钟之间` })
  return problems
}

/** What the minutes typed so far are worth, so nobody is surprised afterwards. */
export function awardHint(text: string): string {
  const n = wholeMinutes(text)
  if (n === null || n < minutesMin || n > minutesMax) return '按每小时 1 学时折算，每条最多计 4 学时'
  const award = selfStudyAward(n)
  return `可计 ${formatHours(award.studyTenths / 10)} 学时、${award.points} 积分（每条最多计 4 学时）`
}

async function logStudy(f: StudyForm) {
  const photo = await uploadedPhoto(f.photo, 'study')
  const note = f.note.trim()
  return call('study.log', {
    title: f.title.trim(),
    kind: f.kind,
    minutes: Number(f.minutes),
    studiedOn: f.date,
    ...(note ? { note } : {}),
    ...(photo ? { photo } : {}),
    requestId: f.requestId,
  })
}

/** 记录自学: the form, its checks, one study logged per filled-in form, and 再记一条. */
export function useStudyLog() {
  const today = shanghaiDate(now())
  const settings = useRemote(() => call('branch.settings', {}), [])
  const [picking, setPicking] = useState(false)
  const form = useActionForm({ initial: () => blankStudy(today), validate: validateStudy, send: logStudy, fallbackError: '没有提交成功，请重试', toast: true })
  const fieldErrors = Object.keys(form.errors).length > 0
  return {
    ...form,
    today,
    earliest: addDays(today, -DAYS_BACK),
    // Field problems stand under their fields; this line is for the server's answer.
    formError: fieldErrors ? null : form.error,
    needsApproval: settings.data ? settings.data.settings.selfStudyNeedsApproval : null,
    picking,
    pickerOpened: () => setPicking(true),
    pickerClosed: () => setPicking(false),
    anotherStarted: () => form.reset(),
  }
}
