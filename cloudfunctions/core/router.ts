/**
 * The one door into the use cases: event → identity → role check → validation → handler → envelope.
 */
import { randomUUID } from 'node:crypto'
import type { Envelope, ErrorBody } from '../../types/envelope'
import { audienceLabel, isForPartyCommittee, mayCall } from '../../src/domain/permissions'
import { ACTIONS, isAction, validatePayload } from './actions'
import type { Context } from './context'
import { AppError } from './errors'
import type { Caller, Ports } from './ports'
import { HANDLERS } from './usecases'

const fail = (code: ErrorBody['code'], message: string, extra: Partial<ErrorBody> = {}): Envelope<never> => ({
  ok: false,
  error: { code, message, ...extra },
})


export function createRouter(ports: Ports) {
  return async function handle(event: unknown, caller: Caller | null): Promise<Envelope<unknown>> {
    const requestId = randomUUID()
    try {
      if (!caller) return fail('UNAUTHENTICATED', '未登录或登录已失效，请重新进入小程序')
      const action = typeof event === 'object' && event !== null ? (event as { action?: unknown }).action : undefined
      if (!isAction(action)) {
        return fail('UNKNOWN_ACTION', `不支持的操作：${typeof action === 'string' ? action.slice(0, 64) : '（缺少 action）'}`)
      }
      const audience = ACTIONS[action].who
      const member = (await ports.storage.find('members', { openid: caller.openid, active: true }, { limit: 1 }))[0] ?? null
      // Only an org action, or a caller bound to no branch, needs to know whether they oversee an org.
      const overseer = audience !== 'anyone' && (!member || isForPartyCommittee(audience)) ? await ports.storage.get('orgOverseers', caller.openid) : null
      if (audience !== 'anyone' && !mayCall(audience, member?.roles ?? null, overseer !== null)) {
        if (!member && !overseer) return fail('NOT_MEMBER', '您还没有加入任何党支部，请联系支部书记添加')
        return fail('FORBIDDEN', `仅${audienceLabel(audience)}可以进行此操作`)
      }
      const checked = validatePayload(action, (event as { payload?: unknown }).payload)
      if (!checked.ok) return fail('INVALID_INPUT', `参数有误：${checked.field}：${checked.detail}`, { field: checked.field, detail: checked.detail })
      const ctx: Context = { ...ports, caller, member, overseer, requestId }
      const handler = HANDLERS[action] as (ctx: Context, payload: unknown) => Promise<unknown>
      return { ok: true, data: await handler(ctx, checked.value) }
    } catch (err) {
      if (err instanceof AppError) return fail(err.code, err.message, err.field ? { field: err.field, detail: err.detail } : {})
      ports.log.error('INTERNAL', { requestId, error: err instanceof Error ? err.message : String(err) })
      return { ok: false, error: { code: 'INTERNAL', message: `系统出了点问题，请稍后再试（编号 ${requestId.slice(0, 8)}）`, requestId } }
    }
  }
}

export type Router = ReturnType<typeof createRouter>
