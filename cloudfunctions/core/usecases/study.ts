/**
 * Study hours and points: self-study records, 学习强国 self-reports, the secretary's view of who is
 * behind, and the branch's study settings. Every 学时 and point is a ledger row; totals are sums.
 */
import type { Payload, Result } from '../actions'
import type { ReviewState, Study, XuexiReport } from '../../../types/models'
import { studyTarget, sumLedger } from '../domain/points'
import { expectedByNow, selfStudyAward, weekStart } from '../../../src/domain/study'
import { LIMITS } from '../../../src/domain/limits'
import { addDays, formatDateZh, inShanghai, shanghaiDate, toShanghaiIso } from '../../../src/domain/time'
import { requireMember, type Context } from '../context'
import { AppError, invalidInput } from '../errors'
import { ledgerKeys, studyId, xuexiId } from '../records/ids'
import { award, ledgerRow, recordWithAward } from '../records/ledger'
import { upsert } from '../records/record-once'
import { branchSettings, changeBranch } from '../records/settings'
import { PAGES } from '../actions/define'
import { branchMembers } from './meeting-support'
import { pageOf, pageQuery, PHOTO_PAGE_CHARS } from './paging'

const XUEXI_WEEKS_SHOWN = 8
/** How many weeks back a 学习强国 report may still be made. */
const XUEXI_BACK_WEEKS = 4

const KIND_WORDS = { original: '原文', video: '党课视频', xuexi: '学习强国', other: '其他' } as const

/** The caller's branch and its settings (what branch.settings shows). */
async function loadSettings(ctx: Context, branchId: string) {
  const branch = await ctx.storage.get('branches', branchId)
  if (!branch) throw new AppError('NOT_FOUND', '找不到您所在的支部')
  return { branch, settings: branchSettings(branch, ctx.clock.now()).editable }
}

/** The award of an approved self-study record (none for one still pending or refused). */
function studyAward(study: Study, by: string) {
  if (study.state !== 'approved') return null
  return ledgerRow({
    ...ledgerKeys.study(study.id),
    branchId: study.branchId,
    memberId: study.memberId,
    kind: 'self_study',
    ...selfStudyAward(study.minutes),
    by,
    at: new Date(`${study.studiedOn}T12:00:00+08:00`),
    reason: `自学（${KIND_WORDS[study.kind]}）：${study.title}`,
  })
}

export async function pointsHistory(ctx: Context, p: Payload<'points.history'>): Promise<Result<'points.history'>> {
  const me = requireMember(ctx)
  const year = p.year ?? inShanghai(ctx.clock.now()).year()
  const rule = { limit: PAGES.ledger }
  const found = await ctx.storage.find('ledger', { memberId: me.id, year }, pageQuery(p, rule, [['at', 'desc'], ['id', 'desc']]))
  const { items, next } = pageOf(found, p, rule)
  return {
    year,
    rows: items.map((r) => ({ id: r.id, kind: r.kind, points: r.points, studyHours: r.studyTenths / 10, reason: r.reason, at: r.at })),
    next,
  }
}

export async function studyLog(ctx: Context, p: Payload<'study.log'>): Promise<Result<'study.log'>> {
  const me = requireMember(ctx)
  const now = ctx.clock.now()
  const today = shanghaiDate(now)
  const studiedOn = p.studiedOn ?? today
  if (studiedOn > today) throw invalidInput('studiedOn', '学习日期不能晚于今天')
  if (studiedOn < addDays(today, -LIMITS.study.backDays)) throw invalidInput('studiedOn', `只能补记最近 ${LIMITS.study.backDays} 天的自学`)
  const id = studyId(me.id, p.requestId, now)
  const year = studiedOn.slice(0, 4)
  const [{ settings }, sameDay, photos] = await Promise.all([
    loadSettings(ctx, me.branchId),
    ctx.storage.find('studies', { memberId: me.id, studiedOn, state: { $ne: 'refused' } }),
    p.photo ? ctx.storage.count('studies', { memberId: me.id, photo: { $ne: null }, studiedOn: { $gte: `${year}-01-01`, $lte: `${year}-12-31` } }) : 0,
  ])
  const resent = sameDay.some((s) => s.id === id)
  if (!resent && photos >= LIMITS.studyPhotosPerYear) {
    throw invalidInput('photo', `${year} 年的自学记录已附 ${photos} 张照片，每年最多 ${LIMITS.studyPhotosPerYear} 张；这条请不附照片`)
  }
  // A day has so many hours: more would be a record nobody could believe. A resent form is not counted twice.
  const logged = sameDay.filter((s) => s.id !== id).reduce((sum, s) => sum + s.minutes, 0)
  const max = LIMITS.study.dayMinutesMax
  if (logged + p.minutes > max) {
    const left = Math.max(0, max - logged)
    throw invalidInput('minutes', `${formatDateZh(studiedOn)}已记 ${logged} 分钟，每人每天自学最多计 ${max / 60} 小时（${max} 分钟），这条最多还能记 ${left} 分钟`)
  }
  const study: Study = {
    id,
    branchId: me.branchId,
    memberId: me.id,
    title: p.title,
    kind: p.kind,
    minutes: p.minutes,
    note: p.note || null,
    photo: p.photo ?? null,
    studiedOn,
    state: settings.selfStudyNeedsApproval ? 'pending' : 'approved',
    createdAt: toShanghaiIso(now),
    reviewedBy: null,
    reviewedAt: null,
  }
  // The same form sent again answers the record it made (and finishes its award if that was cut short).
  const { record } = await recordWithAward(ctx.storage, 'studies', study, (r) => studyAward(r, me.id))
  return { study: record, counted: record.state === 'approved' }
}

