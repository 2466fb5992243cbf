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

/** Waits until the element stops sliding in (Taro's H5 page change), so its pixels can be read. */
export async function settled(locator: Locator): Promise<void> {
  let last = -1
  for (let i = 0; i < 50; i++) {
    const box = await locator.boundingBox()
    if (box && box.x >= 0 && box.x === last) return
    last = box?.x ?? -1
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error('the page never settled')
}
