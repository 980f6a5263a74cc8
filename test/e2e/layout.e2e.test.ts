import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { FAKE_CAMERA_FLAGS, launchBrowser } from '../support/browser'
import { callFn } from '../support/emulator'
import { collectErrors, createUser, open, openidOf, shotsDir, signIn, startE2E, type E2E } from '../support/e2e'
import { audit, scaleRootFont, type Finding } from '../support/layout-audit'
import { seedCases, type Seeded } from '../support/weapp/seed'
import type { InboxDoc } from '../../cloudfunctions/_shared/notify/inbox'
import type { OrderDoc } from '../../cloudfunctions/_shared/order/order.store'

/**
 * Issue #22's acceptance sweep: every page a new user and a user with one case of each kind (a receipt order, a loss
 * report, a cancellation application) can reach, on a 320 × 568 phone with the root font at 125 %, in the normal
 * look and in 长辈模式. A page fails on anything past the right edge, clipped or squeezed text, lines drawn over each
 * other, a tap target under 44 px or text under 4.5:1 (test/support/layout-audit.ts). Screenshots of both modes go to
 * test-results/a11y/<user>-<page>-<mode>.png.
 */
const SMALL_PHONE = { viewport: { width: 320, height: 568 }, deviceScaleFactor: 2, locale: 'zh-CN' }
const ROOT_FONT = 1.25
const shots = path.join(shotsDir, 'a11y')

type Mode = 'normal' | 'elder'

const NEW_USER_PAGES: Sweep = {
  home: '/pages/home/index',
  orders: '/pages/orders/index',
  messages: '/pages/messages/index',
  'receipt-start': '/features/receipt/pages/index/index',
  'photo-choice': '/features/id-photo/pages/index/index',
  'photo-capture': '/features/id-photo/pages/capture/index?specId=ssc-shenzhen',
  'loss-home': '/features/card-loss/pages/index/index',
  'loss-report': '/features/card-loss/pages/report/index',
  'cancel-home': '/features/cancellation/pages/index/index',
  'cancel-eligibility': '/features/cancellation/pages/eligibility/index',
  'privacy-policy': '/features/privacy/pages/policy/index',
  'privacy-data': '/features/privacy/pages/data/index',
}

/** A page to open, and optionally what to tap on it first (a popup's opener), or the album button to hand a portrait to. */
type Sweep = Record<string, string | { hash: string; tap: string } | { hash: string; album: string }>

/** A real portrait for the photo check (test/fixtures/photos). */
const PORTRAIT = path.resolve(__dirname, '..', 'fixtures', 'photos', 'face-1.jpg')

