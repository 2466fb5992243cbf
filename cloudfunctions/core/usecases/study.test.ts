/**
 * Study hours and points through the router (DOMAIN "Study"): every award is a ledger row with
 * its reason, source, who and when, and totals are sums of rows; one award per source whatever
 * retries happen; self-study counts at once unless the branch reviews it; 学习强国 is self-reported
 * per week; the secretary sees who is behind; rankings only when the branch turns them on.
 */
import { DEMO, failure, theDemoBranch, type DemoBranch } from '../../../tests/support/app'
import { aLedgerEntry } from '../../../tests/support/builders'
import { firstInsertFails } from '../../../tests/support/faults'
import type { Storage } from '../ports'

/** A Wednesday; its week starts on Monday 2026-05-18. */
const NOW = '2026-05-20T10:00:00+08:00'
const PHOTO = 'data:image/png;base64,iVBORw0KGgo='

async function aBranch(opts: { at?: string; storage?: (real: Storage) => Storage } = {}) {
  const app = await theDemoBranch({ at: opts.at ?? NOW, storage: opts.storage })
  const log = (openid: string, fields: Record<string, unknown> = {}) =>
    app.as(openid).raw('study.log', { title: '学习党章', kind: 'original', minutes: 60, ...fields })
  const settings = (changes: Record<string, unknown>) => app.as(DEMO.secretary).raw('branch.updateSettings', changes)
  return { app, log, settings }
}

const ledgerOf = (app: DemoBranch, memberId?: string) =>
  app.storage.find('ledger', memberId ? { memberId } : {}, { orderBy: [['id', 'asc']] })
const studiesOf = (app: DemoBranch) => app.storage.find('studies', {}, { orderBy: [['id', 'asc']] })

