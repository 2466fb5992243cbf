/** Starting a branch without a developer (CONTRACT §5). */
import { z } from 'zod'
import type { Role } from '../../../types/models'
import { LIMITS } from '../../../src/domain/limits'
import { declare, returns, text } from './define'

export const branchActions = declare({
  /** The caller, bound to no branch, becomes the new branch's secretary. */
  'branch.create': {
    who: 'anyone',
    input: z.object({
      name: text('支部名称', LIMITS.branch.nameMin, LIMITS.branch.name),
      setupCode: z
        .string({ error: '应为设置码' })
        .trim()
        .min(1, { error: '请填写设置码' })
        .max(64, { error: '设置码不正确' }),
      secretaryName: text('您的姓名', 1, LIMITS.personName),
    }),
    result: returns<{ branch: { id: string; name: string }; member: { id: string; name: string; roles: Role[] } }>(),
  },
})
