import fs from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { audit, type Finding } from '../layout-audit'
import { launchBrowser } from '../browser'
import type { WeappRuntime } from './runtime'

const compiler = require('miniprogram-compiler') as { wxssToJs(root: string, options?: object): string }

/**
 * A picture of what the weapp runtime rendered: the exparser DOM of the open page, styled by its WXSS as WeChat's
 * `wcsc` compiles it (app, shared chunks and the page's own file, rpx resolved for a 390 px screen), in Chromium.
 * Built-in components are empty shells here (an `image` has no picture, an `input` no native box): the shell styles
 * below only give them their display, so the picture shows layout and text, not native rendering.
 */
const SHELLS = `
  html, body { margin: 0; background: #f5f6f8; font-family: 'Noto Sans CJK SC', 'PingFang SC', sans-serif; font-size: 16px; color: #1a1a1a; }
  wx-view, wx-button, wx-form, wx-scroll-view, wx-swiper, wx-swiper-item, wx-movable-area, wx-cover-view, wx-label, wx-camera, wx-page { display: block; }
  wx-text, wx-icon, wx-navigator { display: inline; }
  wx-image { display: inline-block; width: 100px; height: 100px; background: repeating-linear-gradient(45deg, #e4e6eb 0 6px, #eef0f3 6px 12px); }
  wx-input, wx-textarea { display: block; min-height: 1.4em; }
`

export const shotsDir = path.resolve(__dirname, '..', '..', '..', 'test-results')

export class WeappShots {
  private constructor(private readonly browser: Browser, private readonly wcsc: string) {}

  static async open(root: string): Promise<WeappShots> {
    const wcsc = compiler.wxssToJs(root, { maxBuffer: 256 * 1024 * 1024 })
    fs.mkdirSync(shotsDir, { recursive: true })
    return new WeappShots(await launchBrowser(), wcsc)
  }

  /** Saves test-results/weapp-<name>.png of the current page; answers the file. */
  async shot(runtime: WeappRuntime, name: string): Promise<string> {
    const { context, page } = await this.render(runtime, 390)
    try {
      const file = path.join(shotsDir, `weapp-${name}.png`)
      await page.screenshot({ path: file, fullPage: true })
      return file
    } finally {
      await context.close()
    }
  }

  /**
   * Lays the current page out on a `width`-px phone (rpx resolved for that width, as WeChat does) and runs the H5 sweep's
   * audit on it (test/support/layout-audit.ts): past the edge, clipped, squeezed, overlapping text and contrast. Tap
   * targets are not measured here (the picture keeps no handlers); they come from the same styles as on H5.
   */
  async audit(runtime: WeappRuntime, width = 320, name?: string): Promise<Finding[]> {
    const { context, page } = await this.render(runtime, width)
    try {
      if (name) await page.screenshot({ path: path.join(shotsDir, `weapp-${name}.png`), fullPage: true })
      return (await audit(page)).filter((f) => f.kind !== 'target')
    } finally {
      await context.close()
    }
  }

  private async render(runtime: WeappRuntime, width: number): Promise<{ context: BrowserContext; page: Page }> {
    const route = runtime.current.route
    // As in WeChat's webview, every element is a wx-* tag (wcsc writes tag selectors as wx-image, …), which also keeps
    // Chromium from giving a tag such as <camera> a meaning of its own.
    const html = runtime.current.host.innerHTML.replace(/<(\/?)([a-z][a-z0-9-]*)/g, (tag, slash: string, name: string) => (name.startsWith('wx-') ? tag : `<${slash}wx-${name}`))
    const context = await this.browser.newContext({ viewport: { width, height: 844 }, screen: { width, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN' })
    try {
      const page = await context.newPage()
      await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>${SHELLS}</style></head><body>${html}</body></html>`)
      await page.addScriptTag({ content: `window.__wxss = (function(){${this.wcsc}\n})();` })
      await page.evaluate(
        ({ files, deviceWidth }) => {
          // wcsc's rewritor(suffix, options): pages have no class suffix; rpx resolved against the phone's width.
          const lookup = (window as unknown as { __wxss: (f: string) => ((suffix: string, options: object) => void) | undefined }).__wxss
          for (const file of files) lookup(file)?.('', { deviceWidth })
        },
        { files: ['app.wxss', 'comp.wxss', `${route}.wxss`], deviceWidth: width },
      )
      return { context, page }
    } catch (e) {
      await context.close()
      throw e
    }
  }

  close(): Promise<void> {
    return this.browser.close()
  }
}
