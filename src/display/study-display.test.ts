import { dateTimeZh, formatHours, periodZh, hoursLeftLine, hoursPercent, minutesLabel, weekLabel, weekSpan } from './study-display'

describe('学时 against the target', () => {
  it('writes hours without float noise', () => {
    expect(formatHours(18.5)).toBe('18.5')
    expect(formatHours(18)).toBe('18')
    expect(formatHours(0.1 + 0.2)).toBe('0.3')
  })

  it('caps the progress at 100 and says what is left', () => {
    expect(hoursPercent(16, 32)).toBe(50)
    expect(hoursPercent(40, 32)).toBe(100)
    expect(hoursLeftLine(13.5, 32)).toBe('还差 18.5 学时完成今年要求')
    expect(hoursLeftLine(32, 32)).toBe('已完成今年的学时要求')
  })

  it('says minutes as hours and minutes', () => {
    expect(minutesLabel(45)).toBe('45 分钟')
    expect(minutesLabel(60)).toBe('1 小时')
    expect(minutesLabel(90)).toBe('1 小时 30 分钟')
  })
})

describe('学习强国 weeks', () => {
  it('are named as people say them', () => {
    expect(weekLabel('2026-05-18', '2026-05-20')).toBe('本周')
    expect(weekLabel('2026-05-18', '2026-05-24')).toBe('本周')
    expect(weekLabel('2026-05-11', '2026-05-20')).toBe('上周')
    expect(weekLabel('2026-04-27', '2026-05-20')).toBe('4月27日–5月3日')
    expect(weekSpan('2026-05-11')).toBe('5月11日–17日')
    expect(weekSpan('2026-04-27')).toBe('4月27日–5月3日')
  })
})

describe('dateTimeZh', () => {
  it('reads an instant as a Shanghai date and time, whatever the offset given', () => {
    expect(dateTimeZh('2026-05-31T10:00:00Z')).toBe('5月31日（周日）18:00')
    expect(periodZh('2026-05-24T00:00:00+08:00', '2026-05-29T15:59:00Z')).toBe('5月24日 00:00 至 5月29日 23:59')
  })
})
