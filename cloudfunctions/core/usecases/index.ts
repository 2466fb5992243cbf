import type { ActionName, Payload, Result } from '../../../types/actions'
import type { Context } from '../context'
import { pointsMine } from './points'
import { scheduleMonth } from './schedule'
import { sessionMe } from './session'

export type Handler<K extends ActionName> = (ctx: Context, payload: Payload<K>) => Promise<Result<K>>

/** Action → use case. Adding an action to the map in types/ without a handler fails to compile. */
export const HANDLERS: { [K in ActionName]: Handler<K> } = {
  'session.me': sessionMe,
  'schedule.month': scheduleMonth,
  'points.mine': pointsMine,
}