const casePages = (s: Seeded & { approvedId: string; rejectedId: string }): Sweep => ({
  home: '/pages/home/index',
  orders: '/pages/orders/index',
  messages: '/pages/messages/index',
  'receipt-with-photo': `/features/receipt/pages/index/index?specId=ssc-shenzhen&documentType=social-security-card&cityCode=440300&photoId=${s.photoId}`,
  'receipt-applicant': `/features/receipt/pages/applicant/index?documentType=social-security-card&cityCode=440300&photoId=${s.photoId}`,
  'receipt-detail': `/features/receipt/pages/detail/index?orderId=${s.orderId}`,
  'receipt-approved': `/features/receipt/pages/detail/index?orderId=${s.approvedId}`,
  'receipt-rejected': `/features/receipt/pages/detail/index?orderId=${s.rejectedId}`,
  'receipt-city-picker': { hash: '/features/receipt/pages/index/index?documentType=social-security-card', tap: 'city-cell' },
  'receipt-privacy-rules': { hash: `/features/receipt/pages/applicant/index?documentType=social-security-card&cityCode=440300&photoId=${s.photoId}`, tap: 'privacy-rules-link' },
  'receipt-confirm': `/features/receipt/pages/confirm/index?documentType=social-security-card&cityCode=440300&photoId=${s.photoId}`,
  'receipt-resubmit': `/features/receipt/pages/resubmit/index?orderId=${s.rejectedId}&photoId=${s.photoId}`,
  'photo-preview': '/features/id-photo/pages/preview/index?specId=ssc-shenzhen',
  'photo-checked': { hash: '/features/id-photo/pages/index/index?documentType=social-security-card&cityCode=440300', album: 'choose-album' },
  'loss-report-city-picker': { hash: '/features/card-loss/pages/report/index', tap: 'city-cell' },
  'receipt-result': `/features/receipt/pages/result/index?orderId=${s.orderId}`,
  'photo-print': `/features/id-photo/pages/print/index?photoId=${s.photoId}&specId=ssc-shenzhen`,
  'loss-detail': `/features/card-loss/pages/detail/index?caseId=${s.lossCaseId}`,
  'loss-reissue': `/features/card-loss/pages/reissue/index?caseId=${s.lossCaseId}`,
  'cancel-apply': `/features/cancellation/pages/apply/index?applicationId=${s.applicationId}`,
  'cancel-materials': `/features/cancellation/pages/materials/index?applicationId=${s.applicationId}`,
  'cancel-review': `/features/cancellation/pages/review/index?applicationId=${s.applicationId}`,
  'cancel-detail': `/features/cancellation/pages/detail/index?applicationId=${s.applicationId}`,
  'privacy-data': '/features/privacy/pages/data/index',
  family: '/features/family/pages/index/index',
  'family-add': '/features/family/pages/add/index',
})

