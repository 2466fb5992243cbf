import { Text, View } from '@tarojs/components'
import type { MemberView } from '../../../types/models'
import type { CalendarSettings } from '../../../types/views'
import { FormError } from '../../components/FormField'
import { OneErrorBlock, StateView } from '../../components/StateView'
import { ArrowRight, Picker } from '../../components/ui'
import { PageRoute } from '../../containers/PageRoute'
import { ruleLabel } from '../../display/day-rule'
import { formatDateZh } from '../../domain/time'
import { wheelsFor } from '../../features/calendar/choices'
import { useCalendarSettings, type CalendarSettingsModel, type Choosing } from '../../features/calendar/use-calendar-settings'
import { PageMessage } from '../../features/study/views'
import type { Result } from '../../services/call'
import './index.scss'

type Month = Result<'schedule.month'>

/** A row that opens a wheel: what it is, its value, and an arrow. */
function Row({ label, value, note, onClick }: { label: string; value: string; note?: string; onClick: () => void }) {
  return (
    <View className='cal__row' role='button' onClick={onClick}>
      <Text className='cal__label'>{label}</Text>
      <View className='cal__value'>
        <Text className='cal__value-text'>{value}</Text>
        {note ? <Text className='cal__tag'>{note}</Text> : null}
        <ArrowRight className='cal__arrow' />
      </View>
    </View>
  )
}

function DayCard({ day, title, rule, months, choose }: { day: 'theme' | 'dues'; title: string; rule: string; months: Month[]; choose: (c: Choosing) => void }) {
  return (
    <>
      <Text className='section-title'>{title}</Text>
      <View className='card cal__list'>
        <Row label='规则' value={rule} onClick={() => choose({ what: day === 'theme' ? 'themeDayRule' : 'duesDayRule' })} />
        {months.map((m) => {
          const d = day === 'theme' ? m.themeDay : m.duesDay
          return (
            <Row
              key={m.month}
              label={`${Number(m.month.slice(5))}月`}
              value={formatDateZh(d.date)}
              note={d.overridden ? '已调整' : d.shifted ? '遇节假日提前' : undefined}
              onClick={() => choose({ what: 'month', day, month: m.month })}
            />
          )
        })}
      </View>
    </>
  )
}

function Settings({ cal, months, model }: { cal: CalendarSettings; months: Month[]; model: CalendarSettingsModel }) {
  const { choose, choosing, today } = model
  const ruleDates = Object.fromEntries(months.flatMap((m) => [[`theme:${m.month}`, m.themeDay.ruleDate], [`dues:${m.month}`, m.duesDay.ruleDate]]))
  const wheels = choosing ? wheelsFor(choosing, cal, today, ruleDates) : null
  return (
    <View>
      <FormError text={model.error} />
      <DayCard day='theme' title='主题党日' rule={ruleLabel(cal.themeDayRule)} months={months} choose={choose} />
      <DayCard day='dues' title='党费缴纳日' rule={ruleLabel(cal.duesDayRule)} months={months} choose={choose} />
      <Text className='muted cal__note'>改某个月只影响那个月；已生成的主题党日会一起改期，手动改过时间的会议不变。</Text>
      <Text className='section-title'>提醒时间</Text>
      <View className='card cal__list'>
        <Row label='前一天' value={cal.reminderTimes.dayBefore} onClick={() => choose({ what: 'dayBefore' })} />
        <Row label='当天' value={cal.reminderTimes.morningOf} onClick={() => choose({ what: 'morningOf' })} />
      </View>
      <Text className='muted cal__note'>主题党日和党费缴纳日的前一天、当天各提醒一次。</Text>
      <Text className='section-title'>记录</Text>
      <View className='card cal__list'>
        <Row label='党费登记表起始月' value={`${cal.duesSince.slice(0, 4)}年${Number(cal.duesSince.slice(5))}月`} onClick={() => choose({ what: 'duesSince' })} />
        <Row label='补签、审批请假' value={`会后 ${cal.fixWindowDays} 天内`} onClick={() => choose({ what: 'fixWindowDays' })} />
      </View>
      {wheels ? (
        <Picker
          visible
          threeDimensional={false}
          title={wheels.title}
          options={wheels.options}
          value={wheels.value}
          onConfirm={(_, picked) => model.save(wheels.change(picked.map(String)))}
          onClose={model.close}
        />
      ) : null}
    </View>
  )
}

function CalendarScreen() {
  const model = useCalendarSettings()
  const { calendar, months } = model
  return (
    <View className='page cal'>
      <OneErrorBlock>
        <StateView remote={calendar} rows={8}>
          <StateView remote={months} rows={8}>
            {calendar.data && months.data ? <Settings cal={calendar.data.calendar} months={months.data} model={model} /> : null}
          </StateView>
        </StateView>
      </OneErrorBlock>
    </View>
  )
}

/** 日程与提醒 (the secretary's): the monthly days, reminder times, the register's first month and the fix window. */
export default function CalendarSettingsPage() {
  return (
    <PageRoute
      render={({ member }: { member: MemberView }) =>
        member.roles.includes('secretary') ? <CalendarScreen /> : <PageMessage title='仅支部书记可以修改日程' hint='主题党日和提醒时间有变动时，请联系支部书记。' />
      }
    />
  )
}
