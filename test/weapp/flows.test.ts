import { SERVICES } from '@/domain/services'
import { PRIVACY_POLICY_VERSION } from '@/domain/privacy/retention'
import { callFn } from '../support/emulator'
import { pxToMm } from '@/domain/photo/print-layout'
import { specById } from '@/domain/photo/specs'
import { jpegFacts, meanRgb } from '../support/jpeg-file'
import { APPLICANT } from '../support/orders'
import { launch, requireWeappBuild, startCloud, weappRoot, type WeappEnv } from '../support/weapp/launch'
import { seedCases } from '../support/weapp/seed'
import { openidOf } from '../support/e2e'
import type { InboxDoc } from '../../cloudfunctions/_shared/notify/inbox'
import path from 'node:path'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { CHECK_COPY } from '@/domain/photo/checks'
import { evalPortrait } from '../support/photos'
import { WeappShots } from '../support/weapp/screenshot'

/** Users' paths through the mini-program, tapped in the headless WeChat runtime with a local cloud behind wx.cloud. */
requireWeappBuild()

let cloud: WeappEnv
beforeAll(async () => {
  cloud = await startCloud()
}, 60_000)
afterAll(() => cloud?.close())

/** 李四's cases, seeded once through the functions for the tests that read them (a card can be reported lost once). */
let lisi: ReturnType<typeof seedCases> | undefined
const seededLisi = () => (lisi ??= seedCases(cloud.em, 'lisi'))

