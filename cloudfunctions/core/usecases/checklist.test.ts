/**
 * checklist.get through the router (CONTRACT §6): one item per period and kind, counted only from
 * meetings that were held (ended, not cancelled, someone recorded), in a fixed number of reads.
 */
import { DEMO, theDemoBranch, type DemoBranch } from '../../../tests/support/app'
import { storeMeeting, type StoredMeeting } from '../../../tests/support/stored-meetings'

const NOW = '2026-05-20T10:00:00+08:00'
const M1 = DEMO.member(1)

async function checklistWith(meetings: StoredMeeting[], at = NOW) {
  const app = await theDemoBranch({ at })
  for (const m of meetings) await storeMeeting(app.storage, m)
  return { app, result: await app.as(DEMO.secretary).ok('checklist.get', { year: 2026 }) }
}

const itemOf = <T extends { period: string; kind: string; groupId: string | null }>(items: T[], period: string, kind: string, groupId: string | null = null) =>
  items.find((i) => i.period === period && i.kind === kind && i.groupId === groupId)

describe('checklist.get', () => {
  it.each<[string, StoredMeeting[], string, string, string | null, { held: number; met: boolean; due: boolean; upcoming?: unknown }]>([
    ['a month with a 支委会', [{ type: 'committee', on: '2026-04-08', present: [DEMO.secretary] }], '2026-04', 'committee', null, { held: 1, met: true, due: true }],
    ['a month without one', [{ type: 'committee', on: '2026-04-08', present: [DEMO.secretary] }], '2026-03', 'committee', null, { held: 0, met: false, due: true }],
    ['this month, not over yet', [], '2026-05', 'committee', null, { held: 0, met: false, due: false }],
    ['a group’s 党小组会 for that group', [{ type: 'group', on: '2026-04-09', scope: { kind: 'group', groupId: DEMO.group2 }, present: [DEMO.member(11)] }], '2026-04', 'group', DEMO.group2, { held: 1, met: true, due: true }],
    ['…and not for the other group', [{ type: 'group', on: '2026-04-09', scope: { kind: 'group', groupId: DEMO.group2 }, present: [DEMO.member(11)] }], '2026-04', 'group', DEMO.group1, { held: 0, met: false, due: true }],
    ['a 主题党日', [{ type: 'theme_day', on: '2026-04-24', present: [M1] }], '2026-04', 'theme_day', null, { held: 1, met: true, due: true }],
    ['a quarter’s 支部党员大会', [{ type: 'branch_assembly', on: '2026-02-12', present: [M1] }], '2026-Q1', 'branch_assembly', null, { held: 1, met: true, due: true }],
    ['the quarter under way without one', [{ type: 'branch_assembly', on: '2026-02-12', present: [M1] }], '2026-Q2', 'branch_assembly', null, { held: 0, met: false, due: false }],
    ['two in a quarter count twice', [{ on: '2026-01-12', present: [M1] }, { on: '2026-03-12', present: [M1] }], '2026-Q1', 'branch_assembly', null, { held: 2, met: true, due: true }],
    ['the year’s 党课', [{ type: 'lecture', on: '2026-03-20', present: [M1] }], '2026', 'lecture', null, { held: 1, met: true, due: false }],
    ['the year’s 组织生活会, not yet', [], '2026', 'life_meeting', null, { held: 0, met: false, due: false }],
    ['a cancelled meeting is not held', [{ type: 'committee', on: '2026-04-08', cancelled: true, present: [DEMO.secretary] }], '2026-04', 'committee', null, { held: 0, met: false, due: true }],
    ['a meeting nobody was recorded at is not held', [{ type: 'committee', on: '2026-04-08' }], '2026-04', 'committee', null, { held: 0, met: false, due: true }],
    ['a meeting on leave only is not held', [{ type: 'committee', on: '2026-04-08', onLeave: [DEMO.committee] }], '2026-04', 'committee', null, { held: 0, met: false, due: true }],
    ['a meeting later today is not held yet', [{ type: 'committee', on: '2026-05-20', present: [DEMO.secretary] }], '2026-05', 'committee', null, { held: 0, met: false, due: false, upcoming: { meetingId: expect.any(String), startAt: '2026-05-20T14:30:00+08:00' } }],
    ['an 其他 meeting counts for nothing', [{ type: 'other', on: '2026-04-08', present: [M1] }], '2026-04', 'committee', null, { held: 0, met: false, due: true }],
    ['last year’s December counts for last year', [{ type: 'committee', on: '2025-12-10', present: [DEMO.secretary] }], '2026-01', 'committee', null, { held: 0, met: false, due: true }],
  ])('%s', async (_name, meetings, period, kind, groupId, expected) => {
    const { result } = await checklistWith(meetings)
    expect(itemOf(result.items, period, kind, groupId)).toEqual({ period, kind, groupId, required: 1, upcoming: null, ...expected })
  })

  it('names the meeting already arranged for an item not met yet, not a cancelled or another group’s', async () => {
    const { result } = await checklistWith([
      { type: 'group', on: '2026-05-28', scope: { kind: 'group', groupId: DEMO.group2 }, title: '五月党小组会' },
      { type: 'group', on: '2026-05-26', scope: { kind: 'group', groupId: DEMO.group2 }, cancelled: true },
      { type: 'branch_assembly', on: '2026-06-10' },
    ])
    const upcoming = (period: string, kind: string, groupId: string | null = null) => itemOf(result.items, period, kind, groupId)!
    expect(upcoming('2026-05', 'group', DEMO.group2).upcoming).toEqual({ meetingId: expect.any(String), startAt: '2026-05-28T14:30:00+08:00' })
    expect(upcoming('2026-05', 'group', DEMO.group1).upcoming).toBeNull()
    expect(upcoming('2026-Q2', 'branch_assembly').upcoming).toEqual({ meetingId: expect.any(String), startAt: '2026-06-10T14:30:00+08:00' })
    expect(upcoming('2026-05', 'committee').upcoming).toBeNull()
  })

  it('lists the year in order: months (支委会, each 党小组, 主题党日), quarters, then the year', async () => {
    const { result } = await checklistWith([])
    expect(result.year).toBe(2026)
    expect(result.items).toHaveLength(12 * 4 + 4 + 2)
    expect(result.items.slice(0, 4).map((i) => [i.period, i.kind, i.groupId])).toEqual([
      ['2026-01', 'committee', null],
      ['2026-01', 'group', DEMO.group1],
      ['2026-01', 'group', DEMO.group2],
      ['2026-01', 'theme_day', null],
    ])
    expect(result.items.slice(-6).map((i) => i.period)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4', '2026', '2026'])
    expect(result.since).toBe('2026-05')
    expect(result.groups).toEqual([
      { id: DEMO.group1, name: '第一党小组' },
      { id: DEMO.group2, name: '第二党小组' },
    ])
  })

  it('changes once a missing meeting has ended with someone checked in', async () => {
    const app = await theDemoBranch({ at: '2026-05-20T09:00:00+08:00' })
    const secretary = app.as(DEMO.secretary)
    const month = async () => itemOf((await secretary.ok('checklist.get', { year: 2026 })).items, '2026-05', 'group', DEMO.group2)
    expect(await month()).toMatchObject({ held: 0, met: false })
    const { meeting } = await secretary.ok('meeting.create', {
      type: 'group',
      title: '第二党小组五月党小组会',
      startAt: '2026-05-20T14:30:00+08:00',
      endAt: '2026-05-20T16:00:00+08:00',
      scope: { kind: 'group', groupId: DEMO.group2 },
    })
    app.clock.set('2026-05-20T14:35:00+08:00')
    await secretary.ok('checkin.manual', { meetingId: meeting.id, memberId: DEMO.member(11), reason: '没带手机，现场补签' })
    expect(await month()).toMatchObject({ held: 0, met: false })
    app.clock.set('2026-05-20T16:01:00+08:00')
    expect(await month()).toMatchObject({ held: 1, met: true })
  })

  describe('the 30-day flag', () => {
    async function aBranchFrom(created: string, meetings: StoredMeeting[]) {
      const app = await theDemoBranch({ at: NOW })
      await app.storage.update('branches', DEMO.branchId, { createdAt: created })
      for (const m of meetings) await storeMeeting(app.storage, m)
      return app.as(DEMO.secretary).ok('checklist.get', { year: 2026 })
    }

    it('is raised when nothing was held for 30 days', async () => {
      const result = await aBranchFrom('2026-01-01T09:00:00+08:00', [{ on: '2026-04-10', present: [M1] }, { on: '2026-05-01', type: 'committee' }])
      expect(result).toMatchObject({ idle: true, lastHeldAt: '2026-04-10T16:30:00+08:00' })
    })

    it('is not raised with a meeting held in the last 30 days, even of another kind', async () => {
      const result = await aBranchFrom('2026-01-01T09:00:00+08:00', [{ on: '2026-04-25', type: 'other', present: [M1] }])
      expect(result).toMatchObject({ idle: false, lastHeldAt: '2026-04-25T16:30:00+08:00' })
    })

    it('looks into last year in January', async () => {
      const app = await theDemoBranch({ at: '2026-01-10T10:00:00+08:00' })
      await app.storage.update('branches', DEMO.branchId, { createdAt: '2025-01-01T09:00:00+08:00' })
      await storeMeeting(app.storage, { on: '2025-12-26', type: 'theme_day', present: [M1] })
      expect(await app.as(DEMO.secretary).ok('checklist.get', { year: 2026 })).toMatchObject({ idle: false, lastHeldAt: '2025-12-26T16:30:00+08:00' })
    })

    it('is not raised for a branch younger than 30 days', async () => {
      expect(await aBranchFrom('2026-05-01T09:00:00+08:00', [])).toMatchObject({ idle: false, lastHeldAt: null })
    })
  })

  it('reads the same number of times for a few meetings as for many', async () => {
    const trips = async (app: DemoBranch) => {
      const before = app.storage.roundTrips
      await app.as(DEMO.secretary).ok('checklist.get', { year: 2026 })
      return app.storage.roundTrips - before
    }
    const few = await checklistWith([{ on: '2026-02-12', present: [M1] }])
    const many = await checklistWith(
      Array.from({ length: 60 }, (_, i) => ({ type: 'committee' as const, on: `2026-0${1 + (i % 4)}-${String(1 + (i % 28)).padStart(2, '0')}`, present: [DEMO.secretary, M1, DEMO.member(2)] })),
    )
    expect(await trips(many.app)).toBe(await trips(few.app))
    expect(await trips(many.app)).toBeLessThanOrEqual(6)
  })
})