describe('every page at 320 × 568 with the root font at 125 %, in the normal look and in 长辈模式', () => {
  let e2e: E2E
  let newcomer = ''
  let holder = ''
  let seeded: Seeded & { approvedId: string; rejectedId: string }
  const errors: string[] = []

  beforeAll(async () => {
    e2e = await startE2E()
    // The capture page is swept with the camera on: Chromium's stand-in camera, as the id-photo walk uses.
    await e2e.browser.close()
    e2e.browser = await launchBrowser(FAKE_CAMERA_FLAGS)
    mkdirSync(shots, { recursive: true })
    newcomer = await createUser(e2e.em.url, '新用户')
    holder = await createUser(e2e.em.url, '陈阿姨')
    const cases = await seedCases(e2e.em, holder)
    // The same order as the review center leaves it approved (with both numbers) and rejected, written as the functions do.
    const orders = e2e.em.db.collection<OrderDoc>('orders')
    const unpaid = (await orders.get(cases.orderId)) as OrderDoc
    const now = new Date().toISOString()
    const approvedId = `${cases.orderId.slice(0, -4)}a001`
    const rejectedId = `${cases.orderId.slice(0, -4)}b001`
    await orders.add({ ...unpaid, _id: approvedId, status: 'approved', receipt: { receiptNumber: 'HZ44030020261124000123', imageNumber: '440300202611240001', approvedAt: now, expiresAt: new Date(Date.now() + 180 * 86_400_000).toISOString() } })
    await orders.add({ ...unpaid, _id: rejectedId, status: 'rejected', rejection: { code: 'BACKGROUND_SHADOW', text: '左侧背景有阴影，请在纯色墙前重新拍摄', at: now } })
    seeded = { ...cases, approvedId, rejectedId }
    // The notices the seeded cases owe reach 消息 as the sweeper delivers them, so 消息 is swept with messages in it.
    await e2e.em.sweep()
    expect(await e2e.em.db.collection<InboxDoc>('inbox').count({ openid: await openidOf(e2e.em.url, holder) })).toBeGreaterThan(0)
  }, 120_000)

  afterAll(() => e2e?.close())

  /** Sets 长辈模式 as the user's own switch does (user.updateProfile with the profile's largeText). */
  const setMode = async (user: string, mode: Mode) => {
    const reply = await callFn(e2e.em, 'user', { action: 'updateProfile', data: { nickname: '微信用户', largeText: mode === 'elder' } }, user)
    expect(reply.body).toMatchObject({ ok: true, data: { largeText: mode === 'elder' } })
  }

  /** Opens each page afresh and audits it once it has loaded and settled; answers the findings by page. */
  async function sweep(user: string, who: string, pages: Sweep, mode: Mode): Promise<Record<string, string[]>> {
    await setMode(user, mode)
    const context: BrowserContext = await e2e.browser.newContext(SMALL_PHONE)
    const report: Record<string, string[]> = {}
    try {
      await scaleRootFont(context, ROOT_FONT)
      await signIn(context, e2e.em.url, user)
      const page: Page = collectErrors(await context.newPage(), errors)
      for (const [name, entry] of Object.entries(pages)) {
        const { hash, tap, album } = typeof entry === 'string' ? { hash: entry, tap: undefined, album: undefined } : { tap: undefined, album: undefined, ...entry }
        await open(page, e2e.em.url, hash)
        await page.waitForLoadState('networkidle')
        if (album) {
          // The photo check's result page, with a real portrait checked by the photo function.
          const chooser = page.waitForEvent('filechooser')
          await page.locator(`[data-testid="${album}"]:visible`).first().click()
          await (await chooser).setFiles(PORTRAIT)
          await page.locator('[data-testid="check-result"]:visible').first().waitFor({ timeout: 90_000 })
          await page.waitForLoadState('networkidle')
        }
        if (tap) {
          await page.locator(`[data-testid="${tap}"]:visible`).first().click()
          await page.locator('.nut-popup:visible').first().waitFor({ timeout: 10_000 })
          await page.waitForLoadState('networkidle')
        }
        await page.locator(mode === 'elder' ? 'html.hz-elder' : 'html:not(.hz-elder)').waitFor({ state: 'attached', timeout: 10_000 })
        await page.waitForTimeout(600)
        // Taro sets 20 px at 320 px wide; the user's larger text makes it 25 px.
        expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe(`${20 * ROOT_FONT}px`)
        // Taro's page scrolls inside its own box, so a full-page picture is one screen: the phone grows as tall as the
        // content instead (the root size follows the narrower side, 320 px, so nothing else changes), then shrinks back.
        const tall = await page.evaluate(() => Math.max(...[...document.querySelectorAll('*')].map((el) => (el.scrollHeight > el.clientHeight + 1 ? el.scrollHeight : 0))))
        await page.setViewportSize({ width: SMALL_PHONE.viewport.width, height: Math.max(SMALL_PHONE.viewport.height, Math.min(tall + 120, 6000)) })
        await page.waitForTimeout(300)
        await page.screenshot({ path: path.join(shots, `${who}-${name}-${mode}.png`) })
        const findings: Finding[] = await audit(page)
        await page.setViewportSize(SMALL_PHONE.viewport)
        if (findings.length) report[name] = findings.map((f) => `${f.kind}: ${f.where} — ${f.detail}`)
      }
    } finally {
      await context.close()
    }
    const count = Object.values(report).reduce((n, f) => n + f.length, 0)
    console.log(`${who} · ${mode}: ${Object.keys(pages).length} pages, ${count} findings`)
    return report
  }

  it.each<[string, Mode]>([
    ['a new user', 'normal'],
    ['a new user', 'elder'],
  ])('%s: every page passes in the %s look', async (_who, mode) => {
    expect(await sweep(newcomer, 'new', NEW_USER_PAGES, mode)).toEqual({})
  }, 300_000)

  it.each<[string, Mode]>([
    ['a user with a receipt order, a loss report and a cancellation application', 'normal'],
    ['a user with a receipt order, a loss report and a cancellation application', 'elder'],
  ])('%s: every page passes in the %s look', async (_who, mode) => {
    expect(await sweep(holder, 'cases', casePages(seeded), mode)).toEqual({})
  }, 300_000)

  it('raised no page errors', () => {
    expect(errors).toEqual([])
  })
})
