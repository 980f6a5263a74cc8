import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { DELETE_CONFIRMATION, PRIVACY_POLICY_VERSION } from '@/domain/privacy/retention'
import type { UserDoc } from '../../cloudfunctions/user/user.function'
import { launchBrowser } from '../support/browser'
import { start, type Emulator } from '../support/emulator'
import { tempDir } from '../support/store'

const root = path.resolve(__dirname, '../..')
const staticDir = path.join(root, 'dist', 'h5')
const shots = path.join(root, 'test-results')

/**
 * 个人信息 as a new user lives it: the id-photo page holds back the camera and the album behind a consent card;
 * the user reads the policy (retention 7, 30 and 30 days, read from the server), agrees, and comes back to the
 * page without the card; then, on 我的数据, exports everything as a JSON file and deletes the account after
 * typing 删除我的数据.
 */
describe('privacy in Chromium: consent gate, policy, export and account deletion', () => {
  let browser: Browser
  let em: Emulator
  let user: BrowserContext
  let page: Page
  let cleanup: () => void
  let openid = ''
  const errors: string[] = []

  const shot = async (name: string) => {
    await page.waitForTimeout(500)
    await page.screenshot({ path: path.join(shots, `e2e-privacy-${name}.png`), fullPage: true })
  }
  const visible = (testId: string) => page.locator(`[data-testid="${testId}"]:visible`).first()
  const open = async (hash: string) => {
    await page.goto('about:blank')
    await page.goto(`${em.url}/#${hash}`)
  }
  const stored = () => em.db.collection<UserDoc>('users').get(openid)

  beforeAll(async () => {
    if (!existsSync(path.join(staticDir, 'index.html'))) throw new Error('dist/h5 is missing: npm test builds it, or run npm run build:h5')
    mkdirSync(shots, { recursive: true })
    const t = tempDir()
    cleanup = t.cleanup
    em = await start(t.dir, { staticDir })
    browser = await launchBrowser()
    user = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN', acceptDownloads: true })
    const created = (await (await fetch(`${em.url}/api/dev/users`, { method: 'POST', body: JSON.stringify({ name: '陈阿姨' }) })).json()) as { data: { _id: string } }
    const users = (await (await fetch(`${em.url}/api/dev/users`)).json()) as { data: Array<{ _id: string; openid: string }> }
    openid = users.data.find((u) => u._id === created.data._id)!.openid
    await user.addCookies([{ name: 'huizhi_user', value: created.data._id, url: em.url }])
    page = await user.newPage()
    page.on('pageerror', (e) => errors.push(e.message))
  })

  afterAll(async () => {
    await browser?.close()
    await em?.close()
    cleanup?.()
  })

  it('1. holds back the camera and the album behind the consent card for a new user', async () => {
    await open('/features/id-photo/pages/index/index?documentType=social-security-card&cityCode=440300')
    await visible('consent-gate').waitFor()
    expect(await visible('consent-gate').innerText()).toContain('阅读《隐私政策》')
    expect(await page.locator('[data-testid="choose-album"]:visible').count()).toBe(0)
    expect(await page.locator('[data-testid="take-photo"]:visible').count()).toBe(0)
    await shot('gate')
  })

  it('2. reads the policy with the retention periods from the server, agrees, and comes back without the card', async () => {
    await visible('consent-read').click()
    await visible('privacy-retention').waitFor()
    expect(await visible('privacy-version').innerText()).toContain(PRIVACY_POLICY_VERSION)
    const retention = await visible('privacy-retention').innerText()
    expect(retention).toContain('7 天后删除')
    expect(retention).toContain('原始照片和证明材料保留 30 天')
    expect(retention).toContain('回执过期后保留 30 天')
    expect(retention).toContain('匿名化')
    for (const words of ['《中华人民共和国个人信息保护法》', 'AES-256-GCM', '照片检测中心', '社保经办机构', '微信支付', '撤回同意']) await page.getByText(words).first().waitFor()
    await shot('policy')

    await visible('privacy-agree').click()
    await visible('privacy-check-error').waitFor()
    await visible('privacy-check').click()
    await visible('privacy-agree').click()
    await page.waitForURL(/features\/id-photo\/pages\/index\/index\?documentType=social-security-card&cityCode=440300/)
    await visible('choose-album').waitFor()
    expect(await page.locator('[data-testid="consent-gate"]:visible').count()).toBe(0)
    await visible('city-value').getByText('广东省 · 深圳市').waitFor()
    expect((await stored())?.consent?.version).toBe(PRIVACY_POLICY_VERSION)
  })

  it('3. shows 已同意 with the date on the policy page, reached from the home page', async () => {
    await open('/pages/home/index')
    await visible('home-privacy').click()
    await visible('privacy-consented').waitFor()
    expect(await visible('privacy-consented').innerText()).toMatch(/您已于 \d{4}年\d{2}月\d{2}日 同意本政策/)
    expect(await page.locator('[data-testid="privacy-agree"]:visible').count()).toBe(0)
  })

  it('4. exports everything as huizhi-data-<date>.json from 我的数据', async () => {
    await open('/pages/home/index')
    await visible('home-data').click()
    await visible('data-export').waitFor()
    await shot('data')
    const download = page.waitForEvent('download')
    await visible('data-export').click()
    const file = await download
    expect(file.suggestedFilename()).toMatch(/^huizhi-data-\d{4}-\d{2}-\d{2}\.json$/)
    const data = JSON.parse(readFileSync((await file.path())!, 'utf8')) as Record<string, unknown>
    expect(data).toHaveProperty('orders')
    expect(data).toHaveProperty('profile')
    expect(data.profile).toMatchObject({ consent: { version: PRIVACY_POLICY_VERSION } })
    await visible('data-exported').waitFor()
  })

  it('5. deletes the account only after 删除我的数据 is typed, and reports what went', async () => {
    const submit = visible('data-delete-submit')
    expect(await submit.getAttribute('class')).toContain('nut-button-disabled')
    await visible('data-delete-confirm').locator('input').fill('删除')
    expect(await submit.getAttribute('class')).toContain('nut-button-disabled')
    await visible('data-delete-confirm').locator('input').fill(DELETE_CONFIRMATION)
    expect(await submit.getAttribute('class')).not.toContain('nut-button-disabled')
    await shot('data-confirm')
    await submit.click()
    await visible('data-deleted').waitFor({ timeout: 20_000 })
    expect(await visible('data-deleted-users').getAttribute('data-count')).toBe('1')
    expect(await stored()).toBeNull()
    await shot('deleted')
    expect(errors).toEqual([])
  })
})
