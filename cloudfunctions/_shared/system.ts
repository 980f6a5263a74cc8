import { AppError, type Reply } from '../../src/domain/errors'
import type { Ports } from './ports'

/**
 * What the platform says about a call, from `cloud.getWXContext()`: the SOURCE of the invocation and,
 * when a mini-program user made it, their OPENID. Never read from the event, which the caller writes.
 */
export interface Invocation {
  source: string
  openid?: string
}

/**
 * `getWXContext().SOURCE` values (WeChat's list: "SOURCE 的枚举类型"):
 * https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/utils/Cloud.getWXContext.html
 * wx-server-sdk copies it from the runtime's `TCB_SOURCE` (node_modules/wx-server-sdk/index.js, getWXContext).
 * The value follows the call chain, comma-separated: a client calling function A that calls B gives B
 * `wx_client,scf`. So a platform source is matched exactly, never by prefix.
 */
export const SOURCES = {
  /** A mini-program client (wx.cloud.callFunction). A client can call every function of the environment. */
  client: 'wx_client',
  /** WeChat DevTools. */
  devtools: 'wx_devtools',
  /** WeChat DevTools' local debugging. */
  localDebug: 'wx_localdebug',
  /** The timer trigger in a function's config.json. */
  timer: 'wx_trigger',
  /** WeChat Pay's result notification, to the function named in unifiedOrder/refund (`functionName`). */
  payCallback: 'wx_paycallback',
} as const

/** True when the call chain starts at a WeChat client or the IDE: a user's call, whatever it forwards. */
export function fromUserSide(inv: Invocation): boolean {
  const first = inv.source.split(',')[0]
  return Boolean(inv.openid) || first === SOURCES.client || first === SOURCES.devtools || first === SOURCES.localDebug
}

/** A function called by a system (WeChat Pay, the timer, the center over HTTP), with its answer to "who can call this?". */
export interface SystemEntry<R> {
  name: string
  /** Who may call it, in a sentence for the logs and the README. */
  callers: string
  /** The platform's say-so: true lets the call reach `run`. */
  admits(inv: Invocation): boolean
  run(ports: Ports, event: unknown): Promise<R>
}

export function defineSystemEntry<R>(entry: SystemEntry<R>): SystemEntry<R> {
  return entry
}

/** The answer to a caller the entry does not admit. */
export type Refusal = Extract<Reply<never>, { ok: false }>

/**
 * Runs a system entry for one invocation. A caller it does not admit gets FORBIDDEN, is logged
 * (source, and whether a user's OPENID came with it), and nothing runs, so nothing is written.
 */
export async function invokeSystem<R>(entry: SystemEntry<R>, event: unknown, inv: Invocation, ports: Ports): Promise<R | Refusal> {
  if (!entry.admits(inv)) {
    ports.log.warn('system entry refused', { fn: entry.name, source: inv.source.slice(0, 64), openid: inv.openid, callers: entry.callers })
    return { ok: false, error: new AppError('FORBIDDEN').toBody() }
  }
  return entry.run(ports, event)
}

/** True when a system entry's answer is a refusal rather than its own reply. */
export function isRefusal(reply: unknown): reply is Refusal {
  return Boolean(reply && typeof reply === 'object' && (reply as { ok?: unknown }).ok === false && (reply as { error?: { code?: unknown } }).error?.code === 'FORBIDDEN')
}