describe('the ledger', () => {
  it('records a self-study as one row with its reason, source, who and when', async () => {
    const { app, log } = await aBranch()
    const answer = await log(DEMO.member(1), { title: '学习新修订的党章', kind: 'video', minutes: 90, note: '收获很大', studiedOn: '2026-05-19' })
    expect(answer).toEqual({
      ok: true,
      data: {
        counted: true,
        study: {
          id: expect.stringMatching(/^s-/),
          branchId: DEMO.branchId,
          memberId: 'demo-member-01',
          title: '学习新修订的党章',
          kind: 'video',
          minutes: 90,
          note: '收获很大',
          photo: null,
          studiedOn: '2026-05-19',
          state: 'approved',
          createdAt: NOW,
          reviewedBy: null,
          reviewedAt: null,
        },
      },
    })
    const studyId = (answer as { data: { study: { id: string } } }).data.study.id
    expect(await ledgerOf(app)).toEqual([
      {
        id: `study:${studyId}`,
        branchId: DEMO.branchId,
        memberId: 'demo-member-01',
        kind: 'self_study',
        points: 3,
        studyTenths: 15,
        sourceId: `study:${studyId}`,
        year: 2026,
        by: 'demo-member-01',
        at: '2026-05-19T12:00:00+08:00',
        reason: '自学（党课视频）：学习新修订的党章',
      },
    ])
    expect(await app.as(DEMO.member(1)).ok('points.mine', {})).toEqual({
      year: 2026,
      total: 3,
      byKind: { self_study: 3 },
      studyHours: 1.5,
      targetHours: 32,
    })
  })

  it('points.mine sums the rows of the year, by kind, with exact 学时', async () => {
    const { app } = await aBranch()
    const rows = [
      aLedgerEntry().ofKind('meeting').worth(2).withStudyHours(2),
      aLedgerEntry().ofKind('self_study').worth(1).withStudyHours(0.1),
      aLedgerEntry().ofKind('self_study').worth(1).withStudyHours(0.2),
      aLedgerEntry().ofKind('test').worth(2).withStudyHours(1),
      aLedgerEntry().ofKind('makeup_study').worth(1).withStudyHours(1.5),
      aLedgerEntry().ofKind('meeting').worth(5).withStudyHours(3).inYear(2025),
      aLedgerEntry().ofKind('meeting').worth(7).withStudyHours(3).forMember('demo-member-02'),
    ]
    for (const row of rows) await app.storage.insert('ledger', row.build())
    expect(await app.as(DEMO.member(1)).ok('points.mine', {})).toEqual({
      year: 2026,
      total: 7,
      byKind: { meeting: 2, self_study: 2, test: 2, makeup_study: 1 },
      // 0.1 + 0.2 kept in tenths: exactly 4.8, not 4.800000000000001.
      studyHours: 4.8,
      targetHours: 32,
    })
    expect(await app.as(DEMO.member(1)).ok('points.mine', { year: 2025 })).toMatchObject({ total: 5, byKind: { meeting: 5 }, studyHours: 3 })
  })

  it('has no counter to drift: a row added or removed changes the total', async () => {
    const { app } = await aBranch()
    const row = aLedgerEntry().ofKind('adjustment').worth(3).build()
    await app.storage.insert('ledger', row)
    expect((await app.as(DEMO.member(1)).ok('points.mine', {})).total).toBe(3)
    await app.storage.remove('ledger', row.id)
    expect((await app.as(DEMO.member(1)).ok('points.mine', {})).total).toBe(0)
  })

  it("points.mine answers the leadership's target to the leadership", async () => {
    const { app, settings } = await aBranch()
    await settings({ targetHours: 24, committeeTargetHours: 40 })
    expect((await app.as(DEMO.member(1)).ok('points.mine', {})).targetHours).toBe(24)
    expect((await app.as(DEMO.leader1).ok('points.mine', {})).targetHours).toBe(24)
    expect((await app.as(DEMO.secretary).ok('points.mine', {})).targetHours).toBe(40)
    expect((await app.as(DEMO.committee).ok('points.mine', {})).targetHours).toBe(40)
  })

  it('points.history lists my rows of the year, newest first, with their reasons', async () => {
    const { app } = await aBranch()
    const at = (id: string, iso: string, reason: string) => ({ ...aLedgerEntry(id).worth(1).withStudyHours(0.5).build(), at: iso, reason })
    await app.storage.insert('ledger', at('b', '2026-03-01T09:00:00+08:00', '参加党课'))
    await app.storage.insert('ledger', at('a', '2026-05-19T12:00:00+08:00', '自学（原文）：学习党章'))
    await app.storage.insert('ledger', at('c', '2026-04-10T15:00:00+08:00', '通过测试：四月测试（80 分）'))
    await app.storage.insert('ledger', aLedgerEntry('old').inYear(2025).build())
    await app.storage.insert('ledger', aLedgerEntry('theirs').forMember('demo-member-02').build())
    expect(await app.as(DEMO.member(1)).ok('points.history', {})).toEqual({
      year: 2026,
      rows: [
        { id: 'a', kind: 'meeting', points: 1, studyHours: 0.5, reason: '自学（原文）：学习党章', at: '2026-05-19T12:00:00+08:00' },
        { id: 'c', kind: 'meeting', points: 1, studyHours: 0.5, reason: '通过测试：四月测试（80 分）', at: '2026-04-10T15:00:00+08:00' },
        { id: 'b', kind: 'meeting', points: 1, studyHours: 0.5, reason: '参加党课', at: '2026-03-01T09:00:00+08:00' },
      ],
      next: null,
    })
    expect((await app.as(DEMO.member(1)).ok('points.history', { year: 2025 })).rows.map((r) => r.id)).toEqual(['old'])
  })

  it('counts a self-study in the year, Shanghai time, it was done', async () => {
    // 00:30 on New Year's Day in Shanghai is still 31 December in UTC, where the functions run.
    const { app, log } = await aBranch({ at: '2027-01-01T00:30:00+08:00' })
    expect(await log(DEMO.member(1))).toMatchObject({ ok: true, data: { study: { studiedOn: '2027-01-01' } } })
    await log(DEMO.member(1), { studiedOn: '2026-12-31', minutes: 30 })
    expect(await app.as(DEMO.member(1)).ok('points.mine', {})).toMatchObject({ year: 2027, total: 2, studyHours: 1 })
    expect(await app.as(DEMO.member(1)).ok('points.mine', { year: 2026 })).toMatchObject({ total: 1, studyHours: 0.5 })
  })
})

