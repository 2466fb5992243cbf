import { MiniCodeError, type MiniCodes } from '../../ports'

/** The slice of wx-server-sdk this adapter uses. */
export interface WxCodeCloud {
  init(options: { env: unknown }): void
  DYNAMIC_CURRENT_ENV: unknown
  openapi: {
    wxacode: {
      getUnlimited(params: { scene: string; page: string; width: number; checkPath: boolean; envVersion: string }): Promise<{ buffer?: unknown }>
    }
  }
}

/** Wide enough to scan from a phone held up to another phone or a projector. */
export const CODE_WIDTH = 430
/** Codes kept per warm instance: a code screen asks every 20 s, two organisers' screens share. */
const CACHE_SIZE = 32

function loadWxCloud(): WxCodeCloud {
  const cloud = require('wx-server-sdk') as WxCodeCloud
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
  return cloud
}

/**
 * 小程序码 through the cloud call wxacode.getUnlimited (config.json grants it). One call per page
 * and scene in a warm instance: a scene names one meeting and period, so a code screen costs one
 * call per meeting and 20 s period however many screens show it.
 */
export class WxMiniCodes implements MiniCodes {
  private cloud: WxCodeCloud | null = null
  private readonly made = new Map<string, Promise<Buffer>>()

  constructor(
    private readonly env: Record<string, string | undefined> = process.env,
    private readonly load: () => WxCodeCloud = loadWxCloud,
  ) {}

  image(page: string, scene: string): Promise<Buffer> {
    const key = `${page}?${scene}`
    const cached = this.made.get(key)
    if (cached) return cached
    const making = this.make(page, scene)
    this.made.set(key, making)
    // A refusal is not kept: the next period asks again. Old codes leave in the order they came.
    making.catch(() => this.made.delete(key))
    while (this.made.size > CACHE_SIZE) this.made.delete(this.made.keys().next().value as string)
    return making
  }

  private async make(page: string, scene: string): Promise<Buffer> {
    this.cloud ??= this.load()
    try {
      const res = await this.cloud.openapi.wxacode.getUnlimited({ scene, page, width: CODE_WIDTH, checkPath: false, envVersion: envVersion(this.env.ZHIBU_MINIPROGRAM_STATE) })
      if (!Buffer.isBuffer(res.buffer)) throw new MiniCodeError(-1, 'wxacode.getUnlimited answered no image')
      return res.buffer
    } catch (err) {
      if (err instanceof MiniCodeError) throw err
      const { errCode, errMsg } = (err ?? {}) as { errCode?: unknown; errMsg?: unknown }
      // WeChat's refusals (41030 unpublished page, 45009 rate limit) are answers; anything else a fault.
      if (typeof errCode !== 'number') throw err
      throw new MiniCodeError(errCode, typeof errMsg === 'string' ? errMsg : String(errMsg ?? ''))
    }
  }
}

/** Which build the code opens: the released one unless told (as for subscription messages). */
function envVersion(state: string | undefined): string {
  return state === 'trial' ? 'trial' : state === 'developer' ? 'develop' : 'release'
}
