/**
 * Draws the tab-bar icons (WeChat's tab bar takes only local PNG files, 81 × 81 px is its
 * recommended size) from the SVG shapes below, with Debian's Chromium. Run after changing them:
 *   npx tsx scripts/make-tab-icons.ts
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { launch } from '../e2e/browser'

const SHAPES: Record<string, string> = {
  home: '<path d="M12 40 L40 16 L68 40" /><path d="M20 34 V66 H60 V34" /><path d="M34 66 V48 H46 V66" />',
  meetings: '<rect x="14" y="18" width="52" height="48" rx="6" /><path d="M14 32 H66" /><path d="M28 12 V24 M52 12 V24" /><path d="M28 46 H36 M44 46 H52 M28 56 H36" />',
  study: '<path d="M40 24 C32 18 22 17 12 18 V62 C22 61 32 62 40 68 C48 62 58 61 68 62 V18 C58 17 48 18 40 24 Z" /><path d="M40 24 V68" />',
  me: '<circle cx="40" cy="28" r="13" /><path d="M14 68 C16 52 27 46 40 46 C53 46 64 52 66 68" />',
}
const COLORS = { '': '#4E5969', '-active': '#C8161D' }

async function main() {
  const browser = await launch()
  const page = await browser.newPage({ viewport: { width: 81, height: 81 }, deviceScaleFactor: 1 })
  for (const [name, shape] of Object.entries(SHAPES)) {
    for (const [suffix, color] of Object.entries(COLORS)) {
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="81" height="81" viewBox="0 0 80 80" fill="none" stroke="${color}" stroke-width="5" stroke-linecap="round" stroke-linejoin="round">${shape}</svg>`
      await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`)
      const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: 81, height: 81 } })
      writeFileSync(join(__dirname, '..', 'src', 'assets', 'tabbar', `${name}${suffix}.png`), png)
    }
  }
  await browser.close()
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
