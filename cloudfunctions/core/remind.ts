/**
 * The daily `remind` timer. It runs on a fixed schedule and decides in code what is due at the
 * clock's time, so a retried or doubled run sees the same answer. Sending lands with the
 * subscription-credit work (issue 4); today it reports what each branch has coming.
 */
import type { Branch } from '../../types/models'
import { DEFAULT_SCHEDULE, monthSchedule } from '../../src/domain/schedule'
import { addDays, shanghaiDate } from '../../src/domain/time'
import type { Ports } from './ports'

const PAGE = 100

const nextMonth = (month: string) => addDays(`${month}-01`, 31).slice(0, 7)

export interface RemindReport {
  today: string
  branches: number
  due: Array<{ branchId: string; kind: 'theme_day' | 'dues_day'; date: string; moment: 'day_before' | 'morning_of' }>
}

export async function runRemind(ports: Ports): Promise<RemindReport> {
  const today = shanghaiDate(ports.clock.now())
  const tomorrow = addDays(today, 1)
  // A holiday shift moves a day earlier, possibly into the month before: look one month ahead too.
  const months = new Set([today.slice(0, 7), tomorrow.slice(0, 7), nextMonth(tomorrow.slice(0, 7))])
  const report: RemindReport = { today, branches: 0, due: [] }
  for (let skip = 0; ; skip += PAGE) {
    const page: Branch[] = await ports.storage.find('branches', {}, { orderBy: [['id', 'asc']], skip, limit: PAGE })
    for (const branch of page) {
      report.branches += 1
      for (const month of months) {
        const s = monthSchedule(month, branch.schedule ?? DEFAULT_SCHEDULE)
        for (const [kind, day] of [['theme_day', s.themeDay], ['dues_day', s.duesDay]] as const) {
          if (day.date === today) report.due.push({ branchId: branch.id, kind, date: day.date, moment: 'morning_of' })
          if (day.date === tomorrow) report.due.push({ branchId: branch.id, kind, date: day.date, moment: 'day_before' })
        }
      }
    }
    if (page.length < PAGE) break
  }
  ports.log.info('remind', { today, branches: report.branches, due: report.due.length })
  return report
}
