/** 党费: the 核定表 and the monthly 登记表 (money in 分). */
import { z } from 'zod'
import type { DuesCategory, PaymentState } from '../../../types/models'
import type { DuesItem } from '../../../types/views'
import { date, declare, duesCategory, empty, fen, id, MEMBERS, month, optionalYear, returns, SECRETARY } from './define'

export const duesActions = declare({
  'dues.setBase': {
    who: SECRETARY,
    input: z.object({ memberId: id, category: duesCategory, base: fen('base').optional(), amount: fen('amount').optional() }),
    result: returns<{ amount: number }>(),
  },
  'dues.status': {
    who: MEMBERS,
    input: z.object({ month }),
    result: returns<{
      month: string
      /** True for the secretary's whole-branch view; false for a member's own row. */
      branchView: boolean
      items: DuesItem[]
      totals: { due: number; collected: number; paidCount: number; unpaidCount: number; rate: number | null }
    }>(),
  },
  /** The member marks a month paid: amount defaults to their 核定 amount, paidAt to today. */
  'dues.pay': {
    who: MEMBERS,
    input: z.object({ month, amount: fen('amount').optional(), paidAt: date.optional() }),
    result: returns<{ month: string; amount: number; paidAt: string; state: PaymentState }>(),
  },
  /** The secretary confirms, corrects or records a member's payment. */
  'dues.confirm': {
    who: SECRETARY,
    input: z.object({ memberId: id, month, amount: fen('amount').optional(), paidAt: date.optional() }),
    result: returns<{ month: string; amount: number; paidAt: string; state: PaymentState }>(),
  },
  'dues.mine': {
    who: MEMBERS,
    input: optionalYear,
    result: returns<{
      year: number
      amount: number | null
      category: DuesCategory | null
      months: Array<{ month: string; paid: boolean; amount?: number; paidAt?: string; state?: PaymentState; canPay: boolean }>
    }>(),
  },
  'dues.table': {
    who: SECRETARY,
    input: empty,
    result: returns<{ members: Array<{ memberId: string; name: string; category: DuesCategory | null; base?: number; amount: number | null }> }>(),
  },
})
