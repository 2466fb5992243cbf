/** Ids are stored data and carry the uniqueness rules: each format is pinned here, byte for byte. */
import { attemptId, attendanceId, creditId, eventKey, ledgerKeys, leaveId, makeupId, newId, noticeId, paymentId, sendId, studyId, themeDayId, xuexiId } from './ids'

const AT = new Date('2026-05-20T10:00:00+08:00')

describe('ids', () => {
  it.each([
    [attendanceId('m-1', 'demo-member-01'), 'm-1:demo-member-01'],
    [leaveId('m-1', 'demo-member-01'), 'm-1:demo-member-01'],
    [makeupId('m-1', 'demo-member-01'), 'm-1:demo-member-01'],
    [attemptId('quiz-1', 'demo-member-01'), 'quiz-1:demo-member-01'],
    [paymentId('demo-member-01', '2026-05'), 'demo-member-01:2026-05'],
    [xuexiId('demo-member-01', '2026-05-18'), 'demo-member-01:2026-05-18'],
    [creditId('demo-member-01', 'dues_reminder'), 'demo-member-01:dues_reminder'],
    [themeDayId('demo-branch', '2026-05'), 'theme-demo-branch-2026-05'],
    [studyId('demo-member-01', 'r-42', AT), 's-demo-member-01-r-42'],
    [eventKey({ kind: 'theme_day', month: '2026-05' }), 'theme:2026-05'],
    [eventKey({ kind: 'dues_day', month: '2026-05' }), 'dues:2026-05'],
    [eventKey({ kind: 'meeting', meetingId: 'm-1' }), 'meeting:m-1'],
    [noticeId('demo-branch', { kind: 'dues_day', month: '2026-05' }, 'morning_of'), 'demo-branch|dues:2026-05|morning_of'],
    [sendId('demo-branch', { kind: 'theme_day', month: '2026-05' }, 'day_before', 'demo-member-01'), 'demo-branch|theme:2026-05|day_before|demo-member-01'],
  ])('%s', (id, expected) => {
    expect(id).toBe(expected)
  })

  it.each([
    [ledgerKeys.attendance('m-1:demo-member-01'), { id: 'attendance:m-1:demo-member-01', sourceId: 'm-1:demo-member-01' }],
    [ledgerKeys.makeup('m-1', 'demo-member-01'), { id: 'makeup:m-1:demo-member-01', sourceId: 'makeup:m-1' }],
    [ledgerKeys.quiz('quiz-1', 'demo-member-01'), { id: 'quiz:quiz-1:demo-member-01', sourceId: 'quiz:quiz-1' }],
    [ledgerKeys.study('s-1'), { id: 'study:s-1', sourceId: 'study:s-1' }],
  ])('ledger keys %j', (keys, expected) => {
    expect(keys).toEqual(expected)
  })

  it('makes fresh ids from a prefix, the time and randomness', () => {
    expect(newId('m', AT)).toMatch(new RegExp(`^m-${AT.getTime().toString(36)}-[0-9a-f]{8}$`))
    expect(newId('m', AT)).not.toBe(newId('m', AT))
    expect(studyId('demo-member-01', undefined, AT)).toMatch(/^s-[0-9a-z]+-[0-9a-f]{8}$/)
  })
})
