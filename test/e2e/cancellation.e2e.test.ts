import { writeFileSync } from 'node:fs'
import path from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import type { ApplicationDoc } from '../../cloudfunctions/_shared/cancellation/application.store'
import type { Emulator } from '../support/emulator'
import { TINY_PDF } from '../support/cancellations'
import { agree, collectErrors, open, shots, startE2E, userAndOperator, visible, type E2E } from '../support/e2e'

const root = path.resolve(__dirname, '../..')
const photo = path.join(root, 'test', 'fixtures', 'photos', 'face-1.jpg')

/**
 * 社保账号注销 as a new user lives it: asks the wizard about 深圳 for 出国定居 (keeps nationality: not eligible),
 * 死亡 (heir), 重复参保 and 退休不满15年, then 丧失国籍; fills the application and uploads the proofs, submits;
 * the operator rejects it (国籍证明不清晰); the user reads why,
 * adds the proof and resubmits; the operator approves with the refund; the user sees 已注销 and the refund.
 */
describe('cancellation in Chromium: wizard, application, proofs, reject, resubmit, approve', () => {
  let e2e: E2E
  let em: Emulator
  let ops: BrowserContext
  let page: Page
  let applicationId = ''
  const errors: string[] = []

  const shot = shots('e2e-cancellation-')

  beforeAll(async () => {
    e2e = await startE2E({ sweepIntervalMs: 500 })
    em = e2e.em
    ;({ page, ops } = await userAndOperator(e2e, '陈阿姨', errors))
  })

  afterAll(() => e2e?.close())

  const stored = async () => (await em.db.collection<ApplicationDoc>('cancellations').get(applicationId)) as ApplicationDoc

  const upload = async (kind: string, file: string) => {
    const before = Number((await visible(page, `material-${kind}`).getAttribute('data-attached')) ?? '0')
    const chooser = page.waitForEvent('filechooser')
    await visible(page, `material-upload-${kind}`).click()
    await (await chooser).setFiles(file)
    await page.locator(`[data-testid="material-${kind}"][data-attached="${before + 1}"]:visible`).waitFor({ timeout: 20_000 })
  }

  const submitFromMaterials = async () => {
    await visible(page, 'materials-next').click()
    await visible(page, 'review-submit').waitFor()
    await shot(page, `review-${(await stored()).round + 1}`)
    await visible(page, 'review-submit').click()
    await page.locator('[data-testid="app-status"][data-status="reviewing"]:visible').waitFor({ timeout: 20_000 })
  }

  const detail = async (status: string) => {
    await open(page, em.url, `/features/cancellation/pages/detail/index?applicationId=${applicationId}`)
    await page.locator(`[data-testid="app-status"][data-status="${status}"]:visible`).waitFor({ timeout: 20_000 })
  }

  const opsPage = async () => {
    const desk = collectErrors(await ops.newPage(), errors)
    await open(desk, em.url, '/features/ops/pages/index/index?tab=cancellations')
    await desk.locator(`[data-testid="ops-app-row"][data-application-id="${applicationId}"]:visible`).click()
    await desk.locator('[data-testid="ops-app-status"][data-status="reviewing"]:visible').waitFor({ timeout: 20_000 })
    return desk
  }

  const ask = async (reason: string, expected: string) => {
    await visible(page, `wiz-reason-${reason}`).click()
    if (await page.locator('[data-testid="wiz-account-normal"]:visible').count()) await visible(page, 'wiz-account-normal').click()
    if (await page.locator('[data-testid="wiz-realname-yes"]:visible').count()) await visible(page, 'wiz-realname-yes').click()
    await visible(page, 'wiz-check').click()
    const verdict = visible(page, 'wiz-verdict')
    await verdict.waitFor()
    expect(await verdict.getAttribute('data-verdict')).toBe(expected)
    return verdict.innerText()
  }

  it('1. asks the wizard about 深圳: 出国定居 keeps the account, 死亡 goes to the heir, 重复参保 is cleared, 退休不满15年 explains the transfer first, 丧失国籍 applies online', async () => {
    await open(page, em.url, '/features/cancellation/pages/index/index')
    expect(await visible(page, 'guide-terms').innerText()).toContain('也叫终止参保')
    await shot(page, 'guide')
    await visible(page, 'cancel-start').click()
    await visible(page, 'city-cell').click()
    await page.getByText('广东省', { exact: true }).click()
    await page.getByText('深圳市', { exact: true }).click()
    await visible(page, 'city-value').getByText('广东省 · 深圳市').waitFor()

    const abroad = await ask('abroad', 'ineligible')
    expect(abroad).toContain('个人账户予以保留')
    await shot(page, 'wizard-abroad')
    const death = await ask('death', 'online')
    expect(death).toContain('继承人与参保人的关系证明')
    expect(death).toContain('继承权公证书（特殊情况）')
    const duplicate = await ask('duplicate', 'online')
    expect(duplicate).toContain('清退')
    // The official guides ask only for the ID or the card: the record of both payments is offered, not required.
    expect(duplicate).toContain('重复参保缴费记录（如有）')
    const retire = await ask('retire_short', 'online')
    expect(retire).toContain('转入户籍所在地城乡居民基本养老保险')
    expect(retire).toContain('终止养老保险关系书面申请')
    expect(retire).not.toContain('离职')
    await shot(page, 'wizard-retire')
    const nationality = await ask('nationality', 'online')
    expect(nationality).toContain('丧失中国国籍的证明')
    expect(nationality).toContain('终止养老保险关系书面申请')
    expect(nationality).toContain('15')
    // No source says 深圳's office takes these applications online: the answer promises preparation, not acceptance.
    expect(nationality).toContain('可以在这里准备并提交申请')
    expect(nationality).not.toContain('可以在线申请')
    expect(nationality).toContain('参考信息，请以当地社保部门为准')
    await shot(page, 'wizard')
  })

  it('2. fills the application and uploads the required proofs', async () => {
    await visible(page, 'wiz-apply').click()
    await agree(page, 'apply-consent')
    await visible(page, 'apply-consent').click()
    await visible(page, 'apply-insured-name').locator('input').fill('陈小梅')
    await visible(page, 'apply-insured-id').locator('input').fill('11010519491231002X')
    await visible(page, 'apply-phone').locator('input').fill('13912345678')
    await visible(page, 'apply-bank').click()
    await page.getByText('中国工商银行', { exact: true }).last().click()
    const confirm = page.getByText('确定', { exact: true }).locator('visible=true')
    if (await confirm.count()) await confirm.first().click()
    await visible(page, 'apply-card').locator('input').fill('6222 0212 3456 7890 127')
    await page.getByText('银行卡号校验不通过，请逐位核对').first().waitFor()
    await visible(page, 'apply-card').locator('input').fill('6222 0212 3456 7890 128')
    expect(await visible(page, 'apply-holder').locator('input').inputValue()).toBe('陈小梅')
    await shot(page, 'apply')
    await visible(page, 'apply-save').click()
    await visible(page, 'material-id_card').waitFor({ timeout: 20_000 })
    applicationId = new URL(page.url().replace('/#/', '/')).searchParams.get('applicationId') ?? ''
    expect(applicationId).toMatch(/^ca_[0-9a-f]{24}$/)

    const pdf = path.join(e2e.dir, '国籍证明.pdf')
    writeFileSync(pdf, TINY_PDF)
    await upload('id_card', photo)
    await upload('termination_application', pdf)
    await upload('nationality_proof', pdf)
    await shot(page, 'materials')
    expect((await stored()).materials.map((m) => [m.kind, m.mime])).toEqual([
      ['id_card', 'image/jpeg'],
      ['termination_application', 'application/pdf'],
      ['nationality_proof', 'application/pdf'],
    ])
  })

  it('3. submits', async () => {
    await submitFromMaterials()
    expect(await stored()).toMatchObject({ status: 'reviewing', round: 1 })
    await shot(page, 'submitted')
  })

  it('4. is rejected by the operator with a reason', async () => {
    const desk = await opsPage()
    await shot(desk, 'ops-detail')
    await visible(desk, 'ops-app-reject').click()
    await visible(desk, 'ops-app-reject-reason').locator('textarea').fill('国籍证明不清晰，请重新上传')
    await shot(desk, 'ops-reject')
    await visible(desk, 'ops-app-reject-confirm').click()
    await desk.locator('[data-testid="ops-app-status"][data-status="rejected"]:visible').waitFor({ timeout: 20_000 })
    await desk.close()
  })

  it('5. sees the reason, adds the missing proof and resubmits', async () => {
    await detail('rejected')
    expect(await visible(page, 'app-rejection').innerText()).toContain('国籍证明不清晰，请重新上传')
    await shot(page, 'rejected')
    await visible(page, 'app-fix').click()
    await upload('nationality_proof', photo)
    await submitFromMaterials()
    expect(await stored()).toMatchObject({ status: 'reviewing', round: 2 })
  })

  it('6. is approved by the operator with the refund', async () => {
    const desk = await opsPage()
    await visible(desk, 'ops-app-approve').click()
    await visible(desk, 'ops-app-refund-amount').locator('input').fill('12345.67')
    await visible(desk, 'ops-app-refund-date').locator('input').fill('2026-12-01')
    await shot(desk, 'ops-approve')
    await visible(desk, 'ops-app-approve-confirm').click()
    await desk.locator('[data-testid="ops-app-status"][data-status="approved"]:visible').waitFor({ timeout: 20_000 })
    await desk.close()
  })

  it('7. sees 已注销 with the refund record, and the result in 消息', async () => {
    await detail('approved')
    expect(await visible(page, 'app-status').innerText()).toContain('已注销')
    const refund = await visible(page, 'app-refund').innerText()
    expect(refund).toContain('12345.67')
    expect(refund).toContain('0128')
    await shot(page, 'approved')
    expect(await stored()).toMatchObject({ status: 'approved', round: 2, refund: { amountFen: 1234567, date: '2026-12-01' } })
    await open(page, em.url, '/pages/messages/index')
    const item = page.locator('[data-testid="inbox-item"]:visible').first()
    await item.waitFor({ timeout: 20_000 })
    expect(await item.innerText()).toContain('已注销')
    expect(errors).toEqual([])
  })
})
