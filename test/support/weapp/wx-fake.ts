import { wxApiSpecs, type ApiSpec } from './api-spec'

/**
 * A recording `wx` built from WeChat's own typings (`miniprogram-api-typings`): it has exactly the APIs of the base
 * library, each checks its options object against the typings (an unknown key or a missing required key is misuse),
 * and every call is recorded. APIs the runtime implements (navigation, storage, cloud, …) answer through `impl`;
 * any other async API fails with `<api>:fail not available in the weapp runtime test`, so a page cannot quietly rely
 * on a success nobody simulated.
 */
export interface WxCall {
  api: string
  options: unknown
}

/** An implementation answers with a value (success), or throws `WxFail` (fail callback / rejected promise). */
export type WxImpl = (options: Record<string, unknown> & { [k: string]: unknown }, ...rest: unknown[]) => unknown

export class WxFail extends Error {
  /** `errno`: WeChat's error number where the base library gives one (104: privacy refused, 112: not declared). */
  constructor(readonly errMsg: string, readonly errno?: number) {
    super(errMsg)
  }
}

export interface WxFakeHooks {
  impl: Record<string, WxImpl>
  cloudImpl: Record<string, WxImpl>
  misuse(message: string): void
  /** Creates values inside the logic realm (objects, promises), so page code sees its own realm's intrinsics. */
  toRealm<T>(value: T): T
  RealmPromise: PromiseConstructor
  defer(fn: () => void): void
}

const CALLBACK_KEYS = ['success', 'fail', 'complete']

function checkOptions(path: string, spec: ApiSpec, options: unknown, hooks: WxFakeHooks): void {
  if (!spec.keys) return
  if (options === undefined || options === null) {
    if (spec.required.length) hooks.misuse(`${path} called without its options object (needs ${spec.required.join(', ')})`)
    return
  }
  if (typeof options !== 'object') {
    hooks.misuse(`${path} expects an options object, got ${typeof options}`)
    return
  }
  for (const key of Object.keys(options)) {
    if (!spec.keys.has(key)) hooks.misuse(`${path}: option "${key}" is not one of ${[...spec.keys].join(', ')}`)
  }
  for (const key of spec.required) {
    if ((options as Record<string, unknown>)[key] === undefined) hooks.misuse(`${path}: required option "${key}" is missing`)
  }
}

function makeApi(path: string, name: string, spec: ApiSpec, impl: WxImpl | undefined, calls: WxCall[], hooks: WxFakeHooks) {
  const async = spec.keys !== null && CALLBACK_KEYS.some((k) => spec.keys!.has(k))
  return function wxApi(options?: unknown, ...rest: unknown[]): unknown {
    calls.push({ api: path, options: options && typeof options === 'object' ? { ...(options as object) } : options })
    checkOptions(path, spec, options, hooks)
    if (!async) {
      if (!impl) return undefined
      return impl((options ?? {}) as Record<string, unknown>, ...rest)
    }
    const opts = (options ?? {}) as Record<string, unknown>
    const hasCallback = CALLBACK_KEYS.some((k) => typeof opts[k] === 'function')
    const outcome = new Promise<unknown>((resolve, reject) => {
      if (!impl) {
        reject(new WxFail(`${name}:fail not available in the weapp runtime test`))
        return
      }
      try {
        Promise.resolve(impl(opts)).then(resolve, reject)
      } catch (error) {
        reject(error)
      }
    }).then(
      (value) => hooks.toRealm({ errMsg: `${name}:ok`, ...((value ?? {}) as object) }),
      (error: unknown) => {
        if (error instanceof WxFail) throw hooks.toRealm(error.errno === undefined ? { errMsg: error.errMsg } : { errMsg: error.errMsg, errno: error.errno })
        throw error
      },
    )
    if (hasCallback) {
      outcome.then(
        (res) => hooks.defer(() => {
          ;(opts.success as ((r: unknown) => void) | undefined)?.(res)
          ;(opts.complete as ((r: unknown) => void) | undefined)?.(res)
        }),
        (err) => hooks.defer(() => {
          ;(opts.fail as ((r: unknown) => void) | undefined)?.(err)
          ;(opts.complete as ((r: unknown) => void) | undefined)?.(err)
        }),
      )
      return undefined
    }
    return new hooks.RealmPromise((resolve, reject) => outcome.then(resolve, reject))
  }
}

/** Builds `wx` (with `wx.cloud`) for one launch. */
export function createWxFake(hooks: WxFakeHooks): { wx: Record<string, unknown>; calls: WxCall[] } {
  const specs = wxApiSpecs()
  const calls: WxCall[] = []
  const wx: Record<string, unknown> = {}
  for (const [name, spec] of specs.wx) {
    if (name === 'cloud' || name === 'env') continue
    wx[name] = makeApi(`wx.${name}`, name, spec, hooks.impl[name], calls, hooks)
  }
  const cloud: Record<string, unknown> = {}
  for (const [name, spec] of specs.cloud) {
    if (!spec.keys && name !== 'init' && name !== 'database') continue
    cloud[name] = makeApi(`wx.cloud.${name}`, `cloud.${name}`, spec, hooks.cloudImpl[name], calls, hooks)
  }
  wx.cloud = cloud
  /** https://developers.weixin.qq.com/miniprogram/dev/framework/ability/file-system.html: wx.env.USER_DATA_PATH */
  wx.env = { USER_DATA_PATH: 'http://usr' }
  return { wx, calls }
}
