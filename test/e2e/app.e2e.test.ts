import type { Page } from 'playwright-core'
import { formatInstant } from '@/domain/time'
import { start, type Emulator } from '../support/emulator'
import { collectErrors, openidOf, PHONE, shots, startE2E, staticDir, type E2E } from '../support/e2e'

describe('the H5 app in Chromium against the local emulator', () => {
  let e2e: E2E
  let em: Emulator
  let page: Page
  const errors: string[] = []

  const tagOf = async (id: string) => (await openidOf(em.url, id)).slice(-6).toUpperCase()
  const shot = shots('e2e-', 600)
  const text = (testId: string) => page.getByTestId(testId).first().innerText()

  beforeAll(async () => {
    e2e = await startE2E()
    em = e2e.em
  })

  beforeEach(async () => {
    page = collectErrors(await e2e.browser.newPage(PHONE), errors)
  })

  afterEach(async () => {
    await page.close()
  })

  afterAll(() => e2e?.close())

  it('shows the four services, the loss-vs-cancellation explainer and customer service, in Chinese', async () => {
    await page.goto(em.url)
    for (const title of ['照片回执', '社保卡挂失', '社保账号注销', '我的办理']) {
      await page.getByTestId(`service-${{ 照片回执: 'receipt', 社保卡挂失: 'card-loss', 社保账号注销: 'cancellation', 我的办理: 'orders' }[title]}`).getByText(title).waitFor()
    }
    await page.getByText('挂失 ≠ 注销').waitFor()
    await page.getByText('联系客服').waitFor()
    await page.getByText('人社服务热线 12333').waitFor()
    await shot(page, 'home')
    expect(errors).toEqual([])
  })

  it('round-trips the user function: the greeting and the banner show who the emulator says you are', async () => {
    await page.goto(em.url)
    await page.getByText('您好，微信用户').waitFor()
    await page.getByTestId('local-user').getByText('张三').waitFor()
    expect(await text('local-user')).toContain(`张三（${await tagOf('zhangsan')}）`)
  })

  it('opens 我的办理 from its entry, with the account created on first visit and an empty state', async () => {
    await page.goto(em.url)
    await page.getByTestId('service-orders').click()
    await page.getByTestId('account-tag').waitFor()
    expect(await text('account-tag')).toBe(`账号 ${await tagOf('zhangsan')}`)
    const profile = await em.db.collection<{ _id: string; createdAt: string }>('users').get(await openidOf(em.url, 'zhangsan'))
    const createdAt = profile!.createdAt
    expect(await text('account-since')).toBe(`注册于 ${formatInstant(createdAt)}`)
    await page.getByText('还没有办理记录').waitFor()
    await shot(page, 'orders')
  })

  it('opens a feature subpackage from the home page', async () => {
    await page.goto(em.url)
    await page.getByTestId('service-receipt').click()
    await page.getByText('第一步：选择证件类型').waitFor()
    await page.getByText('选择证件类型和具体城市（如深圳，而非广东省）').waitFor()
    await shot(page, 'receipt')
  })

  it('switches to another user in the local switcher', async () => {
    await page.goto(`${em.url}/__dev`)
    await page.locator('button[data-user="lisi"]').click()
    await page.waitForURL(`${em.url}/`)
    await page.getByTestId('local-user').getByText('李四').waitFor()
    expect(await text('local-user')).toContain(`李四（${await tagOf('lisi')}）`)
    await shot(page, 'switched-user')
  })

  it('keeps the data after the emulator is stopped and started again on the same directory', async () => {
    await page.goto(`${em.url}/#/pages/orders/index`)
    await page.getByTestId('account-since').waitFor()
    const before = await text('account-since')
    await em.close()
    em = e2e.em = await start(e2e.dir, { staticDir }) // on e2e too, so that e2e.close() ends this one
    await page.goto(`${em.url}/#/pages/orders/index`)
    await page.getByTestId('account-since').waitFor()
    expect(await text('account-since')).toBe(before)
  })
})
