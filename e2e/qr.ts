/** Reads a QR code off the screen the way a phone camera would: from pixels, not from the DOM. */
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import type { Locator } from 'playwright-core'

export async function readQr(element: Locator): Promise<string> {
  const png = PNG.sync.read(await element.screenshot())
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
  if (!code) throw new Error('no QR code could be read from the screen')
  return code.data
}
