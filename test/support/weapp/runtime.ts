import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import vm from 'node:vm'
import sharp from 'sharp'
import { compileWxml, exparser, jComponent, readJson, resolveComponentPath, type Compiled, type ExparserNode, type RootComponent } from './view'
import { createWxFake, WxFail, type WxCall, type WxImpl } from './wx-fake'

/**
 * A headless WeChat for `dist/weapp`:
 * - the logic layer: the app's JavaScript in a fresh `node:vm` realm holding only what WeChat's logic layer has (`wx`,
 *   `App`, `Page`, `Component`, `Behavior`, `getApp`, `getCurrentPages`, timers, `console`), with WeChat's module
 *   rules (each file wrapped as WeChat wraps it, `require` only inside the main package or the page's own subpackage,
 *   a subpackage only once one of its pages opens), and no code generation from strings (`eval`, `new Function`);
 * - the render layer: WXML compiled by WeChat's `wcc` and rendered by the official exparser (j-component), fed only
 *   through `setData` payloads serialised as WeChat's bridge does (JSON, 1 MB at most), with events sent back the same
 *   way;
 * - a recording `wx` generated from `miniprogram-api-typings`; navigation checks `app.json` and the tabBar rules.
 *
 * Anything WeChat would report (an exception, `console.error`, a missing template, a setData over 1 MB, wx misuse) is
 * collected in `problems`; tests assert it stays empty. An unhandled rejection in the app's realm reaches Node's own
 * `unhandledRejection`, which fails the running jest test with its reason (jest-circus listens on the real process).
 */

export interface AppJson {
  pages: string[]
  subPackages?: { root: string; pages: string[] }[]
  tabBar?: { list: { pagePath: string; text: string; iconPath: string; selectedIconPath: string }[] }
}

export interface RuntimeOptions {
  root: string
  /** Where `wx.cloud.callFunction` / `uploadFile` go: the local emulator's base URL, and the dev user to call as. */
  emulator?: { url: string; user: string }
  /** Answer of `wx.showModal` (default: confirm). */
  modalConfirm?: boolean
  storage?: Record<string, unknown>
  /** Photos wx.chooseMedia hands out, in turn (album or camera): real image files, copied into the runtime's temp dir. */
  album?: string[]
  /**
   * How the next saveImageToPhotosAlbum calls fail, in turn, before saves succeed: `auth` (the album permission
   * refused, as WeChat says it), `privacy` (the privacy popup refused, errno 104).
   */
  albumRefusals?: Array<'auth' | 'privacy'>
}

interface PageEntry {
  route: string
  query: Record<string, string>
  logic: Record<string, unknown>
  view: RootComponent
  host: HTMLElement
}

const WX_MODULE_PARAMS = [
  'require', 'module', 'exports',
  // WeChat shadows the browser globals in every module (window, document, …): they are undefined, never the webview's.
  'window', 'document', 'frames', 'self', 'location', 'navigator', 'localStorage', 'history', 'Caches', 'screen',
  'alert', 'confirm', 'prompt', 'XMLHttpRequest', 'WebSocket', 'Reporter', 'webkit', 'WeixinJSCore',
]

const MAX_SETDATA_BYTES = 1024 * 1024

let launchCount = 0

export class WeappRuntime {
  readonly problems: string[] = []
  readonly calls: WxCall[]
  readonly stack: PageEntry[] = []
  readonly appJson: AppJson
  readonly toasts: string[] = []
  /** The tabBar's badges by tab index (wx.setTabBarBadge / removeTabBarBadge). */
  readonly tabBadges = new Map<number, string>()
  /** What wx.setClipboardData last put on the clipboard. */
  clipboard = ''
  /** The bytes of every image saved to the phone's album (wx.saveImageToPhotosAlbum), as they were in the temp file. */
  readonly album: Buffer[] = []
  /** Every event the view sent to the logic layer, as `handler type #currentTarget` (for reading a failed flow). */
  readonly events: string[] = []
  private readonly context: vm.Context
  private readonly modules = new Map<string, { exports: unknown }>()
  private readonly loadedPackages = new Set<string>([''])
  private readonly pageConfigs = new Map<string, Record<string, unknown>>()
  private readonly componentConfigs = new Map<string, Record<string, unknown>>()
  private readonly componentIds = new Map<string, string>()
  private readonly pageIds = new Map<string, string>()
  private readonly timers = new Set<NodeJS.Timeout>()
  private readonly storage = new Map<string, unknown>()
  private appInstance: Record<string, unknown> | null = null
  private defining: string | null = null
  private compiled: Compiled
  private inflight = 0
  private readonly hostRoot: HTMLElement
  private disposed = false
  readonly launch = ++launchCount
  /** wx's temp files (wxfile://tmp_…) live here, as on a phone they live in the app's sandbox. */
  private readonly tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weapp-tmp-'))
  private tempFiles = 0

