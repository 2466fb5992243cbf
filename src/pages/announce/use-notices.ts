/**
 * What the notice screens (open one, compose, 已读情况) and the 轮值党务干事 rota load and send;
 * beside the subpackage's page, so that members' main package does not carry them.
 */
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { LIMITS } from '../../domain/limits'
import { nextMonth } from '../../domain/relative-day'
import { addDays, shanghaiDate } from '../../domain/time'
import { useActionForm, type Problem } from '../../hooks/use-action-form'
import { useRemote } from '../../hooks/use-remote'
import { call, errorText } from '../../services/call'
import { now } from '../../services/clock'
import { useSessionStore } from '../../stores/use-session-store'

/** Opening a notice: the answer marks it read. */
export function useNotice(id: string) {
  return useRemote(() => call('announce.read', { announcementId: id }), [id])
}

export function useReaders(id: string) {
  return useRemote(() => call('announce.readers', { announcementId: id }), [id])
}

export interface ComposeForm {
  title: string
  body: string
  /** '' for the whole branch. */
  groupId: string
  /** '' for none. */
  meetingId: string
  push: boolean
  requestId: string
}

const newRequestId = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`

function problemsOf(f: ComposeForm): Problem[] {
  const problems: Problem[] = []
  if (!f.title.trim()) problems.push({ field: 'title', message: '请填写标题' })
  else if (f.title.trim().length > LIMITS.announcement.title) problems.push({ field: 'title', message: `标题不能超过 ${LIMITS.announcement.title} 个字` })
  if (!f.body.trim()) problems.push({ field: 'body', message: '请填写通知内容' })
  else if (f.body.trim().length > LIMITS.announcement.body) problems.push({ field: 'body', message: `内容不能超过 ${LIMITS.announcement.body} 个字` })
  return problems
}

/** Meetings a notice may be about: those not cancelled in the coming six weeks. */
async function loadMeetings() {
  const today = shanghaiDate(now())
  const { meetings } = await call('meeting.list', { from: today, to: addDays(today, 45) })
  return meetings.filter((m) => m.status === 'scheduled' && Date.parse(m.endAt) >= now().getTime())
}

export function useCompose() {
  // The selector answers the stored array itself: a fresh [] each time would re-render forever.
  const groups = useSessionStore((s) => s.me?.groups) ?? []
  const meetings = useRemote(loadMeetings, [])
  const form = useActionForm<ComposeForm, Awaited<ReturnType<typeof sendNotice>>>({
    initial: () => ({ title: '', body: '', groupId: '', meetingId: '', push: true, requestId: newRequestId() }),
    validate: problemsOf,
    send: sendNotice,
    fallbackError: '没能发布，请稍后再试',
  })
  return { form, groups, meetings }
}

function sendNotice(f: ComposeForm) {
  return call('announce.create', {
    title: f.title.trim(),
    body: f.body.trim(),
    push: f.push,
    requestId: f.requestId,
    ...(f.groupId ? { groupId: f.groupId } : {}),
    ...(f.meetingId ? { meetingId: f.meetingId } : {}),
  })
}

/** The months the secretary arranges: this one and the five after it. */
export function comingMonths(today: string, count = 6): string[] {
  const months = [today.slice(0, 7)]
  while (months.length < count) months.push(nextMonth(months[months.length - 1]))
  return months
}

async function loadDuties(months: string[]) {
  const years = [...new Set(months.map((m) => Number(m.slice(0, 4))))]
  const answers = await Promise.all(years.map((year) => call('duty.list', { year })))
  const byMonth = new Map(answers.flatMap((a) => a.months).map((d) => [d.month, d.member]))
  return months.map((month) => ({ month, member: byMonth.get(month) ?? null }))
}

/** 轮值党务干事: the coming months and the roster to choose from; choosing saves at once. */
export function useDutyRota() {
  const months = comingMonths(shanghaiDate(now()))
  const rota = useRemote(() => loadDuties(months), [months[0]])
  const roster = useRemote(() => call('member.list', {}), [])
  const [busy, setBusy] = useState<string | null>(null)
  const chosen = async (month: string, memberId: string | null) => {
    setBusy(month)
    try {
      await call('duty.set', { month, memberId })
      Taro.showToast({ title: memberId ? '已安排' : '已取消安排', icon: 'success' })
      await rota.refresh()
      return true
    } catch (err) {
      Taro.showToast({ title: errorText(err, '没能保存，请稍后再试'), icon: 'none', duration: 3000 })
      return false
    } finally {
      setBusy(null)
    }
  }
  return { rota, roster, busy, chosen }
}
