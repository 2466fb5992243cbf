/**
 * 党费 amounts from the official brackets (中组部《关于中国共产党党费收缴、使用和管理的规定》, 2008).
 * All money is integer 分; rates are in per-mille so that the arithmetic stays in integers.
 */
export const DUES_CATEGORIES = ['employed', 'retired', 'student', 'unemployed', 'subsistence', 'farmer', 'custom'] as const
export type DuesCategory = (typeof DUES_CATEGORIES)[number]

/** Upper bounds are inclusive: a base of exactly 3000.00 元 pays 0.5%. */
const BRACKETS: Record<'employed' | 'retired', Array<{ upTo: number; perMille: number }>> = {
  employed: [
    { upTo: 300000, perMille: 5 },
    { upTo: 500000, perMille: 10 },
    { upTo: 1000000, perMille: 15 },
    { upTo: Infinity, perMille: 20 },
  ],
  retired: [
    { upTo: 500000, perMille: 5 },
    { upTo: Infinity, perMille: 10 },
  ],
}

/** Students, the unemployed and members on 低保 pay 0.20 元 a month. */
export const FLAT_MINIMUM_FEN = 20
export const FARMER_RANGE_FEN = { min: 20, max: 100 }

export type DuesInput = { category: DuesCategory; base?: number; amount?: number }

export type DuesResult = { ok: true; amount: number } | { ok: false; field: 'base' | 'amount'; message: string }

/** Monthly amount in 分, rounded half up to the 分. */
export function monthlyDues(input: DuesInput): DuesResult {
  switch (input.category) {
    case 'employed':
    case 'retired': {
      const base = input.base
      if (base === undefined || !Number.isInteger(base) || base < 0) {
        return { ok: false, field: 'base', message: '应为不小于 0 的整数（单位：分）' }
      }
      const bracket = BRACKETS[input.category].find((b) => base <= b.upTo)!
      return { ok: true, amount: Math.floor((base * bracket.perMille + 500) / 1000) }
    }
    case 'student':
    case 'unemployed':
    case 'subsistence':
      return { ok: true, amount: FLAT_MINIMUM_FEN }
    case 'farmer': {
      const a = input.amount
      if (a === undefined || !Number.isInteger(a) || a < FARMER_RANGE_FEN.min || a > FARMER_RANGE_FEN.max) {
        return { ok: false, field: 'amount', message: '农民党员每月 0.2–1 元，应为 20 到 100 之间的整数（单位：分）' }
      }
      return { ok: true, amount: a }
    }
    case 'custom': {
      const a = input.amount
      if (a === undefined || !Number.isInteger(a) || a <= 0) {
        return { ok: false, field: 'amount', message: '应为大于 0 的整数（单位：分）' }
      }
      return { ok: true, amount: a }
    }
  }
}
