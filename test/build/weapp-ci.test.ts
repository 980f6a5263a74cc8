import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { CiConfigError, planCi, type CiPlan } from '../../scripts/weapp-ci'
import { tempDir } from '../support/store'

/**
 * The miniprogram-ci upload/preview script, checked offline: the exact options it would hand to miniprogram-ci,
 * and the refusals before any upload starts.
 */
describe('weapp upload and preview (scripts/weapp-ci.ts)', () => {
  const APPID = 'wx0123456789abcdef'
  let root: string
  let cleanup: () => void

  beforeEach(() => {
    const t = tempDir()
    root = t.dir
    cleanup = t.cleanup
    mkdirSync(path.join(root, 'dist', 'weapp'), { recursive: true })
    writeFileSync(path.join(root, 'dist', 'weapp', 'app.json'), '{"pages":["pages/home/index"]}')
    writeFileSync(path.join(root, 'dist', 'weapp', 'project.config.json'), `{"appid":"touristappid","compileType":"miniprogram"}`)
    writeFileSync(path.join(root, 'package.json'), '{"version":"1.4.2"}')
    writeFileSync(path.join(root, 'private.key'), '-----BEGIN RSA PRIVATE KEY-----\nx\n-----END RSA PRIVATE KEY-----\n')
  })
  afterEach(() => cleanup())

  const env = { WX_APPID: APPID, WX_CI_PRIVATE_KEY_PATH: 'private.key' }
  const refusal = (argv: string[], e: Record<string, string | undefined>) => {
    try {
      planCi(argv, e, root)
    } catch (error) {
      expect(error).toBeInstanceOf(CiConfigError)
      return (error as Error).message
    }
    throw new Error('not refused')
  }

  /** Option names in miniprogram-ci 2.1.42's typings: project/ciProject.d.ts, ci/upload.d.ts, ci/preview.d.ts. */
  const PROJECT_OPTIONS = ['projectPath', 'type', 'appid', 'privateKey', 'privateKeyPath', 'ignores', 'targetPlatform', 'compileDefines', 'packOptions']
  const UPLOAD_OPTIONS = ['project', 'version', 'setting', 'desc', 'robot', 'threads', 'useCOS', 'onProgressUpdate']
  const PREVIEW_OPTIONS = [...UPLOAD_OPTIONS, 'test', 'bigPackageSizeSupport', 'qrcodeFormat', 'qrcodeOutputDest', 'pagePath', 'searchQuery', 'scene']

  it('uploads dist/weapp as the mini-program of WX_APPID with the upload key, the version and a description', () => {
    const plan = planCi(['upload', '--version', '1.5.0', '--desc', '回执 1.5.0: 社保卡挂失'], env, root)
    expect(plan).toEqual<CiPlan>({
      action: 'upload',
      project: { appid: APPID, type: 'miniProgram', projectPath: path.join(root, 'dist', 'weapp'), privateKeyPath: path.join(root, 'private.key'), ignores: ['node_modules/**/*', '**/*.map'] },
      options: { version: '1.5.0', desc: '回执 1.5.0: 社保卡挂失', robot: 1, setting: { useProjectConfig: true } },
    })
    for (const key of Object.keys(plan.project)) expect(PROJECT_OPTIONS).toContain(key)
    for (const key of Object.keys(plan.options)) expect(UPLOAD_OPTIONS).toContain(key)
  })

  it('previews with a QR code image, optionally opening a page, and takes the version from package.json', () => {
    const plan = planCi(['preview', '--page', 'features/receipt/pages/detail/index', '--query', 'orderId=od_1', '--robot', '2'], { WX_APPID: APPID, WX_CI_PRIVATE_KEY: '-----BEGIN PRIVATE KEY-----\nx\n-----END PRIVATE KEY-----' }, root)
    expect(plan.project.privateKey).toContain('PRIVATE KEY')
    expect(plan.project.privateKeyPath).toBeUndefined()
    expect(plan.options).toEqual({
      version: '1.4.2',
      desc: '回执 1.4.2',
      robot: 2,
      setting: { useProjectConfig: true },
      qrcodeFormat: 'image',
      qrcodeOutputDest: path.join(root, 'dist', 'preview-qrcode.jpg'),
      pagePath: 'features/receipt/pages/detail/index',
      searchQuery: 'orderId=od_1',
    })
    for (const key of Object.keys(plan.options)) expect(PREVIEW_OPTIONS).toContain(key)
  })

  it('refuses to run without an AppID, with the tourist AppID, or without an upload key', () => {
    expect(refusal(['upload'], { WX_CI_PRIVATE_KEY_PATH: 'private.key' })).toMatch(/WX_APPID is not set/)
    expect(refusal(['upload'], { ...env, WX_APPID: 'touristappid' })).toMatch(/not an AppID.*touristappid cannot upload/)
    expect(refusal(['upload'], { WX_APPID: APPID })).toMatch(/WX_CI_PRIVATE_KEY_PATH \(or WX_CI_PRIVATE_KEY\) is not set/)
    expect(refusal(['upload'], { ...env, WX_CI_PRIVATE_KEY_PATH: 'missing.key' })).toMatch(/no file at missing\.key/)
    expect(refusal(['upload'], { WX_APPID: APPID, WX_CI_PRIVATE_KEY: 'hunter2' })).toMatch(/not look like a PEM private key/)
  })

  it('refuses before the mini-program is built, and on a bad command, version or robot', () => {
    expect(refusal(['deploy'], env)).toMatch(/usage: weapp-ci\.ts upload\|preview/)
    expect(refusal(['upload', '--version', 'v2'], env)).toMatch(/use x\.y\.z/)
    expect(refusal(['upload', '--robot', '31'], env)).toMatch(/--robot must be 1–30/)
    expect(refusal(['upload', '--desc'], env)).toMatch(/--desc needs a value/)
    cleanup()
    const t = tempDir()
    root = t.dir
    cleanup = t.cleanup
    writeFileSync(path.join(root, 'private.key'), 'x')
    expect(refusal(['upload'], env)).toMatch(/dist\/weapp\/app\.json is missing: run npm run build:weapp first/)
  })
})
