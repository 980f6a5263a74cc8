import fs from 'node:fs'
import path from 'node:path'
import type { IPluginContext } from '@tarojs/service'
import type { Compiler } from 'webpack'

/**
 * Two guards on the mini-program build, so that what breaks on the phone breaks the build first.
 *
 * 1. No `process.env` survives in `dist/weapp`. Taro inlines `process.env.TARO_APP_*` only for variables the `.env.*`
 *    files declare; an undeclared one stays in the bundle and throws `ReferenceError: process is not defined` when its
 *    module loads, because WeChat's logic layer has no `process` (H5 hides it: webpack's browser build shims it).
 * 2. `dist/weapp/project.config.json` opens on its own. Taro copies the root `project.config.json` and sets only
 *    `miniprogramRoot: "./"`; the root's `cloudfunctionRoot` and `srcMiniprogramRoot` are relative to the repository, so
 *    they are rewritten relative to `dist/weapp`.
 *
 * Taro plugin API: https://docs.taro.zone/docs/plugin-custom (modifyWebpackChain, onBuildComplete).
 */
export const LEFTOVER_GLOBAL = /\bprocess\.env\b/

export class NoProcessEnvPlugin {
  apply(compiler: Compiler): void {
    compiler.hooks.thisCompilation.tap('huizhi-no-process-env', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'huizhi-no-process-env', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT },
        (assets) => {
          for (const [name, source] of Object.entries(assets)) {
            if (!name.endsWith('.js')) continue
            const text = source.source().toString()
            const at = text.search(LEFTOVER_GLOBAL)
            if (at < 0) continue
            const excerpt = text.slice(Math.max(0, at - 60), at + 80)
            compilation.errors.push(
              new compiler.webpack.WebpackError(
                `${name} reads process.env, which does not exist in WeChat's logic layer (declare every TARO_APP_* the code reads in .env.development and .env.production): …${excerpt}…`,
              ),
            )
          }
        },
      )
    })
  }
}

export default (ctx: IPluginContext): void => {
  if (process.env.TARO_ENV !== 'weapp') return
  ctx.modifyWebpackChain(({ chain }) => {
    chain.plugin('huizhi-no-process-env').use(NoProcessEnvPlugin)
  })
  ctx.onBuildComplete(() => {
    const file = path.join(ctx.paths.outputPath, 'project.config.json')
    if (!fs.existsSync(file)) return
    const config = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>
    const root = ctx.paths.appPath
    const rebase = (p: unknown): unknown => (typeof p === 'string' ? `${path.relative(ctx.paths.outputPath, path.join(root, p)).split(path.sep).join('/')}/` : p)
    config.miniprogramRoot = './'
    config.cloudfunctionRoot = rebase(config.cloudfunctionRoot)
    delete config.srcMiniprogramRoot
    fs.writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`)
  })
}
