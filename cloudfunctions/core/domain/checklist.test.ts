import { checklist, missedCount, quarterOf, type ChecklistMeeting } from './checklist'

const meeting = (over: Partial<ChecklistMeeting>): ChecklistMeeting => ({
  type: 'committee', groupId: null, startAt: '2026-03-10T19:00:00+08:00', endAt: '2026-03-10T21:00:00+08:00',
  cancelled: false, attended: true, ...over,
})
const now = new Date('2026-07-15T04:00:00Z')
const find = (items: ReturnType<typeof checklist>, period: string, kind: string, groupId: string | null = null) =>
  items.find((i) => i.period === period && i.kind === kind && i.groupId === groupId)

describe('三会一课 checklist', () => {
  it('has one item per month and kind, per group, per quarter and per year', () => {
    const items = checklist({ year: 2026, groupIds: ['g1', 'g2'], meetings: [], now })
    expect(items).toHaveLength(12 * 4 + 4 + 2)
    expect(items.every((i) => i.required === 1 && i.held === 0 && !i.met)).toBe(true)
  })

  it.each([
    ['a held committee meeting', meeting({}), '2026-03', 'committee', null, 1],
    ['a cancelled one', meeting({ cancelled: true }), '2026-03', 'committee', null, 0],
    ['one nobody was recorded at', meeting({ attended: false }), '2026-03', 'committee', null, 0],
    ['one that has not ended', meeting({ startAt: '2026-07-15T11:00:00+08:00', endAt: '2026-07-15T13:00:00+08:00' }), '2026-07', 'committee', null, 0],
    ['a group meeting counts for its group', meeting({ type: 'group', groupId: 'g2' }), '2026-03', 'group', 'g2', 1],
    ['and not for another', meeting({ type: 'group', groupId: 'g2' }), '2026-03', 'group', 'g1', 0],
    ['an assembly counts for its quarter', meeting({ type: 'branch_assembly', startAt: '2026-05-01T01:00:00Z', endAt: '2026-05-01T03:00:00Z' }), '2026-Q2', 'branch_assembly', null, 1],
    ['a lecture counts for the year', meeting({ type: 'lecture' }), '2026', 'lecture', null, 1],
    ['the month is Shanghai\'s', meeting({ startAt: '2026-03-31T17:00:00Z', endAt: '2026-03-31T18:00:00Z' }), '2026-04', 'committee', null, 1],
  ])('%s', (_name, m, period, kind, groupId, held) => {
    const item = find(checklist({ year: 2026, groupIds: ['g1', 'g2'], meetings: [m], now }), period, kind, groupId)
    expect(item?.held).toBe(held)
    expect(item?.met).toBe(held >= 1)
  })

  it('is due once the period is over', () => {
    const items = checklist({ year: 2026, groupIds: [], meetings: [], now })
    expect(find(items, '2026-06', 'committee')?.due).toBe(true)
    expect(find(items, '2026-07', 'committee')?.due).toBe(false)
    expect(find(items, '2026-Q2', 'branch_assembly')?.due).toBe(true)
    expect(find(items, '2026-Q3', 'branch_assembly')?.due).toBe(false)
    expect(find(items, '2026', 'lecture')?.due).toBe(false)
    // Jan–Jun: committee + theme_day each month, and Q1, Q2 assemblies.
    expect(missedCount(items)).toBe(6 * 2 + 2)
  })

  it('names quarters', () => {
    expect(['2026-01', '2026-03', '2026-04', '2026-12'].map(quarterOf)).toEqual(['2026-Q1', '2026-Q1', '2026-Q2', '2026-Q4'])
  })
})
