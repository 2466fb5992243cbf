/**
 * A 党委 over several branches (CONTRACT §7) through the router: creating one with the setup
 * code, a secretary attaching their branch by the org's code, the org taking it out again; the
 * party_committee reading its own branches only and writing nothing; and the overview's figures
 * against what each branch's own actions answer.
 */
import type { MeetingScope, MeetingType } from '../../../types/models'
import type { OrgBranchRow } from '../../../types/org'
import { DEMO, failure, theDemoBranch, type DemoBranch } from '../../../tests/support/app'
import { aMeeting } from '../../../tests/support/builders'
import { checklist, missedCount, quarterOf } from '../domain/checklist'
import { shanghaiMonth } from '../../../src/domain/time'
import { DEMO_BRANCH_2_ID, seedDemoOrg } from '../seed'
import { readSpreadsheet } from '../spreadsheet'

const SETUP = 'org-test-setup-code'
process.env.ZHIBU_SETUP_CODE = SETUP

const create = (name = '城东街道党工委') => ({ name, setupCode: SETUP, overseerName: '吴卫东' })

/** The demo branch, with the demo 党委 and 第二党支部 of npm start's seed. */
async function theDemoOrg(at = '2026-05-19T09:00:00+08:00') {
  const app = await theDemoBranch({ at })
  await seedDemoOrg({ storage: app.storage, clock: app.clock }, { pastMeeting: true })
  return app
}

const branchIds = (rows: OrgBranchRow[]) => rows.map((r) => r.branchId).sort()

describe('org.create', () => {
  it('makes the caller the new org’s party_committee, which session.me answers', async () => {
    const app = await theDemoBranch()
    expect(await app.as('wx-org').ok('session.me', {})).toMatchObject({ member: null, org: null })
    const { org } = await app.as('wx-org').ok('org.create', create())
    expect(org).toEqual({ id: expect.any(String), name: '城东街道党工委' })
    expect(await app.as('wx-org').ok('session.me', {})).toMatchObject({ member: null, org })
    expect(await app.as('wx-org').ok('org.overview', { year: 2026 })).toEqual({ org, year: 2026, month: null, branches: [] })
  })

  it('lets a branch member oversee an org too: session.me answers both', async () => {
    const app = await theDemoBranch()
    const { org } = await app.as(DEMO.member(1)).ok('org.create', create())
    expect(await app.as(DEMO.member(1)).ok('session.me', {})).toMatchObject({ member: { id: 'demo-member-01', roles: ['member'] }, org })
    // Each role keeps to its own actions: the member's branch reads, the org's reads.
    expect(await app.as(DEMO.member(1)).call('points.mine', {})).toMatchObject({ ok: true })
    expect(await app.as(DEMO.member(1)).call('org.overview', { year: 2026 })).toMatchObject({ ok: true })
    expect(await app.as(DEMO.member(1)).call('member.list', {})).toEqual(failure('FORBIDDEN'))
  })

  it('refuses a wrong setup code with FORBIDDEN and stores nothing', async () => {
    const app = await theDemoBranch()
    expect(await app.as('wx-org').call('org.create', { ...create(), setupCode: 'wrong' })).toEqual(failure('FORBIDDEN', '设置码不正确'))
    expect(await app.storage.count('orgs', {})).toBe(0)
    expect(await app.storage.count('orgOverseers', {})).toBe(0)
  })

  it('answers the same org to a retry, and CONFLICT to a second org', async () => {
    const app = await theDemoBranch()
    const first = await app.as('wx-org').ok('org.create', create())
    expect(await app.as('wx-org').ok('org.create', create())).toEqual(first)
    expect(await app.as('wx-org').call('org.create', create('另一个党委'))).toEqual(failure('CONFLICT'))
    expect(await app.storage.count('orgs', {})).toBe(1)
  })

  it('makes one org when the same user creates two at once', async () => {
    const app = await theDemoBranch()
    const answers = await Promise.all([app.as('wx-org').call('org.create', create('甲党委')), app.as('wx-org').call('org.create', create('乙党委'))])
    expect(answers.filter((a) => a.ok)).toHaveLength(1)
    expect(answers.filter((a) => !a.ok)).toEqual([failure('CONFLICT')])
    expect(await app.storage.count('orgs', {})).toBe(1)
    expect(await app.storage.count('orgOverseers', {})).toBe(1)
  })

  it('names the field of a bad name', async () => {
    const app = await theDemoBranch()
    expect(await app.as('wx-org').raw('org.create', { ...create(), name: '党' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'name' } })
  })
})