describe('the home page', () => {
  it.each(SERVICES.map((s) => [s.title, s] as const))('opens %s with a tap', async (title, service) => {
    const runtime = await launch('pages/home/index', { cloud })
    try {
      await runtime.waitForText(title)
      runtime.tap(title)
      const route = service.route.replace(/^\//, '')
      await runtime.waitForRoute(route)
      await runtime.settle()
      expect(runtime.calls.filter((c) => /navigateTo|switchTab/.test(c.api)).map((c) => [c.api, (c.options as { url: string }).url])).toEqual([
        [service.isTab ? 'wx.switchTab' : 'wx.navigateTo', service.route],
      ])
      expect(runtime.stack.map((p) => p.route)).toEqual(service.isTab ? [route] : ['pages/home/index', route])
      expect(runtime.problems).toEqual([])
    } finally {
      runtime.dispose()
    }
  })
})

describe('a receipt order', () => {
  it('is created from a checked photo and shows in 我的办理', async () => {
    // The photo is taken and checked as the app does it (upload → normalise); the camera itself is native (README).
    const { photoId } = await seededLisi()
    const runtime = await launch(`features/receipt/pages/index/index?specId=ssc-shenzhen&cityCode=440300&photoId=${photoId}`, { cloud, user: 'lisi' })
    try {
      // Type and city came with the photo: no page repeats them, the applicant is next.
      await runtime.waitForRoute('features/receipt/pages/applicant/index')
      await runtime.waitForText('我已阅读并同意')
      runtime.input(0, APPLICANT.name)
      runtime.input(1, APPLICANT.idNumber)
      runtime.input(2, APPLICANT.phone)
      runtime.tap('我已阅读并同意')
      await runtime.settle()
      runtime.tap('下一步：确认订单')
      await runtime.waitForRoute('features/receipt/pages/confirm/index')
      await runtime.waitForText('应付金额')
      const before = runtime.calls.length
      runtime.tap(/^支付 /)
      await runtime.settle()
      await new Promise((r) => setTimeout(r, 500))
      await runtime.settle()
      const created = runtime.calls.slice(before).find((c) => c.api === 'wx.cloud.callFunction' && (c.options as { data: { action: string } }).data.action === 'create')
      expect(created).toBeDefined()
      runtime.calls.length = 0
      // The native tab bar, as the user taps it.
      await runtime.tapTab('我的办理')
      await runtime.waitForRoute('pages/orders/index')
      await runtime.waitForText('待支付')
      expect(runtime.text()).toContain('社保卡')
      expect(runtime.text()).toContain('深圳')
      expect(runtime.problems).toEqual([])
    } finally {
      runtime.dispose()
    }
  })
})

describe('a 居住证 receipt', () => {
  it('is offered only for Guangdong cities: the picker lists 广东省 alone and says why', async () => {
    const runtime = await launch('features/receipt/pages/index/index', { cloud })
    try {
      await runtime.waitForText('居住证')
      runtime.tap('居住证')
      await runtime.settle()
      expect(runtime.text()).toContain('这种证件的照片回执只在广东省办理')
      runtime.tap(/^请选择 ›$/)
      await runtime.waitForText(/选择办理城市 请选择 广东省/)
      expect(runtime.text()).not.toContain('广西壮族自治区')
      runtime.tap(/^广东省$/)
      await runtime.waitForText('深圳市')
      runtime.tap(/^深圳市$/)
      await runtime.settle()
      expect(runtime.text()).toContain('¥19.90')
      // No source states a 居住证 receipt's validity: a reference, never a promise.
      expect(runtime.text()).toContain('回执有效期以办理地规定为准（参考：约 60 天），只能使用一次')
      runtime.tap('居民身份证')
      await runtime.settle()
      // 深圳 ID-card receipts: 180 days, sourced.
      expect(runtime.text()).toContain('回执有效期 180 天，只能使用一次')
      expect(runtime.problems).toEqual([])
    } finally {
      runtime.dispose()
    }
  })
})

describe('a 社保卡 receipt', () => {
  it('is offered only where the coverage table says (广东省): the picker lists 广东省 alone, says why, and offers the electronic photo elsewhere', async () => {
    const runtime = await launch('features/receipt/pages/index/index', { cloud })
    try {
      await runtime.waitForText('居住证')
      runtime.tap('社保卡')
      await runtime.settle()
      expect(runtime.text()).toContain('这种证件的照片回执只在广东省办理，下面只列出广东省的城市。')
      expect(runtime.text()).toContain('广东省以外申领社保卡，一般在社保卡服务银行网点现场拍照')
      expect(runtime.text()).toContain('不在广东省办理？拍照后可保存电子照或打印排版照')
      runtime.tap(/^请选择 ›$/)
      await runtime.waitForText(/选择办理城市 请选择 广东省/)
      expect(runtime.text()).not.toContain('北京市')
      expect(runtime.text()).not.toContain('广西壮族自治区')
      runtime.tap(/^广东省$/)
      await runtime.waitForText('东莞市')
      runtime.tap(/^东莞市$/)
      await runtime.settle()
      expect(runtime.text()).toContain('¥')
      expect(runtime.problems).toEqual([])
    } finally {
      runtime.dispose()
    }
  })
})

describe('我的办理', () => {
  it('lists the receipt, the loss report and the cancellation draft with their status, filters by kind, opens a case; 消息 carries an unread badge until seen', async () => {
    const seeded = await seededLisi()
    const openid = await openidOf(cloud.em.url, 'lisi')
    await cloud.em.db.collection<InboxDoc>('inbox').add({ _id: `weapp-badge-${Date.now()}`, openid, caseId: seeded.orderId, template: 'order_cancelled', data: {}, page: 'pages/orders/index', at: new Date().toISOString() })
    const runtime = await launch('pages/home/index', { cloud, user: 'lisi' })
    try {
      await runtime.waitForText('我的办理')
      for (let i = 0; i < 40 && !runtime.tabBadges.get(2); i++) await new Promise((r) => setTimeout(r, 50))
      expect(runtime.tabBadges.get(2)).toMatch(/^[1-9]\d*$/)
      await runtime.tapTab('我的办理')
      await runtime.waitForRoute('pages/orders/index')
      await runtime.waitForText('临时挂失中')
      expect(runtime.text()).toContain('待支付')
      expect(runtime.text()).toContain('草稿')
      expect(runtime.text()).toMatch(/照片回执.*社保卡挂失.*社保账号注销/)
      const shots = await WeappShots.open(weappRoot)
      await shots.shot(runtime, 'flow-my-cases').finally(() => shots.close())
      runtime.tap(/^挂失$/)
      await runtime.settle()
      expect(runtime.text()).toContain('临时挂失中')
      expect(runtime.text()).not.toContain('待支付')
      runtime.tap('临时挂失中')
      await runtime.waitForRoute('features/card-loss/pages/detail/index')
      expect(runtime.current.query.caseId).toBe(seeded.lossCaseId)
      await runtime.waitForText('临时挂失')
      await runtime.tapTab('消息')
      await runtime.waitForRoute('pages/messages/index')
      for (let i = 0; i < 40 && runtime.tabBadges.has(2); i++) await new Promise((r) => setTimeout(r, 50))
      expect(runtime.tabBadges.has(2)).toBe(false)
      expect(runtime.problems).toEqual([])
    } finally {
      runtime.dispose()
    }
  })
})

describe('a background the spec allows', () => {
  it('is chosen on the choice page for 护照 / 港澳通行证 (白色、浅灰色、淡蓝色), and only there', async () => {
    const runtime = await launch('features/id-photo/pages/index/index?documentType=exit-entry&cityCode=440100', { cloud })
    try {
      await runtime.waitForText('背景颜色（这种证件可以选）')
      expect(runtime.text()).toMatch(/白色 浅灰色 淡蓝色/)
      runtime.tap(/^淡蓝色$/)
      await runtime.settle()
      // Type and city came with the link: said once, with 修改 to choose again.
      runtime.tap(/^修改$/)
      await runtime.waitForText('第一步：选择证件类型')
      runtime.tap('社保卡')
      await runtime.settle()
      expect(runtime.text()).not.toContain('背景颜色（这种证件可以选）')
      // An exam photo: no city to choose, blue first, white allowed.
      runtime.tap(/^国家公务员考试$/)
      await runtime.settle()
      expect(runtime.text()).toContain('413 × 579 像素')
      expect(runtime.text()).toMatch(/蓝色 白色/)
      runtime.tap(/^自定义尺寸$/)
      await runtime.waitForText('请填写宽和高')
      expect(runtime.text()).toContain('宽（像素）')
      expect(runtime.problems).toEqual([])
    } finally {
      runtime.dispose()
    }
  })
})

describe('a failed refresh', () => {
  it('keeps the loaded order on screen, says 刷新失败, and recovers with 重试 once the network is back', async () => {
    const { orderId } = await seededLisi()
    const runtime = await launch(`features/receipt/pages/detail/index?orderId=${orderId}`, { cloud, user: 'lisi' })
    try {
      await runtime.waitForText('待支付')
      await runtime.navigateTo('/features/card-loss/pages/index/index')
      await runtime.waitForRoute('features/card-loss/pages/index/index')
      runtime.offline = true
      // Back on the order: it reloads on show, and the reload fails.
      await runtime.back()
      await runtime.waitForRoute('features/receipt/pages/detail/index')
      await runtime.waitForText('刷新失败')
      expect(runtime.text()).toContain('待支付')
      expect(runtime.text()).toContain('深圳')
      runtime.offline = false
      runtime.tap('重试')
      await runtime.settle()
      await new Promise((r) => setTimeout(r, 300))
      await runtime.settle()
      expect(runtime.text()).not.toContain('刷新失败')
      expect(runtime.text()).toContain('待支付')
    } finally {
      runtime.dispose()
    }
  })
})

describe('a card-loss report', () => {
  it('is made on the weapp runtime: consent, city from the cascader, holder, temporary report, then its detail', async () => {
    const runtime = await launch('features/card-loss/pages/report/index', { cloud, user: 'zhangsan' })
    try {
      await runtime.waitForText('请先阅读并同意《隐私政策》')
      runtime.tap(/^同意$/)
      await runtime.waitForText('第二步')
      await runtime.pickCity('广东省', '广州市', '韶关市')
      // A holder of their own: the receipt flow above has reported 王小明's card, and a card is reported once.
      runtime.input(0, '李晓红')
      runtime.input(1, '440106198801011239')
      runtime.tap('临时挂失')
      await runtime.settle()
      runtime.tap('确认挂失')
      await runtime.waitForRoute('features/card-loss/pages/detail/index')
      await runtime.waitForText('临时挂失中')
      expect(runtime.text()).toContain('广州')
      expect(runtime.calls.filter((c) => c.api === 'wx.cloud.callFunction').map((c) => (c.options as { name: string; data: { action: string } }).data.action)).toEqual(
        expect.arrayContaining(['consent', 'report', 'get']),
      )
      expect(runtime.problems).toEqual([])
    } finally {
      runtime.dispose()
    }
  })
})

/**
 * On the ID-photo choice page: 社保卡 in 深圳, the privacy consent when this user has not agreed yet (a test may run on
 * its own), then the album's photo, up to the preview page.
 */
async function albumPhotoForShenzhenSsc(runtime: Awaited<ReturnType<typeof launch>>): Promise<void> {
  await runtime.waitForText('第一步：选择证件类型')
  runtime.tap('社保卡')
  await runtime.settle()
  await runtime.pickCity('广东省', '深圳市', '韶关市')
  if (runtime.text().includes('请先阅读并同意《隐私政策》')) {
    runtime.tap(/^同意$/)
    await runtime.waitForText('第三步：拍照或选择照片')
  }
  runtime.tap('从相册选择')
  await runtime.waitForRoute('features/id-photo/pages/preview/index')
}

describe('an ID photo', () => {
  it('is chosen from the album, normalised and checked on the weapp runtime, then carried into the receipt order', async () => {
    // face-4: no hint, so 继续办理回执 opens at once (face-1's curls cover its ears, a warning to accept first).
    const face = path.resolve(__dirname, '..', 'fixtures', 'photos', 'face-4.jpg')
    const runtime = await launch('features/id-photo/pages/index/index', { cloud, user: 'lisi', album: [face] })
    try {
      await albumPhotoForShenzhenSsc(runtime)
      await runtime.waitForText('继续办理回执', 60_000)
      const shots = await WeappShots.open(weappRoot)
      await shots.shot(runtime, 'flow-id-photo-checked').finally(() => shots.close())
      const apis = runtime.calls.map((c) => c.api)
      expect(apis).toEqual(expect.arrayContaining(['wx.chooseMedia', 'wx.getImageInfo', 'wx.cloud.uploadFile']))
      const actions = runtime.calls.filter((c) => c.api === 'wx.cloud.callFunction').map((c) => (c.options as { data: { action: string } }).data.action)
      expect(actions).toEqual(expect.arrayContaining(['uploadTarget', 'normalize']))
      runtime.tap('继续办理回执')
      // No page repeats the type and city: the receipt page forwards the checked photo to the applicant.
      await runtime.waitForRoute('features/receipt/pages/applicant/index')
      await runtime.waitForText('下一步：确认订单')
      expect(runtime.current.query.photoId).toMatch(/^ph_/)
      expect(runtime.current.query.cityCode).toBe('440300')
      expect(runtime.problems).toEqual([])
    } finally {
      runtime.dispose()
    }
  }, 120_000)
})

describe('a turned head', () => {
  it('is held back on the weapp runtime with 正对镜头 and its fix, offering only a new photo (eval portrait s1-p1, a three-quarter view)', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'huizhi-weapp-')), 's1-p1.jpg')
    writeFileSync(file, await evalPortrait('s1-p1'))
    const runtime = await launch('features/id-photo/pages/index/index', { cloud, user: 'lisi', album: [file] })
    try {
      await albumPhotoForShenzhenSsc(runtime)
      await runtime.waitForText(CHECK_COPY['head-turn'].high, 60_000)
      expect(runtime.text()).toContain('正对镜头')
      expect(runtime.text()).not.toContain('继续办理回执')
      const shots = await WeappShots.open(weappRoot)
      await shots.shot(runtime, 'flow-id-photo-head-turned').finally(() => shots.close())
      expect(runtime.problems).toEqual([])
    } finally {
      runtime.dispose()
    }
  }, 120_000)
})

