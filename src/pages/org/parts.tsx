/** The pieces both 党委 screens show: the period bar and a branch's figures. */
import { Text, View } from '@tarojs/components'
import type { OrgBranchRow } from '../../../types/org'
import { TabSwitch } from '../../components/TabSwitch'
import { Button } from '../../components/ui'
import type { PeriodMode, usePeriod } from './use-org'
import { CONCERN_WORDS, hours, percent } from './words'

const MODES = [
  { key: 'year', label: '全年' },
  { key: 'month', label: '按月' },
] as const satisfies ReadonlyArray<{ key: PeriodMode; label: string }>

/** 全年 or 按月, and ‹ 2026年 › to step through them. */
export function PeriodBar({ p }: { p: ReturnType<typeof usePeriod> }) {
  return (
    <View className='org__period'>
      <TabSwitch items={MODES} value={p.mode} onChange={p.modeChosen} />
      <View className='org__stepper'>
        <Button fill='none' className='org__step' onClick={() => p.stepped(-1)} aria-label='上一个'>
          ‹
        </Button>
        <Text className='org__period-label'>{p.label}</Text>
        <Button fill='none' className='org__step' disabled={p.canNext ? undefined : true} onClick={() => p.stepped(1)} aria-label='下一个'>
          ›
        </Button>
      </View>
    </View>
  )
}

export function Concerns({ row }: { row: OrgBranchRow }) {
  if (row.concerns.length === 0) return <Text className='org__fine'>各项正常</Text>
  return (
    <View className='org__concerns'>
      {row.concerns.map((c) => (
        <Text key={c} className='org__concern'>
          {CONCERN_WORDS[c]}
        </Text>
      ))}
    </View>
  )
}

/** Four figures, two by two, each with its words; a flagged one in red beside its word. */
export function Figures({ row }: { row: OrgBranchRow }) {
  const flagged = new Set(row.concerns)
  const cells = [
    { key: 'attendance', label: '出勤率', value: percent(row.attendanceRate) },
    { key: 'dues', label: '党费收缴率', value: percent(row.duesRate) },
    { key: 'study', label: '全年人均学时', value: hours(row.studyHoursAvg), after: ` / 应达 ${hours(row.studyExpectedByNow)}` },
    { key: 'checklist', label: '三会一课缺项', value: String(row.checklistMissed), after: ' 项' },
  ] as const
  return (
    <View className='org__figures'>
      {cells.map((c) => (
        <View key={c.key} className='org__figure'>
          <Text className='org__figure-label'>{c.label}</Text>
          <Text className={flagged.has(c.key) ? 'org__figure-num org__figure-num--flag' : 'org__figure-num'}>
            {c.value}
            {'after' in c ? <Text className='org__figure-after'>{c.after}</Text> : null}
          </Text>
        </View>
      ))}
    </View>
  )
}
