import path from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import type { LossDoc } from '../../cloudfunctions/_shared/card-loss/card-loss.store'
import type { OrderDoc } from '../../cloudfunctions/_shared/order/order.store'
import type { Emulator } from '../support/emulator'
import { agree, collectErrors, open, shots, startE2E, userAndOperator, visible, type E2E } from '../support/e2e'

const root = path.resolve(__dirname, '../..')
/** face-4: its photo earns no hint, so 继续 is open at once (face-1's curls cover its ears, a warning to accept first). */
const photo = path.join(root, 'test', 'fixtures', 'photos', 'face-4.jpg')

/**
 * 社保卡挂失 as a new user lives it, in 广州: a temporary report, upgraded to a formal one; a reissue with no
 * receipt sends the user to order one (type and city pre-filled), which the operator approves; back in the
 * reissue the user picks that receipt; the operator approves the reissue and records the card as made; the
 * user sees 已制卡 and the receipt shows as used.
 */
describe('card loss in Chromium: temporary, formal, reissue with a new receipt, card made', () => {
  let e2e: E2E
  let em: Emulator
  let ops: BrowserContext
  let page: Page
  let caseId = ''
  let orderId = ''
  const errors: string[] = []

  const shot = shots('e2e-card-loss-')

  beforeAll(async () => {
    e2e = await startE2E({ sweepIntervalMs: 500 })
    em = e2e.em
    ;({ page, ops } = await userAndOperator(e2e, '陈阿姨', errors))
  })

  afterAll(() => e2e?.close())

  const stored = async () => (await em.db.collection<LossDoc>('loss_cases').get(caseId)) as LossDoc
  const status = async (p: Page, testId: string, value: string) => p.locator(`[data-testid="${testId}"][data-status="${value}"]:visible`).waitFor({ timeout: 20_000 })
  const detail = async (value: string) => {
    await open(page, em.url, `/features/card-loss/pages/detail/index?caseId=${caseId}`)
    await status(page, 'loss-status', value)
  }
  const opsCase = async () => {
    const desk = collectErrors(await ops.newPage(), errors)
    await open(desk, em.url, '/features/ops/pages/index/index?tab=loss')
    await desk.locator(`[data-testid="ops-loss-row"][data-case-id="${caseId}"]:visible`).click()
    return desk
  }

  it('1. makes a temporary report in 广州, seeing what is frozen and until when', async () => {
    await open(page, em.url, '/features/card-loss/pages/index/index')
    await shot(page, 'explainer')
    await visible(page, 'loss-start').click()
    await agree(page, 'city-cell')
    await visible(page, 'city-cell').click()
    await page.getByText('广东省', { exact: true }).click()
    await page.locator('.nut-cascader-item-title').filter({ hasText: /^广州市$/ }).click()
    await visible(page, 'city-value').getByText('广东省 · 广州市').waitFor()
    await visible(page, 'loss-name').locator('input').fill('陈小梅')
    await visible(page, 'loss-id').locator('input').fill('11010519491231002X')
    await visible(page, 'loss-kind-temporary').click()
    await page.getByText('5 天', { exact: false }).first().waitFor()
    // The money-safety line is a warning of its own, in body-size text, not the smallest grey line.
    const bank = visible(page, 'loss-bank-warning')
    expect(await bank.innerText()).toContain('银行账户没有冻结')
    expect(await bank.evaluate((el) => parseFloat(getComputedStyle(el.querySelector('.bank-warning__body')!).fontSize))).toBeGreaterThanOrEqual(17)
    await shot(page, 'report')
    await visible(page, 'loss-submit').click()
    await status(page, 'loss-status', 'reported_temporary')
    caseId = new URL(page.url().replace('/#/', '/')).searchParams.get('caseId') ?? ''
    expect(caseId).toMatch(/^lc_[0-9a-f]{24}$/)
    expect(await visible(page, 'loss-frozen').innerText()).toContain('医保就医结算')
    expect(await visible(page, 'loss-expiry-reference').innerText()).toContain('参考信息，请以当地社保部门为准')
    await visible(page, 'loss-bank-warning').waitFor()
    await shot(page, 'temporary')
  })

  it('2. upgrades it to a formal report after identity verification', async () => {
    await visible(page, 'loss-upgrade').click()
    await visible(page, 'loss-verify').click()
    await status(page, 'loss-status', 'reported_formal')
    expect(await visible(page, 'loss-frozen').innerText()).toContain('金融功能')
    expect((await stored()).status).toBe('reported_formal')
    // 广州 has no counter guide of its own: the general one, every part but none promised (reference, 12333).
    const counter = visible(page, 'counter-guide')
    expect(await counter.getAttribute('data-policy')).toBe('default')
    expect(await page.locator('[data-testid="counter-guide"] [data-sourced="true"]').count()).toBe(0)
    expect(await counter.innerText()).toContain('参考信息，请以当地社保部门为准')
    await visible(page, 'counter-dial-12333').waitFor()
    await shot(page, 'formal')
  })

  it('3. starts a reissue with no receipt, orders one with type and city pre-filled, and gets it approved', async () => {
    await visible(page, 'loss-reissue').click()
    await visible(page, 'reissue-order-receipt').click()
    await visible(page, 'city-value').getByText('广东省 · 广州市').waitFor()
    const chooser = page.waitForEvent('filechooser')
    await visible(page, 'choose-album').click()
    await (await chooser).setFiles(photo)
    await visible(page, 'check-result').waitFor({ timeout: 60_000 })
    await visible(page, 'continue').click()
    await visible(page, 'applicant-name').locator('input').fill('陈小梅')
    await visible(page, 'applicant-id').locator('input').fill('11010519491231002X')
    await visible(page, 'applicant-phone').locator('input').fill('13912345678')
    await visible(page, 'consent').click()
    await visible(page, 'applicant-next').click()
    await visible(page, 'pay-button').click()
    await page.waitForURL(/__cashier/)
    await page.getByTestId('cashier-pay').click()
    await visible(page, 'result-paid').waitFor({ timeout: 20_000 })
    orderId = new URL(page.url().replace('/#/', '/')).searchParams.get('orderId') ?? ''
    expect(orderId).toMatch(/^od_/)

    const desk = collectErrors(await ops.newPage(), errors)
    await open(desk, em.url, '/features/ops/pages/index/index?tab=desk')
    const item = desk.locator(`[data-testid="review-item"][data-order-id="${orderId}"]`)
    await item.waitFor({ timeout: 20_000 })
    await item.getByTestId('review-approve').click()
    await item.waitFor({ state: 'detached', timeout: 20_000 })
    await desk.close()
    const deadline = Date.now() + 20_000
    while (((await em.db.collection<OrderDoc>('orders').get(orderId)) as OrderDoc).status !== 'approved' && Date.now() < deadline) await page.waitForTimeout(200)
    expect(((await em.db.collection<OrderDoc>('orders').get(orderId)) as OrderDoc).status).toBe('approved')
  })

  it('4. comes back and finishes the reissue with that receipt', async () => {
    await detail('reported_formal')
    await visible(page, 'loss-reissue').click()
    await page.locator(`[data-testid="reissue-receipt"][data-order-id="${orderId}"]:visible`).click()
    await visible(page, 'reissue-pickup').click()
    await shot(page, 'reissue')
    await visible(page, 'reissue-submit').click()
    await status(page, 'loss-status', 'reissue_requested')
    expect(await stored()).toMatchObject({ status: 'reissue_requested', reissue: { orderId } })
  })

  it('5. is approved by the operator, who then records the card as made', async () => {
    const desk = await opsCase()
    await status(desk, 'ops-loss-status', 'reissue_requested')
    await shot(desk, 'ops')
    await visible(desk, 'ops-loss-approve').click()
    await status(desk, 'ops-loss-status', 'reissue_approved')
    await visible(desk, 'ops-loss-issue').click()
    await status(desk, 'ops-loss-status', 'card_issued')
    await desk.close()
  })

  it('6. sees 已制卡, and the receipt shows as used', async () => {
    await detail('card_issued')
    expect(await visible(page, 'loss-status').innerText()).toContain('已制卡')
    await shot(page, 'issued')
    await open(page, em.url, `/features/receipt/pages/detail/index?orderId=${orderId}`)
    await visible(page, 'receipt-used').waitFor({ timeout: 20_000 })
    await shot(page, 'receipt-used')
    expect(((await em.db.collection<OrderDoc>('orders').get(orderId)) as OrderDoc).receiptUse?.caseId).toBe(caseId)
    expect(errors).toEqual([])
  })

  it('7. in 东莞, where the formal report is at the issuing bank, says the route, the materials, the banks\' lines and where, each from its source', async () => {
    await open(page, em.url, '/features/card-loss/pages/report/index')
    await visible(page, 'city-cell').click()
    await page.getByText('广东省', { exact: true }).click()
    await page.locator('.nut-cascader-item-title').filter({ hasText: /^东莞市$/ }).click()
    await visible(page, 'city-value').getByText('广东省 · 东莞市').waitFor()
    const counter = visible(page, 'counter-guide')
    expect(await counter.getAttribute('data-policy')).toBe('dongguan')
    expect(await visible(page, 'counter-route').innerText()).toContain('发卡银行')
    expect(await visible(page, 'counter-materials').innerText()).toContain('本人身份证原件和复印件')
    expect(await visible(page, 'counter-where').innerText()).toContain('东莞市辖区内的任一网点')
    await visible(page, 'counter-dial-95533').waitFor()
    for (const part of ['counter-route', 'counter-materials', 'counter-where', 'counter-hotlines']) {
      expect(await visible(page, part).getAttribute('data-sourced')).toBe('true')
      expect(await visible(page, part).innerText()).toContain('来源：东莞')
    }
    await shot(page, 'dongguan-counter')
    expect(errors).toEqual([])
  })
})