describe('the electronic photo and a print sheet', () => {
  it('saves the spec-exact JPEG to the album after a refused privacy popup and a refused album permission, then a 6-inch and a mixed sheet', async () => {
    const face = path.resolve(__dirname, '..', 'fixtures', 'photos', 'face-4.jpg')
    const spec = specById('ssc-shenzhen')!
    const runtime = await launch('features/id-photo/pages/index/index', { cloud, user: 'lisi', album: [face], albumRefusals: ['privacy', 'auth'] })
    try {
      await albumPhotoForShenzhenSsc(runtime)
      await runtime.waitForText('保存电子照', 60_000)

      runtime.tap('保存电子照')
      await runtime.waitForText('需要先同意隐私保护提示，才能把照片保存到相册')
      runtime.tap('重新保存')
      await runtime.waitForText('没有“保存到相册”的权限')
      expect(runtime.text()).toContain('去设置允许保存到相册')
      runtime.tap('去设置允许保存到相册')
      await runtime.settle()
      runtime.tap('重新保存')
      await runtime.settle()
      await new Promise((r) => setTimeout(r, 300))
      await runtime.settle()
      expect(runtime.toasts).toContain('已保存到相册')
      expect(runtime.album).toHaveLength(1)
      const photo = await jpegFacts(runtime.album[0])
      expect([photo.width, photo.height]).toEqual([spec.pixels.width, spec.pixels.height])
      expect([photo.exifDpi, photo.dpi]).toEqual([spec.dpi, spec.dpi])
      expect(photo.kb).toBeGreaterThanOrEqual(spec.fileKb.min!)
      expect(photo.kb).toBeLessThanOrEqual(spec.fileKb.max!)
      expect(runtime.calls.map((c) => c.api)).toEqual(expect.arrayContaining(['wx.downloadFile', 'wx.saveImageToPhotosAlbum', 'wx.openSetting']))

      runtime.tap('制作排版照（冲印用）')
      await runtime.waitForRoute('features/id-photo/pages/print/index')
      await runtime.waitForText('共 12 张', 30_000)
      runtime.tap('保存排版照')
      await runtime.settle()
      await new Promise((r) => setTimeout(r, 300))
      await runtime.settle()
      expect(runtime.album).toHaveLength(2)
      const sheet = await jpegFacts(runtime.album[1])
      expect([sheet.width, sheet.height, sheet.exifDpi]).toEqual([1200, 1800, 300])

      runtime.tap('一寸 + 二寸混排')
      await runtime.waitForText('二寸', 30_000)
      await runtime.waitForText(/二寸 \d+ 张，每张 35\.0×49\.0 毫米/, 30_000)
      expect(runtime.text()).toMatch(/一寸 \d+ 张，每张 25\.0×35\.0 毫米/)
      runtime.tap('保存排版照')
      await runtime.settle()
      await new Promise((r) => setTimeout(r, 300))
      await runtime.settle()
      expect(runtime.album).toHaveLength(3)
      const mixed = await jpegFacts(runtime.album[2])
      expect(mixed.exifDpi).toBe(300)
      expect(pxToMm(Math.min(mixed.width, mixed.height), mixed.exifDpi)).toBeCloseTo(101.6, 1)
      const shots = await WeappShots.open(weappRoot)
      await shots.shot(runtime, 'flow-print-sheet-mixed').finally(() => shots.close())
      expect(runtime.problems).toEqual([])
    } finally {
      runtime.dispose()
    }
  }, 180_000)
})

