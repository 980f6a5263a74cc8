import fs from 'node:fs'
import path from 'node:path'
import webpack from 'webpack'
import { NoProcessEnvPlugin } from '../../config/weapp-output'
import { tempDir } from '../support/store'

/**
 * The weapp build's guard (config/weapp-output.ts): a bundle that still reads process.env fails the compilation,
 * because WeChat's logic layer has no `process` and the module would throw when it loads.
 */
async function compile(source: string): Promise<string[]> {
  const t = tempDir('huizhi-guard-')
  try {
    fs.writeFileSync(path.join(t.dir, 'entry.js'), source)
    const compiler = webpack({
      mode: 'production',
      context: t.dir,
      entry: './entry.js',
      output: { path: path.join(t.dir, 'out'), filename: 'page.js' },
      target: 'web',
      optimization: { minimize: false },
      node: false,
      plugins: [new NoProcessEnvPlugin()],
    })
    const stats = await new Promise<webpack.Stats>((resolve, reject) => compiler.run((error, result) => (error || !result ? reject(error) : resolve(result))))
    await new Promise((resolve) => compiler.close(resolve))
    return stats.compilation.errors.map((e) => e.message)
  } finally {
    t.cleanup()
  }
}

it('fails a weapp bundle that still reads process.env', async () => {
  const errors = await compile('module.exports = process.env.TARO_APP_TEMPLATE_LOSS_RESULT || ""\n')
  expect(errors).toEqual([expect.stringContaining('page.js reads process.env, which does not exist in WeChat')])
})

it('passes a bundle whose variables were inlined', async () => {
  expect(await compile('module.exports = "" || "local"\n')).toEqual([])
})

it('declares in both .env files every TARO_APP_* variable the app reads', () => {
  const root = path.resolve(__dirname, '..', '..')
  const read = new Set<string>()
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (/\.(ts|tsx)$/.test(entry.name)) for (const m of fs.readFileSync(full, 'utf8').matchAll(/process\.env\.(TARO_APP_[A-Z0-9_]+)/g)) read.add(m[1])
    }
  }
  walk(path.join(root, 'src'))
  expect(read.size).toBeGreaterThan(0)
  for (const file of ['.env.development', '.env.production']) {
    const declared = new Set([...fs.readFileSync(path.join(root, file), 'utf8').matchAll(/^(TARO_APP_[A-Z0-9_]+)=/gm)].map((m) => m[1]))
    expect({ file, missing: [...read].filter((name) => !declared.has(name)) }).toEqual({ file, missing: [] })
  }
})