  constructor(private readonly options: RuntimeOptions) {
    this.appJson = readJson<AppJson>(path.join(options.root, 'app.json'))
    for (const [k, v] of Object.entries(options.storage ?? {})) this.storage.set(k, v)
    this.compiled = compileWxml(options.root)
    const sandbox: Record<string, unknown> = {}
    this.context = vm.createContext(sandbox, { name: `weapp logic #${this.launch}`, codeGeneration: { strings: false, wasm: false } })
    const realmPromise = vm.runInContext('Promise', this.context) as PromiseConstructor
    const { wx, calls } = createWxFake({
      impl: this.wxImpl(),
      cloudImpl: this.cloudImpl(),
      misuse: (m) => this.problem(`wx misuse: ${m}`),
      toRealm: (value) => this.toRealm(value),
      RealmPromise: realmPromise,
      defer: (fn) => this.setTimer(fn, 0),
    })
    this.calls = calls
    const logConsole = {
      log: () => {},
      info: () => {},
      debug: () => {},
      warn: () => {},
      error: (...args: unknown[]) => this.problem(`console.error: ${args.map(describe).join(' ')}`),
    }
    Object.assign(sandbox, {
      wx,
      console: logConsole,
      App: (config: Record<string, unknown>) => {
        this.appInstance = config
      },
      Page: (config: Record<string, unknown>) => {
        if (!this.defining) throw new Error('Page() called outside a page module')
        this.pageConfigs.set(this.defining.replace(/\.js$/, ''), config)
      },
      Component: (config: Record<string, unknown>) => {
        if (!this.defining) throw new Error('Component() called outside a module')
        this.componentConfigs.set(this.defining.replace(/\.js$/, ''), config)
      },
      Behavior: (config: unknown) => config,
      getApp: () => this.appInstance,
      getCurrentPages: () => this.stack.map((p) => p.logic),
      setTimeout: (fn: () => void, ms?: number) => this.setTimer(fn, ms ?? 0),
      clearTimeout: (t: NodeJS.Timeout) => this.clearTimer(t),
      setInterval: (fn: () => void, ms?: number) => this.setTimer(fn, ms ?? 0, true),
      clearInterval: (t: NodeJS.Timeout) => this.clearTimer(t),
    })
    this.hostRoot = document.createElement('div')
    this.hostRoot.setAttribute('data-weapp-launch', String(this.launch))
    document.body.appendChild(this.hostRoot)
  }

  // ---------------------------------------------------------------- problems and timers

  problem(message: string): void {
    if (!this.disposed) this.problems.push(message)
  }

  private setTimer(fn: () => void, ms: number, repeat = false): NodeJS.Timeout {
    const run = () => {
      if (!repeat) this.timers.delete(handle)
      if (this.disposed) return
      try {
        fn()
      } catch (error) {
        this.problem(`uncaught in timer: ${describe(error)}`)
      }
    }
    const handle = repeat ? setInterval(run, ms) : setTimeout(run, ms)
    this.timers.add(handle)
    return handle
  }

  private clearTimer(handle: NodeJS.Timeout): void {
    clearTimeout(handle)
    this.timers.delete(handle)
  }

  /** Copies a host value into the logic realm (as WeChat's bridge copies JSON between threads). */
  toRealm<T>(value: T): T {
    if (value === undefined) return value
    const parse = vm.runInContext('JSON.parse', this.context) as (s: string) => T
    return parse(JSON.stringify(value))
  }

  // ---------------------------------------------------------------- modules

  private packageOf(file: string): string {
    const sub = this.appJson.subPackages?.find((p) => file.startsWith(`${p.root}/`))
    return sub ? sub.root : ''
  }

  private requireFrom(from: string, request: string): unknown {
    let target = path.posix.normalize(request.startsWith('/') ? request.slice(1) : path.posix.join(path.posix.dirname(from), request))
    if (!target.endsWith('.js')) target += '.js'
    const targetPackage = this.packageOf(target)
    const fromPackage = this.packageOf(from)
    if (targetPackage && targetPackage !== fromPackage) {
      throw new Error(`module "${target}" is not defined: a module of subpackage ${targetPackage} cannot be required from ${from}`)
    }
    return this.load(target)
  }

  private load(file: string): unknown {
    const cached = this.modules.get(file)
    if (cached) return cached.exports
    const full = path.join(this.options.root, file)
    if (!fs.existsSync(full)) throw new Error(`module "${file}" is not defined`)
    const module = { exports: {} as unknown }
    this.modules.set(file, module)
    const source = fs.readFileSync(full, 'utf8')
    const wrapped = `(function(${WX_MODULE_PARAMS.join(', ')}){${source}\n})`
    const fn = new vm.Script(wrapped, { filename: file }).runInContext(this.context) as (...args: unknown[]) => void
    const previous = this.defining
    this.defining = file
    try {
      fn((req: string) => this.requireFrom(file, req), module, module.exports)
    } finally {
      this.defining = previous
    }
    return module.exports
  }

  // ---------------------------------------------------------------- app and pages

  allPages(): string[] {
    const pages = [...this.appJson.pages]
    for (const sub of this.appJson.subPackages ?? []) for (const p of sub.pages) pages.push(`${sub.root}/${p}`)
    return pages
  }

  private requireTabPage(api: string): void {
    const top = this.stack[this.stack.length - 1]
    if (!top || !this.isTabPage(top.route)) throw new WxFail(`${api}:fail not TabBar page`)
  }

  isTabPage(route: string): boolean {
    return (this.appJson.tabBar?.list ?? []).some((t) => t.pagePath === route)
  }

  /** Runs app.js (App()) and opens the first page, or `entry` ("pages/x/index?a=1"). */
  async start(entry?: string): Promise<PageEntry> {
    this.guard(() => this.load('app.js'))
    if (!this.appInstance) throw new Error('app.js did not call App()')
    const launchRoute = entry ?? this.appJson.pages[0]
    const { route, query } = parseUrl(launchRoute)
    this.guard(() => (this.appInstance!.onLaunch as ((o: unknown) => void) | undefined)?.call(this.appInstance, this.toRealm({ path: route, query, scene: 1001 })))
    this.guard(() => (this.appInstance!.onShow as ((o: unknown) => void) | undefined)?.call(this.appInstance, this.toRealm({ path: route, query, scene: 1001 })))
    return this.openPage(route, query)
  }