describe('an exam photo', () => {
  it('is made for 英语四六级 (light blue, 30–40 KB, named by the ID number) and saved to the album: 144×192, 111 DPI, inside its KB range', async () => {
    // face-4: its photos come out as small as face-3's (the 30 KB minimum needs padding); face-3's hair covers an ear.
    const face = path.resolve(__dirname, '..', 'fixtures', 'photos', 'face-4.jpg')
    const runtime = await launch('features/id-photo/pages/index/index', { cloud, user: 'lisi', album: [face] })
    try {
      await runtime.waitForText('第一步：选择证件类型')
      runtime.tap(/^英语四六级$/)
      await runtime.settle()
      expect(runtime.text()).toContain('144 × 192 像素')
      expect(runtime.text()).toContain('30–40 KB')
      expect(runtime.text()).toContain('用本人身份证号命名')
      if (runtime.text().includes('请先阅读并同意《隐私政策》')) {
        runtime.tap(/^同意$/)
        await runtime.waitForText('第三步：拍照或选择照片')
      }
      runtime.tap('从相册选择')
      await runtime.waitForRoute('features/id-photo/pages/preview/index')
      await runtime.waitForText('保存电子照', 60_000)
      expect(runtime.text()).toContain('照片已通过全部检测，可以保存电子照或打印排版照')
      runtime.tap('保存电子照')
      await runtime.settle()
      await new Promise((r) => setTimeout(r, 300))
      await runtime.settle()
      expect(runtime.toasts).toContain('已保存到相册')
      expect(runtime.album).toHaveLength(1)
      const photo = await jpegFacts(runtime.album[0])
      expect([photo.width, photo.height, photo.exifDpi, photo.dpi]).toEqual([144, 192, 111, 111])
      expect(photo.kb).toBeGreaterThanOrEqual(30)
      expect(photo.kb).toBeLessThanOrEqual(40)
      const top = await meanRgb(runtime.album[0], { left: 0, top: 0, width: 144, height: 3 })
      top.forEach((v, i) => expect(Math.abs(v - [200, 225, 245][i])).toBeLessThanOrEqual(3))
      const shots = await WeappShots.open(weappRoot)
      await shots.shot(runtime, 'flow-exam-cet-saved').finally(() => shots.close())
      expect(runtime.problems).toEqual([])
    } finally {
      runtime.dispose()
    }
  }, 120_000)
})

