/**
 * Subscription-message values fitted to their field types: WeChat refuses a value over its
 * field's limit with 47003, and the message is lost. Times are Shanghai wall-clock times whatever
 * the server's zone (this suite also runs under TZ=UTC).
 */
import { fitAmount, fitDate, fitPhrase, fitThing, fitTime, PHRASE_MAX, TEMPLATE_FIELDS, templateData, THING_MAX } from './template-fit'

const length = (s: string) => Array.from(s).length

describe('thing: at most 20 characters, no control characters', () => {
  it('keeps a short value as it is', () => {
    expect(fitThing('5月主题党日')).toBe('5月主题党日')
  })

  it('keeps a value of exactly 20 characters', () => {
    const twenty = '一二三四五六七八九十一二三四五六七八九十'
    expect(fitThing(twenty)).toBe(twenty)
  })

  it('cuts a 60-character meeting title to 20, ending with an ellipsis', () => {
    const title = '关于深入学习贯彻党的二十届四中全会精神暨开展主题教育专题组织生活会的通知'.padEnd(60, '学')
    const fitted = fitThing(title)
    expect(length(fitted)).toBe(THING_MAX)
    expect(fitted).toBe('关于深入学习贯彻党的二十届四中全会精神…')
  })

  it.each([
    ['line breaks', '三楼\n会议室', '三楼 会议室'],
    ['carriage return and tab', '三楼\r\n\t会议室', '三楼 会议室'],
    ['NUL and DEL', 'a\u0000b\u007fc', 'a b c'],
    ['zero-width space and BOM', '\ufeff主题\u200b党日', '主题 党日'],
    ['line and paragraph separators', '支委会\u2028\u2029', '支委会'],
    ['C1 controls', '党课\u0085\u009f', '党课'],
  ])('replaces %s with a space, collapsing runs and trimming', (_what, input, output) => {
    expect(fitThing(input)).toBe(output)
  })

  it('gives a placeholder for an empty or blank value, never an empty field', () => {
    expect(fitThing('')).toBe('无')
    expect(fitThing(' \n\t ')).toBe('无')
  })

  it('counts a character outside the BMP as one and never splits it', () => {
    const fitted = fitThing('𠮷'.repeat(30))
    expect(length(fitted)).toBe(THING_MAX)
    expect(fitted).toBe(`${'𠮷'.repeat(THING_MAX - 1)}…`)
    expect(fitted).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/)
  })
})

describe('phrase: at most 5 Chinese characters', () => {
  it.each([
    ['待缴纳', '待缴纳'],
    ['即将开始会议了', '即将开始会'],
    ['已缴 OK!', '已缴'],
    ['Paid', '提醒'],
  ])('%p becomes %p', (input, output) => {
    expect(fitPhrase(input)).toBe(output)
    expect(length(fitPhrase(input))).toBeLessThanOrEqual(PHRASE_MAX)
  })
})

describe('time: 24-hour, with the date, in Shanghai', () => {
  it.each([
    ['2026-05-22T14:30:00+08:00', '2026年5月22日 14:30'],
    ['2026-05-22T06:30:00Z', '2026年5月22日 14:30'],
    // 16:30 UTC is half past midnight the next day in Shanghai.
    ['2026-05-21T16:30:00Z', '2026年5月22日 00:30'],
    ['2026-12-31T23:59:00+08:00', '2026年12月31日 23:59'],
  ])('%s is %s', (instant, shown) => {
    expect(fitTime(instant)).toBe(shown)
    expect(fitTime(new Date(instant))).toBe(shown)
  })
})

describe('date: 年月日', () => {
  it.each([
    ['2026-09-24', '2026年9月24日'],
    ['2026-10-01', '2026年10月1日'],
  ])('%s is %s', (date, shown) => {
    expect(fitDate(date)).toBe(shown)
  })
})

describe('amount: digits with two decimals and 元, from 分', () => {
  it.each([
    [12750, '127.50元'],
    [20, '0.20元'],
    [1, '0.01元'],
    [0, '0.00元'],
    [123456, '1234.56元'],
    // Never a minus sign or a fraction of a 分.
    [-500, '0.00元'],
    [1999.6, '20.00元'],
  ])('%d 分 is %s', (fen, shown) => {
    expect(fitAmount(fen)).toBe(shown)
    expect(fitAmount(fen)).toMatch(/^\d{1,10}\.\d{2}元$/)
  })
})

describe('the templates', () => {
  it('name each field with its type, as created in the WeChat console', () => {
    expect(TEMPLATE_FIELDS).toEqual({
      meeting_reminder: { thing1: 'thing', time2: 'time', thing3: 'thing', thing4: 'thing' },
      dues_reminder: { thing1: 'thing', date2: 'date', amount3: 'amount', thing4: 'thing' },
    })
  })
})

describe('templateData', () => {
  it('names the values after the fields in order, each fitted to its type', () => {
    expect(templateData('dues_reminder', ['11月党费', '2026-11-27', 9300, '明天是党费缴纳日，请按时缴纳'])).toEqual({
      thing1: '11月党费',
      date2: '2026年11月27日',
      amount3: '93.00元',
      thing4: '明天是党费缴纳日，请按时缴纳',
    })
    expect(templateData('meeting_reminder', ['x'.repeat(30), '2026-11-27T06:30:00Z', '', '请准时参加'])).toEqual({
      thing1: `${'x'.repeat(19)}…`,
      time2: '2026年11月27日 14:30',
      thing3: '无',
      thing4: '请准时参加',
    })
  })

  it('refuses values that do not match the fields one to one', () => {
    expect(() => templateData('dues_reminder', ['11月党费', '2026-11-27', 9300])).toThrow('dues_reminder has 4 fields, got 3 values')
  })
})