describe('attaching and detaching a branch', () => {
  async function anOrg() {
    const app = await theDemoBranch()
    const { org } = await app.as('wx-org').ok('org.create', create())
    const { code } = await app.as('wx-org').ok('org.code', {})
    return { app, org, code }
  }

  it('attaches the secretary’s branch by the org’s code', async () => {
    const { app, org, code } = await anOrg()
    expect(await app.as(DEMO.secretary).ok('org.mine', {})).toEqual({ org: null })
    expect(await app.as(DEMO.secretary).ok('org.attach', { code })).toEqual({ org })
    expect(await app.as(DEMO.secretary).ok('org.mine', {})).toEqual({ org })
    // Again is the same answer, not a second link.
    expect(await app.as(DEMO.secretary).ok('org.attach', { code })).toEqual({ org })
    expect(branchIds((await app.as('wx-org').ok('org.overview', { year: 2026 })).branches)).toEqual([DEMO.branchId])
    expect(await app.storage.get('orgLinks', DEMO.branchId)).toMatchObject({ orgId: org.id, active: true, attachedBy: 'demo-secretary', attachedAt: '2026-05-20T10:00:00+08:00' })
  })

  it('takes only a secretary and the right code', async () => {
    const { app, code } = await anOrg()
    expect(await app.as(DEMO.committee).call('org.attach', { code })).toEqual(failure('FORBIDDEN'))
    expect(await app.as(DEMO.secretary).call('org.attach', { code: 'not-the-code' })).toEqual(failure('NOT_FOUND', '党委代码不正确'))
    expect(await app.storage.count('orgLinks', {})).toBe(0)
  })

  it('keeps a branch in one org: another org’s code is CONFLICT while it belongs to the first', async () => {
    const { app, code } = await anOrg()
    await app.as(DEMO.secretary).ok('org.attach', { code })
    await app.as('wx-other').ok('org.create', create('另一个党委'))
    const other = await app.as('wx-other').ok('org.code', {})
    expect(await app.as(DEMO.secretary).call('org.attach', other)).toEqual(failure('CONFLICT'))
    expect((await app.as('wx-other').ok('org.overview', { year: 2026 })).branches).toEqual([])
  })

  it('lets the org take a branch out, saying who, when and why; then the branch may join another', async () => {
    const { app, org, code } = await anOrg()
    await app.as(DEMO.secretary).ok('org.attach', { code })
    expect(await app.as('wx-org').ok('org.detach', { branchId: DEMO.branchId, reason: '隶属关系调整' })).toEqual({ branchId: DEMO.branchId, detached: true })
    expect(await app.storage.get('orgLinks', DEMO.branchId)).toMatchObject({
      orgId: org.id,
      active: false,
      detached: { at: '2026-05-20T10:00:00+08:00', by: 'wx-org', reason: '隶属关系调整' },
    })
    expect((await app.as('wx-org').ok('org.overview', { year: 2026 })).branches).toEqual([])
    expect(await app.as(DEMO.secretary).ok('org.mine', {})).toEqual({ org: null })
    expect(await app.as('wx-org').call('org.branch', { branchId: DEMO.branchId, year: 2026 })).toEqual(failure('FORBIDDEN'))
    expect(await app.as('wx-org').call('org.detach', { branchId: DEMO.branchId, reason: '再移一次' })).toEqual(failure('NOT_FOUND'))

    const other = await app.as('wx-other').ok('org.create', create('另一个党委'))
    await app.as(DEMO.secretary).ok('org.attach', await app.as('wx-other').ok('org.code', {}))
    expect(branchIds((await app.as('wx-other').ok('org.overview', { year: 2026 })).branches)).toEqual([DEMO.branchId])
    expect(await app.storage.get('orgLinks', DEMO.branchId)).toEqual(expect.objectContaining({ orgId: other.org.id, active: true }))
    expect(await app.storage.get('orgLinks', DEMO.branchId)).not.toHaveProperty('detached')
  })

  it('refuses to take out a branch of another org', async () => {
    const { app, code } = await anOrg()
    await app.as(DEMO.secretary).ok('org.attach', { code })
    await app.as('wx-other').ok('org.create', create('另一个党委'))
    expect(await app.as('wx-other').call('org.detach', { branchId: DEMO.branchId, reason: '不是我的支部' })).toEqual(failure('NOT_FOUND'))
    expect(await app.storage.get('orgLinks', DEMO.branchId)).toMatchObject({ active: true })
  })

  it('rotates the code: the old one no longer attaches', async () => {
    const { app, code } = await anOrg()
    const fresh = await app.as('wx-org').ok('org.code', { rotate: true })
    expect(fresh.code).not.toBe(code)
    expect(await app.as('wx-org').ok('org.code', {})).toEqual(fresh)
    expect(await app.as(DEMO.secretary).call('org.attach', { code })).toEqual(failure('NOT_FOUND'))
    expect(await app.as(DEMO.secretary).call('org.attach', fresh)).toMatchObject({ ok: true })
  })
})

