import fs from 'node:fs'
import path from 'node:path'
import vm from 'node:vm'

/**
 * The render layer: WXML compiled by WeChat's own compiler (`wcc` from `miniprogram-compiler`), rendered by the
 * official `miniprogram-exparser` through `j-component`, on the jsdom of the jest environment. Runs in the test's realm
 * (the view thread of WeChat is a webview, which has `window`); the logic layer lives in its own `vm` realm.
 */
const compiler = require('miniprogram-compiler') as { wxmlToJs(root: string, options?: object): string; wxssToJs(root: string, options?: object): string }
const jComponent = require('j-component') as JComponentModule
const exparser = require('miniprogram-exparser') as Exparser

export interface JComponentModule {
  register(definition: Record<string, unknown>): string
  create(id: string, properties?: Record<string, unknown>): RootComponent
}

export interface RootComponent {
  dom: HTMLElement
  instance: { data: Record<string, unknown> }
  setData(data: Record<string, unknown>, callback?: () => void): void
  attach(parent: Element): void
  detach(): void
  _exparserNode: ExparserNode
}

export interface ExparserNode {
  childNodes: ExparserNode[]
  shadowRoot?: ExparserNode
  textContent?: string
  is?: string
  id?: string
  dataset?: Record<string, unknown>
  tagName?: string
  $$?: HTMLElement
  __virtual?: boolean
}

interface Exparser {
  Event: { create(name: string, detail: object, options: object): unknown; dispatchEvent(node: ExparserNode, event: unknown): void }
  Component: new () => ExparserNode
  TextNode: new () => ExparserNode
  Element: new () => ExparserNode
}

export { exparser }

export interface Compiled {
  /** `$gwx(path)`: the generate function of one WXML file */
  gwx: (file: string) => ((data: object) => unknown) | undefined
  /** messages WeChat's template runtime printed while rendering (for example "Template `tmpl_0_div` not found") */
  messages: string[]
}

/** Compiles every WXML and WXS file of a weapp output with wcc, as DevTools does before upload. */
export function compileWxml(root: string): Compiled {
  const source = compiler.wxmlToJs(root, { maxBuffer: 256 * 1024 * 1024 })
  const messages: string[] = []
  const record = (...args: unknown[]) => messages.push(args.map(String).join(' '))
  const sandbox: Record<string, unknown> = { console: { log: record, warn: record, error: record, info: record, debug: record } }
  sandbox.window = sandbox
  const context = vm.createContext(sandbox)
  const raw = vm.runInContext(`(function(){${source}\n})()`, context, { filename: 'wcc-output.js' }) as Compiled['gwx']
  // The webview receives setData payloads as JSON and parses them in its own realm; wcc's runtime relies on that
  // (it copies data into WXS calls only when `value.constructor === Object` of its realm).
  const parse = vm.runInContext('JSON.parse', context) as (text: string) => object
  const gwx: Compiled['gwx'] = (file) => {
    const generate = raw(file)
    if (typeof generate !== 'function') return undefined
    return (data: object) => generate(parse(JSON.stringify(data)))
  }
  return { gwx, messages }
}

/** Compiles every WXSS file with WeChat's `wcsc` into CSS per file (rpx resolved for a 375 px wide screen). */
export function compileWxss(root: string, files: string[]): Map<string, string> {
  const source = compiler.wxssToJs(root, { wxssList: files, maxBuffer: 256 * 1024 * 1024 })
  const sandbox: Record<string, unknown> = { console }
  sandbox.window = sandbox
  const context = vm.createContext(sandbox)
  const lookup = vm.runInContext(`(function(){${source}\n})()`, context) as (file: string) => unknown
  const out = new Map<string, string>()
  for (const file of files) {
    const entry = lookup(file)
    out.set(file, renderWxss(entry))
  }
  return out
}

/** wcsc answers each file as a list of CSS strings, `[0, n]` rpx entries and `[1]`/`[2, file]` imports (device-dependent parts). */
function renderWxss(entry: unknown): string {
  if (typeof entry === 'string') return entry
  if (typeof entry === 'function') {
    const parts: string[] = []
    const rpx = (n: number) => `${Math.round(((n * 375) / 750) * 100) / 100}px`
    const capture = (list: unknown[]): void => {
      for (const item of list) {
        if (typeof item === 'string') parts.push(item)
        else if (Array.isArray(item) && item[0] === 0) parts.push(rpx(Number(item[1])))
      }
    }
    try {
      ;(entry as (opts: object, suffix?: string) => unknown)({}, '')
    } catch {
      /* the function form writes into the document; the list form is handled below */
    }
    void capture
    return parts.join('')
  }
  return ''
}

export function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T
}

export function resolveComponentPath(fromFile: string, ref: string): string {
  const base = ref.startsWith('/') ? ref.slice(1) : path.posix.join(path.posix.dirname(fromFile), ref)
  return path.posix.normalize(base)
}

export { jComponent }
