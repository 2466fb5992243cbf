/**
 * The 台账 screen's state: the chosen year, that year's meetings, and each export's progress.
 * An export asks the server for a fresh file and opens it at once; its link stays shown with the
 * time it expires, to download again or copy.
 */
import { useCallback, useState } from 'react'
import type { MemberView } from '../../../types/models'
import { canManageMeeting, LEADERSHIP, mayCall } from '../../domain/permissions'
import { inShanghai } from '../../domain/time'
import { useRemote } from '../../hooks/use-remote'
import { call, errorText, type Result } from '../../services/call'
import { now } from '../../services/clock'
import { ExportFileError, openExport } from '../../services/export-file'

export type ExportLink = Result<'export.study'>
export type YearExport = 'export.meetings' | 'export.dues' | 'export.study'
export type MeetingExport = 'export.attendance' | 'export.minutes'

export type ExportState = { status: 'busy' } | { status: 'done'; link: ExportLink; warning?: string } | { status: 'error'; message: string }

/** The year's sheets, in the order a 上级党委 reads them. */
export const YEAR_EXPORTS: Array<{ action: YearExport; title: string; hint: string }> = [
  { action: 'export.meetings', title: '三会一课台账', hint: '每次会议的时间、类型、应到和实到' },
  { action: 'export.dues', title: '党费登记表', hint: '每位党员每月的缴纳金额，未缴的标出' },
  { action: 'export.study', title: '学时统计', hint: '每位党员全年的积分和学时' },
]

const currentYear = () => inShanghai(now()).year()

export function useLedger(member: MemberView) {
  const [year, setYear] = useState(currentYear)
  const [exports, setExports] = useState<Record<string, ExportState>>({})
  const leadership = mayCall(LEADERSHIP, member.roles)
  const meetings = useRemote(async () => {
    const { meetings: all } = await call('meeting.list', { from: `${year}-01-01`, to: `${year}-12-31` })
    // Only meetings that have started have a record; the newest first.
    return all.filter((m) => m.status === 'scheduled' && Date.parse(m.startAt) <= now().getTime() && canManageMeeting(member, m)).reverse()
  }, [year])

  /** Opens a file made before; a failure to open leaves its link shown, with what went wrong. */
  const open = useCallback(async (key: string, link: ExportLink) => {
    setExports((s) => ({ ...s, [key]: { status: 'done', link } }))
    try {
      await openExport(link)
    } catch (err) {
      const warning = err instanceof ExportFileError ? err.message : '无法打开文件，请复制链接在电脑上下载'
      setExports((s) => ({ ...s, [key]: { status: 'done', link, warning } }))
    }
  }, [])

  const run = useCallback(
    async (key: string, ask: () => Promise<ExportLink>) => {
      setExports((s) => ({ ...s, [key]: { status: 'busy' } }))
      let link: ExportLink
      try {
        link = await ask()
      } catch (err) {
        setExports((s) => ({ ...s, [key]: { status: 'error', message: errorText(err, '导出失败，请重试') } }))
        return
      }
      await open(key, link)
    },
    [open],
  )

  return {
    year,
    thisYear: currentYear(),
    yearChosen: (y: number) => {
      setYear(y)
      setExports({})
    },
    leadership,
    meetings,
    exports,
    reopened: open,
    yearExported: (action: YearExport) => run(action, () => call(action, { year })),
    meetingExported: (action: MeetingExport, meetingId: string) => run(`${action}:${meetingId}`, () => call(action, { meetingId })),
  }
}
