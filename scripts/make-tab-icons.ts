import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { launchBrowser } from '../test/support/browser'

/**
 * Draws the tabBar icons (81×81 PNG, as WeChat recommends) from the SVG shapes below, in grey and in the
 * selected blue. Run once after changing a shape: `npx tsx scripts/make-tab-icons.ts`; the PNGs are committed.
 */
const SHAPES: Record<string, string> = {
  home: '<path d="M12 40 L40.5 14 L69 40" /><path d="M20 34 V68 H61 V34" /><path d="M34 68 V50 H47 V68" />',
  orders: '<rect x="18" y="12" width="45" height="58" rx="6" /><path d="M28 30 H53 M28 42 H53 M28 54 H44" />',
  messages: '<path d="M22 56 V38 a18.5 18.5 0 0 1 37 0 V56 L64 62 H17 Z" /><path d="M34 68 a6.5 6.5 0 0 0 13 0" />',
}

async function main(): Promise<void> {
  const browser = await launchBrowser()
  const page = await browser.newPage({ viewport: { width: 81, height: 81 } })
  for (const [name, shape] of Object.entries(SHAPES)) {
    for (const [suffix, color] of [['', '#8c8c8c'], ['-active', '#1677ff']] as const) {
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="81" height="81" viewBox="0 0 81 81" fill="none" stroke="${color}" stroke-width="6" stroke-linecap="round" stroke-linejoin="round">${shape}</svg>`
      await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`)
      const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: 81, height: 81 } })
      writeFileSync(path.join(__dirname, '..', 'src', 'assets', 'tab', `${name}${suffix}.png`), png)
    }
  }
  await browser.close()
}

void main()