describe('the party_committee reads its own branches and writes nothing', () => {
  it('sees both demo branches, and one branch’s checklist, groups and secretaries by name', async () => {
    const app = await theDemoOrg()
    expect(await app.as('demo-org').ok('session.me', {})).toMatchObject({ member: null, org: { id: 'demo-org', name: '示例机关党委' } })
    const overview = await app.as('demo-org').ok('org.overview', { year: 2026 })
    expect(overview.org).toEqual({ id: 'demo-org', name: '示例机关党委' })
    expect(overview.branches.map((b) => b.name).sort()).toEqual(['示例党支部', '第二党支部'].sort())
    const detail = await app.as('demo-org').ok('org.branch', { branchId: DEMO_BRANCH_2_ID, year: 2026 })
    expect(detail.branch).toEqual(overview.branches.find((b) => b.branchId === DEMO_BRANCH_2_ID))
    expect(detail.groups).toEqual([{ id: 'demo-b2-group-1', name: '第一党小组', members: 9 }])
    expect(detail.secretaries).toEqual(['周海涛'])
    expect(detail.checklist.length).toBeGreaterThan(0)
    // No member-level data: the answer names no member id.
    expect(JSON.stringify(detail)).not.toMatch(/demo-b2-member|memberId/)
  })

  it('is refused another org’s branches', async () => {
    const app = await theDemoOrg()
    await app.as('wx-other').ok('org.create', create('另一个党委'))
    expect(await app.as('wx-other').call('org.branch', { branchId: DEMO.branchId, year: 2026 })).toEqual(failure('FORBIDDEN', '不在您的党委之下'))
    expect((await app.as('wx-other').ok('org.overview', { year: 2026 })).branches).toEqual([])
    expect(await app.as('demo-org').call('org.branch', { branchId: 'no-such-branch', year: 2026 })).toEqual(failure('FORBIDDEN'))
  })

  it.each([
    ['meeting.create', aMeeting('committee').startingAt('2026-05-25T14:30:00+08:00').build()],
    ['dues.setBase', { memberId: 'demo-member-01', category: 'student' }],
    ['member.remove', { memberId: 'demo-member-01', reason: 'left' }],
    ['checkin.manual', { meetingId: 'demo-b2-assembly', memberId: 'demo-b2-member-06', reason: '党委补签' }],
    ['branch.updateSettings', { rankingsEnabled: true }],
    ['meeting.list', {}],
    ['member.list', {}],
  ] as const)('is FORBIDDEN %s in any branch, and nothing changes', async (action, payload) => {
    const app = await theDemoOrg()
    const before = await Promise.all([app.storage.find('members', {}), app.storage.find('meetings', {}), app.storage.find('attendance', {})])
    expect(await app.as('demo-org').raw(action, payload)).toEqual(failure('FORBIDDEN'))
    expect(await Promise.all([app.storage.find('members', {}), app.storage.find('meetings', {}), app.storage.find('attendance', {})])).toEqual(before)
  })

  it('answers INVALID_INPUT for a month outside the year', async () => {
    const app = await theDemoOrg()
    expect(await app.as('demo-org').raw('org.overview', { year: 2026, month: '2025-12' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'month' } })
  })
})

/** A meeting of the demo branch created on 19 May, checked in by scanning at its start. */
async function held(app: DemoBranch, organiser: string, type: MeetingType, startAt: string, present: string[], scope?: MeetingScope) {
  app.clock.set('2026-05-19T09:00:00+08:00')
  const built = aMeeting(type).startingAt(startAt)
  if (scope) built.forScope(scope)
  const { meeting } = await app.as(organiser).ok('meeting.create', built.build())
  app.clock.set(startAt)
  for (const openid of present) {
    const { token } = await app.as(organiser).ok('checkin.code', { meetingId: meeting.id })
    await app.as(openid).ok('checkin.submit', { token })
  }
  return meeting
}

