import { existsSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { formatInstant } from '@/domain/time'
import { launchBrowser } from '../support/browser'
import { start, type Emulator } from '../support/emulator'
import { tempDir } from '../support/store'

const root = path.resolve(__dirname, '../..')
const staticDir = path.join(root, 'dist', 'h5')
const shots = path.join(root, 'test-results')

interface DevUser {
  _id: string
  openid: string
  name: string
}

describe('the H5 app in Chromium against the local emulator', () => {
  let browser: Browser
  let em: Emulator
  let page: Page
  let dataDir: string
  let cleanup: () => void
  const errors: string[] = []

  const openidOf = async (id: string) => {
    const users = (await (await fetch(`${em.url}/api/dev/users`)).json()) as { data: DevUser[] }
    return users.data.find((u) => u._id === id)!.openid
  }
  const tagOf = async (id: string) => (await openidOf(id)).slice(-6).toUpperCase()
  /** Waits out the page-slide animation, then saves what the user sees. */
  const shot = async (name: string) => {
    await page.waitForTimeout(600)
    await page.screenshot({ path: path.join(shots, `e2e-${name}.png`), fullPage: true })
  }
  const text = (testId: string) => page.getByTestId(testId).first().innerText()

  beforeAll(async () => {
    if (!existsSync(path.join(staticDir, 'index.html'))) throw new Error('dist/h5 is missing: npm test builds it, or run npm run build:h5')
    mkdirSync(shots, { recursive: true })
    const t = tempDir()
    dataDir = t.dir
    cleanup = t.cleanup
    em = await start(dataDir, { staticDir })
    browser = await launchBrowser()
  })

  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN' })
    page.on('pageerror', (e) => errors.push(e.message))
  })

  afterEach(async () => {
    await page.close()
  })

  afterAll(async () => {
    await browser?.close()
    await em?.close()
    cleanup?.()
  })

  it('shows the four services, the loss-vs-cancellation explainer and customer service, in Chinese', async () => {
    await page.goto(em.url)
    for (const title of ['照片回执', '社保卡挂失', '社保账号注销', '我的订单']) {
      await page.getByTestId(`service-${{ 照片回执: 'receipt', 社保卡挂失: 'card-loss', 社保账号注销: 'cancellation', 我的订单: 'orders' }[title]}`).getByText(title).waitFor()
    }
    await page.getByText('挂失 ≠ 注销').waitFor()
    await page.getByText('联系客服').waitFor()
    await page.getByText('人社服务热线 12333').waitFor()
    await shot('home')
    expect(errors).toEqual([])
  })

  it('round-trips the user function: the greeting and the banner show who the emulator says you are', async () => {
    await page.goto(em.url)
    await page.getByText('您好，微信用户').waitFor()
    await page.getByTestId('local-user').getByText('张三').waitFor()
    expect(await text('local-user')).toContain(`张三（${await tagOf('zhangsan')}）`)
  })

  it('opens my orders from its entry, with the account created on first visit and an empty state', async () => {
    await page.goto(em.url)
    await page.getByTestId('service-orders').click()
    await page.getByTestId('account-tag').waitFor()
    expect(await text('account-tag')).toBe(`账号 ${await tagOf('zhangsan')}`)
    const profile = await em.db.collection<{ _id: string; createdAt: string }>('users').get(await openidOf('zhangsan'))
    const createdAt = profile!.createdAt
    expect(await text('account-since')).toBe(`注册于 ${formatInstant(createdAt)}`)
    await page.getByText('还没有订单').waitFor()
    await shot('orders')
  })

  it('opens a feature subpackage from the home page', async () => {
    await page.goto(em.url)
    await page.getByTestId('service-receipt').click()
    await page.getByText('第一步：选择证件类型').waitFor()
    await page.getByText('选择证件类型和具体城市（如深圳，而非广东省）').waitFor()
    await shot('receipt')
  })

  it('switches to another user in the local switcher', async () => {
    await page.goto(`${em.url}/__dev`)
    await page.locator('button[data-user="lisi"]').click()
    await page.waitForURL(`${em.url}/`)
    await page.getByTestId('local-user').getByText('李四').waitFor()
    expect(await text('local-user')).toContain(`李四（${await tagOf('lisi')}）`)
    await shot('switched-user')
  })

  it('keeps the data after the emulator is stopped and started again on the same directory', async () => {
    await page.goto(`${em.url}/#/pages/orders/index`)
    await page.getByTestId('account-since').waitFor()
    const before = await text('account-since')
    await em.close()
    em = await start(dataDir, { staticDir })
    await page.goto(`${em.url}/#/pages/orders/index`)
    await page.getByTestId('account-since').waitFor()
    expect(await text('account-since')).toBe(before)
  })
})
