import type { MessageKind, MessageSender, OutgoingMessage, SendResult } from '../../ports'

/** The slice of wx-server-sdk this adapter uses. */
export interface WxCloud {
  init(options: { env: unknown }): void
  DYNAMIC_CURRENT_ENV: unknown
  openapi: {
    subscribeMessage: {
      send(params: {
        touser: string
        templateId: string
        page: string
        data: Record<string, { value: string }>
        miniprogramState: MiniprogramState
      }): Promise<unknown>
    }
  }
}

export type MiniprogramState = 'formal' | 'trial' | 'developer'

const TEMPLATE_ENV: Record<MessageKind, string> = {
  meeting_reminder: 'ZHIBU_TEMPLATE_MEETING_REMINDER',
  dues_reminder: 'ZHIBU_TEMPLATE_DUES_REMINDER',
}

/**
 * Loaded on first send, so that a function which never sends never loads the SDK; esbuild keeps
 * the require as is because the SDK is external.
 */
function loadWxCloud(): WxCloud {
  const cloud = require('wx-server-sdk') as WxCloud
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
  return cloud
}

/** WeChat subscription messages through the cloud call (config.json lists subscribeMessage.send). */
export class WxCloudSender implements MessageSender {
  private cloud: WxCloud | null = null

  constructor(
    private readonly env: Record<string, string | undefined> = process.env,
    private readonly load: () => WxCloud = loadWxCloud,
  ) {}

  async send(message: OutgoingMessage): Promise<SendResult> {
    const templateId = this.env[TEMPLATE_ENV[message.kind]]
    if (!templateId) throw new Error(`${TEMPLATE_ENV[message.kind]} is not set in this function's environment variables`)
    const data: Record<string, { value: string }> = {}
    for (const [field, value] of Object.entries(message.data)) data[field] = { value }
    this.cloud ??= this.load()
    try {
      await this.cloud.openapi.subscribeMessage.send({
        touser: message.openid,
        templateId,
        page: message.page,
        data,
        miniprogramState: miniprogramState(this.env.ZHIBU_MINIPROGRAM_STATE),
      })
      return { ok: true }
    } catch (err) {
      const { errCode, errMsg } = (err ?? {}) as { errCode?: unknown; errMsg?: unknown }
      // Only WeChat's own refusals (no credit left, user blocked it, bad template) are a result;
      // anything else is a fault the caller must see.
      if (typeof errCode !== 'number') throw err
      return { ok: false, errCode, errMsg: typeof errMsg === 'string' ? errMsg : String(errMsg ?? '') }
    }
  }
}

/** Which build of the mini-program a tap on the message opens; the released one unless told. */
function miniprogramState(value: string | undefined): MiniprogramState {
  return value === 'trial' || value === 'developer' ? value : 'formal'
}
