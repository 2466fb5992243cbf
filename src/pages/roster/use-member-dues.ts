import Taro from '@tarojs/taro'
import type { DuesCategory } from '../../../types/models'
import { DUES_CATEGORY_LABELS, parseYuan, yuan } from '../../display/money'
import { useActionForm } from '../../hooks/use-action-form'
import { useRemote } from '../../hooks/use-remote'
import { useStartingValues } from '../../hooks/use-starting-values'
import { call } from '../../services/call'

// The app cannot import values from types/ (the weapp build takes only src/): the labels' keys.
const CATEGORIES = Object.keys(DUES_CATEGORY_LABELS) as DuesCategory[]

/** Which categories take a figure: the income the brackets apply to, or the amount itself. */
export const FIGURE_OF: Partial<Record<DuesCategory, { label: string; field: 'base' | 'amount' }>> = {
  employed: { label: '月收入（税后，元）', field: 'base' },
  retired: { label: '月养老金（元）', field: 'base' },
  farmer: { label: '每月党费（0.2–1 元）', field: 'amount' },
  custom: { label: '每月党费（元）', field: 'amount' },
}

interface DuesEdit {
  category: DuesCategory
  figure: string
}

/** A member's 核定 dues (dues.table) and the form that sets it (dues.setBase: the brackets decide the amount). */
export function useMemberDues(memberId: string) {
  const table = useRemote(() => call('dues.table', {}), [])
  const row = table.data?.members.find((m) => m.memberId === memberId) ?? null
  const form = useActionForm({
    initial: (): DuesEdit => ({ category: 'employed', figure: '' }),
    validate: (v) => (FIGURE_OF[v.category] && parseYuan(v.figure) === null ? { field: 'figure', message: '请填写金额（元，最多两位小数）' } : null),
    send: (v) => {
      const figure = FIGURE_OF[v.category]
      const fen = parseYuan(v.figure) ?? undefined
      return call('dues.setBase', { memberId, category: v.category, ...(figure ? { [figure.field]: fen } : {}) })
    },
    onDone: (result) => {
      Taro.showToast({ title: `核定党费 ${yuan(result.amount)} 元/月`, icon: 'none', duration: 2500 })
      table.reload()
    },
    fallbackError: '没有保存成功，请重试',
  })
  // The form starts from the stored 核定 each time the table (re)loads.
  useStartingValues(table.data ? row : undefined, form.setValues, (r) => {
    const category = r?.category ?? 'employed'
    const figure = FIGURE_OF[category]?.field === 'base' ? r?.base : r?.amount
    return { category, figure: r?.category && figure !== undefined && figure !== null ? yuan(figure) : '' }
  })
  return { table, row, form, categories: CATEGORIES }
}
