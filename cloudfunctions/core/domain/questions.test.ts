/** The question-bank spreadsheet (DOMAIN "Study"), read from CSV text as question.import reads it. */
import { csvTextRows, textRows } from '../spreadsheet'
import { parseQuestionRows } from './questions'

const parse = (csv: string) => parseQuestionRows(textRows(csvTextRows(csv)))

describe('parseQuestionRows (rows from a CSV file)', () => {
  const HEADER = '题型,题干,选项A,选项B,选项C,选项D,答案'

  it('reads single, multiple and judge questions after a header row', () => {
    const csv = [
      HEADER,
      '单选,党的最高理想是什么？,社会主义,共产主义,小康社会,,B',
      '多选,党员的义务包括哪些？,认真学习,贯彻执行党的路线,维护党的团结,,ABC',
      '判断,预备党员的预备期为一年。,,,,,对',
    ].join('\n')
    expect(parse(csv)).toEqual({
      ok: true,
      questions: [
        { type: 'single', stem: '党的最高理想是什么？', options: ['社会主义', '共产主义', '小康社会'], answer: [1] },
        { type: 'multiple', stem: '党员的义务包括哪些？', options: ['认真学习', '贯彻执行党的路线', '维护党的团结'], answer: [0, 1, 2] },
        { type: 'judge', stem: '预备党员的预备期为一年。', options: ['正确', '错误'], answer: [0] },
      ],
    })
  })

  it('reads a file without a header from its first row', () => {
    expect(parse('单选,题干一二,甲,乙,A')).toMatchObject({ ok: true, questions: [{ stem: '题干一二', answer: [0] }] })
  })

  it('ignores the byte-order mark Excel puts at the start of a UTF-8 CSV, CRLF line ends and blank rows', () => {
    const csv = `\ufeff${HEADER}\r\n单选,题干一二,甲,乙,,,A\r\n,,,,,,\r\n\r\n判断,题干三四,,,,,错\r\n`
    expect(parse(csv)).toEqual({
      ok: true,
      questions: [
        { type: 'single', stem: '题干一二', options: ['甲', '乙'], answer: [0] },
        { type: 'judge', stem: '题干三四', options: ['正确', '错误'], answer: [1] },
      ],
    })
  })

  it('reads quoted fields holding commas, doubled quotes and line breaks', () => {
    const csv = `${HEADER}\n单选,"“四个意识”，即政治意识、大局意识、核心意识、看齐意识,对吗？","对，""四个意识""","不对\n第二行",,,A`
    expect(parse(csv)).toEqual({
      ok: true,
      questions: [
        {
          type: 'single',
          stem: '“四个意识”，即政治意识、大局意识、核心意识、看齐意识,对吗？',
          options: ['对，"四个意识"', '不对\n第二行'],
          answer: [0],
        },
      ],
    })
  })

  it.each([
    ['单选', 'single'],
    ['单选题', 'single'],
    ['single', 'single'],
    ['多选', 'multiple'],
    ['多选题', 'multiple'],
    ['multiple', 'multiple'],
    [' 单 选 ', 'single'],
  ])('reads the type word %j as %s', (word, type) => {
    expect(parse(`${word},题干一二,甲,乙,丙,A`)).toMatchObject({ ok: true, questions: [{ type }] })
  })

  it.each([
    ['判断', '对', [0]],
    ['判断题', '正确', [0]],
    ['judge', '√', [0]],
    ['判断', 'true', [0]],
    ['判断', '错', [1]],
    ['判断', '错误', [1]],
    ['判断', '×', [1]],
    ['判断', 'F', [1]],
  ])('reads a %s answer %j', (word, answerText, answer) => {
    expect(parse(`${word},题干一二,,,,,${answerText}`)).toMatchObject({
      ok: true,
      questions: [{ type: 'judge', options: ['正确', '错误'], answer }],
    })
  })

  it.each([
    ['A', 'single', [0]],
    ['c', 'single', [2]],
    ['AC', 'multiple', [0, 2]],
    ['A、C', 'multiple', [0, 2]],
    ['A,C', 'multiple', [0, 2]],
    ['A，C，D', 'multiple', [0, 2, 3]],
    ['A C', 'multiple', [0, 2]],
  ])('reads the answer %j', (answerText, type, answer) => {
    const word = type === 'single' ? '单选' : '多选'
    expect(parse(`${word},题干一二,甲,乙,丙,丁,"${answerText}"`)).toMatchObject({ ok: true, questions: [{ answer }] })
  })

  it('keeps at most 500 questions: the 500th is fine', () => {
    const rows = Array.from({ length: 500 }, (_, i) => `单选,第${i + 1}题,甲,乙,A`)
    const parsed = parse([HEADER, ...rows].join('\n'))
    expect(parsed.ok && parsed.questions).toHaveLength(500)
  })

  describe('refuses the whole file, naming the spreadsheet row', () => {
    it.each<[string, string, number, RegExp]>([
      ['an unknown type', `${HEADER}\n单选,题干一二,甲,乙,A\n填空,题干三四,甲,乙,A`, 3, /题型“填空”/],
      ['a row too short to hold an answer', `${HEADER}\n单选,题干一二`, 2, /三列/],
      ['a missing answer', `${HEADER}\n单选,题干一二,甲,乙,丙,丁,`, 2, /答案“”/],
      ['a judge answer that is neither 对 nor 错', `${HEADER}\n判断,题干一二,,,,,也许`, 2, /对 或 错/],
      ['an answer that is not a letter', `${HEADER}\n单选,题干一二,甲,乙,丙,丁,1`, 2, /选项字母/],
      ['an answer letter among no options', `${HEADER}\n单选,题干一二,甲,乙,,,C`, 2, /答案不在选项中/],
      ['a single-choice question with two answers', `${HEADER}\n单选,题干一二,甲,乙,丙,丁,AB`, 2, /单选题只能有一个答案/],
      ['a choice question with one option', `${HEADER}\n单选,题干一二,甲,,,,A`, 2, /至少需要 2 个选项/],
      ['a one-character stem', `${HEADER}\n单选,题,甲,乙,A`, 2, /题干/],
      ['a 101-character option', `${HEADER}\n单选,题干一二,${'长'.repeat(101)},乙,A`, 2, /100/],
      ['an empty file', '', 1, /没有找到题目/],
      ['a header alone', `${HEADER}\n`, 1, /没有找到题目/],
      ['a blank sheet', ',,,,,,\n,,,,,,\n', 1, /没有找到题目/],
    ])('%s', (_what, csv, row, message) => {
      expect(parse(csv)).toEqual({ ok: false, row, message: expect.stringMatching(message) })
    })

    it('counts a quoted line break as part of its row, not a new one', () => {
      const csv = `${HEADER}\n单选,"两行的\n题干",甲,乙,A\n单选,题干三四,甲,乙,E`
      expect(parse(csv)).toMatchObject({ ok: false, row: 3 })
    })

    it('counts blank rows, as the spreadsheet shows them', () => {
      const csv = `${HEADER}\n单选,题干一二,甲,乙,A\n,,,,,,\n\n单选,题干五六,甲,乙,E`
      expect(parse(csv)).toMatchObject({ ok: false, row: 5, message: '答案不在选项中' })
    })

    it('an empty option between filled ones, rather than shifting the letters after it', () => {
      // 甲,(empty),丙,丁 with answer C means 丙: dropping the gap would have stored 丁 as the answer.
      expect(parse(`${HEADER}\n单选,题干一二,甲,乙,丙,丁,A\n单选,题干三四,甲,,丙,丁,C`)).toEqual({
        ok: false,
        row: 3,
        message: expect.stringContaining('选项B'),
      })
    })

    it('more than 500 questions, at the row of the 501st', () => {
      const rows = Array.from({ length: 501 }, (_, i) => `单选,第${i + 1}题,甲,乙,A`)
      expect(parse([HEADER, ...rows].join('\n'))).toEqual({ ok: false, row: 502, message: expect.stringContaining('500') })
      expect(parse(rows.join('\n'))).toMatchObject({ ok: false, row: 501 })
    })
  })
})
