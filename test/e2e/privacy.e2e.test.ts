import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { DELETE_CONFIRMATION, PRIVACY_POLICY_VERSION } from '@/domain/privacy/retention'
import type { UserDoc } from '../../cloudfunctions/user/user.function'
import type { Emulator } from '../support/emulator'
import { collectErrors, createUser, open, openidOf, PHONE, shots, signIn, startE2E, visible, type E2E } from '../support/e2e'

/**
 * 个人信息 as a new user lives it: the id-photo page holds back the camera and the album behind a consent card;
 * the user reads the policy (retention 7, 30 and 30 days, read from the server), agrees, and comes back to the
 * page without the card; then, on 我的数据, exports everything as a JSON file and deletes the account after
 * typing 删除我的数据.
 */
describe('privacy in Chromium: consent gate, policy, export and account deletion', () => {
  let e2e: E2E
  let em: Emulator
  let page: Page
  let openid = ''
  const errors: string[] = []

  const shot = shots('e2e-privacy-')
  const stored = () => em.db.collection<UserDoc>('users').get(openid)

  beforeAll(async () => {
    e2e = await startE2E()
    em = e2e.em
    const user = await e2e.browser.newContext({ ...PHONE, acceptDownloads: true })
    const userId = await createUser(em.url, '陈阿姨')
    openid = await openidOf(em.url, userId)
    await signIn(user, em.url, userId)
    page = collectErrors(await user.newPage(), errors)
  })

  afterAll(() => e2e?.close())

  it('1. holds back the camera and the album behind the consent card for a new user', async () => {
    await open(page, em.url, '/features/id-photo/pages/index/index?documentType=social-security-card&cityCode=440300')
    await visible(page, 'consent-gate').waitFor()
    expect(await visible(page, 'consent-gate').innerText()).toContain('阅读《隐私政策》')
    expect(await page.locator('[data-testid="choose-album"]:visible').count()).toBe(0)
    expect(await page.locator('[data-testid="take-photo"]:visible').count()).toBe(0)
    await shot(page, 'gate')
  })

  it('2. reads the policy with the retention periods from the server, agrees, and comes back without the card', async () => {
    await visible(page, 'consent-read').click()
    await visible(page, 'privacy-retention').waitFor()
    expect(await visible(page, 'privacy-version').innerText()).toContain(PRIVACY_POLICY_VERSION)
    const retention = await visible(page, 'privacy-retention').innerText()
    expect(retention).toContain('7 天后删除')
    expect(retention).toContain('原始照片和证明材料保留 30 天')
    expect(retention).toContain('回执过期后保留 30 天')
    expect(retention).toContain('匿名化')
    for (const words of ['《中华人民共和国个人信息保护法》', 'AES-256-GCM', '照片检测中心', '社保经办机构', '微信支付', '撤回同意']) await page.getByText(words).first().waitFor()
    await shot(page, 'policy')

    await visible(page, 'privacy-agree').click()
    await visible(page, 'privacy-check-error').waitFor()
    await visible(page, 'privacy-check').click()
    await visible(page, 'privacy-agree').click()
    await page.waitForURL(/features\/id-photo\/pages\/index\/index\?documentType=social-security-card&cityCode=440300/)
    await visible(page, 'choose-album').waitFor()
    expect(await page.locator('[data-testid="consent-gate"]:visible').count()).toBe(0)
    await visible(page, 'city-value').getByText('广东省 · 深圳市').waitFor()
    expect((await stored())?.consent?.version).toBe(PRIVACY_POLICY_VERSION)
  })

  it('3. shows 已同意 with the date on the policy page, reached from the home page', async () => {
    await open(page, em.url, '/pages/home/index')
    await visible(page, 'home-privacy').click()
    await visible(page, 'privacy-consented').waitFor()
    expect(await visible(page, 'privacy-consented').innerText()).toMatch(/您已于 \d{4}年\d{2}月\d{2}日 同意本政策/)
    expect(await page.locator('[data-testid="privacy-agree"]:visible').count()).toBe(0)
  })

  it('4. exports everything as huizhi-data-<date>.json from 我的数据', async () => {
    await open(page, em.url, '/pages/home/index')
    await visible(page, 'home-data').click()
    await visible(page, 'data-export').waitFor()
    await shot(page, 'data')
    const download = page.waitForEvent('download')
    await visible(page, 'data-export').click()
    const file = await download
    expect(file.suggestedFilename()).toMatch(/^huizhi-data-\d{4}-\d{2}-\d{2}\.json$/)
    const data = JSON.parse(readFileSync((await file.path())!, 'utf8')) as Record<string, unknown>
    expect(data).toHaveProperty('orders')
    expect(data).toHaveProperty('profile')
    expect(data.profile).toMatchObject({ consent: { version: PRIVACY_POLICY_VERSION } })
    await visible(page, 'data-exported').waitFor()
  })

  it('5. deletes the account only after 删除我的数据 is typed, and reports what went', async () => {
    const submit = visible(page, 'data-delete-submit')
    expect(await submit.getAttribute('class')).toContain('nut-button-disabled')
    await visible(page, 'data-delete-confirm').locator('input').fill('删除')
    expect(await submit.getAttribute('class')).toContain('nut-button-disabled')
    await visible(page, 'data-delete-confirm').locator('input').fill(DELETE_CONFIRMATION)
    expect(await submit.getAttribute('class')).not.toContain('nut-button-disabled')
    await shot(page, 'data-confirm')
    await submit.click()
    await visible(page, 'data-deleted').waitFor({ timeout: 20_000 })
    expect(await visible(page, 'data-deleted-users').getAttribute('data-count')).toBe('1')
    expect(await stored()).toBeNull()
    await shot(page, 'deleted')
    expect(errors).toEqual([])
  })
})
