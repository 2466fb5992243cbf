/**
 * The 小程序码 adapter (issue 11): wxacode.getUnlimited through wx-server-sdk, against a recording
 * stand-in for the SDK's cloud call — what is asked of WeChat, not how WeChat answers.
 */
import { CODE_WIDTH, WxMiniCodes, type WxCodeCloud } from '../cloudfunctions/core/adapters/cloudbase/mini-codes'
import { MiniCodeError } from '../cloudfunctions/core/ports'

function fakeCloud(answer: (params: { scene: string }) => Promise<{ buffer?: unknown }>) {
  const calls: unknown[] = []
  let loads = 0
  const cloud: WxCodeCloud = {
    init: () => undefined,
    DYNAMIC_CURRENT_ENV: 'current-env',
    openapi: {
      wxacode: {
        getUnlimited: async (params) => {
          calls.push(params)
          return answer(params)
        },
      },
    },
  }
  return { calls, load: () => ((loads += 1), cloud), loads: () => loads }
}

const png = (scene: string) => async () => ({ buffer: Buffer.from(`png:${scene}`) })

describe('WxMiniCodes', () => {
  it('asks for the page and scene at the code width, unchecked path, released build', async () => {
    const { calls, load } = fakeCloud(png('a'))
    const codes = new WxMiniCodes({}, load)
    expect(await codes.image('pages/checkin/index', 'abcDEF0123456789abcDEF01')).toEqual(Buffer.from('png:a'))
    expect(calls).toEqual([{ scene: 'abcDEF0123456789abcDEF01', page: 'pages/checkin/index', width: CODE_WIDTH, checkPath: false, envVersion: 'release' }])
  })

  it('makes each page and scene once per warm instance, also when asked twice at once', async () => {
    const { calls, load, loads } = fakeCloud(png('x'))
    const codes = new WxMiniCodes({ ZHIBU_MINIPROGRAM_STATE: 'trial' }, load)
    await Promise.all([codes.image('pages/checkin/index', 's1'), codes.image('pages/checkin/index', 's1')])
    await codes.image('pages/checkin/index', 's1')
    await codes.image('pages/checkin/index', 's2')
    expect(calls).toHaveLength(2)
    expect(loads()).toBe(1)
    expect((calls[0] as { envVersion: string }).envVersion).toBe('trial')
  })

  it('turns WeChat\'s refusal (41030: page not published) into MiniCodeError, and asks again next time', async () => {
    const refusal = Object.assign(new Error('openapi.wxacode.getUnlimited:fail 41030 invalid page'), { errCode: 41030, errMsg: 'invalid page' })
    const { calls, load } = fakeCloud(async () => Promise.reject(refusal))
    const codes = new WxMiniCodes({}, load)
    await expect(codes.image('pages/checkin/index', 's1')).rejects.toEqual(new MiniCodeError(41030, 'invalid page'))
    await expect(codes.image('pages/checkin/index', 's1')).rejects.toBeInstanceOf(MiniCodeError)
    expect(calls).toHaveLength(2)
  })

  it('lets a fault that is not WeChat\'s answer through as it is', async () => {
    const { load } = fakeCloud(async () => Promise.reject(new Error('socket hang up')))
    await expect(new WxMiniCodes({}, load).image('pages/checkin/index', 's')).rejects.toThrow('socket hang up')
  })
})
