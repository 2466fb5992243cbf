/**
 * 党费: monthly base × the official rate, in integer 分, rounded half up
 * (中组部《关于中国共产党党费收缴、使用和管理的规定》, 2008). Each bracket's upper bound is inclusive.
 */
import { DUES_CATEGORIES, FARMER_RANGE_FEN, FLAT_MINIMUM_FEN, monthlyDues, type DuesInput } from './dues'

const amountOf = (input: DuesInput) => {
  const result = monthlyDues(input)
  if (!result.ok) throw new Error(`rejected: ${result.field} ${result.message}`)
  return result.amount
}

describe('employed members: wage after tax and social insurance', () => {
  it.each([
    // base 分, rate, amount 分
    [0, '0.5%', 0],
    [300000, '0.5%', 1500],
    [300001, '1%', 3000],
    [400000, '1%', 4000],
    [500000, '1%', 5000],
    [500001, '1.5%', 7500],
    [850000, '1.5%', 12750],
    [1000000, '1.5%', 15000],
    [1000001, '2%', 20000],
    [1250000, '2%', 25000],
  ])('a base of %i 分 pays %s: %i 分', (base, _rate, amount) => {
    expect(amountOf({ category: 'employed', base })).toBe(amount)
  })
})

describe('retired members: pension', () => {
  it.each([
    [420000, '0.5%', 2100],
    [500000, '0.5%', 2500],
    [500001, '1%', 5000],
    [650000, '1%', 6500],
  ])('a base of %i 分 pays %s: %i 分', (base, _rate, amount) => {
    expect(amountOf({ category: 'retired', base })).toBe(amount)
  })
})

describe('rounding to the 分', () => {
  it.each([
    ['employed', 100, 1], // 0.5 分 rounds up
    ['employed', 99, 0], // 0.495 分 rounds down
    ['employed', 101, 1], // 0.505 分
    ['employed', 300099, 3001], // 3000.99 分 at 1%
    ['employed', 300050, 3001], // 3000.5 分 rounds up
    ['employed', 300049, 3000],
    ['employed', 500030, 7500], // 7500.45 分
    ['employed', 500034, 7501], // 7500.51 分
    ['employed', 1000025, 20001], // 20000.5 分
    ['retired', 300, 2], // 1.5 分
    ['retired', 500050, 5001], // 5000.5 分
  ] as const)('%s, base %i 分 → %i 分', (category, base, amount) => {
    expect(amountOf({ category, base })).toBe(amount)
  })
})

describe('flat and chosen amounts', () => {
  it.each(['student', 'unemployed', 'subsistence'] as const)('%s members pay 0.20 元 a month, whatever the base', (category) => {
    expect(FLAT_MINIMUM_FEN).toBe(20)
    expect(amountOf({ category })).toBe(20)
    expect(amountOf({ category, base: 900000, amount: 5000 })).toBe(20)
  })

  it.each([20, 21, 50, 99, 100])('farmers pay what the branch sets between 0.2 and 1 元: %i 分', (amount) => {
    expect(FARMER_RANGE_FEN).toEqual({ min: 20, max: 100 })
    expect(amountOf({ category: 'farmer', amount })).toBe(amount)
  })

  it.each([1, 20, 123456])('a custom amount is any positive number of 分: %i', (amount) => {
    expect(amountOf({ category: 'custom', amount })).toBe(amount)
  })

  it('ignores an amount given for a bracket category', () => {
    expect(amountOf({ category: 'employed', base: 300000, amount: 1 })).toBe(1500)
  })
})

describe('bad input', () => {
  it.each([
    ['employed', undefined],
    ['employed', -1],
    ['employed', 300000.5],
    ['employed', Number.NaN],
    ['employed', Number.POSITIVE_INFINITY],
    ['retired', undefined],
    ['retired', -100],
    ['retired', 0.1],
  ] as const)('%s with base %p is refused, naming the base', (category, base) => {
    expect(monthlyDues({ category, base })).toMatchObject({ ok: false, field: 'base' })
  })

  it.each([
    ['farmer', undefined],
    ['farmer', 19],
    ['farmer', 101],
    ['farmer', 50.5],
    ['farmer', Number.NaN],
    ['custom', undefined],
    ['custom', 0],
    ['custom', -20],
    ['custom', 10.5],
    ['custom', Number.POSITIVE_INFINITY],
  ] as const)('%s with amount %p is refused, naming the amount', (category, amount) => {
    expect(monthlyDues({ category, amount })).toMatchObject({ ok: false, field: 'amount' })
  })

  it('explains the problem in Chinese', () => {
    const result = monthlyDues({ category: 'farmer', amount: 500 })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.message).toMatch(/20 到 100/)
  })
})

it('knows the seven categories of CONTRACT §3', () => {
  expect([...DUES_CATEGORIES].sort()).toEqual(
    ['custom', 'employed', 'farmer', 'retired', 'student', 'subsistence', 'unemployed'].sort(),
  )
})

it('always answers an integer number of 分', () => {
  for (let base = 0; base <= 2000000; base += 7919) {
    for (const category of ['employed', 'retired'] as const) {
      const amount = amountOf({ category, base })
      if (!Number.isInteger(amount) || amount < 0) throw new Error(`${category} ${base} → ${amount}`)
    }
  }
})