describe('study.log', () => {
  it('lets a member log a self-study of today, with a photo', async () => {
    const { log } = await aBranch()
    expect(await log(DEMO.member(1), { photo: PHOTO })).toMatchObject({ ok: true, data: { counted: true, study: { studiedOn: '2026-05-20', photo: PHOTO } } })
    const cloudFile = 'cloud://env-1.7a6b/studies/demo-member-01/1.jpg'
    expect(await log(DEMO.member(2), { photo: cloudFile })).toMatchObject({ ok: true, data: { study: { photo: cloudFile } } })
  })

  it('takes today in Shanghai, even just after midnight when UTC is still on yesterday', async () => {
    const { log } = await aBranch({ at: '2026-05-20T00:10:00+08:00' })
    expect(await log(DEMO.member(1), { studiedOn: '2026-05-20' })).toMatchObject({ ok: true, data: { study: { studiedOn: '2026-05-20' } } })
  })

  it('accepts a day up to 30 days back', async () => {
    const { log } = await aBranch()
    expect(await log(DEMO.member(1), { studiedOn: '2026-04-20' })).toMatchObject({ ok: true })
  })

  it.each<[string, Record<string, unknown>, string]>([
    ['a day in the future', { studiedOn: '2026-05-21' }, 'studiedOn：'],
    ['a day more than 30 days back', { studiedOn: '2026-04-19' }, 'studiedOn：'],
    ['a day that does not exist', { studiedOn: '2026-02-30' }, 'studiedOn：'],
    ['a photo given as a web address', { photo: 'https://example.com/a.jpg' }, 'photo：'],
    ['a photo that is not an image', { photo: 'data:text/html;base64,PGgxPg==' }, 'photo：'],
    ['an SVG photo', { photo: 'data:image/svg+xml;base64,PHN2Zz4=' }, 'photo：'],
    ['a photo over 400 000 characters', { photo: `data:image/png;base64,${'A'.repeat(400_000)}` }, 'photo：'],
    ['fewer than 5 minutes', { minutes: 4 }, 'minutes：'],
    ['more than 10 hours', { minutes: 601 }, 'minutes：'],
    ['part of a minute', { minutes: 30.5 }, 'minutes：'],
    ['an unknown kind', { kind: 'tv' }, 'kind：'],
    ['no title', { title: '   ' }, 'title：'],
  ])('refuses %s with INVALID_INPUT naming the field, storing nothing', async (_what, change, field) => {
    const { app, log } = await aBranch()
    expect(await log(DEMO.member(1), change)).toEqual(failure('INVALID_INPUT', field))
    expect(await studiesOf(app)).toEqual([])
    expect(await ledgerOf(app)).toEqual([])
  })

  it('study.mine lists my records of the year, the latest day first', async () => {
    const { app, log } = await aBranch()
    await log(DEMO.member(1), { title: '学习党章', studiedOn: '2026-05-01' })
    await log(DEMO.member(1), { title: '观看党课视频', studiedOn: '2026-05-18' })
    await log(DEMO.member(2), { title: '别人的学习' })
    const { studies } = await app.as(DEMO.member(1)).ok('study.mine', {})
    expect(studies.map((s) => [s.title, s.studiedOn])).toEqual([
      ['观看党课视频', '2026-05-18'],
      ['学习党章', '2026-05-01'],
    ])
  })
})