export async function studyMine(ctx: Context, p: Payload<'study.mine'>): Promise<Result<'study.mine'>> {
  const me = requireMember(ctx)
  const year = p.year ?? inShanghai(ctx.clock.now()).year()
  const rule = { limit: PAGES.studies, maxChars: PHOTO_PAGE_CHARS }
  const found = await ctx.storage.find(
    'studies',
    { memberId: me.id, studiedOn: { $gte: `${year}-01-01`, $lte: `${year}-12-31` } },
    pageQuery(p, rule, [['studiedOn', 'desc'], ['createdAt', 'desc'], ['id', 'desc']]),
  )
  const { items, next } = pageOf(found, p, rule)
  return { studies: items, next }
}

export async function studyPending(ctx: Context, p: Payload<'study.pending'>): Promise<Result<'study.pending'>> {
  const me = requireMember(ctx)
  const rule = { limit: PAGES.pending, maxChars: PHOTO_PAGE_CHARS }
  const [found, members] = await Promise.all([
    ctx.storage.find('studies', { branchId: me.branchId, state: 'pending' }, pageQuery(p, rule, [['createdAt', 'asc'], ['id', 'asc']])),
    branchMembers(ctx, me.branchId),
  ])
  const names = new Map(members.map((m) => [m.id, m.name]))
  const { items, next } = pageOf(found, p, rule)
  return { studies: items.map((s) => ({ ...s, name: names.get(s.memberId) ?? '' })), next }
}

export async function studyReview(ctx: Context, p: Payload<'study.review'>): Promise<Result<'study.review'>> {
  const me = requireMember(ctx)
  const study = await ctx.storage.get('studies', p.studyId)
  if (!study || study.branchId !== me.branchId) throw new AppError('NOT_FOUND', '找不到这条自学记录')
  if (study.memberId === me.id) throw new AppError('FORBIDDEN', '不能审核自己的自学记录，请由其他支委审核')
  const state: ReviewState = p.approve ? 'approved' : 'refused'
  // Only a pending record is decided; the same decision again (a double tap, a retry) answers as the first did.
  const decided =
    study.state === 'pending' &&
    (await ctx.storage.updateWhere('studies', study.id, { state: 'pending' }, {
      set: { state, reviewedBy: me.id, reviewedAt: toShanghaiIso(ctx.clock.now()) },
    }))
  // A lost race re-reads: the winner may have made the same decision.
  const current = decided ? { ...study, state, reviewedBy: me.id } : study.state === 'pending' ? await ctx.storage.get('studies', study.id) : study
  if (current?.state !== state) throw new AppError('CONFLICT', '这条记录已经审核过了')
  // Also on a repeat: completes an award that a crash between the two writes left undone; the ledger key keeps it single.
  const entry = studyAward(current, current.reviewedBy ?? me.id)
  if (entry) await award(ctx.storage, entry)
  return { state }
}

async function yearTotals(ctx: Context, branchId: string, year: number) {
  const [members, rows, branch] = await Promise.all([
    branchMembers(ctx, branchId),
    ctx.storage.find('ledger', { branchId, year }),
    ctx.storage.get('branches', branchId),
  ])
  const byMember = new Map<string, typeof rows>()
  for (const r of rows) {
    if (!byMember.has(r.memberId)) byMember.set(r.memberId, [])
    byMember.get(r.memberId)!.push(r)
  }
  return { members, byMember, settings: branchSettings(branch, ctx.clock.now()).editable }
}

