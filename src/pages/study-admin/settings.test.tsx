import { act, renderHook } from '@testing-library/react'
import { fakeServer } from '../../features/study/fake-server'
import { overviewOf } from './figures'
import { useSettingsForm, validateSettings, toForm, type Settings } from './use-settings-form'

const SAVED: Settings = { targetHours: 32, committeeTargetHours: 48, xuexiWeeklyTarget: 150, selfStudyNeedsApproval: false, rankingsEnabled: false, meetingPoints: {} }

describe('the study settings (useSettingsForm)', () => {
  it('wants whole numbers in range', () => {
    expect(validateSettings(toForm(SAVED))).toBeNull()
    expect(validateSettings({ ...toForm(SAVED), targetHours: '32.5' })).toBe('党员全年学时目标请填写整数')
    expect(validateSettings({ ...toForm(SAVED), committeeTargetHours: '201' })).toBe('支委全年学时目标应在 1–200 之间')
    expect(validateSettings({ ...toForm(SAVED), xuexiWeeklyTarget: '1001' })).toBe('学习强国每周目标应在 0–1000 之间')
  })

  it('saves and then shows what the server kept, ready to save again', async () => {
    const kept = { ...SAVED, targetHours: 40, rankingsEnabled: true }
    const server = fakeServer({ 'branch.updateSettings': { settings: kept } })
    const { result } = renderHook(() => useSettingsForm(SAVED))
    act(() => {
      result.current.set('targetHours', '40')
      result.current.set('rankingsEnabled', true)
    })
    await act(async () => {
      await result.current.submit()
    })
    expect(server.payloadOf('branch.updateSettings')).toEqual({ targetHours: 40, committeeTargetHours: 48, xuexiWeeklyTarget: 150, selfStudyNeedsApproval: false, rankingsEnabled: true })
    expect(result.current.values).toEqual(toForm(kept))
    expect(result.current.done).toBeNull()
  })
})

describe('the branch’s 学时 (overviewOf)', () => {
  const row = (name: string, studyHours: number, behind: boolean) => ({ memberId: name, name, studyHours, target: 32, expectedByNow: 20, behind, points: 0 })

  it('puts who is behind first, then the least far along, and counts them', () => {
    const { members, behind, done } = overviewOf([row('甲', 40, false), row('乙', 10, false), row('丙', 12, true), row('丁', 5, true)])
    expect(members.map((m) => m.name)).toEqual(['丁', '丙', '乙', '甲'])
    expect([behind, done]).toEqual([2, 1])
  })
})