describe('when the branch reviews self-study', () => {
  async function reviewed() {
    const b = await aBranch()
    expect(await b.settings({ selfStudyNeedsApproval: true })).toMatchObject({ ok: true, data: { settings: { selfStudyNeedsApproval: true } } })
    const logged = await b.log(DEMO.member(1), { minutes: 120 })
    const studyId = (logged as { data: { study: { id: string } } }).data.study.id
    const review = (approve: boolean, openid: string = DEMO.committee) => b.app.as(openid).call('study.review', { studyId, approve })
    return { ...b, logged, studyId, review }
  }

  it('a record waits, uncounted and with no ledger row', async () => {
    const { app, logged, studyId } = await reviewed()
    expect(logged).toMatchObject({ ok: true, data: { counted: false, study: { state: 'pending' } } })
    expect(await ledgerOf(app)).toEqual([])
    expect((await app.as(DEMO.member(1)).ok('points.mine', {})).total).toBe(0)
    expect(await app.as(DEMO.committee).ok('study.pending', {})).toEqual({
      studies: [expect.objectContaining({ id: studyId, memberId: 'demo-member-01', name: '陈志强', minutes: 120, state: 'pending' })],
      next: null,
    })
  })

  it('a committee member approves it: one ledger row, by the reviewer', async () => {
    const { app, studyId, review } = await reviewed()
    app.clock.set('2026-05-21T09:00:00+08:00')
    expect(await review(true)).toEqual({ ok: true, data: { state: 'approved' } })
    expect(await app.storage.get('studies', studyId)).toMatchObject({ state: 'approved', reviewedBy: 'demo-committee', reviewedAt: '2026-05-21T09:00:00+08:00' })
    expect(await ledgerOf(app)).toEqual([
      expect.objectContaining({ memberId: 'demo-member-01', kind: 'self_study', points: 4, studyTenths: 20, sourceId: `study:${studyId}`, by: 'demo-committee' }),
    ])
    expect(await app.as(DEMO.member(1)).ok('points.mine', {})).toMatchObject({ total: 4, studyHours: 2 })
    expect(await app.as(DEMO.committee).ok('study.pending', {})).toEqual({ studies: [], next: null })
  })

  it('the secretary refuses it: no row, and it cannot be approved afterwards', async () => {
    const { app, studyId, review } = await reviewed()
    expect(await review(false, DEMO.secretary)).toEqual({ ok: true, data: { state: 'refused' } })
    expect(await review(false)).toEqual({ ok: true, data: { state: 'refused' } })
    expect(await review(true)).toEqual(failure('CONFLICT'))
    expect(await app.storage.get('studies', studyId)).toMatchObject({ state: 'refused', reviewedBy: 'demo-secretary' })
    expect(await ledgerOf(app)).toEqual([])
    expect(await app.as(DEMO.committee).ok('study.pending', {})).toEqual({ studies: [], next: null })
  })

  it('an approved record cannot be refused afterwards', async () => {
    const { app, review } = await reviewed()
    await review(true)
    expect(await review(false)).toEqual(failure('CONFLICT'))
    expect(await ledgerOf(app)).toHaveLength(1)
  })

  it.each([
    ['a member', DEMO.member(2)],
    ['the member themself', DEMO.member(1)],
    ['a group leader', DEMO.leader1],
  ])('%s may neither see nor review: FORBIDDEN', async (_who, openid) => {
    const { app, review } = await reviewed()
    expect(await review(true, openid)).toEqual(failure('FORBIDDEN'))
    expect(await app.as(openid).call('study.pending', {})).toEqual(failure('FORBIDDEN'))
    expect(await ledgerOf(app)).toEqual([])
  })

  it('an unknown record is NOT_FOUND', async () => {
    const { app } = await reviewed()
    expect(await app.as(DEMO.committee).call('study.review', { studyId: 's-nothing', approve: true })).toEqual(failure('NOT_FOUND'))
  })

  it('turning review off again counts new records at once, not the waiting one', async () => {
    const { app, log, settings, studyId } = await reviewed()
    await settings({ selfStudyNeedsApproval: false })
    expect(await log(DEMO.member(2))).toMatchObject({ ok: true, data: { counted: true } })
    expect(await app.storage.get('studies', studyId)).toMatchObject({ state: 'pending' })
    expect((await ledgerOf(app)).map((r) => r.memberId)).toEqual(['demo-member-02'])
  })
})

