import type { ChecklistEntry } from '../../types/records'
import { atAGlance, byMember, createMissingUrl, itemSentence, overdueItems, periodLabel, yearRows } from './records-display'

const groups = [
  { id: 'g1', name: '第一党小组' },
  { id: 'g2', name: '第二党小组' },
]
const item = (over: Partial<ChecklistEntry>): ChecklistEntry => ({ period: '2026-05', kind: 'committee', groupId: null, required: 1, held: 0, due: false, met: false, upcoming: null, ...over })

describe('records display', () => {
  it.each([
    ['2026-05', '本月'],
    ['2026-04', '4月'],
    ['2026-Q2', '本季度'],
    ['2026-Q1', '第一季度'],
    ['2026', '今年'],
    ['2025', '2025年'],
  ])('names the period %s as %s in May 2026', (period, words) => {
    expect(periodLabel(period, '2026-05')).toBe(words)
  })

  it('says what is missing the way a secretary says it', () => {
    expect(itemSentence(item({ kind: 'group', groupId: 'g2' }), groups, '2026-05')).toBe('第二党小组 本月党小组会 未开')
    expect(itemSentence(item({ period: '2026-04', held: 2, met: true, due: true }), groups, '2026-05')).toBe('4月支委会 已开 2 次')
    expect(itemSentence(item({ period: '2026-Q1', kind: 'branch_assembly', due: true }), groups, '2026-05')).toBe('第一季度支部党员大会 未开（已过期）')
    expect(itemSentence(item({ kind: 'theme_day', upcoming: { meetingId: 'm', startAt: '2026-05-22T14:30:00+08:00' } }), groups, '2026-05')).toBe('本月主题党日 已安排 5月22日（周五）')
  })

  it('shows this month and quarter at a glance, the missing apart from the done', () => {
    const items = [item({}), item({ kind: 'theme_day', met: true, held: 1 }), item({ period: '2026-04' }), item({ period: '2026-Q2', kind: 'branch_assembly' }), item({ period: '2026', kind: 'lecture' })]
    const { missing, done } = atAGlance(items, '2026-05')
    expect(missing.map((i) => i.kind)).toEqual(['committee', 'branch_assembly'])
    expect(done.map((i) => i.kind)).toEqual(['theme_day'])
  })

  it('opens the meeting form filled in for a missing item', () => {
    expect(createMissingUrl(item({ kind: 'group', groupId: 'g2' }), groups)).toBe(
      `/pages/meeting-edit/index?type=group&groupId=g2&title=${encodeURIComponent('第二党小组5月党小组会')}`,
    )
    expect(createMissingUrl(item({ period: '2026-Q2', kind: 'branch_assembly' }), groups)).toBe(`/pages/meeting-edit/index?type=branch_assembly&title=${encodeURIComponent('第二季度支部党员大会')}`)
  })

  it('leaves out of the overdue count the periods over before the branch began using the app', () => {
    const items = [item({ period: '2026-02', due: true }), item({ period: '2026-Q1', kind: 'branch_assembly', due: true }), item({ period: '2026-04', due: true })]
    expect(overdueItems(items, '2026-04').map((i) => i.period)).toEqual(['2026-04'])
    expect(overdueItems(items, '2026-03').map((i) => i.period)).toEqual(['2026-Q1', '2026-04'])
  })

  it('groups the year by period and warnings by member', () => {
    expect(yearRows([item({}), item({ kind: 'theme_day' }), item({ period: '2026-Q2' })]).map((r) => [r.period, r.items.length])).toEqual([
      ['2026-05', 2],
      ['2026-Q2', 1],
    ])
    const w = (memberId: string, kind: 'dues_unpaid' | 'no_credits') => ({ memberId, name: memberId, kind, detail: '' })
    expect(byMember([w('a', 'dues_unpaid'), w('b', 'dues_unpaid'), w('a', 'no_credits')]).map((c) => [c.memberId, c.warnings.length])).toEqual([
      ['a', 2],
      ['b', 1],
    ])
  })
})
