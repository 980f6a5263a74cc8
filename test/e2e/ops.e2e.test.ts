import type { Page } from 'playwright-core'
import type { CreateOrderResult } from '@/domain/order/order.view'
import type { NormalizeResult } from '@/domain/photo/photo.schema'
import { callFn, post, uploadTarget, type Emulator } from '../support/emulator'
import { collectErrors, open, PHONE, shots, signIn, startE2E, visible, type E2E } from '../support/e2e'
import { fixture } from '../support/photos'

/**
 * An operator's day in Chromium: the board moves when a user pays; the order is found by the last four
 * digits of the phone; it is rejected at the review desk with a coded reason and leaves the queue; the
 * action is in the audit log.
 */
describe('operator console in Chromium', () => {
  let e2e: E2E
  let em: Emulator
  let page: Page
  const errors: string[] = []

  const shot = shots('e2e-ops-')
  const openTab = async (tab: string) => {
    await open(page, em.url, `/features/ops/pages/index/index?tab=${tab}`)
    await page.locator(`[data-testid="ops-console"][data-tab="${tab}"]`).waitFor()
  }
  const todayReviewing = async () => {
    const cell = page.locator('[data-testid="board-today-reviewing"]:visible')
    return (await cell.count()) ? Number((await cell.first().innerText()).replace(/\D/g, '')) : 0
  }

  /** A user (李四) orders a 社保卡 receipt for 深圳 and pays at the cashier, over HTTP. */
  async function userPays(phone: string): Promise<string> {
    const up = await fetch(`${em.url}/api/files?cloudPath=${await uploadTarget(em, 'lisi')}`, { method: 'PUT', body: new Uint8Array(fixture(1)), headers: { 'x-huizhi-user': 'lisi' } })
    const { data } = (await up.json()) as { data: { fileID: string } }
    const photo = (await callFn(em, 'photo', { action: 'normalize', data: { fileID: data.fileID, specId: 'ssc-shenzhen' } }, 'lisi')).body.data as NormalizeResult
    const created = await callFn(em, 'order', { action: 'create', data: { documentType: 'social-security-card', cityCode: '440300', photoId: photo.photoId, applicant: { name: '李小四', idNumber: '11010519491231002X', phone } } }, 'lisi')
    const { orderId } = created.body.data as CreateOrderResult
    await post(em, '/__cashier/pay', JSON.stringify({ orderId }))
    return orderId
  }

  beforeAll(async () => {
    e2e = await startE2E({ sweepIntervalMs: 500 })
    em = e2e.em
    const context = await e2e.browser.newContext(PHONE)
    await signIn(context, em.url, 'ops')
    page = collectErrors(await context.newPage(), errors)
  })

  afterAll(() => e2e?.close())

  it('sees the board count a payment, finds the order by the phone’s last 4 digits, rejects it at the desk, and finds it in the audit log', async () => {
    await openTab('board')
    await visible(page, 'board').waitFor()
    const before = await todayReviewing()

    const orderId = await userPays('13700004321')
    await visible(page, 'board-refresh').click()
    await page.waitForFunction((n) => {
      const cell = [...document.querySelectorAll<HTMLElement>('[data-testid="board-today-reviewing"]')].find((e) => e.offsetParent)
      return !!cell && Number(cell.innerText.replace(/\D/g, '')) === n
    }, before + 1, { timeout: 20_000 })
    await shot(page, 'board')

    await openTab('search')
    await visible(page, 'ops-search-input').locator('input').fill('4321')
    await visible(page, 'ops-search-button').click()
    const found = page.locator(`[data-testid="ops-result"][data-order-id="${orderId}"]:visible`)
    await found.waitFor()
    expect(await found.innerText()).toContain('137****4321')
    expect(await found.innerText()).not.toContain('李小四')
    await shot(page, 'search')

    await openTab('desk')
    const item = page.locator(`[data-testid="review-item"][data-order-id="${orderId}"]`)
    await item.waitFor({ timeout: 20_000 })
    await item.locator('[data-testid="review-check"]').first().waitFor({ timeout: 20_000 })
    expect(await item.locator('[data-testid="review-check"][data-passed="true"]').count()).toBeGreaterThan(5)
    expect(await item.locator('[data-testid="guide-line"]').count()).toBe(5)
    await shot(page, 'desk')
    await item.getByTestId('review-reject').click()
    await visible(page, 'reject-reason-HEAD_PROPORTION').click()
    await visible(page, 'reject-confirm').click()
    await item.waitFor({ state: 'detached', timeout: 20_000 })

    await openTab('audit')
    const entry = page.locator(`[data-testid="audit-entry"][data-action="review.reject"][data-target="${orderId}"]:visible`)
    await entry.waitFor({ timeout: 20_000 })
    expect(await entry.innerText()).toContain('头部比例不符')
    await shot(page, 'audit')
    expect(errors).toEqual([])
  })
})