describe('one award per self-study, whatever retries happen', () => {
  it('the same form sent again (same requestId) answers the first record: one study, one ledger row', async () => {
    const { app, log } = await aBranch()
    const answers = await Promise.all(Array.from({ length: 5 }, () => log(DEMO.member(1), { requestId: 'form-abc12345' })))
    const ids = new Set(answers.map((a) => (a as { data: { study: { id: string } } }).data.study.id))
    expect(ids.size).toBe(1)
    for (const a of answers) expect(a).toMatchObject({ ok: true, data: { counted: true } })
    expect(await studiesOf(app)).toHaveLength(1)
    expect(await ledgerOf(app)).toHaveLength(1)
    // Another form is another study.
    await log(DEMO.member(1), { requestId: 'form-def67890' })
    expect(await studiesOf(app)).toHaveLength(2)
    expect(await app.as(DEMO.member(1)).call('study.log', { title: '学习', kind: 'original', minutes: 30, requestId: 'x' })).toEqual(
      failure('INVALID_INPUT', 'requestId'),
    )
  })

  it('20 approvals of the same record at once: each answers approved, one ledger row', async () => {
    const { app, settings, log } = await aBranch()
    await settings({ selfStudyNeedsApproval: true })
    const studyId = ((await log(DEMO.member(1))) as { data: { study: { id: string } } }).data.study.id
    const reviewers = Array.from({ length: 20 }, (_, i) => (i % 2 ? DEMO.committee : DEMO.secretary))
    const answers = await Promise.all(reviewers.map((openid) => app.as(openid).call('study.review', { studyId, approve: true })))
    for (const a of answers) expect(a).toEqual({ ok: true, data: { state: 'approved' } })
    expect(await ledgerOf(app)).toHaveLength(1)
    expect((await app.as(DEMO.member(1)).ok('points.mine', {})).total).toBe(2)
  })

  it('an approval retried after the function died between the decision and the award completes the award', async () => {
    const { app, settings, log } = await aBranch({ storage: firstInsertFails('ledger') })
    await settings({ selfStudyNeedsApproval: true })
    const studyId = ((await log(DEMO.member(1))) as { data: { study: { id: string } } }).data.study.id
    expect(await app.as(DEMO.committee).call('study.review', { studyId, approve: true })).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(await app.storage.get('studies', studyId)).toMatchObject({ state: 'approved' })
    expect(await app.as(DEMO.committee).call('study.review', { studyId, approve: true })).toEqual({ ok: true, data: { state: 'approved' } })
    expect(await ledgerOf(app)).toEqual([expect.objectContaining({ sourceId: `study:${studyId}`, points: 2, by: 'demo-committee' })])
  })
})

