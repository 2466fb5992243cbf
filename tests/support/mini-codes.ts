import type { MiniCodeError, MiniCodes } from '../../cloudfunctions/core/ports'

/**
 * A recording stand-in for WeChat's wxacode.getUnlimited behind the port: each image is the bytes
 * `png:<page>?<scene>`; with `fail`, every call is refused with it.
 */
export function recordingMiniCodes(fail?: MiniCodeError) {
  const calls: Array<{ page: string; scene: string }> = []
  const miniCodes: MiniCodes = {
    image: async (page, scene) => {
      calls.push({ page, scene })
      if (fail) throw fail
      return Buffer.from(`png:${page}?${scene}`)
    },
  }
  return { calls, miniCodes }
}
