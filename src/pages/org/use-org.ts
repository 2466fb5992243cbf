/** The 党委 pages' remote data and actions (CONTRACT §7): the overview, one branch, the sheet, attaching. */
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { useActionForm } from '../../hooks/use-action-form'
import { useOneAtATime } from '../../hooks/use-one-at-a-time'
import { useRemote } from '../../hooks/use-remote'
import { call, errorText } from '../../services/call'
import { now } from '../../services/clock'
import { inShanghai } from '../../domain/time'
import { saveSpreadsheet } from './save-file'

export type PeriodMode = 'year' | 'month'

export interface Period {
  year: number
  month: string | null
}

const toPayload = (p: Period) => (p.month ? { year: p.year, month: p.month } : { year: p.year })

/** The year or month looked at: starts at this one, steps back and forward, never past today. */
export function usePeriod() {
  const today = inShanghai(now())
  const [mode, setMode] = useState<PeriodMode>('year')
  const [at, setAt] = useState(today.startOf('month'))
  const unit = mode === 'year' ? 'year' : 'month'
  const period: Period = { year: at.year(), month: mode === 'month' ? at.format('YYYY-MM') : null }
  return {
    mode,
    period,
    label: mode === 'year' ? `${at.year()}年` : `${at.year()}年${at.month() + 1}月`,
    canNext: !at.add(1, unit).startOf(unit).isAfter(today),
    modeChosen: setMode,
    stepped: (by: -1 | 1) => setAt((d) => d.add(by, unit).startOf(unit)),
  }
}

export function useOverview(period: Period) {
  return useRemote(() => call('org.overview', toPayload(period)), [period.year, period.month])
}

export function useBranch(branchId: string, period: Period) {
  return useRemote(() => call('org.branch', { ...toPayload(period), branchId }), [branchId, period.year, period.month])
}

/** The org's code for secretaries, and copying it. */
export function useOrgCode() {
  const code = useRemote(() => call('org.code', {}), [])
  const copied = () => code.data && Taro.setClipboardData({ data: code.data.code })
  return { code, copied }
}

/** The overview as an .xlsx, saved (H5) or opened to share (mini-program). */
export function useExport(period: Period) {
  const exporting = useOneAtATime()
  const exported = () =>
    exporting.run(true, async () => {
      try {
        const file = await call('org.export', toPayload(period))
        await saveSpreadsheet(file.fileName, file.contentBase64)
      } catch (err) {
        Taro.showToast({ title: errorText(err, '导出没有成功，请重试'), icon: 'none' })
      }
    })
  return { busy: exporting.running !== null, exported }
}

/** The org the secretary's branch is under now, if any. */
export const useMyOrg = () => useRemote(() => call('org.mine', {}), [])

/** A secretary puts the branch under an org by its code. */
export function useAttachForm() {
  return useActionForm({
    initial: { code: '' },
    validate: ({ code }) => (code.trim() ? null : { field: 'code', message: '请填写党委给的代码' }),
    send: ({ code }) => call('org.attach', { code: code.trim() }),
    fallbackError: '没有加入成功，请重试',
  })
}

/** The org takes a branch out, with a reason; then back to the overview. */
export function useDetach(branchId: string) {
  const [asking, setAsking] = useState(false)
  const detached = async (reason: string) => {
    await call('org.detach', { branchId, reason })
    setAsking(false)
    Taro.showToast({ title: '已移出本党委', icon: 'success' })
    Taro.navigateBack()
  }
  return { asking, asked: () => setAsking(true), closed: () => setAsking(false), detached }
}