describe('学习强国 self-reports', () => {
  it("xuexi.report records this week's points against the branch's target", async () => {
    const { app } = await aBranch()
    expect(await app.as(DEMO.member(1)).call('xuexi.report', { points: 160, screenshot: PHOTO })).toEqual({
      ok: true,
      data: {
        target: 150,
        report: {
          id: 'demo-member-01:2026-05-18',
          branchId: DEMO.branchId,
          memberId: 'demo-member-01',
          week: '2026-05-18',
          points: 160,
          screenshot: PHOTO,
          reportedAt: NOW,
        },
      },
    })
  })

  it('a second report for the same week replaces the first (any day of the week names it)', async () => {
    const { app } = await aBranch()
    await app.as(DEMO.member(1)).ok('xuexi.report', { points: 90 })
    app.clock.set('2026-05-24T21:00:00+08:00')
    expect(await app.as(DEMO.member(1)).ok('xuexi.report', { week: '2026-05-20', points: 155 })).toMatchObject({ report: { week: '2026-05-18', points: 155 } })
    expect(await app.storage.find('xuexi', {})).toEqual([
      expect.objectContaining({ id: 'demo-member-01:2026-05-18', points: 155, screenshot: null, reportedAt: '2026-05-24T21:00:00+08:00' }),
    ])
  })

  it('20 reports of the same week at once leave one document', async () => {
    const { app } = await aBranch()
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => app.as(DEMO.member(1)).call('xuexi.report', { points: 100 + i })))
    for (const a of answers) expect(a).toMatchObject({ ok: true })
    expect(await app.storage.find('xuexi', {})).toHaveLength(1)
  })

  it('a new week starts at midnight on Monday in Shanghai', async () => {
    const { app } = await aBranch({ at: '2026-05-24T23:59:00+08:00' })
    expect(await app.as(DEMO.member(1)).ok('xuexi.report', { points: 150 })).toMatchObject({ report: { week: '2026-05-18' } })
    app.clock.set('2026-05-25T00:01:00+08:00')
    expect(await app.as(DEMO.member(1)).ok('xuexi.report', { points: 10 })).toMatchObject({ report: { week: '2026-05-25' } })
  })

  it.each([
    ['next week', '2026-05-25'],
    ['the fifth week back', '2026-04-19'],
    ['a year ago', '2025-05-20'],
  ])('refuses %s with INVALID_INPUT naming week', async (_what, week) => {
    const { app } = await aBranch()
    expect(await app.as(DEMO.member(1)).call('xuexi.report', { week, points: 150 })).toEqual(failure('INVALID_INPUT', 'week：'))
    expect(await app.storage.find('xuexi', {})).toEqual([])
  })

  it('accepts the fourth week back', async () => {
    const { app } = await aBranch()
    expect(await app.as(DEMO.member(1)).ok('xuexi.report', { week: '2026-04-20', points: 150 })).toMatchObject({ report: { week: '2026-04-20' } })
  })

  it.each<[string, Record<string, unknown>, string]>([
    ['negative points', { points: -1 }, 'points：'],
    ['no points', {}, 'points：'],
    ['a screenshot that is not an image', { points: 150, screenshot: 'hello' }, 'screenshot：'],
  ])('refuses %s', async (_what, payload, field) => {
    const { app } = await aBranch()
    expect(await app.as(DEMO.member(1)).raw('xuexi.report', payload)).toEqual(failure('INVALID_INPUT', field))
  })

  it('xuexi.mine shows the last 8 weeks, this one first, against the target', async () => {
    const { app, settings } = await aBranch()
    await app.as(DEMO.member(1)).ok('xuexi.report', { points: 120 })
    await app.as(DEMO.member(1)).ok('xuexi.report', { week: '2026-05-04', points: 180 })
    await app.as(DEMO.member(2)).ok('xuexi.report', { points: 999 })
    await app.storage.insert('xuexi', { id: 'demo-member-01:2026-03-23', branchId: DEMO.branchId, memberId: 'demo-member-01', week: '2026-03-23', points: 1, screenshot: null, reportedAt: NOW })
    expect(await app.as(DEMO.member(1)).ok('xuexi.mine', {})).toEqual({
      target: 150,
      weeks: [
        { week: '2026-05-18', points: 120 },
        { week: '2026-05-11', points: null },
        { week: '2026-05-04', points: 180 },
        { week: '2026-04-27', points: null },
        { week: '2026-04-20', points: null },
        { week: '2026-04-13', points: null },
        { week: '2026-04-06', points: null },
        { week: '2026-03-30', points: null },
      ],
    })
    await settings({ xuexiWeeklyTarget: 200 })
    expect((await app.as(DEMO.member(1)).ok('xuexi.mine', {})).target).toBe(200)
    expect((await app.as(DEMO.member(1)).ok('xuexi.report', { points: 130 })).target).toBe(200)
  })
})

