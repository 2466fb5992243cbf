/** The mini-program's 扫码签到: scan the organiser's screen, then open the check-in result page. */
import Taro from '@tarojs/taro'
import { tokenFromScan } from '../display/scan'

export const CHECKIN_PAGE = '/pages/checkin/index'

/**
 * wxCode: the 小程序码 the organiser's screen shows in WeChat; qrCode: the plain one (H5, and the
 * fallback). Taro's types predate wxCode, which WeChat's scanCode documents.
 */
const SCAN_TYPES = ['qrCode', 'wxCode'] as Array<keyof Taro.scanCode.ScanType>

export const checkinUrl = (token: string) => `${CHECKIN_PAGE}?t=${encodeURIComponent(token)}`

/**
 * Opens the camera (not the album: a photo of the code is what we want to rule out) and goes to
 * the result page, which submits the token. `replace` swaps the current page for it (used from
 * the result page itself, to scan again).
 */
export async function scanToCheckIn(replace = false): Promise<void> {
  let scanned: Taro.scanCode.SuccessCallbackResult
  try {
    scanned = await Taro.scanCode({ onlyFromCamera: true, scanType: SCAN_TYPES })
  } catch {
    return // closed the camera: nothing to say
  }
  const token = tokenFromScan(scanned.result) ?? tokenFromScan(scanned.path)
  if (!token) {
    await Taro.showModal({ title: '这不是签到码', content: '请扫描会场屏幕上的签到二维码。', showCancel: false, confirmText: '知道了' })
    return
  }
  const url = checkinUrl(token)
  await (replace ? Taro.redirectTo({ url }) : Taro.navigateTo({ url }))
}
