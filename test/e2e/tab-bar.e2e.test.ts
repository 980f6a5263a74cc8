import type { Page } from 'playwright-core'
import { collectErrors, open, PHONE, startE2E, type E2E } from '../support/e2e'

/**
 * Issue #22: every tap on the H5 tab bar logged a Content-Security-Policy violation, because Taro draws each tab as
 * `<a href="javascript:;">` and the policy (rightly) forbids javascript: URLs. The policy stays strict; the app stops
 * the link from being followed (src/platform/script-links.h5.ts).
 */
describe('the H5 tab bar under the app’s Content-Security-Policy', () => {
  let e2e: E2E
  let page: Page
  const errors: string[] = []
  const logged: string[] = []

  beforeAll(async () => {
    e2e = await startE2E()
    page = collectErrors(await e2e.browser.newPage(PHONE), errors)
    page.on('console', (m) => logged.push(`${m.type()}: ${m.text()}`))
    await page.addInitScript(() => {
      const seen: string[] = []
      ;(window as unknown as { __cspViolations: string[] }).__cspViolations = seen
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`))
    })
  })

  afterAll(() => e2e?.close())

  it('is served with a script-src that forbids inline scripts and javascript: URLs', async () => {
    const res = await fetch(`${e2e.em.url}/`)
    const csp = res.headers.get('content-security-policy') ?? ''
    expect(csp).toMatch(/script-src 'self'/)
    expect(csp).not.toContain("'unsafe-inline' ")
    expect(csp.split(';').find((d) => d.trim().startsWith('script-src'))).not.toContain('unsafe-inline')
  })

  it('switches tabs on every tap with no CSP violation in the console', async () => {
    await open(page, e2e.em.url, '/pages/home/index')
    await page.getByTestId('service-receipt').waitFor()
    const tabs = page.locator('.weui-tabbar__item')
    expect(await tabs.count()).toBe(3)
    for (const [label, route] of [
      ['我的办理', '/pages/orders/index'],
      ['消息', '/pages/messages/index'],
      ['首页', '/pages/home/index'],
      ['我的办理', '/pages/orders/index'],
    ]) {
      await page.locator('.weui-tabbar__item', { hasText: label }).click()
      await page.waitForURL((u) => u.hash.startsWith(`#${route}`), { timeout: 10_000 })
      await page.waitForTimeout(300)
    }
    const violations = await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)
    expect(violations).toEqual([])
    expect(logged.filter((line) => /Content Security Policy|javascript:/i.test(line))).toEqual([])
    expect(errors).toEqual([])
  })
})
