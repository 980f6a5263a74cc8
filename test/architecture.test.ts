import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { FUNCTIONS, SYSTEM_FUNCTIONS } from '../emulator/functions'

/** The layering rules of docs/architecture.md, checked on every run. */
const root = path.resolve(__dirname, '..')

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) return filesUnder(full)
    return /\.(ts|tsx)$/.test(name) ? [full] : []
  })
}

const rel = (file: string) => path.relative(root, file)
const src = filesUnder(path.join(root, 'src'))
const inPlatform = (file: string) => rel(file).startsWith('src/platform/')

describe('architecture', () => {
  it('keeps src/domain pure: no react, no @tarojs, no wx-server-sdk, no node built-ins', () => {
    const offenders = filesUnder(path.join(root, 'src/domain')).filter((file) =>
      /from ['"](react|react-dom|@tarojs\/[^'"]+|wx-server-sdk|node:[^'"]+|fs|path)['"]/.test(readFileSync(file, 'utf8')),
    )
    expect(offenders.map(rel)).toEqual([])
  })

  it('lets only src/platform import @tarojs/taro or call Taro.* and wx.*', () => {
    const offenders = src.filter((file) => {
      if (inPlatform(file)) return false
      const text = readFileSync(file, 'utf8')
      return /from ['"]@tarojs\/taro['"]/.test(text) || /\b(Taro|wx)\.[a-zA-Z]+\(/.test(text)
    })
    expect(offenders.map(rel)).toEqual([])
  })

  it('reads TARO_ENV only in src/platform', () => {
    const offenders = src.filter((file) => !inPlatform(file) && readFileSync(file, 'utf8').includes('TARO_ENV'))
    expect(offenders.map(rel)).toEqual([])
  })

  it('gives every multi-end platform file a neutral default', () => {
    const platform = readdirSync(path.join(root, 'src/platform'))
    const ported = new Set(platform.filter((f) => /\.(weapp|h5)\.ts$/.test(f)).map((f) => f.replace(/\.(weapp|h5)\.ts$/, '')))
    for (const port of ported) {
      expect(platform).toEqual(expect.arrayContaining([`${port}.ts`, `${port}.weapp.ts`, `${port}.h5.ts`]))
    }
  })

  it('never lets shared components or hooks import a feature', () => {
    const shared = [...filesUnder(path.join(root, 'src/components')), ...filesUnder(path.join(root, 'src/hooks'))]
    const offenders = shared.filter((file) => /from ['"](@\/features|@\/pages|\.\.\/\.\.\/features)/.test(readFileSync(file, 'utf8')))
    expect(offenders.map(rel)).toEqual([])
  })

  it('keeps cloud-function entries thin and deployable: index.ts, config.json, package.json with wx-server-sdk', () => {
    const names = readdirSync(path.join(root, 'cloudfunctions')).filter((n) => !n.startsWith('_') && statSync(path.join(root, 'cloudfunctions', n)).isDirectory())
    expect(names.length).toBeGreaterThan(0)
    for (const name of names) {
      const dir = path.join(root, 'cloudfunctions', name)
      const entry = readFileSync(path.join(dir, 'index.ts'), 'utf8')
      expect(entry.split('\n').filter((l) => l.trim()).length).toBeLessThanOrEqual(8)
      expect(entry).toMatch(/create(System)?Main\(/)
      expect(existsSync(path.join(dir, 'config.json'))).toBe(true)
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'))
      expect(pkg.dependencies).toHaveProperty('wx-server-sdk')
    }
    expect([...Object.keys(FUNCTIONS), ...Object.keys(SYSTEM_FUNCTIONS)].sort()).toEqual(names.sort())
  })

  it('never lets a cloud function import another function’s folder (shared code lives in _shared)', () => {
    const names = readdirSync(path.join(root, 'cloudfunctions')).filter((n) => !n.startsWith('_') && statSync(path.join(root, 'cloudfunctions', n)).isDirectory())
    const offenders = filesUnder(path.join(root, 'cloudfunctions')).flatMap((file) => {
      const own = rel(file).split('/')[1]
      return [...readFileSync(file, 'utf8').matchAll(/from ['"]([^'"]+)['"]/g)]
        .map((m) => path.relative(path.join(root, 'cloudfunctions'), path.resolve(path.dirname(file), m[1])).split(path.sep)[0])
        .filter((target) => names.includes(target) && target !== own)
        .map((target) => `${rel(file)} → ${target}`)
    })
    expect(offenders).toEqual([])
  })

  it('keeps notice rules in the domain: cloudfunctions/_shared/notify only stores and delivers what the case kinds owe', () => {
    const notify = filesUnder(path.join(root, 'cloudfunctions/_shared/notify'))
    const rules = notify.filter((file) => /from ['"][^'"]*(\.notices|\.kind|case\/move)['"]|renderMessage/.test(readFileSync(file, 'utf8')))
    expect(rules.map(rel)).toEqual([])
  })

  it('has no bare-number states or catch-as-success in functions', () => {
    const offenders = filesUnder(path.join(root, 'cloudfunctions')).filter((file) => /catch\s*\(\w+\)\s*\{\s*return\s+\w+\s*\}/.test(readFileSync(file, 'utf8')))
    expect(offenders.map(rel)).toEqual([])
  })
})