/** The months whose dues day (the 4th Friday) has passed by 2 June 2026. */
const DUE_BY_JUNE_2 = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05']

/** A branch's figures as its own secretary's actions answer them: CONTRACT §7's definitions, the long way. */
async function ownFigures(app: DemoBranch, secretary: string, period: { year: number; month?: string }) {
  const as = app.as(secretary)
  const now = app.clock.now()
  const months = period.month ? [period.month] : Array.from({ length: 12 }, (_, i) => `${period.year}-${String(i + 1).padStart(2, '0')}`)
  const roll = (await as.ok('member.list', {})).members.filter((m) => m.active)
  const { groups } = await as.ok('session.me', {})
  const { meetings } = await as.ok('meeting.list', { from: `${period.year}-01-01`, to: `${period.year}-12-31` })
  let present = 0
  let expected = 0
  const forChecklist = []
  for (const m of meetings.filter((x) => x.status !== 'cancelled' && Date.parse(x.endAt) <= now.getTime())) {
    const a = await as.ok('attendance.get', { meetingId: m.id })
    const attended = a.present + a.late + a.makeup
    forChecklist.push({ type: m.type, groupId: m.scope.kind === 'group' ? m.scope.groupId : null, startAt: m.startAt, endAt: m.endAt, cancelled: false, attended: attended > 0 })
    if (attended > 0 && months.includes(shanghaiMonth(m.startAt))) {
      present += attended
      expected += a.expected
    }
  }
  const items = checklist({ year: period.year, groupIds: groups.map((g) => g.id), meetings: forChecklist, now }).filter(
    (i) => !period.month || [period.month, quarterOf(period.month), String(period.year)].includes(i.period),
  )
  let paid = 0
  let listed = 0
  for (const month of months.filter((m) => DUE_BY_JUNE_2.includes(m))) {
    const { items: dues } = await as.ok('dues.status', { month })
    listed += dues.length
    paid += dues.filter((d) => d.paid).length
  }
  const study = (await as.ok('study.overview', { year: period.year })).members
  const rate = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 1000 : null)
  return {
    members: roll.length,
    attendanceRate: rate(present, expected),
    duesRate: rate(paid, listed),
    studyHoursAvg: study.length ? Math.round(study.reduce((s, m) => s + Math.round(m.studyHours * 10), 0) / study.length) / 10 : null,
    checklistMissed: missedCount(items),
  }
}