  private guard<T>(fn: () => T): T | undefined {
    try {
      return fn()
    } catch (error) {
      this.problem(`uncaught: ${describe(error)}`)
      return undefined
    }
  }

  get current(): PageEntry {
    const top = this.stack[this.stack.length - 1]
    if (!top) throw new Error('no page is open')
    return top
  }

  private ensurePageLoaded(route: string): Record<string, unknown> | undefined {
    if (!this.allPages().includes(route)) throw new WxFail(`page "${route}" is not found in app.json`)
    const pkg = this.packageOf(route)
    this.loadedPackages.add(pkg)
    if (!this.pageConfigs.has(route)) this.guard(() => this.load(`${route}.js`))
    const config = this.pageConfigs.get(route)
    if (!config) this.problem(`${route}: Page() never ran`)
    return config
  }

  private componentId(file: string): string {
    const known = this.componentIds.get(file)
    if (known) return known
    const json = readJson<{ usingComponents?: Record<string, string> }>(path.join(this.options.root, `${file}.json`))
    if (!this.componentConfigs.has(file)) this.guard(() => this.load(`${file}.js`))
    const logicConfig = this.componentConfigs.get(file) ?? {}
    const id = `weapp-${this.launch}-${file.replace(/[^a-z0-9]/gi, '-')}`
    this.componentIds.set(file, id)
    const using = this.using(file, json.usingComponents)
    const properties: Record<string, unknown> = {}
    for (const [key, def] of Object.entries((logicConfig.properties ?? {}) as Record<string, { type?: { name?: string }; value?: unknown }>)) {
      properties[key] = { type: hostType(def.type), value: def.value === undefined ? undefined : JSON.parse(JSON.stringify(def.value)) }
    }
    const runtime = this
    const methods: Record<string, (event: unknown) => void> = {}
    for (const [name, fn] of Object.entries((logicConfig.methods ?? {}) as Record<string, unknown>)) {
      if (typeof fn !== 'function') continue
      methods[name] = function (this: { data: unknown }, event: unknown) {
        runtime.events.push(describeEvent(name, event))
        runtime.sendEvent(() => (fn as (e: unknown) => unknown).call(runtime.toRealm({ data: this.data }), runtime.toRealm(plainEvent(event))))
      }
    }
    jComponent.register({
      id,
      path: `/${file}`,
      template: this.template(file),
      usingComponents: using,
      properties,
      methods,
      options: { ...((logicConfig.options ?? {}) as object), multipleSlots: true },
    })
    return id
  }

  private using(file: string, usingComponents: Record<string, string> | undefined): Record<string, string> {
    const using: Record<string, string> = {}
    for (const [tag, ref] of Object.entries(usingComponents ?? {})) {
      const target = resolveComponentPath(file, ref)
      using[tag] = target === file ? `weapp-${this.launch}-${file.replace(/[^a-z0-9]/gi, '-')}` : this.componentId(target)
    }
    return using
  }

  private template(file: string): (data: object) => unknown {
    const gen = this.compiled.gwx(`${file}.wxml`)
    if (typeof gen !== 'function') throw new Error(`${file}.wxml was not compiled by wcc`)
    const compiled = this.compiled
    const runtime = this
    return (data: object) => {
      const before = compiled.messages.length
      const tree = gen(data)
      for (const message of compiled.messages.slice(before)) runtime.problem(`${file}.wxml: ${message}`)
      return tree
    }
  }

  private pageComponentId(route: string): string {
    const known = this.pageIds.get(route)
    if (known) return known
    const json = readJson<{ usingComponents?: Record<string, string> }>(path.join(this.options.root, `${route}.json`))
    const id = `weapp-${this.launch}-page-${route.replace(/[^a-z0-9]/gi, '-')}`
    const runtime = this
    jComponent.register({
      id,
      path: `/${route}`,
      template: this.template(route),
      usingComponents: this.using(route, json.usingComponents),
      methods: Object.fromEntries(
        Object.entries(this.pageConfigs.get(route) ?? {})
          .filter(([, value]) => typeof value === 'function')
          .map(([name]) => [
            name,
            function (this: unknown, event: unknown) {
              const page = runtime.stack.find((p) => p.route === route && p.view?.instance === this)
              const logic = page?.logic ?? runtime.current.logic
              const handler = logic[name]
              if (typeof handler !== 'function') return runtime.problem(`${route}: event handler "${name}" does not exist on the page`)
              runtime.events.push(describeEvent(name, event))
              runtime.sendEvent(() => (handler as (e: unknown) => unknown).call(logic, runtime.toRealm(plainEvent(event))))
            },
          ]),
      ),
    })
    this.pageIds.set(route, id)
    return id
  }

  private sendEvent(fn: () => unknown): void {
    // WeChat delivers view events to the logic thread asynchronously; settle() waits for them.
    this.inflight++
    this.setTimer(() => {
      let result: unknown
      try {
        result = fn()
      } finally {
        this.inflight--
      }
      if (result && typeof (result as Promise<unknown>).then === 'function') {
        ;(result as Promise<unknown>).then(undefined, (e) => this.problem(`event handler rejected: ${describe(e)}`))
      }
    }, 0)
  }

