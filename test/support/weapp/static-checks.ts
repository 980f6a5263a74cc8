import fs from 'node:fs'
import path from 'node:path'
import { Linter } from 'eslint'
import type { AppJson } from './runtime'

export { weappPackageSizes } from '../../../scripts/lib/package-size'

/**
 * Static checks of a built dist/weapp: what WeChat DevTools refuses at upload (package sizes, tabBar icons), what
 * fails when a page opens (a require or component that is not in the package), and free globals that do not exist in
 * WeChat's logic layer.
 */

export const MB = 1024 * 1024
/**
 * https://developers.weixin.qq.com/miniprogram/dev/framework/subpackages.html: 单个分包/主包大小不能超过 2M; the whole is
 * held to 20 MB, the stricter of the limits WeChat has published (20M, and for 服务商代开发 mini-programs still 20M).
 */
export const LIMITS = { package: 2 * MB, total: 20 * MB, tabIcon: 40 * 1024 }

/**
 * Globals of WeChat's logic layer (https://developers.weixin.qq.com/miniprogram/dev/reference/api/) plus the module
 * wrapper's parameters (require, module, exports).
 */
export const WECHAT_GLOBALS = ['wx', 'App', 'Page', 'Component', 'Behavior', 'getApp', 'getCurrentPages', 'requirePlugin', 'requireMiniProgram', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'console', 'require', 'module', 'exports', 'globalThis', 'WXWebAssembly']

/**
 * Names third-party code in the bundle reads only behind a feature test that ESLint cannot see. Each was read in the
 * bundle; anything else (`process` first of all) fails the check.
 */
export const GUARDED_GLOBALS: Record<string, string> = {
  window: "webpack's runtime: `if (\"object\" === typeof window) return window`, after globalThis",
  self: 'lodash: `"object" == typeof self && self && self.Object === Object && self`',
  performance: 'React scheduler and Taro: `"undefined" !== typeof performance && performance.now`',
  setImmediate: 'React scheduler: `"undefined" !== typeof setImmediate ? setImmediate : null`',
  MessageChannel: 'React scheduler: `else if ("undefined" !== typeof MessageChannel)`',
  SuppressedError: 'tslib: `"function" === typeof SuppressedError && SuppressedError`',
  __REACT_DEVTOOLS_GLOBAL_HOOK__: 'React DOM: `"undefined" === typeof __REACT_DEVTOOLS_GLOBAL_HOOK__`',
  tt: "Taro's runtime: only in its Douyin (tt) DOM branch, never taken on weapp",
  IntersectionObserver: "NutUI Progress: only with `lazy` on the WEB env; Huizhi's Progress is not lazy",
}

export function listFiles(root: string, ext?: string): string[] {
  const out: string[] = []
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (!ext || entry.name.endsWith(ext)) out.push(path.relative(root, full).split(path.sep).join('/'))
    }
  }
  walk(root)
  return out.sort()
}

export function readApp(root: string): AppJson {
  return JSON.parse(fs.readFileSync(path.join(root, 'app.json'), 'utf8')) as AppJson
}

export function packageOf(app: AppJson, file: string): string {
  return app.subPackages?.find((p) => file.startsWith(`${p.root}/`))?.root ?? ''
}

/** Every literal `require("…")` that does not resolve to a file of the main package or the requiring file's own package. */
export function brokenRequires(root: string): string[] {
  const app = readApp(root)
  const problems: string[] = []
  for (const file of listFiles(root, '.js')) {
    const source = fs.readFileSync(path.join(root, file), 'utf8')
    for (const match of source.matchAll(/\brequire\("([^"]+)"\)/g)) {
      let target = path.posix.normalize(path.posix.join(path.posix.dirname(file), match[1]))
      if (!target.endsWith('.js')) target += '.js'
      if (!fs.existsSync(path.join(root, target))) problems.push(`${file}: require("${match[1]}") → ${target} does not exist`)
      const pkg = packageOf(app, target)
      if (pkg && pkg !== packageOf(app, file)) problems.push(`${file}: require("${match[1]}") reaches into subpackage ${pkg}`)
    }
  }
  return problems
}

/** usingComponents entries without their component files, and WXML import/include/wxs sources that do not exist. */
export function brokenReferences(root: string): string[] {
  const problems: string[] = []
  for (const file of listFiles(root, '.json')) {
    if (file === 'app.json' || file === 'project.config.json' || file === 'sitemap.json') continue
    const json = JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as { usingComponents?: Record<string, string> }
    for (const [tag, ref] of Object.entries(json.usingComponents ?? {})) {
      const base = ref.startsWith('/') ? ref.slice(1) : path.posix.join(path.posix.dirname(file), ref)
      for (const ext of ['.js', '.json', '.wxml']) {
        if (!fs.existsSync(path.join(root, base + ext))) problems.push(`${file}: usingComponents.${tag} → ${base}${ext} does not exist`)
      }
    }
  }
  for (const file of listFiles(root, '.wxml')) {
    const source = fs.readFileSync(path.join(root, file), 'utf8')
    for (const match of source.matchAll(/<(?:import|include|wxs)[^>]*\bsrc="([^"]+)"/g)) {
      const target = match[1].startsWith('/') ? match[1].slice(1) : path.posix.join(path.posix.dirname(file), match[1])
      if (!fs.existsSync(path.join(root, target))) problems.push(`${file}: src="${match[1]}" → ${target} does not exist`)
    }
  }
  for (const page of [...readApp(root).pages, ...(readApp(root).subPackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))]) {
    for (const ext of ['.js', '.json', '.wxml']) if (!fs.existsSync(path.join(root, page + ext))) problems.push(`app.json page ${page}: ${page}${ext} does not exist`)
  }
  return problems
}

/** Free globals in every JS file (ESLint no-undef with WeChat's globals), as `name → files`. */
export function freeGlobals(root: string): Map<string, string[]> {
  const linter = new Linter()
  const globals = Object.fromEntries(WECHAT_GLOBALS.map((g) => [g, 'readonly' as const]))
  const found = new Map<string, string[]>()
  for (const file of listFiles(root, '.js')) {
    const messages = linter.verify(fs.readFileSync(path.join(root, file), 'utf8'), {
      parserOptions: { ecmaVersion: 2022, sourceType: 'script' },
      env: { es2022: true },
      globals,
      rules: { 'no-undef': 'error' },
    })
    for (const m of messages) {
      const name = /'([^']+)' is not defined/.exec(m.message)?.[1] ?? m.message
      const files = found.get(name) ?? []
      if (!files.includes(file)) files.push(file)
      found.set(name, files)
    }
  }
  return found
}
