import { readFileSync, readdirSync } from 'node:fs'
import Module from 'node:module'
import path from 'node:path'
import { LIMITS, weappPackageSizes } from '../../scripts/lib/package-size'

/** Checks the built artefacts that WeChat DevTools opens and uploads (npm test builds them first). */
const root = path.resolve(__dirname, '../..')
const weapp = path.join(root, 'dist', 'weapp')

describe('weapp build', () => {
  const app = JSON.parse(readFileSync(path.join(weapp, 'app.json'), 'utf8'))

  it('lists the tabBar pages in the main package and one subpackage per feature', () => {
    expect(app.pages).toEqual(['pages/home/index', 'pages/orders/index', 'pages/messages/index'])
    expect(app.subPackages.map((s: { root: string }) => s.root)).toEqual([
      'features/id-photo',
      'features/receipt',
      'features/cancellation',
      'features/card-loss',
      'features/ops',
      'features/privacy',
      'features/family',
    ])
    expect(app.tabBar.list.map((t: { text: string }) => t.text)).toEqual(['首页', '我的办理', '消息'])
  })

  it('keeps the main package within 700 KB and every subpackage within 2 MB', () => {
    const [main, ...subs] = weappPackageSizes(weapp)
    expect(main.bytes).toBeLessThanOrEqual(LIMITS.mainBytes)
    for (const sub of subs) expect(sub.bytes).toBeLessThanOrEqual(LIMITS.subpackageBytes)
  })

  it('is what project.config.json points WeChat DevTools at', () => {
    const project = JSON.parse(readFileSync(path.join(root, 'project.config.json'), 'utf8'))
    expect(project.miniprogramRoot).toBe('dist/weapp/')
    expect(project.cloudfunctionRoot).toBe('dist/cloudfunctions/')
    expect(readdirSync(weapp)).toEqual(expect.arrayContaining(['app.js', 'app.json', 'sitemap.json']))
  })
})

describe('cloud-function bundles', () => {
  const out = path.join(root, 'dist', 'cloudfunctions')
  const names = readdirSync(out)

  it('ships each function as index.js + package.json + config.json', () => {
    expect(names).toEqual(expect.arrayContaining(['photo', 'user']))
    for (const name of names) expect(readdirSync(path.join(out, name))).toEqual(expect.arrayContaining(['config.json', 'index.js', 'package.json']))
    expect(readdirSync(path.join(out, 'photo', 'models')).sort()).toEqual(['selfie.bin', 'selfie.json'])
  })

  it('ships none of the eval’s reference matte (RVM, GPL-3.0, dev machine only: decision 019) in any function', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    expect(files(out).filter((file) => /rvm/i.test(path.basename(file)))).toEqual([])
    for (const name of names) expect(readFileSync(path.join(out, name, 'index.js'), 'utf8')).not.toMatch(/rvm\.(json|bin)|referenceMatte/)
  })

  it('requires nothing but Node built-ins and the dependencies its own package.json declares', () => {
    for (const name of names) {
      const code = readFileSync(path.join(out, name, 'index.js'), 'utf8')
      const declared = Object.keys(JSON.parse(readFileSync(path.join(out, name, 'package.json'), 'utf8')).dependencies)
      expect(declared).toContain('wx-server-sdk')
      const required = [...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])
      const foreign = required.filter((r) => !Module.isBuiltin(r) && !declared.some((d) => r === d || r.startsWith(`${d}/`)))
      expect(foreign).toEqual([])
    }
  })

  it('keeps every bundle but photo under 300 KB', () => {
    for (const name of names.filter((n) => n !== 'photo')) {
      expect(readFileSync(path.join(out, name, 'index.js')).length).toBeLessThan(300 * 1024)
    }
  })
})
