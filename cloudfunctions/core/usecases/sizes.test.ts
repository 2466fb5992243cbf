/**
 * Sizes are bounded (issue 9 item 13): an imported question obeys question.create's limits, list
 * answers come in pages (the first page is what the list always answered), no page reaches
 * megabytes however many photos members stored, and a member's photos per year are bounded.
 */
import type { Study } from '../../../types/models'
import { LIMITS } from '../../../src/domain/limits'
import type { Result } from '../actions'
import { dataOf, DEMO, failure, theDemoBranch, type DemoBranch } from '../../../tests/support/app'

const NOW = '2026-05-20T10:00:00+08:00'
const HEADER = '题型,题干,选项A,选项B,选项C,选项D,答案'
/** A JPEG data URL of about 290 KB, the most a photo may be after shrinking. */
const PHOTO = `data:image/jpeg;base64,${'A'.repeat(LIMITS.picture - 40)}`

const questionsOf = (app: DemoBranch) => app.storage.find('questions', {})

function aStudy(n: number, fields: Partial<Study> = {}): Study {
  return {
    id: `s-size-${String(n).padStart(3, '0')}`,
    branchId: DEMO.branchId,
    memberId: DEMO.member(1),
    title: `自学 ${n}`,
    kind: 'original',
    minutes: 30,
    note: null,
    photo: null,
    studiedOn: '2026-05-01',
    state: 'approved',
    createdAt: `2026-05-01T10:${String(n % 60).padStart(2, '0')}:00+08:00`,
    reviewedBy: null,
    reviewedAt: null,
    ...fields,
  }
}

describe('question.import holds the limits of question.create', () => {
  it.each([
    ['nine options', `单选,有九个选项的题,${'甲,乙,丙,丁,戊,己,庚,辛,壬'},A`, /最多 8 个选项/],
    ['a stem with a bidi override', '单选,题干\u202E反向,甲,乙,,,A', /方向控制符/],
    ['an option with a NUL', '单选,正常的题干,甲\u0000,乙,,,A', /控制字符/],
    ['a stem of only zero-width spaces', '单选,\u200B\u200B\u200B,甲,乙,,,A', /题干/],
  ])('refuses a row with %s, naming the row, and stores nothing', async (_what, row, detail) => {
    const app = await theDemoBranch({ at: NOW })
    const envelope = await app.as(DEMO.secretary).call('question.import', { csv: [HEADER, '单选,第一题题干,甲,乙,,,A', row].join('\n') })
    expect(envelope).toEqual(failure('INVALID_INPUT', /csv：第 3 行：/))
    if (!envelope.ok) expect(envelope.error.message).toMatch(detail)
    expect(await questionsOf(app)).toEqual([])
  })

  it('keeps an imported stem as question.create would: trimmed of invisible edges', async () => {
    const app = await theDemoBranch({ at: NOW })
    const { questions } = await app.as(DEMO.secretary).ok('question.import', { csv: [HEADER, '单选,\u200B第一题题干\uFEFF,甲,乙,,,A'].join('\n') })
    expect(questions.map((q) => q.stem)).toEqual(['第一题题干'])
  })
})

describe('list answers come in pages', () => {
  it('question.list: everything by default, or a page at a time with the offset of the next', async () => {
    const app = await theDemoBranch({ at: NOW })
    const csv = [HEADER, ...[1, 2, 3, 4, 5].map((n) => `判断,第${n}题题干,,,,,对`)].join('\n')
    await app.as(DEMO.secretary).ok('question.import', { csv })
    const all = await app.as(DEMO.secretary).ok('question.list', {})
    expect(all.questions).toHaveLength(5)
    expect(all.next).toBeNull()
    const first = await app.as(DEMO.secretary).ok('question.list', { limit: 2 })
    expect(first).toMatchObject({ next: 2 })
    const second = await app.as(DEMO.secretary).ok('question.list', { offset: 2, limit: 2 })
    const last = await app.as(DEMO.secretary).ok('question.list', { offset: 4, limit: 2 })
    expect(last.next).toBeNull()
    expect([...first.questions, ...second.questions, ...last.questions].map((q) => q.id)).toEqual(all.questions.map((q) => q.id))
    expect(await app.as(DEMO.secretary).call('question.list', { limit: 1001 })).toEqual(failure('INVALID_INPUT', 'limit：'))
    expect(await app.as(DEMO.secretary).call('question.list', { offset: -1 })).toEqual(failure('INVALID_INPUT', 'offset：'))
  })

  it('points.history and study.mine page the same way', async () => {
    const app = await theDemoBranch({ at: NOW })
    for (let n = 1; n <= 3; n++) await app.storage.insert('studies', aStudy(n))
    const page = await app.as(DEMO.member(1)).ok('study.mine', { limit: 2 })
    expect(page).toMatchObject({ next: 2 })
    expect((await app.as(DEMO.member(1)).ok('study.mine', { offset: 2 })).studies).toHaveLength(1)
    for (const title of ['学习党章', '学习准则']) await app.as(DEMO.member(1)).ok('study.log', { title, kind: 'original', minutes: 30 })
    const history = await app.as(DEMO.member(1)).ok('points.history', {})
    expect(history.rows.length).toBeGreaterThanOrEqual(2)
    expect(history.next).toBeNull()
    expect(await app.as(DEMO.member(1)).ok('points.history', { limit: 1 })).toEqual({ ...history, rows: history.rows.slice(0, 1), next: 1 })
  })

  it('no page of photos reaches megabytes: study.pending stops at about 2 MB and goes on from there', async () => {
    const app = await theDemoBranch({ at: NOW })
    for (let n = 1; n <= 12; n++) await app.storage.insert('studies', aStudy(n, { state: 'pending', photo: PHOTO, memberId: DEMO.member(n) }))
    const seen: string[] = []
    let offset: number | null = 0
    while (offset !== null) {
      const envelope = await app.as(DEMO.secretary).call('study.pending', { offset })
      expect(JSON.stringify(envelope).length).toBeLessThan(2_500_000)
      const page: Result<'study.pending'> = dataOf(envelope)
      seen.push(...page.studies.map((s) => s.id))
      offset = page.next
    }
    expect(seen).toEqual(Array.from({ length: 12 }, (_, i) => aStudy(i + 1).id))
  })
})

describe('a member’s photos are bounded', () => {
  it(`refuses the ${LIMITS.studyPhotosPerYear + 1}th self-study photo of a year, naming photo; the study without one is fine`, async () => {
    const app = await theDemoBranch({ at: NOW })
    for (let n = 1; n <= LIMITS.studyPhotosPerYear; n++) await app.storage.insert('studies', aStudy(n, { photo: 'cloud://env/photo.jpg', studiedOn: '2026-01-15' }))
    const log = { title: '学习党章', kind: 'original' as const, minutes: 30 }
    expect(await app.as(DEMO.member(1)).call('study.log', { ...log, photo: PHOTO })).toEqual(failure('INVALID_INPUT', /photo：.*每年最多 104 张/))
    expect(await app.as(DEMO.member(1)).call('study.log', log)).toMatchObject({ ok: true })
    expect(await app.as(DEMO.member(2)).call('study.log', { ...log, photo: PHOTO })).toMatchObject({ ok: true })
  })

  it('refuses a photo over 300 KB', async () => {
    const app = await theDemoBranch({ at: NOW })
    const big = `data:image/jpeg;base64,${'A'.repeat(410_000)}`
    expect(await app.as(DEMO.member(1)).call('study.log', { title: '学习党章', kind: 'original', minutes: 30, photo: big })).toEqual(failure('INVALID_INPUT', 'photo：'))
  })
})