describe('常用办理人', () => {
  it('is added on its page with the guardian’s consent, listed, and removed', async () => {
    // 张三 has no profile yet in this cloud: agree to the privacy policy, as the consent gate would have him do.
    expect((await callFn(cloud.em, 'user', { action: 'consent', data: { version: PRIVACY_POLICY_VERSION } }, 'zhangsan')).body.ok).toBe(true)
    const runtime = await launch('features/family/pages/add/index', { cloud, user: 'zhangsan' })
    try {
      await runtime.waitForText('与您的关系')
      runtime.input(0, '李小满')
      runtime.input(1, '110105194912310038')
      runtime.input(2, '13900139000')
      runtime.tap('我已取得同意，并同意以上授权说明')
      await runtime.settle()
      runtime.tap(/^保存$/)
      await runtime.waitForRoute('features/family/pages/index/index')
      await runtime.waitForText('李小满')
      expect(runtime.text()).toContain('110105********0038')
      expect(runtime.text()).not.toContain('110105194912310038')
      runtime.tap(/^删除$/)
      await runtime.settle()
      runtime.tap(/^确认删除$/)
      await runtime.settle()
      await new Promise((r) => setTimeout(r, 300))
      await runtime.settle()
      await runtime.waitForText('还没有常用办理人')
      expect(runtime.text()).not.toContain('李小满')
      expect(runtime.problems).toEqual([])
    } finally {
      runtime.dispose()
    }
  })

  it('fills the applicant of a receipt order: the picker sends the profile, never its numbers', async () => {
    const { photoId, profileId } = await seededLisi()
    const runtime = await launch(`features/receipt/pages/index/index?specId=ssc-shenzhen&cityCode=440300&photoId=${photoId}`, { cloud, user: 'lisi' })
    try {
      // Type and city came with the photo: the applicant is next.
      await runtime.waitForRoute('features/receipt/pages/applicant/index')
      await runtime.waitForText('王小宝（子女）')
      runtime.tap('王小宝（子女）')
      await runtime.settle()
      expect(runtime.text()).toContain('身份证号和手机号已加密保存，提交时由系统自动填写')
      runtime.tap('我已阅读并同意')
      await runtime.settle()
      runtime.tap('下一步：确认订单')
      await runtime.waitForRoute('features/receipt/pages/confirm/index')
      await runtime.waitForText('应付金额')
      const before = runtime.calls.length
      runtime.tap(/^支付 /)
      await runtime.settle()
      await new Promise((r) => setTimeout(r, 500))
      await runtime.settle()
      const created = runtime.calls.slice(before).find((c) => c.api === 'wx.cloud.callFunction' && (c.options as { data: { action: string } }).data.action === 'create')
      const data = (created?.options as { data: { data: Record<string, unknown> } }).data.data
      expect(data.profileId).toBe(profileId)
      expect(data.applicant).toBeUndefined()
      expect(runtime.problems).toEqual([])
    } finally {
      runtime.dispose()
    }
  })
})
