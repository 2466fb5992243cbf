/** One-time subscription credits and the notices every member sees. */
import { z } from 'zod'
import type { TemplateKind } from '../../../types/models'
import type { Credits, NoticeView } from '../../../types/views'
import { declare, empty, LEADERSHIP, MEMBERS, returns } from './define'

const answer = z.enum(['accept', 'reject', 'ban', 'filter'], { error: '应为 accept 或 reject' })

export const reminderActions = declare({
  'subscription.record': {
    who: MEMBERS,
    input: z.object({
      results: z
        .object({ meeting_reminder: answer.optional(), dues_reminder: answer.optional() }, { error: '应为对象，例如 {"meeting_reminder":"accept"}' })
        .refine((r) => Object.keys(r).length > 0, { error: '至少包含一个模板的结果' }),
    }),
    result: returns<{ credits: Credits }>(),
  },
  'subscription.mine': {
    who: MEMBERS,
    input: empty,
    result: returns<{ credits: Credits }>(),
  },
  'subscription.overview': {
    who: LEADERSHIP,
    input: empty,
    result: returns<{
      /** The next 主题党日 and 党费缴纳日 and the template each is sent with. */
      next: Array<{ kind: TemplateKind; title: string; date: string }>
      members: Array<{ memberId: string; name: string; bound: boolean; credits: Credits }>
    }>(),
  },
  'notice.list': {
    who: MEMBERS,
    input: empty,
    result: returns<{ notices: NoticeView[] }>(),
  },
})
