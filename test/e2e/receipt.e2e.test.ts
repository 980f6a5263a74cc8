import { existsSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import sharp from 'sharp'
import { launchBrowser } from '../support/browser'
import { start, type Emulator } from '../support/emulator'
import { tempDir } from '../support/store'

const root = path.resolve(__dirname, '../..')
const staticDir = path.join(root, 'dist', 'h5')
const shots = path.join(root, 'test-results')
const photo = (n: number) => path.join(root, 'test', 'fixtures', 'photos', `face-${n}.jpg`)

/**
 * The photo-receipt loop as people live it: a new user orders a 社保卡 receipt for 深圳 and pays at the
 * cashier; the operator rejects it (背景有阴影); the user reads why, gets the notification, resubmits a new
 * photo without paying again; the operator approves; the user sees the receipt number and expiry and saves
 * the receipt image.
 */
describe('photo receipt in Chromium: order, pay, reject, resubmit free, approve, download', () => {
  let browser: Browser
  let em: Emulator
  let user: BrowserContext
  let ops: BrowserContext
  let page: Page
  let cleanup: () => void
  let orderId = ''
  const errors: string[] = []

  const shot = async (p: Page, name: string) => {
    await p.waitForTimeout(600)
    await p.screenshot({ path: path.join(shots, `e2e-receipt-${name}.png`), fullPage: true })
  }
  const visible = (p: Page, testId: string) => p.locator(`[data-testid="${testId}"]:visible`).first()
  /** New users meet the privacy consent card before sensitive inputs: agree when it shows, else go on once `next` is there. */
  const agree = async (p: Page, next: string) => {
    await p.locator(`[data-testid="consent-agree"]:visible, [data-testid="${next}"]:visible`).first().waitFor({ timeout: 20_000 })
    const g = p.locator('[data-testid="consent-agree"]:visible')
    if (await g.count()) await g.first().click()
  }
  const open = async (p: Page, hash: string) => {
    await p.goto('about:blank')
    await p.goto(`${em.url}/#${hash}`)
  }

  const signIn = async (context: BrowserContext, userId: string) => {
    await context.addCookies([{ name: 'huizhi_user', value: userId, url: em.url }])
  }

  /** From the id-photo choice page (type and city preselected or chosen) to a checked photo, then on. */
  const checkPhoto = async (file: string) => {
    const chooser = page.waitForEvent('filechooser')
    await visible(page, 'choose-album').click()
    await (await chooser).setFiles(file)
    await visible(page, 'check-result').waitFor({ timeout: 60_000 })
    await visible(page, 'continue').click()
  }

  const decide = async (kind: 'approve' | 'reject') => {
    const desk = await ops.newPage()
    desk.on('pageerror', (e) => errors.push(e.message))
    await open(desk, '/features/ops/pages/index/index')
    const item = desk.locator(`[data-testid="review-item"][data-order-id="${orderId}"]`)
    await item.waitFor({ timeout: 20_000 })
    await shot(desk, `desk-${kind}`)
    if (kind === 'approve') {
      await item.getByTestId('review-approve').click()
    } else {
      await item.getByTestId('review-reject').click()
      await visible(desk, 'reject-reason-BACKGROUND_SHADOW').click()
      await visible(desk, 'reject-confirm').click()
    }
    await desk.locator(`[data-testid="review-item"][data-order-id="${orderId}"]`).waitFor({ state: 'detached', timeout: 20_000 })
    await desk.close()
  }

  const detailStatus = async (status: string) => {
    await open(page, `/features/receipt/pages/detail/index?orderId=${orderId}`)
    await page.locator(`[data-testid="order-status"][data-status="${status}"]:visible`).waitFor({ timeout: 20_000 })
  }

  beforeAll(async () => {
    if (!existsSync(path.join(staticDir, 'index.html'))) throw new Error('dist/h5 is missing: npm test builds it, or run npm run build:h5')
    mkdirSync(shots, { recursive: true })
    const t = tempDir()
    cleanup = t.cleanup
    em = await start(t.dir, { staticDir, sweepIntervalMs: 500 })
    browser = await launchBrowser()
    user = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN', acceptDownloads: true })
    ops = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' })
    const created = await (await fetch(`${em.url}/api/dev/users`, { method: 'POST', body: JSON.stringify({ name: '陈阿姨' }) })).json()
    await signIn(user, (created as { data: { _id: string } }).data._id)
    await signIn(ops, 'ops')
    page = await user.newPage()
    page.on('pageerror', (e) => errors.push(e.message))
  })

  afterAll(async () => {
    await browser?.close()
    await em?.close()
    cleanup?.()
  })

  it('1. orders a 社保卡 receipt for 深圳 and pays at the simulated cashier', async () => {
    await open(page, '/features/id-photo/pages/index/index?documentType=social-security-card&cityCode=440300')
    await agree(page, 'choose-album')
    await visible(page, 'city-value').getByText('广东省 · 深圳市').waitFor()
    await checkPhoto(photo(1))

    await visible(page, 'receipt-next').click()
    await visible(page, 'applicant-name').locator('input').fill('陈小梅')
    await visible(page, 'applicant-id').locator('input').fill('11010519491231002X')
    await visible(page, 'applicant-phone').locator('input').fill('13912345678')
    await visible(page, 'consent').click()
    await shot(page, 'applicant')
    await visible(page, 'applicant-next').click()

    await visible(page, 'confirm-amount').getByText('¥19.90').waitFor()
    await shot(page, 'confirm')
    await visible(page, 'pay-button').click()
    await page.waitForURL(/__cashier/)
    await page.getByText('¥19.90').waitFor()
    await shot(page, 'cashier')
    await page.getByTestId('cashier-pay').click()
    await visible(page, 'result-paid').waitFor({ timeout: 20_000 })
    orderId = new URL(page.url().replace('/#/', '/')).searchParams.get('orderId') ?? ''
    expect(orderId).toMatch(/^od_[0-9a-f]{24}$/)
    await shot(page, 'result')
    await detailStatus('reviewing')
  })

  it('2. is rejected by the operator at the review desk with 背景有阴影', async () => {
    await decide('reject')
  })

  it('3. shows the user the reason on the detail page and a notification in 消息', async () => {
    await detailStatus('rejected')
    expect(await visible(page, 'reject-reason').innerText()).toContain('背景有阴影')
    await shot(page, 'rejected')
    await open(page, '/pages/messages/index')
    const item = page.locator('[data-testid="inbox-item"]:visible').first()
    await item.waitFor({ timeout: 20_000 })
    expect(await item.innerText()).toContain('审核未通过')
    await shot(page, 'messages')
  })

  it('4. resubmits a new photo without paying again', async () => {
    await detailStatus('rejected')
    await visible(page, 'resubmit-button').click()
    await visible(page, 'city-value').getByText('广东省 · 深圳市').waitFor()
    await checkPhoto(photo(3))
    await visible(page, 'resubmit-ready').waitFor()
    await shot(page, 'resubmit-confirm')
    await visible(page, 'resubmit-confirm').click()
    await page.locator('[data-testid="order-status"][data-status="reviewing"]:visible').waitFor({ timeout: 20_000 })
    const order = await em.db.collection<{ _id: string; submissions: unknown[]; history: Array<{ to: string }>; payment?: { transactionId: string } }>('orders').get(orderId)
    expect(order?.submissions).toHaveLength(2)
    expect(order?.history.filter((h) => h.to === 'paid')).toHaveLength(1)
    expect(await em.db.collection('cashier').count({})).toBe(1)
  })

  it('5. is approved by the operator', async () => {
    await decide('approve')
  })

  it('6. shows the receipt number and expiry, and downloads the receipt image', async () => {
    await detailStatus('approved')
    expect(await visible(page, 'receipt-number').innerText()).toMatch(/HZ\d{14}/)
    const expiry = visible(page, 'receipt-expiry')
    expect(await expiry.getAttribute('data-days-left')).toBe('180')
    await shot(page, 'approved')
    const download = page.waitForEvent('download', { timeout: 20_000 })
    await visible(page, 'receipt-download').click()
    const file = await (await download).path()
    expect(await sharp(file!).metadata()).toMatchObject({ format: 'png', width: 750, height: 1120 })
    expect(errors).toEqual([])
  })
})
