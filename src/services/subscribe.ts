/**
 * Asking for reminders. WeChat grants a party branch only one-time subscriptions: each 允许 lets
 * the server send that user ONE message of that template, so we ask at natural moments, from a
 * tap, at most three templates at a time, and tell the server what the user answered. The server
 * counts the credits; nothing here keeps a count of its own.
 */
import Taro from '@tarojs/taro'
import type { Credits, SubscribeAnswer } from '../../types/views'
import type { TemplateKind } from '../../types/models'
import { ApiError, call } from './call'

export type SubscribeAnswers = Partial<Record<TemplateKind, SubscribeAnswer>>

async function askWeChat(kinds: TemplateKind[]): Promise<SubscribeAnswers> {
  // The build's template ids, read only on the mini-program's path; bound once, as the injected
  // constant is an object literal.
  const TEMPLATES: Record<TemplateKind, string> = TEMPLATE_IDS
  const ids = kinds.map((k) => TEMPLATES[k]).filter(Boolean)
  if (ids.length === 0) throw new ApiError('INTERNAL', '管理员还没有配置订阅消息模板')
  try {
    const res = (await Taro.requestSubscribeMessage({ tmplIds: ids, entityIds: [] } as Taro.requestSubscribeMessage.Option)) as unknown as Record<string, string>
    return Object.fromEntries(kinds.filter((k) => TEMPLATES[k]).map((k) => [k, res[TEMPLATES[k]] as SubscribeAnswer]))
  } catch {
    // The user closed the sheet, or WeChat refused (e.g. the main switch is off in settings).
    return Object.fromEntries(kinds.map((k) => [k, 'reject']))
  }
}

/**
 * Must be called from a tap (WeChat refuses otherwise). Outside the mini-program `askInPage`
 * shows a stand-in sheet. Answers the server's credits afterwards.
 */
export async function askForReminders(kinds: TemplateKind[], askInPage: (kinds: TemplateKind[]) => Promise<SubscribeAnswers>): Promise<Credits> {
  const asked = kinds.slice(0, 3)
  const answers = process.env.TARO_ENV === 'weapp' ? await askWeChat(asked) : await askInPage(asked)
  const { credits } = await call('subscription.record', { results: answers })
  return credits
}

/** The reminders the server may still send me, per template. */
export async function myCredits(): Promise<Credits> {
  return (await call('subscription.mine', {})).credits
}