  /** Creates a page instance as WeChat does: data copied from the config, methods on the instance, then the lifecycle. */
  openPage(route: string, query: Record<string, string>): PageEntry {
    const config = this.ensurePageLoaded(route)
    const logic = vm.runInContext('({})', this.context) as Record<string, unknown>
    const viewId = this.pageComponentId(route)
    const initialData = JSON.parse(JSON.stringify(config?.data ?? {})) as Record<string, unknown>
    const view = jComponent.create(viewId)
    const host = document.createElement('div')
    host.setAttribute('data-route', route)
    this.hostRoot.appendChild(host)
    view.attach(host)
    if (Object.keys(initialData).length) view.setData(initialData)
    const entry: PageEntry = { route, query, logic, view, host }
    for (const [key, value] of Object.entries(config ?? {})) logic[key] = value
    logic.data = this.toRealm(initialData)
    logic.route = route
    logic.__route__ = route
    logic.options = this.toRealm(query)
    logic.setData = (data: Record<string, unknown>, callback?: () => void) => this.setData(entry, data, callback)
    logic.selectComponent = () => null
    logic.selectAllComponents = () => this.toRealm([])
    logic.createSelectorQuery = () => (this.calls.push({ api: 'page.createSelectorQuery', options: null }), wxSelectorQuery(this))
    logic.getOpenerEventChannel = () => ({ emit() {}, on() {}, once() {}, off() {} })
    this.stack.push(entry)
    this.guard(() => (logic.onLoad as ((q: unknown) => void) | undefined)?.call(logic, this.toRealm(query)))
    this.guard(() => (logic.onShow as (() => void) | undefined)?.call(logic))
    this.setTimer(() => this.guard(() => (logic.onReady as (() => void) | undefined)?.call(logic)), 0)
    return entry
  }

  private setData(entry: PageEntry, data: Record<string, unknown>, callback?: () => void): void {
    let payload: string
    try {
      payload = JSON.stringify(data)
    } catch (error) {
      this.problem(`${entry.route}: setData payload is not serialisable: ${describe(error)}`)
      return
    }
    if (Buffer.byteLength(payload) > MAX_SETDATA_BYTES) {
      this.problem(`${entry.route}: setData payload of ${Buffer.byteLength(payload)} bytes is over WeChat's 1 MB limit`)
    }
    const copy = JSON.parse(payload) as Record<string, unknown>
    for (const [key, value] of Object.entries(copy)) setByPath(entry.logic.data as Record<string, unknown>, key, this.toRealm(value))
    this.inflight++
    this.setTimer(() => {
      this.inflight--
      if (!this.stack.includes(entry)) return
      try {
        entry.view.setData(copy)
      } catch (error) {
        this.problem(`${entry.route}: render failed: ${describe(error)}`)
      }
      if (typeof callback === 'function') this.setTimer(() => callback.call(entry.logic), 0)
    }, 0)
  }

  private closePage(entry: PageEntry): void {
    this.guard(() => (entry.logic.onUnload as (() => void) | undefined)?.call(entry.logic))
    entry.view.detach()
    entry.host.remove()
  }

