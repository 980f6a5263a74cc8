import fs from 'node:fs'
import path from 'node:path'
import { requireWeappBuild, weappRoot } from '../support/weapp/launch'
import { brokenReferences, brokenRequires, freeGlobals, GUARDED_GLOBALS, LIMITS, readApp, weappPackageSizes } from '../support/weapp/static-checks'

/** dist/weapp as WeChat DevTools would take it for upload. */
requireWeappBuild()

describe('dist/weapp', () => {
  it('keeps every package within 2 MB and the whole within 20 MB', () => {
    const sizes = weappPackageSizes(weappRoot)
    for (const p of sizes) expect({ package: p.name, over: p.bytes > LIMITS.package }).toEqual({ package: p.name, over: false })
    expect(sizes.reduce((a, p) => a + p.bytes, 0)).toBeLessThanOrEqual(LIMITS.total)
  })

  it('resolves every require inside the main package or its own subpackage', () => {
    expect(brokenRequires(weappRoot)).toEqual([])
  })

  it('has every page, component, template import and WXS module it refers to', () => {
    expect(brokenReferences(weappRoot)).toEqual([])
  })

  it('reads no global that WeChat’s logic layer lacks, beyond the feature-tested ones', () => {
    const free = freeGlobals(weappRoot)
    const unexpected = [...free].filter(([name]) => !(name in GUARDED_GLOBALS)).map(([name, files]) => `${name} in ${files.join(', ')}`)
    expect(unexpected).toEqual([])
    expect(free.has('process')).toBe(false)
  })

  it('has tabBar icons of at most 40 KB', () => {
    const icons = (readApp(weappRoot).tabBar?.list ?? []).flatMap((t) => [t.iconPath, t.selectedIconPath])
    expect(icons.length).toBeGreaterThan(0)
    for (const icon of icons) expect({ icon, bytes: fs.statSync(path.join(weappRoot, icon)).size <= LIMITS.tabIcon }).toEqual({ icon, bytes: true })
  })

  it('has a project.config.json that opens dist/weapp on its own', () => {
    const config = JSON.parse(fs.readFileSync(path.join(weappRoot, 'project.config.json'), 'utf8')) as Record<string, unknown>
    expect(config.miniprogramRoot).toBe('./')
    expect(config.cloudfunctionRoot).toBe('../cloudfunctions/')
    expect(config).not.toHaveProperty('srcMiniprogramRoot')
    expect(fs.existsSync(path.join(weappRoot, String(config.miniprogramRoot), 'app.json'))).toBe(true)
  })
})
