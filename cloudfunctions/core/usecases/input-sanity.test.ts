/**
 * Input that is well-typed but not sane (issue 9 item 12): meetings dated far from now, calendar
 * dates that do not exist, and text holding what no record should hold. Each is INVALID_INPUT
 * naming the field, and nothing is stored.
 */
import { DEMO, failure, theDemoBranch, type DemoBranch } from '../../../tests/support/app'
import { aMeeting } from '../../../tests/support/builders'

const NOW = '2026-05-20T10:00:00+08:00'
const everything = async (app: DemoBranch) =>
  Promise.all((['meetings', 'leaves', 'studies', 'meetingAudit'] as const).map((c) => app.storage.find(c, {}, { orderBy: [['id', 'asc']] })))

describe('a meeting starts between one year back and two years ahead', () => {
  it.each([
    ['a year and a day back', '2025-05-19T10:00:00+08:00', /一年前/],
    ['two years and a day ahead', '2028-05-21T10:00:00+08:00', /两年后/],
    ['in the year 9999', '9999-05-20T10:00:00+08:00', /两年后/],
  ])('refuses a start %s', async (_what, startAt, detail) => {
    const app = await theDemoBranch({ at: NOW })
    const before = await everything(app)
    const envelope = await app.as(DEMO.secretary).call('meeting.create', aMeeting().startingAt(startAt).build())
    expect(envelope).toEqual(failure('INVALID_INPUT', 'startAt：'))
    if (!envelope.ok) expect(envelope.error.message).toMatch(detail)
    expect(await everything(app)).toEqual(before)
  })

  it.each([
    ['just under a year back', '2025-05-20T10:30:00+08:00'],
    ['just under two years ahead', '2028-05-20T09:30:00+08:00'],
  ])('accepts a start %s', async (_what, startAt) => {
    const app = await theDemoBranch({ at: NOW })
    await app.as(DEMO.secretary).ok('meeting.create', aMeeting().startingAt(startAt).build())
  })

  it('refuses moving a meeting out of the range, but lets an old meeting be corrected without moving it', async () => {
    const app = await theDemoBranch({ at: '2025-06-01T10:00:00+08:00' })
    const { meeting } = await app.as(DEMO.secretary).ok('meeting.create', aMeeting().startingAt('2025-06-10T14:30:00+08:00').build())
    app.clock.set('2026-07-01T10:00:00+08:00')
    expect(await app.as(DEMO.secretary).call('meeting.update', { meetingId: meeting.id, title: '更正后的名称', startAt: meeting.startAt, endAt: meeting.endAt })).toMatchObject({ ok: true })
    expect(await app.as(DEMO.secretary).call('meeting.update', { meetingId: meeting.id, startAt: '2030-06-10T14:30:00+08:00', endAt: '2030-06-10T16:30:00+08:00' })).toEqual(
      failure('INVALID_INPUT', 'startAt：'),
    )
  })
})

describe('a calendar date that does not exist is INVALID_INPUT everywhere', () => {
  it.each<[string, string, Record<string, unknown>, string]>([
    ['meeting.list', DEMO.member(1), { from: '2026-02-30' }, 'from'],
    ['meeting.list', DEMO.member(1), { to: '2026-04-31' }, 'to'],
    ['study.log', DEMO.member(1), { title: '学习党章', kind: 'original', minutes: 30, studiedOn: '2026-02-29' }, 'studiedOn'],
    ['dues.status', DEMO.member(1), { month: '2026-13' }, 'month'],
    ['meeting.create', DEMO.secretary, { ...aMeeting().build(), endAt: '2026-05-32T16:30:00+08:00' }, 'endAt'],
  ])('%s %j', async (action, who, payload, field) => {
    const app = await theDemoBranch({ at: NOW })
    const before = await everything(app)
    expect(await app.as(who).raw(action, payload)).toEqual(failure('INVALID_INPUT', `${field}：`))
    expect(await everything(app)).toEqual(before)
  })
})

describe('text refuses control characters, lone surrogates and bidi overrides; invisible-only text is empty', () => {
  const cases: Array<[string, string, string]> = [
    ['a right-to-left override', '王建华\u202E会员', /方向控制符/.source],
    ['a left-to-right isolate', '\u2066学习\u2069', /方向控制符/.source],
    ['a NUL', '学习\u0000', /控制字符/.source],
    ['an escape', '学习\u001B[31m', /控制字符/.source],
    ['a lone high surrogate', '学习\uD83D', /无法显示/.source],
    ['a lone low surrogate', '\uDE00学习', /无法显示/.source],
    ['only zero-width spaces', '\u200B\u200B\u200B', /不能为空/.source],
    ['only a BOM, a word joiner and an ideographic space', '\uFEFF\u2060\u3000', /不能为空/.source],
    ['only Hangul fillers', '\u3164\u115F', /不能为空/.source],
  ]

  it.each(cases)('a meeting title with %s', async (_what, title, detail) => {
    const app = await theDemoBranch({ at: NOW })
    const before = await everything(app)
    const envelope = await app.as(DEMO.secretary).raw('meeting.create', { ...aMeeting().build(), title })
    expect(envelope).toEqual(failure('INVALID_INPUT', 'title：'))
    if (!envelope.ok) expect(envelope.error.message).toMatch(new RegExp(detail))
    expect(await everything(app)).toEqual(before)
  })

  it.each(cases)('a leave reason with %s', async (_what, reason, detail) => {
    const app = await theDemoBranch({ at: NOW })
    const { meeting } = await app.as(DEMO.secretary).ok('meeting.create', aMeeting().startingAt('2026-05-25T14:30:00+08:00').build())
    const before = await everything(app)
    const envelope = await app.as(DEMO.member(1)).raw('leave.request', { meetingId: meeting.id, reason: `出差${reason}` })
    if (/不能为空/.test(detail)) {
      // Trailing invisible characters are trimmed off what is stored.
      expect(envelope).toMatchObject({ ok: true })
      expect((await app.storage.find('leaves', {})).map((l) => l.reason)).toEqual(['出差'])
    } else {
      expect(envelope).toEqual(failure('INVALID_INPUT', 'reason：'))
      expect(await everything(app)).toEqual(before)
    }
  })

  it('keeps line breaks, tabs and emoji with their variation selector, and trims invisible edges', async () => {
    const app = await theDemoBranch({ at: NOW })
    const { study } = await app.as(DEMO.member(1)).ok('study.log', { title: '\u200B学习党章❤️\uFEFF', kind: 'original', minutes: 30, note: '第一条\n\t第二条' })
    expect(study).toMatchObject({ title: '学习党章❤️', note: '第一条\n\t第二条' })
  })
})