describe('study.overview: who is behind the prorated target', () => {
  /** 2 July 2026 is day 183 of 365: 32 学时 a year prorate to 16.0, 40 to 20.1. */
  const JULY_2 = '2026-07-02T10:00:00+08:00'

  async function withHours(hours: Record<string, number>) {
    const b = await aBranch({ at: JULY_2 })
    for (const [memberId, h] of Object.entries(hours)) {
      await b.app.storage.insert('ledger', aLedgerEntry().forMember(memberId).worth(Math.round(h)).withStudyHours(h).build())
    }
    return b
  }

  it('marks a member below the share of the target due by today, the leadership against its own target', async () => {
    const { app, settings } = await withHours({ 'demo-member-01': 16, 'demo-member-02': 15.9, 'demo-secretary': 20, 'demo-committee': 20.1, 'demo-leader-1': 16 })
    await settings({ committeeTargetHours: 40 })
    const { year, rankingsEnabled, members } = await app.as(DEMO.secretary).ok('study.overview', {})
    expect({ year, rankingsEnabled }).toEqual({ year: 2026, rankingsEnabled: false })
    expect(members).toHaveLength(23)
    const row = (id: string) => members.find((m) => m.memberId === id)
    expect(row('demo-member-01')).toEqual({ memberId: 'demo-member-01', name: '陈志强', studyHours: 16, target: 32, expectedByNow: 16, behind: false, points: 16 })
    expect(row('demo-member-02')).toMatchObject({ studyHours: 15.9, target: 32, expectedByNow: 16, behind: true })
    expect(row('demo-secretary')).toMatchObject({ studyHours: 20, target: 40, expectedByNow: 20.1, behind: true })
    expect(row('demo-committee')).toMatchObject({ studyHours: 20.1, target: 40, expectedByNow: 20.1, behind: false })
    expect(row('demo-leader-1')).toMatchObject({ target: 32, behind: false })
    expect(row('demo-member-03')).toMatchObject({ studyHours: 0, points: 0, behind: true })
  })

  it('holds a past year to its whole target', async () => {
    const { app } = await withHours({})
    await app.storage.insert('ledger', aLedgerEntry().inYear(2025).withStudyHours(31.9).build())
    const { members } = await app.as(DEMO.committee).ok('study.overview', { year: 2025 })
    expect(members.find((m) => m.memberId === 'demo-member-01')).toMatchObject({ studyHours: 31.9, target: 32, expectedByNow: 32, behind: true })
  })

  it('is FORBIDDEN to members and group leaders', async () => {
    const { app } = await withHours({})
    expect(await app.as(DEMO.member(1)).call('study.overview', {})).toEqual(failure('FORBIDDEN'))
    expect(await app.as(DEMO.leader1).call('study.overview', {})).toEqual(failure('FORBIDDEN'))
  })
})

describe('study.ranking', () => {
  it('is CONFLICT while rankings are off, as they are unless the branch turns them on', async () => {
    const { app } = await aBranch()
    expect(await app.as(DEMO.member(1)).call('study.ranking', {})).toEqual(failure('CONFLICT', '没有开启'))
    expect(await app.as(DEMO.secretary).call('study.ranking', {})).toEqual(failure('CONFLICT'))
  })

  it('once on, ranks every member by points, then 学时', async () => {
    const { app, settings } = await aBranch()
    await app.storage.insert('ledger', aLedgerEntry().forMember('demo-member-05').worth(6).withStudyHours(2).build())
    await app.storage.insert('ledger', aLedgerEntry().forMember('demo-member-02').worth(4).withStudyHours(5).build())
    await app.storage.insert('ledger', aLedgerEntry().forMember('demo-member-09').worth(4).withStudyHours(1).build())
    await app.storage.insert('ledger', aLedgerEntry().forMember('demo-member-01').worth(1).inYear(2025).build())
    expect(await settings({ rankingsEnabled: true })).toMatchObject({ ok: true })
    const { year, rows } = await app.as(DEMO.member(1)).ok('study.ranking', {})
    expect(year).toBe(2026)
    expect(rows).toHaveLength(23)
    expect(rows.slice(0, 3)).toEqual([
      { memberId: 'demo-member-05', name: '周建国', points: 6, studyHours: 2 },
      { memberId: 'demo-member-02', name: '刘秀英', points: 4, studyHours: 5 },
      { memberId: 'demo-member-09', name: '马玉兰', points: 4, studyHours: 1 },
    ])
    expect(rows.slice(3).every((r) => r.points === 0)).toBe(true)
    expect((await app.as(DEMO.secretary).ok('study.overview', {})).rankingsEnabled).toBe(true)
  })
})