describe('org.overview’s figures are what each branch’s own actions answer', () => {
  /** A May with meetings held and not, leave, a member leaving after a meeting, 学时 and dues paid. */
  async function aBusyMay() {
    const app = await theDemoOrg()
    await held(app, DEMO.secretary, 'committee', '2026-05-20T14:30:00+08:00', [DEMO.committee])
    const group1 = await held(app, DEMO.leader1, 'group', '2026-05-21T14:30:00+08:00', [DEMO.member(1), DEMO.member(2), DEMO.member(9)], { kind: 'group', groupId: DEMO.group1 })
    await held(app, DEMO.secretary, 'lecture', '2026-05-26T14:30:00+08:00', [DEMO.member(11), DEMO.member(12), DEMO.member(13), DEMO.leader1])
    // Nobody came to group 2's meeting: not held, and not counted.
    await held(app, DEMO.secretary, 'group', '2026-05-27T14:30:00+08:00', [], { kind: 'group', groupId: DEMO.group2 })
    app.clock.set('2026-05-28T10:00:00+08:00')
    await app.as(DEMO.secretary).ok('checkin.manual', { meetingId: group1.id, memberId: 'demo-member-03', reason: '会后补签：签到时手机没电' })
    // Left after group 1's meeting: still 应到 there, off the roll now.
    await app.as(DEMO.secretary).ok('member.remove', { memberId: 'demo-member-09', reason: 'transfer_out' })
    await app.as(DEMO.member(1)).ok('study.log', { title: '学习党章', kind: 'original', minutes: 90 })
    await app.as(DEMO.member(4)).ok('study.log', { title: '党课视频', kind: 'video', minutes: 45 })
    for (const n of [1, 2, 3, 4, 5, 6]) await app.as(DEMO.member(n)).ok('dues.pay', { month: '2026-05' })
    await app.as('demo-b2-member-01').ok('dues.pay', { month: '2026-05' })
    await app.as('demo-b2-member-02').ok('study.log', { title: '学习强国专题', kind: 'xuexi', minutes: 120 })
    app.clock.set('2026-06-02T10:00:00+08:00')
    return app
  }

  it.each([[{ year: 2026 }], [{ year: 2026, month: '2026-05' }], [{ year: 2026, month: '2026-03' }]])('for %j', async (period) => {
    const app = await aBusyMay()
    const own = {
      [DEMO.branchId]: await ownFigures(app, DEMO.secretary, period),
      [DEMO_BRANCH_2_ID]: await ownFigures(app, 'demo-secretary-2', period),
    }
    const { branches } = await app.as('demo-org').ok('org.overview', period)
    expect(Object.fromEntries(branches.map((b) => [b.branchId, { members: b.members, attendanceRate: b.attendanceRate, duesRate: b.duesRate, studyHoursAvg: b.studyHoursAvg, checklistMissed: b.checklistMissed }]))).toEqual(own)
  })

  it('has the figures a person would count by hand for May', async () => {
    const app = await aBusyMay()
    const { branches } = await app.as('demo-org').ok('org.overview', { year: 2026, month: '2026-05' })
    const first = branches.find((b) => b.branchId === DEMO.branchId)!
    // 22 on the roll after one left; 实到 1 of 2 at the 支委会, 4 of 12 at group 1's (with the 补签
    // and the one who left later), 4 of 23 at the 党课 (before they left).
    expect(first).toMatchObject({ members: 22, attendanceRate: Math.round((9 / 37) * 1000) / 1000, duesRate: Math.round((6 / 22) * 1000) / 1000 })
    const second = branches.find((b) => b.branchId === DEMO_BRANCH_2_ID)!
    // 5 of 9 at the seeded assembly on 9 May (one on leave, three absent).
    expect(second).toMatchObject({ members: 9, attendanceRate: Math.round((5 / 9) * 1000) / 1000, duesRate: Math.round((1 / 9) * 1000) / 1000 })
  })

  it('sorts what needs attention first and says why, in figures, never people', async () => {
    const app = await aBusyMay()
    const { branches } = await app.as('demo-org').ok('org.overview', { year: 2026 })
    for (let i = 1; i < branches.length; i++) expect(branches[i - 1].concerns.length).toBeGreaterThanOrEqual(branches[i].concerns.length)
    for (const b of branches) expect(b.concerns).toEqual(expect.arrayContaining(b.checklistMissed > 0 ? ['checklist'] : []))
    expect(JSON.stringify(branches)).not.toMatch(/demo-member|memberId/)
  })

  it('counts nothing yet for a year that has not started', async () => {
    const app = await aBusyMay()
    const { branches } = await app.as('demo-org').ok('org.overview', { year: 2027 })
    for (const b of branches) expect(b).toMatchObject({ attendanceRate: null, duesRate: null, studyHoursAvg: 0, checklistMissed: 0 })
  })
})

describe('org.export', () => {
  it('answers the overview as an .xlsx: the org and period, then a row per branch in the overview’s order', async () => {
    const app = await theDemoOrg()
    const file = await app.as('demo-org').ok('org.export', { year: 2026, month: '2026-05' })
    expect(file.fileName).toBe('示例机关党委-2026-05.xlsx')
    const rows = await readSpreadsheet({ name: file.fileName, contentBase64: file.contentBase64 })
    const { branches } = await app.as('demo-org').ok('org.overview', { year: 2026, month: '2026-05' })
    expect(rows.slice(0, 3)).toEqual([['示例机关党委 · 各支部情况'], ['2026年5月'], ['支部', '党员人数', '出勤率', '党费收缴率', '人均学时', '学时目标', '三会一课缺项', '需关注']].map((r) => expect.arrayContaining(r)))
    expect(rows.slice(3).map((r) => [r[0], r[1], r[6]])).toEqual(branches.map((b) => [b.name, b.members, b.checklistMissed]))
    expect(rows.find((r) => r[0] === '第二党支部')?.[2]).toBe(`${Math.round((branches.find((b) => b.branchId === DEMO_BRANCH_2_ID)!.attendanceRate ?? 0) * 1000) / 10}%`)
  })

  it('writes a name typed like a formula as text, never as a formula', async () => {
    const app = await theDemoOrg()
    await app.storage.update('branches', DEMO_BRANCH_2_ID, { name: '=HYPERLINK("http://x","点我")' })
    const file = await app.as('demo-org').ok('org.export', { year: 2026 })
    expect((await readSpreadsheet({ name: file.fileName, contentBase64: file.contentBase64 })).some((r) => r[0] === '=HYPERLINK("http://x","点我")')).toBe(true)
  })
})
