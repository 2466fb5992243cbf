/**
 * Asking for reminders. WeChat grants a party branch only one-time subscriptions: each 允许 lets
 * the server send that user ONE message of that template, so we ask at natural moments, from a
 * tap, at most three templates at a time, and tell the server what the user answered. The server
 * counts the credits; nothing here keeps a count of its own.
 */
import Taro from '@tarojs/taro'
import type { Credits, SubscribeAnswer } from '../../types/views'
import type { TemplateKind } from '../../types/models'
import { useSubscribeStore } from '../stores/use-subscribe-store'
import { ApiError, call } from './call'

/** The build's template ids; bound once, as the injected constant is an object literal. */
const TEMPLATES: Record<TemplateKind, string> = TEMPLATE_IDS

export const TEMPLATE_LABELS: Record<TemplateKind, string> = {
  meeting_reminder: '会议和主题党日提醒',
  dues_reminder: '党费缴纳提醒',
}

/** Must be called from a tap (WeChat refuses otherwise). Answers the server's credits afterwards. */
export async function askForReminders(kinds: TemplateKind[]): Promise<Credits> {
  const asked = kinds.slice(0, 3)
  let answers: Partial<Record<TemplateKind, SubscribeAnswer>>
  if (process.env.TARO_ENV === 'weapp') {
    const ids = asked.map((k) => TEMPLATES[k]).filter(Boolean)
    if (ids.length === 0) throw new ApiError('INTERNAL', '管理员还没有配置订阅消息模板')
    try {
      const res = (await Taro.requestSubscribeMessage({ tmplIds: ids, entityIds: [] } as Taro.requestSubscribeMessage.Option)) as unknown as Record<string, string>
      answers = Object.fromEntries(asked.filter((k) => TEMPLATES[k]).map((k) => [k, res[TEMPLATES[k]] as SubscribeAnswer]))
    } catch {
      // The user closed the sheet, or WeChat refused (e.g. the main switch is off in settings).
      answers = Object.fromEntries(asked.map((k) => [k, 'reject'])) as typeof answers
    }
  } else {
    answers = await useSubscribeStore.getState().sheetRequested(asked)
  }
  const { credits } = await call('subscription.record', { results: answers })
  return credits
}