describe('branch settings', () => {
  it('start from the defaults: 32 学时, approval off, rankings off, 150 学习强国 points a week', async () => {
    const { app } = await aBranch()
    expect(await app.as(DEMO.member(1)).ok('branch.settings', {})).toEqual({
      settings: { targetHours: 32, committeeTargetHours: 32, selfStudyNeedsApproval: false, rankingsEnabled: false, xuexiWeeklyTarget: 150, meetingPoints: { branch_assembly: 2, committee: 1, group: 1, lecture: 2, theme_day: 2, life_meeting: 2, other: 1 } },
    })
  })

  it('the secretary changes some and keeps the rest, the branch’s other settings included', async () => {
    const { app, settings } = await aBranch()
    const before = await app.storage.get('branches', DEMO.branchId)
    expect(await settings({ targetHours: 24, rankingsEnabled: true })).toEqual({
      ok: true,
      data: { settings: { targetHours: 24, committeeTargetHours: 32, selfStudyNeedsApproval: false, rankingsEnabled: true, xuexiWeeklyTarget: 150, meetingPoints: { branch_assembly: 2, committee: 1, group: 1, lecture: 2, theme_day: 2, life_meeting: 2, other: 1 } } },
    })
    expect(await settings({ committeeTargetHours: 40 })).toMatchObject({ ok: true, data: { settings: { targetHours: 24, committeeTargetHours: 40, rankingsEnabled: true } } })
    const after = await app.storage.get('branches', DEMO.branchId)
    expect(after?.settings.duesSince).toBe(before?.settings.duesSince)
    expect(after?.schedule).toEqual(before?.schedule)
    expect((await app.as(DEMO.member(1)).ok('branch.settings', {})).settings).toMatchObject({ targetHours: 24, committeeTargetHours: 40 })
  })

  it('sets the points a check-in earns per meeting type, keeping the others', async () => {
    const { settings } = await aBranch()
    expect(await settings({ meetingPoints: { lecture: 5 } })).toMatchObject({ ok: true, data: { settings: { meetingPoints: { lecture: 5, branch_assembly: 2 } } } })
    expect(await settings({ meetingPoints: { other: 3 } })).toMatchObject({ ok: true, data: { settings: { meetingPoints: { lecture: 5, other: 3 } } } })
    expect(await settings({ meetingPoints: { lecture: 11 } })).toEqual(failure('INVALID_INPUT', 'meetingPoints.lecture'))
    expect(await settings({ meetingPoints: { party: 1 } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })

  it('a committee member cannot approve their own self-study', async () => {
    const { app, settings, log } = await aBranch()
    await settings({ selfStudyNeedsApproval: true })
    const studyId = ((await log(DEMO.committee)) as { data: { study: { id: string } } }).data.study.id
    expect(await app.as(DEMO.committee).call('study.review', { studyId, approve: true })).toEqual(failure('FORBIDDEN', '自己'))
    expect(await app.as(DEMO.secretary).call('study.review', { studyId, approve: true })).toEqual({ ok: true, data: { state: 'approved' } })
  })

  it.each([
    ['the committee', DEMO.committee],
    ['a group leader', DEMO.leader1],
    ['a member', DEMO.member(1)],
  ])('only the secretary may change them: %s is FORBIDDEN', async (_who, openid) => {
    const { app } = await aBranch()
    expect(await app.as(openid).call('branch.updateSettings', { rankingsEnabled: true })).toEqual(failure('FORBIDDEN', '支部书记'))
    expect((await app.as(openid).ok('branch.settings', {})).settings.rankingsEnabled).toBe(false)
  })

  it.each<[Record<string, unknown>, string]>([
    [{ targetHours: 0 }, 'targetHours：'],
    [{ committeeTargetHours: 12.5 }, 'committeeTargetHours：'],
    [{ rankingsEnabled: 'yes' }, 'rankingsEnabled：'],
    [{ xuexiWeeklyTarget: -5 }, 'xuexiWeeklyTarget：'],
  ])('refuses %j with INVALID_INPUT naming the field', async (change, field) => {
    const { settings } = await aBranch()
    expect(await settings(change)).toEqual(failure('INVALID_INPUT', field))
  })
})