export async function studyOverview(ctx: Context, p: Payload<'study.overview'>): Promise<Result<'study.overview'>> {
  const me = requireMember(ctx)
  const now = ctx.clock.now()
  const year = p.year ?? inShanghai(now).year()
  const { members, byMember, settings } = await yearTotals(ctx, me.branchId, year)
  const today = shanghaiDate(now)
  const asOf = today.slice(0, 4) === String(year) ? today : today.slice(0, 4) > String(year) ? `${year}-12-31` : `${year}-01-01`
  return {
    year,
    rankingsEnabled: settings.rankingsEnabled,
    members: members.map((m) => {
      const sums = sumLedger(byMember.get(m.id) ?? [])
      const target = studyTarget(m.roles, settings)
      const expected = expectedByNow(target, asOf)
      return { memberId: m.id, name: m.name, studyHours: sums.studyHours, target, expectedByNow: expected, behind: sums.studyHours < expected, points: sums.total }
    }),
  }
}

export async function studyRanking(ctx: Context, p: Payload<'study.ranking'>): Promise<Result<'study.ranking'>> {
  const me = requireMember(ctx)
  const year = p.year ?? inShanghai(ctx.clock.now()).year()
  const { members, byMember, settings } = await yearTotals(ctx, me.branchId, year)
  if (!settings.rankingsEnabled) throw new AppError('CONFLICT', '本支部没有开启积分排名')
  const rows = members.map((m) => {
    const sums = sumLedger(byMember.get(m.id) ?? [])
    return { memberId: m.id, name: m.name, points: sums.total, studyHours: sums.studyHours }
  })
  rows.sort((a, b) => b.points - a.points || b.studyHours - a.studyHours || a.name.localeCompare(b.name, 'zh'))
  return { year, rows }
}

export async function xuexiReport(ctx: Context, p: Payload<'xuexi.report'>): Promise<Result<'xuexi.report'>> {
  const me = requireMember(ctx)
  const now = ctx.clock.now()
  const thisWeek = weekStart(shanghaiDate(now))
  const week = weekStart(p.week ?? shanghaiDate(now))
  if (week > thisWeek) throw invalidInput('week', '不能上报以后的周')
  if (week < addDays(thisWeek, -7 * XUEXI_BACK_WEEKS)) throw invalidInput('week', `只能上报最近 ${XUEXI_BACK_WEEKS} 周`)
  const { settings } = await loadSettings(ctx, me.branchId)
  const report: XuexiReport = {
    id: xuexiId(me.id, week),
    branchId: me.branchId,
    memberId: me.id,
    week,
    points: p.points,
    screenshot: p.screenshot ?? null,
    reportedAt: toShanghaiIso(now),
  }
  // A corrected report for the same week replaces the earlier one.
  await upsert(ctx.storage, 'xuexi', report, { set: { points: report.points, screenshot: report.screenshot, reportedAt: report.reportedAt } })
  return { report, target: settings.xuexiWeeklyTarget }
}

export async function xuexiMine(ctx: Context): Promise<Result<'xuexi.mine'>> {
  const me = requireMember(ctx)
  const thisWeek = weekStart(shanghaiDate(ctx.clock.now()))
  const first = addDays(thisWeek, -7 * (XUEXI_WEEKS_SHOWN - 1))
  const [{ settings }, reports] = await Promise.all([
    loadSettings(ctx, me.branchId),
    ctx.storage.find('xuexi', { memberId: me.id, week: { $gte: first } }),
  ])
  const byWeek = new Map(reports.map((r) => [r.week, r.points]))
  const weeks = Array.from({ length: XUEXI_WEEKS_SHOWN }, (_, i) => addDays(thisWeek, -7 * i)).map((week) => ({
    week,
    points: byWeek.get(week) ?? null,
  }))
  return { target: settings.xuexiWeeklyTarget, weeks }
}

export async function branchSettingsGet(ctx: Context): Promise<Result<'branch.settings'>> {
  const me = requireMember(ctx)
  return { settings: (await loadSettings(ctx, me.branchId)).settings }
}

/** Changes only the fields sent, merged into the settings as stored (records/settings: compare-and-set). */
export async function branchSettingsUpdate(ctx: Context, p: Payload<'branch.updateSettings'>): Promise<Result<'branch.updateSettings'>> {
  const me = requireMember(ctx)
  const changes = Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined))
  const branch = await changeBranch(ctx.storage, me.branchId, (stored) => {
    if (Object.keys(changes).length === 0) return null
    const meetingPoints = p.meetingPoints ? { ...stored.settings?.meetingPoints, ...p.meetingPoints } : stored.settings?.meetingPoints
    return { settings: { ...stored.settings, ...changes, ...(meetingPoints ? { meetingPoints } : {}) } }
  })
  return { settings: branchSettings(branch, ctx.clock.now()).editable }
}
