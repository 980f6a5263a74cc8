import { existsSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core'
import type { EmulatorOptions } from '../../emulator/server'
import { launchBrowser } from './browser'
import { start, type Emulator } from './emulator'
import { tempDir } from './store'

/**
 * What the e2e tests share: the emulator serving the H5 build with a Chromium to drive it, screenshots,
 * and the steps every journey takes (open a page, sign in, get past the consent card).
 */

const root = path.resolve(__dirname, '../..')

/** The H5 build the emulator serves (made by npm test or npm run build:h5; e2e never builds it). */
export const staticDir = path.join(root, 'dist', 'h5')

/** Where the screenshots go. */
export const shotsDir = path.join(root, 'test-results')

/** A phone in Chinese: 390 × 844 at 2×. */
export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN' } satisfies BrowserContextOptions

/** The emulator on a fresh temp directory and a Chromium; `close()` ends whichever emulator `em` holds then. */
export interface E2E {
  em: Emulator
  browser: Browser
  /** The temp directory, removed by `close()`. */
  dir: string
  close(): Promise<void>
}

/** Checks dist/h5 is built, starts the emulator on a fresh temp dir (or `storeSubdir` in it) serving it, then launches Chromium. */
export async function startE2E(extra: Partial<EmulatorOptions> = {}, storeSubdir?: string): Promise<E2E> {
  if (!existsSync(path.join(staticDir, 'index.html'))) throw new Error('dist/h5 is missing: npm test builds it, or run npm run build:h5')
  mkdirSync(shotsDir, { recursive: true })
  const t = tempDir()
  let em: Emulator | undefined
  try {
    em = await start(storeSubdir ? path.join(t.dir, storeSubdir) : t.dir, { staticDir, ...extra })
    const browser = await launchBrowser()
    const e2e: E2E = {
      em,
      browser,
      dir: t.dir,
      async close() {
        await e2e.browser.close()
        await e2e.em.close()
        t.cleanup()
      },
    }
    return e2e
  } catch (e) {
    await em?.close()
    t.cleanup()
    throw e
  }
}

/** Makes `shot(page, name)`: waits `settleMs` for the page-slide animation, then saves the full page as `<prefix><name>.png`. */
export function shots(prefix: string, settleMs = 500): (p: Page, name: string) => Promise<void> {
  return async (p, name) => {
    await p.waitForTimeout(settleMs)
    await p.screenshot({ path: path.join(shotsDir, `${prefix}${name}.png`), fullPage: true })
  }
}

/** The first visible element with this data-testid. */
export const visible = (p: Page, testId: string) => p.locator(`[data-testid="${testId}"]:visible`).first()

/** New users meet the privacy consent card before sensitive inputs: agree when it shows, else go on once `next` is there. */
export async function agree(p: Page, next: string): Promise<void> {
  await p.locator(`[data-testid="consent-agree"]:visible, [data-testid="${next}"]:visible`).first().waitFor({ timeout: 20_000 })
  const g = p.locator('[data-testid="consent-agree"]:visible')
  if (await g.count()) await g.first().click()
}

/** Loads the app afresh at `#hash` (a hash change alone would keep the pages already open). */
export async function open(p: Page, baseUrl: string, hash: string): Promise<void> {
  await p.goto('about:blank')
  await p.goto(`${baseUrl}/#${hash}`)
}

/** Signs a browser context in as this local user (the emulator's `huizhi_user` cookie). */
export async function signIn(context: BrowserContext, baseUrl: string, userId: string): Promise<void> {
  await context.addCookies([{ name: 'huizhi_user', value: userId, url: baseUrl }])
}

/** Creates a local user with this name and returns its id. */
export async function createUser(baseUrl: string, name: string): Promise<string> {
  const created = await (await fetch(`${baseUrl}/api/dev/users`, { method: 'POST', body: JSON.stringify({ name }) })).json()
  return (created as { data: { _id: string } }).data._id
}

/** The openid the emulator gave this local user. */
export async function openidOf(baseUrl: string, userId: string): Promise<string> {
  const users = (await (await fetch(`${baseUrl}/api/dev/users`)).json()) as { data: Array<{ _id: string; openid: string }> }
  return users.data.find((u) => u._id === userId)!.openid
}

/** Signs in a new user called `name` on a phone page (with `userOptions`; its errors go to `errors`) and the operator in a context at 1×. */
export async function userAndOperator(e2e: E2E, name: string, errors: string[], userOptions: BrowserContextOptions = {}): Promise<{ page: Page; ops: BrowserContext }> {
  const user = await e2e.browser.newContext({ ...PHONE, ...userOptions })
  const ops = await e2e.browser.newContext({ viewport: PHONE.viewport, locale: PHONE.locale })
  await signIn(user, e2e.em.url, await createUser(e2e.em.url, name))
  await signIn(ops, e2e.em.url, 'ops')
  return { page: collectErrors(await user.newPage(), errors), ops }
}

/** Adds the page's uncaught errors to `errors` (each journey ends by expecting none) and returns the page. */
export function collectErrors(page: Page, errors: string[]): Page {
  page.on('pageerror', (e) => errors.push(e.message))
  return page
}
