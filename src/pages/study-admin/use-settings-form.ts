import Taro from '@tarojs/taro'
import type { EditableSettings } from '../../../types/views'
import { LIMITS } from '../../domain/limits'
import { oneProblem } from '../../features/study/form-helpers'
import { useActionForm } from '../../hooks/use-action-form'
import { call } from '../../services/call'

export type Settings = Required<EditableSettings>
export interface SettingsForm {
  targetHours: string
  committeeTargetHours: string
  xuexiWeeklyTarget: string
  selfStudyNeedsApproval: boolean
  rankingsEnabled: boolean
}

export const toForm = (s: Settings): SettingsForm => ({
  targetHours: String(s.targetHours),
  committeeTargetHours: String(s.committeeTargetHours),
  xuexiWeeklyTarget: String(s.xuexiWeeklyTarget),
  selfStudyNeedsApproval: s.selfStudyNeedsApproval,
  rankingsEnabled: s.rankingsEnabled,
})

function checkInt(text: string, label: string, min: number, max: number): string | null {
  const n = Number(text)
  if (!text.trim() || !Number.isInteger(n)) return `${label}请填写整数`
  if (n < min || n > max) return `${label}应在 ${min}–${max} 之间`
  return null
}

const { targetHoursMin, targetHoursMax, xuexiWeeklyTargetMax } = LIMITS.settings

export function validateSettings(f: SettingsForm): string | null {
  return (
    checkInt(f.targetHours, '党员全年学时目标', targetHoursMin, targetHoursMax) ??
    checkInt(f.committeeTargetHours, '支委全年学时目标', targetHoursMin, targetHoursMax) ??
    checkInt(f.xuexiWeeklyTarget, '学习强国每周目标', 0, xuexiWeeklyTargetMax)
  )
}

const payload = (f: SettingsForm) => ({
  targetHours: Number(f.targetHours),
  committeeTargetHours: Number(f.committeeTargetHours),
  xuexiWeeklyTarget: Number(f.xuexiWeeklyTarget),
  selfStudyNeedsApproval: f.selfStudyNeedsApproval,
  rankingsEnabled: f.rankingsEnabled,
})

/** The secretary's study settings, from what the server has: edited, saved, and shown again as the server kept them. */
export function useSettingsForm(saved: Settings) {
  const form = useActionForm({
    initial: () => toForm(saved),
    validate: oneProblem(validateSettings),
    send: (f: SettingsForm) => call('branch.updateSettings', payload(f)),
    onDone: (r) => {
      form.reset(toForm(r.settings))
      Taro.showToast({ title: '设置已保存', icon: 'success' })
    },
    fallbackError: '没有保存成功，请重试',
  })
  return form
}
