import { ruleLabel, ruleOfWheels, ruleWheels } from './day-rule'

describe('a monthly day rule in words', () => {
  it.each([
    [{ kind: 'nth_weekday', n: 4, weekday: 5 } as const, '每月第4个周五'],
    [{ kind: 'week_of_month', week: 2, weekday: 1 } as const, '每月第2周周一'],
    [{ kind: 'last_weekday', weekday: 3 } as const, '每月最后一个周三'],
    [{ kind: 'day_of_month', day: 15 } as const, '每月15日'],
  ])('%j is %s', (rule, words) => expect(ruleLabel(rule)).toBe(words))

  it('goes to the wheels and back', () => {
    expect(ruleOfWheels(ruleWheels({ kind: 'last_weekday', weekday: 3 }))).toEqual({ kind: 'last_weekday', weekday: 3 })
    expect(ruleOfWheels(['2', '7'])).toEqual({ kind: 'nth_weekday', n: 2, weekday: 7 })
  })
})
