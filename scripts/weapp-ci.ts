import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

/**
 * Uploads or previews the built mini-program (dist/weapp) with WeChat's miniprogram-ci, the same way DevTools'
 * 上传 / 预览 would, from a terminal or CI:
 *
 *   WX_APPID=wx… WX_CI_PRIVATE_KEY_PATH=./private.wx….key npx tsx scripts/weapp-ci.ts upload --version 1.2.0 --desc "…"
 *   WX_APPID=wx… WX_CI_PRIVATE_KEY_PATH=./private.wx….key npx tsx scripts/weapp-ci.ts preview [--page pages/home/index]
 *
 * The key is the 代码上传密钥 (mini-program admin → 开发管理 → 开发设置 → 小程序代码上传), and that page's IP
 * whitelist must include the machine that uploads. miniprogram-ci is not a dev dependency (275 MB, about 700
 * packages and an install script); this script loads it when it runs. Every option it passes is built by
 * `planCi`, which the tests check offline.
 * https://developers.weixin.qq.com/miniprogram/dev/devtools/ci.html
 */

/** The miniprogram-ci version the options below are written against (dist/@types/project/ciProject.d.ts, ci/upload.d.ts). */
export const MINIPROGRAM_CI_VERSION = '2.1.42'

export class CiConfigError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CiConfigError'
  }
}

export interface CiPlan {
  action: 'upload' | 'preview'
  /** `new ci.Project(...)` */
  project: { appid: string; type: 'miniProgram'; projectPath: string; privateKey?: string; privateKeyPath?: string; ignores: string[] }
  /** `ci.upload(...)` / `ci.preview(...)`, without `project` */
  options: {
    version: string
    desc: string
    robot: number
    /** Taro has compiled, minified and polyfilled already: the project's own settings (dist/weapp/project.config.json) say so. */
    setting: { useProjectConfig: true }
    qrcodeFormat?: 'image'
    qrcodeOutputDest?: string
    pagePath?: string
    searchQuery?: string
  }
}

const APPID = /^wx[0-9a-f]{16}$/

function flag(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`)
  if (i === -1) return undefined
  const value = argv[i + 1]
  if (value === undefined || value.startsWith('--')) throw new CiConfigError(`--${name} needs a value`)
  return value
}

/**
 * The exact options for miniprogram-ci, from the command line and the environment; refuses, naming what is
 * missing, rather than start an upload that WeChat would reject (or that would upload the wrong thing).
 */
export function planCi(argv: readonly string[], env: Readonly<Record<string, string | undefined>>, root: string): CiPlan {
  const action = argv[0]
  if (action !== 'upload' && action !== 'preview') throw new CiConfigError('usage: weapp-ci.ts upload|preview [--version x.y.z] [--desc text] [--robot 1-30] [--page path] [--query a=b]')
  const appid = env.WX_APPID ?? ''
  if (!appid) throw new CiConfigError('WX_APPID is not set: the mini-program AppID (mp.weixin.qq.com → 开发管理 → 开发设置)')
  if (!APPID.test(appid)) throw new CiConfigError(`WX_APPID "${appid}" is not an AppID (wx + 16 hex digits); touristappid cannot upload`)
  const keyPath = env.WX_CI_PRIVATE_KEY_PATH
  const key = env.WX_CI_PRIVATE_KEY
  if (!keyPath && !key) throw new CiConfigError('WX_CI_PRIVATE_KEY_PATH (or WX_CI_PRIVATE_KEY) is not set: the 代码上传密钥 from 开发管理 → 开发设置 → 小程序代码上传')
  if (keyPath && !existsSync(path.resolve(root, keyPath))) throw new CiConfigError(`WX_CI_PRIVATE_KEY_PATH: no file at ${keyPath}`)
  if (key && !key.includes('PRIVATE KEY')) throw new CiConfigError('WX_CI_PRIVATE_KEY does not look like a PEM private key')
  const projectPath = path.join(root, 'dist', 'weapp')
  for (const file of ['app.json', 'project.config.json']) {
    if (!existsSync(path.join(projectPath, file))) throw new CiConfigError(`dist/weapp/${file} is missing: run npm run build:weapp first`)
  }
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }
  const version = flag(argv, 'version') ?? pkg.version
  if (!/^\d+\.\d+\.\d+$/.test(version)) throw new CiConfigError(`--version ${version}: use x.y.z`)
  const robot = Number(flag(argv, 'robot') ?? '1')
  if (!Number.isInteger(robot) || robot < 1 || robot > 30) throw new CiConfigError('--robot must be 1–30 (the CI robot shown as the uploader)')
  const page = flag(argv, 'page')
  const query = flag(argv, 'query')
  return {
    action,
    project: { appid, type: 'miniProgram', projectPath, ...(keyPath ? { privateKeyPath: path.resolve(root, keyPath) } : { privateKey: key }), ignores: ['node_modules/**/*', '**/*.map'] },
    options: {
      version,
      desc: flag(argv, 'desc') ?? `回执 ${version}`,
      robot,
      setting: { useProjectConfig: true },
      ...(action === 'preview' ? { qrcodeFormat: 'image' as const, qrcodeOutputDest: path.join(root, 'dist', 'preview-qrcode.jpg'), ...(page ? { pagePath: page } : {}), ...(query ? { searchQuery: query } : {}) } : {}),
    },
  }
}

interface MiniprogramCi {
  Project: new (options: CiPlan['project']) => unknown
  upload(options: CiPlan['options'] & { project: unknown; onProgressUpdate?: (task: unknown) => void }): Promise<unknown>
  preview(options: CiPlan['options'] & { project: unknown; onProgressUpdate?: (task: unknown) => void }): Promise<unknown>
}

function loadCi(): MiniprogramCi {
  try {
    return require('miniprogram-ci') as MiniprogramCi
  } catch {
    throw new CiConfigError(`miniprogram-ci is not installed: npm install --no-save miniprogram-ci@${MINIPROGRAM_CI_VERSION}`)
  }
}

async function main(): Promise<void> {
  const plan = planCi(process.argv.slice(2), process.env, path.resolve(__dirname, '..'))
  const ci = loadCi()
  const project = new ci.Project(plan.project)
  console.log(`${plan.action} ${plan.project.appid} ${plan.options.version} from dist/weapp (robot ${plan.options.robot})`)
  const result = await ci[plan.action]({ project, ...plan.options, onProgressUpdate: () => undefined })
  console.log(JSON.stringify(result, null, 2))
  if (plan.action === 'preview') console.log(`QR code: ${path.relative(process.cwd(), plan.options.qrcodeOutputDest!)}`)
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof CiConfigError ? `weapp-ci: ${error.message}` : error)
    process.exit(1)
  })
}
