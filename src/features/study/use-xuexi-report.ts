import Taro from '@tarojs/taro'
import { useEffect } from 'react'
import { LIMITS } from '../../domain/limits'
import { weekStart } from '../../domain/study'
import { addDays, shanghaiDate } from '../../domain/time'
import { useActionForm } from '../../hooks/use-action-form'
import { useRemote } from '../../hooks/use-remote'
import { call } from '../../services/call'
import { now } from '../../services/clock'
import type { PickedPhoto } from '../../services/photo'
import { uploadedPhoto } from './photo'

export interface XuexiForm {
  /** The Monday of the week reported. */
  week: string
  points: string
  photo: PickedPhoto | null
}

export function validateXuexi({ points }: XuexiForm) {
  const n = Number(points)
  if (!points.trim() || !Number.isInteger(n) || n < 0) return { field: 'points', message: '请填写学习强国里显示的积分（整数）' }
  if (n > LIMITS.xuexiPoints) return { field: 'points', message: `积分不能大于 ${LIMITS.xuexiPoints}` }
  return null
}

/** 学习强国 self-report for this week or last: one figure per week, corrected by sending it again. */
export function useXuexiReport() {
  const today = shanghaiDate(now())
  const thisWeek = weekStart(today)
  const mine = useRemote(() => call('xuexi.mine', {}), [])
  const form = useActionForm({
    initial: { week: thisWeek, points: '', photo: null } as XuexiForm,
    validate: validateXuexi,
    send: async (f: XuexiForm) => {
      const screenshot = await uploadedPhoto(f.photo, 'xuexi')
      const r = await call('xuexi.report', { week: f.week, points: Number(f.points), ...(screenshot ? { screenshot } : {}) })
      await mine.refresh()
      return r
    },
    onDone: (r, f) => {
      form.reset({ ...f, photo: null })
      Taro.showToast({ title: r.report.points >= r.target ? '已上报，本周达标' : '已上报', icon: 'success' })
    },
    fallbackError: '没有上报成功，请重试',
    toast: true,
  })
  const { week } = form.values
  const reported = mine.data?.weeks.find((w) => w.week === week)?.points ?? null

  // Start from what was reported for the chosen week, so a correction starts from the old figure.
  useEffect(() => {
    form.set('points', reported === null ? '' : String(reported))
  }, [week, reported])

  const fieldError = form.errors.points ?? null
  return { ...form, mine, today, weeks: [thisWeek, addDays(thisWeek, -7)], reported, fieldError, formError: fieldError ? null : form.error }
}
