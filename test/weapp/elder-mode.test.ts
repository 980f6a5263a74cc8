import fs from 'node:fs'
import path from 'node:path'
import { callFn } from '../support/emulator'
import { createUser } from '../support/e2e'
import { launch, requireWeappBuild, startCloud, weappRoot, type WeappEnv } from '../support/weapp/launch'
import { WeappRuntime } from '../support/weapp/runtime'
import { WeappShots } from '../support/weapp/screenshot'
import { seedCases, type Seeded } from '../support/weapp/seed'

/**
 * 长辈模式 on the mini-program (issue #22): the switch on the home page, remembered in the user's profile and in the
 * phone's storage, and every page rendered with the larger scale (its root carries `hz-elder`, which app.wxss turns
 * into larger text and targets).
 */
requireWeappBuild()

let cloud: WeappEnv
let shots: WeappShots
beforeAll(async () => {
  cloud = await startCloud()
  shots = await WeappShots.open(weappRoot)
}, 60_000)
afterAll(async () => {
  await shots?.close()
  await cloud?.close()
})

const elder = (runtime: WeappRuntime) => /class="[^"]*\bhz-elder\b/.test(runtime.current.host.innerHTML)
async function waitForElder(runtime: WeappRuntime, expected: boolean, timeoutMs = 10_000): Promise<void> {
  const start = Date.now()
  while (Date.now() - start < timeoutMs) {
    if (elder(runtime) === expected) return
    await new Promise((r) => setTimeout(r, 25))
  }
  throw new Error(`${runtime.current.route} never rendered ${expected ? 'with' : 'without'} hz-elder`)
}
const largeTextOf = async (user: string) => ((await callFn(cloud.em, 'user', { action: 'get' }, user)).body.data as { largeText: boolean }).largeText

describe('长辈模式', () => {
  it('styles every page from one class: larger text through --hz-text and larger targets through --hz-target', () => {
    // app.wxss imports the app's own styles (app-origin.wxss) and the shared chunk NutUI's styles land in (common.wxss).
    const wxss = ['app-origin.wxss', 'common.wxss'].map((f) => fs.readFileSync(path.join(weappRoot, f), 'utf8')).join('\n')
    expect(wxss).toMatch(/\.hz-elder\{--hz-text:1\.3;--hz-target:52PX\}/)
    expect(wxss).toMatch(/font-size:calc\([^;}]*\*\s?var\(--hz-text, ?1\)\)/)
    expect(wxss).toMatch(/\.nut-button\{[^}]*min-height:var\(--hz-target\)/)
  })

  it('is switched on from the home page and saved to the user profile', async () => {
    const user = await createUser(cloud.em.url, '王阿姨')
    const runtime = await launch('pages/home/index', { cloud, user })
    try {
      await runtime.waitForText('长辈模式')
      expect(runtime.text()).toContain('已关闭')
      expect(elder(runtime)).toBe(false)
      runtime.tap('长辈模式')
      await runtime.settle()
      await waitForElder(runtime, true)
      await runtime.waitForText('已开启')
      expect(await largeTextOf(user)).toBe(true)
      await shots.shot(runtime, 'elder-home')
      runtime.tap('长辈模式')
      await runtime.settle()
      await waitForElder(runtime, false)
      expect(await largeTextOf(user)).toBe(false)
      expect(runtime.problems).toEqual([])
    } finally {
      runtime.dispose()
    }
  })

  describe('for a user who turned it on', () => {
    let user = ''
    let seeded: Seeded
    beforeAll(async () => {
      user = await createUser(cloud.em.url, '李叔叔')
      seeded = await seedCases(cloud.em, user)
      const reply = await callFn(cloud.em, 'user', { action: 'updateProfile', data: { nickname: '李叔叔', largeText: true } }, user)
      expect(reply.body.ok).toBe(true)
    }, 60_000)

    const pages = () => [
      'pages/home/index',
      'pages/orders/index',
      'pages/messages/index',
      'features/receipt/pages/index/index',
      `features/receipt/pages/detail/index?orderId=${seeded.orderId}`,
      'features/id-photo/pages/index/index',
      `features/card-loss/pages/detail/index?caseId=${seeded.lossCaseId}`,
      `features/cancellation/pages/detail/index?applicationId=${seeded.applicationId}`,
      'features/privacy/pages/data/index',
    ]

    it('follows them to a new phone: every page renders large once the profile has loaded', async () => {
      for (const entry of pages()) {
        const runtime = await launch(entry, { cloud, user })
        try {
          await waitForElder(runtime, true)
          if (entry.startsWith('features/receipt/pages/detail')) await shots.shot(runtime, 'elder-receipt-detail')
          expect(runtime.problems).toEqual([])
        } finally {
          runtime.dispose()
        }
      }
    })

    it('lays every page out on a 320 px phone in both looks: nothing past the edge, clipped, squeezed, overlapping or under 4.5:1', async () => {
      const report: Record<string, string[]> = {}
      for (const look of ['elder', 'normal'] as const) {
        const reply = await callFn(cloud.em, 'user', { action: 'updateProfile', data: { nickname: '李叔叔', largeText: look === 'elder' } }, user)
        expect(reply.body.ok).toBe(true)
        for (const entry of pages()) {
          const runtime = await launch(entry, { cloud, user })
          try {
            await waitForElder(runtime, look === 'elder')
            await runtime.settle()
            const name = `320-${entry.split('?')[0].replace(/\/index$/, '').replace(/\//g, '-')}-${look}`
            const findings = await shots.audit(runtime, 320, name)
            if (findings.length) report[`${look} ${entry.split('?')[0]}`] = findings.map((f) => `${f.kind}: ${f.where} — ${f.detail}`)
          } finally {
            runtime.dispose()
          }
        }
      }
      expect(report).toEqual({})
      // Leave the user as the other tests expect them: 长辈模式 on.
      await callFn(cloud.em, 'user', { action: 'updateProfile', data: { nickname: '李叔叔', largeText: true } }, user)
    }, 240_000)

    it('applies from the phone’s storage at launch, before (and without) the network', async () => {
      const runtime = new WeappRuntime({ root: weappRoot, emulator: { url: cloud.em.url, user }, storage: { 'huizhi.largeText': '1' } })
      runtime.offline = true
      try {
        await runtime.start('pages/orders/index')
        await runtime.settle()
        expect(elder(runtime)).toBe(true)
      } finally {
        runtime.dispose()
      }
    })
  })
})