  private navigate(kind: 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch', url: string): void {
    const { route, query } = parseUrl(url.replace(/^\//, ''))
    if (!this.allPages().includes(route)) throw new WxFail(`${kind}:fail page "${route}" is not found`)
    const tab = this.isTabPage(route)
    if ((kind === 'navigateTo' || kind === 'redirectTo') && tab) {
      this.problem(`wx misuse: ${kind} to tabBar page ${route} (WeChat fails: "can not ${kind} a tabbar page")`)
      throw new WxFail(`${kind}:fail can not ${kind} a tabbar page`)
    }
    if (kind === 'switchTab') {
      if (!tab) {
        this.problem(`wx misuse: switchTab to ${route}, which is not a tabBar page`)
        throw new WxFail('switchTab:fail can not switch to no-tabBar page')
      }
      if (Object.keys(query).length) this.problem(`wx misuse: switchTab url may not carry a query (${url})`)
    }
    if (kind === 'navigateTo' && this.stack.length >= 10) throw new WxFail('navigateTo:fail webview count limit exceed')
    const previous = this.stack[this.stack.length - 1]
    if (kind === 'navigateTo') {
      if (previous) this.guard(() => (previous.logic.onHide as (() => void) | undefined)?.call(previous.logic))
    } else if (kind === 'redirectTo') {
      this.stack.pop()
      if (previous) this.closePage(previous)
    } else {
      while (this.stack.length) this.closePage(this.stack.pop()!)
    }
    this.openPage(route, query)
  }

  // ---------------------------------------------------------------- wx implementations

  private wxImpl(): Record<string, WxImpl> {
    const systemInfo = {
      brand: 'devtools', model: 'iPhone 12', pixelRatio: 3, screenWidth: 390, screenHeight: 844, windowWidth: 390, windowHeight: 844,
      statusBarHeight: 47, language: 'zh_CN', version: '8.0.50', system: 'iOS 17.0', platform: 'devtools', SDKVersion: '3.7.0',
      safeArea: { top: 47, bottom: 810, left: 0, right: 390, width: 390, height: 763 }, theme: 'light', fontSizeSetting: 16,
    }
    return {
      navigateTo: (o) => this.syncNavigate('navigateTo', o),
      redirectTo: (o) => this.syncNavigate('redirectTo', o),
      switchTab: (o) => this.syncNavigate('switchTab', o),
      reLaunch: (o) => this.syncNavigate('reLaunch', o),
      navigateBack: (o) => {
        const delta = Number(o.delta ?? 1)
        if (this.stack.length <= 1) throw new WxFail('navigateBack:fail cannot navigate back at first page.')
        this.setTimer(() => {
          for (let i = 0; i < delta && this.stack.length > 1; i++) this.closePage(this.stack.pop()!)
          const top = this.current
          this.guard(() => (top.logic.onShow as (() => void) | undefined)?.call(top.logic))
        }, 0)
        return {}
      },
      getStorageSync: (key) => this.toRealm(this.storage.get(String(key)) ?? ''),
      setStorageSync: (key, ...rest) => void this.storage.set(String(key), JSON.parse(JSON.stringify(rest[0] ?? null))),
      removeStorageSync: (key) => void this.storage.delete(String(key)),
      clearStorageSync: () => this.storage.clear(),
      getStorage: (o) => {
        if (!this.storage.has(String(o.key))) throw new WxFail('getStorage:fail data not found')
        return { data: this.storage.get(String(o.key)) }
      },
      setStorage: (o) => void this.storage.set(String(o.key), JSON.parse(JSON.stringify(o.data ?? null))),
      removeStorage: (o) => void this.storage.delete(String(o.key)),
      getSystemInfoSync: () => this.toRealm(systemInfo),
      getSystemInfo: () => systemInfo,
      getWindowInfo: () => this.toRealm(systemInfo),
      getDeviceInfo: () => this.toRealm(systemInfo),
      getAppBaseInfo: () => this.toRealm(systemInfo),
      getSystemSetting: () => this.toRealm({ bluetoothEnabled: false, locationEnabled: false, wifiEnabled: true, deviceOrientation: 'portrait' }),
      getAppAuthorizeSetting: () => this.toRealm({ cameraAuthorized: 'authorized', albumAuthorized: 'authorized' }),
      getMenuButtonBoundingClientRect: () => this.toRealm({ width: 87, height: 32, top: 51, right: 383, bottom: 83, left: 296 }),
      getAccountInfoSync: () => this.toRealm({ miniProgram: { appId: 'touristappid', envVersion: 'develop', version: '' } }),
      getLaunchOptionsSync: () => this.toRealm({ path: this.appJson.pages[0], query: {}, scene: 1001 }),
      getEnterOptionsSync: () => this.toRealm({ path: this.appJson.pages[0], query: {}, scene: 1001 }),
      canIUse: () => true,
      nextTick: (fn) => void this.setTimer(fn as unknown as () => void, 0),
      showToast: (o) => void this.toasts.push(String(o.title)),
      // https://developers.weixin.qq.com/miniprogram/dev/api/ui/tab-bar/wx.setTabBarBadge.html — WeChat refuses it off a tabBar page.
      setTabBarBadge: (o) => {
        this.requireTabPage('setTabBarBadge')
        this.tabBadges.set(Number(o.index), String(o.text))
      },
      removeTabBarBadge: (o) => {
        this.requireTabPage('removeTabBarBadge')
        this.tabBadges.delete(Number(o.index))
      },
      // https://developers.weixin.qq.com/miniprogram/dev/api/device/clipboard/wx.setClipboardData.html
      setClipboardData: (o) => {
        this.clipboard = String(o.data)
      },
      hideToast: () => undefined,
      showLoading: () => undefined,
      hideLoading: () => undefined,
      showModal: (o) => ({ confirm: this.options.modalConfirm ?? true, cancel: !(this.options.modalConfirm ?? true), content: o.content }),
      setNavigationBarTitle: () => undefined,
      pageScrollTo: () => undefined,
      stopPullDownRefresh: () => undefined,
      getPrivacySetting: () => ({ needAuthorization: false, privacyContractName: '《回执隐私保护指引》' }),
      requirePrivacyAuthorize: () => undefined,
      onNeedPrivacyAuthorization: () => undefined,
      requestSubscribeMessage: (o) => Object.fromEntries(((o.tmplIds as string[]) ?? []).map((id) => [id, 'accept'])),
      createSelectorQuery: () => wxSelectorQuery(this),
      chooseMedia: () => {
        const next = this.options.album?.shift()
        if (!next) throw new WxFail('chooseMedia:fail cancel')
        const tempFilePath = this.tempFile(fs.readFileSync(next), path.extname(next))
        return { type: 'image', tempFiles: [{ tempFilePath, size: fs.statSync(this.localPath(tempFilePath)).size, fileType: 'image' }] }
      },
      getImageInfo: async (o) => {
        const meta = await sharp(this.localPath(String(o.src))).metadata()
        const orientation = ['up', 'up', 'up-mirrored', 'down', 'down-mirrored', 'left-mirrored', 'right', 'right-mirrored', 'left'][meta.orientation ?? 1]
        return { width: meta.width, height: meta.height, type: meta.format === 'jpeg' ? 'jpeg' : meta.format, orientation, path: o.src }
      },
      compressImage: async (o) => {
        const input = sharp(this.localPath(String(o.src))).rotate()
        const resized = o.compressedWidth ? input.resize({ width: Number(o.compressedWidth) }) : input
        return { tempFilePath: this.tempFile(await resized.jpeg({ quality: Number(o.quality ?? 80) }).toBuffer(), '.jpg') }
      },
      // https://developers.weixin.qq.com/miniprogram/dev/api/network/download/wx.downloadFile.html
      downloadFile: async (o) => {
        this.inflight++
        try {
          const res = await fetch(String(o.url))
          const bytes = Buffer.from(await res.arrayBuffer())
          const ext = path.extname(new URL(String(o.url)).pathname) || '.jpg'
          return { tempFilePath: this.tempFile(bytes, ext), statusCode: res.status }
        } catch {
          throw new WxFail('downloadFile:fail network error')
        } finally {
          this.inflight--
        }
      },
      // https://developers.weixin.qq.com/miniprogram/dev/api/media/image/wx.saveImageToPhotosAlbum.html
      saveImageToPhotosAlbum: (o) => {
        const refusal = this.options.albumRefusals?.shift()
        if (refusal === 'auth') throw new WxFail('saveImageToPhotosAlbum:fail auth deny')
        if (refusal === 'privacy') throw new WxFail('saveImageToPhotosAlbum:fail privacy permission is not authorized', 104)
        this.album.push(fs.readFileSync(this.localPath(String(o.filePath))))
        return {}
      },
      openSetting: () => ({ authSetting: { 'scope.writePhotosAlbum': true } }),
      getFileSystemManager: () => {
        const realm = this
        return this.toRealmObject({
          getFileInfo(o: { filePath: string; success?: (r: unknown) => void; fail?: (r: unknown) => void }) {
            realm.calls.push({ api: 'FileSystemManager.getFileInfo', options: { filePath: o.filePath } })
            realm.setTimer(() => {
              try {
                o.success?.(realm.toRealm({ size: fs.statSync(realm.localPath(o.filePath)).size, errMsg: 'getFileInfo:ok' }))
              } catch {
                o.fail?.(realm.toRealm({ errMsg: 'getFileInfo:fail no such file' }))
              }
            }, 0)
          },
        })
      },
      getUpdateManager: () => this.toRealm({}) as unknown,
      onAppShow: () => undefined,
      onAppHide: () => undefined,
      offAppShow: () => undefined,
      offAppHide: () => undefined,
      onError: () => undefined,
      onUnhandledRejection: () => undefined,
      onPageNotFound: () => undefined,
      onMemoryWarning: () => undefined,
      onWindowResize: () => undefined,
      offWindowResize: () => undefined,
      reportAnalytics: () => undefined,
      reportEvent: () => undefined,
    }
  }

  /** A wx temp file with these bytes: `http://tmp/<name>`, the form WeChat's temp paths take on a phone. */
  private tempFile(bytes: Buffer, ext: string): string {
    const name = `tmp_${this.launch}_${++this.tempFiles}${ext || '.jpg'}`
    fs.writeFileSync(path.join(this.tempDir, name), bytes)
    return `http://tmp/${name}`
  }

  /** The file on disk behind a wx temp path. */
  localPath(tempPath: string): string {
    const name = /^(?:http:\/\/tmp|wxfile:\/\/)\/?(.+)$/.exec(tempPath)?.[1]
    if (!name || name.includes('/')) throw new WxFail(`no such temp file: ${tempPath}`)
    return path.join(this.tempDir, name)
  }

  /** An object created by the logic realm's own Object, with these methods (for APIs that answer a manager object). */
  private toRealmObject<T extends object>(methods: T): T {
    const target = vm.runInContext('({})', this.context) as T
    return Object.assign(target, methods)
  }

  private syncNavigate(kind: 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch', o: Record<string, unknown>): unknown {
    const { route } = parseUrl(String(o.url).replace(/^\//, ''))
    if (!this.allPages().includes(route)) throw new WxFail(`${kind}:fail page "${route}" is not found`)
    return new Promise((resolve, reject) => {
      this.setTimer(() => {
        try {
          this.navigate(kind, String(o.url))
          resolve({})
        } catch (error) {
          reject(error)
        }
      }, 0)
    })
  }

  private cloudImpl(): Record<string, WxImpl> {
    const emulator = this.options.emulator
    const track = async <T>(fn: () => Promise<T>): Promise<T> => {
      this.inflight++
      try {
        return await fn()
      } finally {
        this.inflight--
      }
    }
    return {
      init: () => undefined,
      callFunction: (o) =>
        track(async () => {
          if (!emulator) throw new WxFail('cloud.callFunction:fail no cloud environment in this launch')
          if (this.offline) throw new WxFail('cloud.callFunction:fail request:fail')
          const res = await fetch(`${emulator.url}/api/functions/${encodeURIComponent(String(o.name))}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-huizhi-user': emulator.user },
            body: JSON.stringify(o.data ?? {}),
          })
          const result = (await res.json()) as unknown
          return { result, requestID: `req-${Date.now()}` }
        }),
      uploadFile: (o) =>
        track(async () => {
          if (!emulator) throw new WxFail('cloud.uploadFile:fail no cloud environment in this launch')
          if (this.offline) throw new WxFail('cloud.uploadFile:fail request:fail')
          const body = fs.readFileSync(this.localPath(String(o.filePath)))
          const res = await fetch(`${emulator.url}/api/files?cloudPath=${encodeURIComponent(String(o.cloudPath))}`, {
            method: 'PUT',
            headers: { 'x-huizhi-user': emulator.user },
            body: new Uint8Array(body),
          })
          const reply = (await res.json()) as { ok: boolean; data?: { fileID: string } }
          if (!reply.ok || !reply.data) throw new WxFail('cloud.uploadFile:fail')
          return { fileID: reply.data.fileID, statusCode: 200 }
        }),
      getTempFileURL: (o) => ({ fileList: ((o.fileList as string[]) ?? []).map((fileID) => ({ fileID, tempFileURL: `${emulator?.url ?? ''}/files/${encodeURIComponent(fileID)}`, status: 0 })) }),
    }
  }

  // ---------------------------------------------------------------- reading and acting on the rendered page

  /** Waits until no setData, timer of ≤ 50 ms or cloud call is pending, so what the page shows has settled. */
  async settle(maxMs = 10_000): Promise<void> {
    const start = Date.now()
    let quiet = 0
    while (Date.now() - start < maxMs) {
      await new Promise((r) => setTimeout(r, 10))
      if (this.inflight === 0) quiet++
      else quiet = 0
      if (quiet >= 5) return
    }
  }

  /** The visible text of the current page as exparser rendered it (text nodes in tree order). */
  text(entry: PageEntry = this.current): string {
    return collectText(entry.view._exparserNode).replace(/\s+/g, ' ').trim()
  }

  async waitForText(expected: string | RegExp, timeoutMs = 15_000): Promise<void> {
    const start = Date.now()
    while (Date.now() - start < timeoutMs) {
      const text = this.stack.length ? this.text() : ''
      if (typeof expected === 'string' ? text.includes(expected) : expected.test(text)) return
      await new Promise((r) => setTimeout(r, 25))
    }
    throw new Error(`"${String(expected)}" never appeared on ${this.stack.length ? this.current.route : '(no page)'}; it shows: ${this.stack.length ? this.text().slice(0, 600) : ''}\nproblems: ${this.problems.join('\n')}`)
  }

  async waitForRoute(route: string, timeoutMs = 10_000): Promise<void> {
    const start = Date.now()
    while (Date.now() - start < timeoutMs) {
      if (this.stack.length && this.current.route === route) return
      await new Promise((r) => setTimeout(r, 20))
    }
    throw new Error(`never reached ${route}; at ${this.stack.map((p) => p.route).join(' > ')}, which shows: ${this.stack.length ? this.text().slice(-700) : ''}\nproblems: ${this.problems.join('\n')}`)
  }

  /** Taps the innermost rendered element whose text contains `label`, as a finger would (the tap bubbles). */
  tap(label: string | RegExp): void {
    const node = findByText(this.current.view._exparserNode, label)
    if (!node) throw new Error(`nothing shows "${String(label)}" on ${this.current.route}: ${this.text().slice(0, 400)}`)
    const event = exparser.Event.create('tap', { x: 0, y: 0 }, { bubbles: true, composed: true, extraFields: { touches: [], changedTouches: [] } })
    exparser.Event.dispatchEvent(node, event)
  }

  /**
   * Picks a city in the app's city picker (NutUI's Cascader): opens it from its 请选择 cell, waits for the province list
   * (a province name alone also appears in the page's hints), then the province's cities (`waitFor`, a city only that
   * list shows), and taps the city.
   */
  async pickCity(province: string, city: string, waitFor: string): Promise<void> {
    this.tap(/^请选择 ›$/)
    await this.waitForText('广西壮族自治区')
    this.tap(province)
    await this.waitForText(waitFor)
    this.tap(city)
    await this.settle()
  }

  /**
   * The phone has no network (DevTools' "offline" throttling): cloud calls and uploads fail as WeChat fails them
   * (`…:fail request:fail`), until it is set back to false.
   */
  offline = false

  /** Opens a page as a link on the current page would (`wx.navigateTo`). */
  async navigateTo(url: string): Promise<void> {
    this.navigate('navigateTo', url)
    await this.settle()
  }

  /** The native back button of the navigation bar: the page below comes back and gets its onShow. */
  async back(): Promise<void> {
    this.wxImpl().navigateBack({})
    await this.settle()
  }

  /** Taps an item of the native tabBar (not part of any page's WXML), as WeChat switches tabs. */
  async tapTab(text: string): Promise<void> {
    const item = this.appJson.tabBar?.list.find((t) => t.text === text)
    if (!item) throw new Error(`the tabBar has no "${text}"`)
    this.navigate('switchTab', `/${item.pagePath}`)
    await this.settle()
  }

  /** Fires an input event on the nth `input`/`textarea` of the page. */
  input(index: number, value: string): void {
    const inputs: ExparserNode[] = []
    walk(this.current.view._exparserNode, (n) => {
      if (n.$$?.tagName === 'INPUT' || n.$$?.tagName === 'TEXTAREA') inputs.push(n)
    })
    const node = inputs[index]
    if (!node) throw new Error(`no input #${index} on ${this.current.route}`)
    exparser.Event.dispatchEvent(node, exparser.Event.create('input', { value, cursor: value.length, keyCode: 0 }, { bubbles: false, composed: false }))
  }

  dispose(): void {
    this.disposed = true
    for (const t of this.timers) clearTimeout(t)
    this.timers.clear()
    for (const entry of this.stack.splice(0)) {
      try {
        entry.view.detach()
      } catch {
        /* already detached */
      }
    }
    this.hostRoot.remove()
    fs.rmSync(this.tempDir, { recursive: true, force: true })
  }
}

// -------------------------------------------------------------------- helpers

const isText = (n: ExparserNode): boolean => n instanceof (exparser.TextNode as unknown as typeof Object)

function describe(value: unknown): string {
  if (value && typeof value === 'object' && 'stack' in value && typeof (value as Error).stack === 'string') return (value as Error).stack!.split('\n').slice(0, 4).join(' | ')
  if (value && typeof value === 'object') {
    try {
      return JSON.stringify(value)
    } catch {
      return String(value)
    }
  }
  return String(value)
}

export function parseUrl(url: string): { route: string; query: Record<string, string> } {
  const [route, search = ''] = url.split('?')
  const query: Record<string, string> = {}
  for (const pair of search.split('&').filter(Boolean)) {
    const [k, v = ''] = pair.split('=')
    query[k] = v
  }
  return { route: route.replace(/^\//, ''), query }
}

function hostType(type: { name?: string } | null | undefined): unknown {
  switch (type?.name) {
    case 'String':
      return String
    case 'Number':
      return Number
    case 'Boolean':
      return Boolean
    case 'Object':
      return Object
    case 'Array':
      return Array
    default:
      return null
  }
}

function describeEvent(handler: string, event: unknown): string {
  const e = event as { type?: string; currentTarget?: { id?: string } }
  return `${handler} ${e.type} #${e.currentTarget?.id ?? ''}`
}

function plainEvent(event: unknown): unknown {
  const e = event as { type?: string; timeStamp?: number; detail?: unknown; target?: unknown; currentTarget?: unknown; touches?: unknown; changedTouches?: unknown; mark?: unknown }
  return JSON.parse(
    JSON.stringify({ type: e.type, timeStamp: e.timeStamp ?? 0, detail: e.detail ?? {}, target: e.target, currentTarget: e.currentTarget, touches: e.touches ?? [], changedTouches: e.changedTouches ?? [], mark: e.mark ?? {} }),
  )
}

function setByPath(target: Record<string, unknown>, key: string, value: unknown): void {
  const parts: (string | number)[] = []
  key.replace(/([^.[\]]+)|\[(\d+)\]/g, (_m, name: string | undefined, index: string | undefined) => {
    parts.push(index !== undefined ? Number(index) : name!)
    return ''
  })
  let cursor: Record<string | number, unknown> = target
  for (let i = 0; i < parts.length - 1; i++) {
    const part = parts[i]
    if (cursor[part] === null || typeof cursor[part] !== 'object') cursor[part] = typeof parts[i + 1] === 'number' ? [] : {}
    cursor = cursor[part] as Record<string | number, unknown>
  }
  cursor[parts[parts.length - 1]] = value
}

function walk(node: ExparserNode, visit: (n: ExparserNode) => void): void {
  visit(node)
  if (node.shadowRoot) walk(node.shadowRoot, visit)
  for (const child of node.childNodes ?? []) walk(child, visit)
}

function collectText(node: ExparserNode): string {
  const parts: string[] = []
  const visit = (n: ExparserNode) => {
    if (isText(n)) {
      parts.push(n.textContent ?? '')
      return
    }
    if (n.shadowRoot) visit(n.shadowRoot)
    for (const child of n.childNodes ?? []) visit(child)
    const tag = n.$$?.tagName
    if (tag === 'VIEW' || tag === 'TEXT' || tag === 'BUTTON') parts.push(' ')
  }
  visit(node)
  return parts.join('')
}

/** The element a finger would aim at: the innermost element whose text is `label`, else the first that contains it. */
function findByText(root: ExparserNode, label: string | RegExp): ExparserNode | null {
  const has = (text: string) => (typeof label === 'string' ? text.includes(label) : label.test(text.trim()))
  const matches: ExparserNode[] = []
  const visit = (n: ExparserNode): boolean => {
    if (isText(n)) return false
    let inner = false
    if (n.shadowRoot) inner = visit(n.shadowRoot) || inner
    for (const child of n.childNodes ?? []) inner = visit(child) || inner
    if (!inner && !n.__virtual && n !== root && has(collectText(n).replace(/\s+/g, ' '))) {
      matches.push(n)
      return true
    }
    return inner
  }
  visit(root)
  return matches.find((n) => collectText(n).replace(/\s+/g, ' ').trim() === label) ?? matches[0] ?? null
}

/**
 * wx.createSelectorQuery against the rendered exparser tree: `select` answers the first match or null, `selectAll` an
 * array, as WeChat does. There is no layout engine here, so every size and offset is 0 (README: what the runtime test
 * cannot see).
 */
function wxSelectorQuery(runtime: WeappRuntime): unknown {
  type Op = { selector: string; all: boolean; fields: Record<string, unknown>; cb?: (r: unknown) => void }
  const ops: Op[] = []
  let scope: ExparserNode | null = null
  const describeNode = (node: ExparserNode, fields: Record<string, unknown>) => {
    const out: Record<string, unknown> = {}
    if (fields.id) out.id = node.id ?? ''
    if (fields.dataset) out.dataset = node.dataset ?? {}
    if (fields.rect) Object.assign(out, { left: 0, right: 0, top: 0, bottom: 0 })
    if (fields.size) Object.assign(out, { width: 0, height: 0 })
    if (fields.scrollOffset) Object.assign(out, { scrollLeft: 0, scrollTop: 0, scrollWidth: 0, scrollHeight: 0 })
    return out
  }
  const nodesRef = (selector: string, all: boolean) => {
    const add = (fields: Record<string, unknown>) => (cb?: (r: unknown) => void) => {
      ops.push({ selector, all, fields, cb })
      return query
    }
    return {
      boundingClientRect: add({ id: true, dataset: true, rect: true, size: true }),
      scrollOffset: add({ id: true, dataset: true, scrollOffset: true }),
      fields: (f: Record<string, unknown>, cb?: (r: unknown) => void) => add(f)(cb),
      node: add({ node: true }),
      context: add({ context: true }),
    }
  }
  const query: Record<string, unknown> = {
    in: (component: { _exparserNode?: ExparserNode } | null) => {
      scope = component?._exparserNode ?? null
      return query
    },
    select: (selector: string) => nodesRef(selector, false),
    selectAll: (selector: string) => nodesRef(selector, true),
    selectViewport: () => nodesRef('viewport', false),
    exec: (cb?: (r: unknown) => void) => {
      const page = runtime.current
      const root = (scope ?? page.view._exparserNode).shadowRoot ?? page.view._exparserNode
      const results = ops.map((op) => {
        if (op.selector === 'viewport') return describeNode({ childNodes: [] }, op.fields)
        const q = root as unknown as { querySelector(s: string): ExparserNode | null; querySelectorAll(s: string): ExparserNode[] }
        let answer: unknown
        try {
          answer = op.all ? q.querySelectorAll(op.selector).map((n) => describeNode(n, op.fields)) : ((n) => (n ? describeNode(n, op.fields) : null))(q.querySelector(op.selector))
        } catch {
          answer = op.all ? [] : null
        }
        return answer
      })
      const realm = runtime.toRealm(results)
      setTimeout(() => {
        ops.forEach((op, i) => op.cb?.((realm as unknown[])[i]))
        cb?.(realm)
      }, 0)
      return undefined
    },
  }
  return query
}
