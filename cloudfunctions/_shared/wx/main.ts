import type { Reply } from '../../../src/domain/errors'
import type { TemplateIds } from '../../../src/domain/notify/templates'
import { retentionFromEnv } from '../../../src/domain/privacy/retention'
import { createHttpCenter } from '../center-http'
import { keyFromBase64 } from '../crypto'
import { invoke, type FunctionDef } from '../handler'
import { createLogger } from '../log'
import { operatorsFromEnv } from '../operators'
import type { Config, Ports } from '../ports'
import { wxCloud } from './cloud'
import { createWxDb } from './wx-db'
import { createWxFiles } from './wx-files'
import { createWxNotifier, createWxPay } from './wx-services'

/** Settings from the function's environment variables (CloudBase console → 云函数 → 配置). */
function configFromEnv(env: NodeJS.ProcessEnv): Config {
  const templateIds: TemplateIds = {
    review_result: env.HUIZHI_TEMPLATE_REVIEW_RESULT ?? '',
    receipt_expiring: env.HUIZHI_TEMPLATE_RECEIPT_EXPIRING ?? '',
    order_cancelled: env.HUIZHI_TEMPLATE_ORDER_CANCELLED ?? '',
    application_result: env.HUIZHI_TEMPLATE_APPLICATION_RESULT ?? '',
    loss_result: env.HUIZHI_TEMPLATE_LOSS_RESULT ?? '',
  }
  return {
    dataKey: keyFromBase64(env.HUIZHI_DATA_KEY, 'HUIZHI_DATA_KEY'),
    centerCallbackSecret: env.HUIZHI_CENTER_CALLBACK_SECRET ?? '',
    templateIds,
    retention: retentionFromEnv(env),
  }
}

function productionPorts(name: string): Ports {
  const sdk = wxCloud()
  const env = process.env
  return {
    db: createWxDb(sdk.database()),
    files: createWxFiles(sdk),
    clock: { now: () => new Date() },
    log: createLogger(name),
    operatorOpenids: operatorsFromEnv(env.HUIZHI_OPERATORS),
    pay: createWxPay(sdk, env.HUIZHI_SUB_MCH_ID ?? '', env.TCB_ENV ?? env.SCF_NAMESPACE ?? ''),
    notifier: createWxNotifier(sdk),
    center: createHttpCenter(env.HUIZHI_CENTER_URL ?? '', env.HUIZHI_CENTER_SUBMIT_SECRET ?? ''),
    // Read once, at cold start: a missing or malformed key stops the function before it serves anything.
    config: configFromEnv(env),
  }
}

/**
 * Turns a function definition into a CloudBase entry.
 * Identity comes from getWXContext(), never from the event.
 * https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-server-api/utils/getWXContext.html
 */
export function createMain(def: FunctionDef): (event: unknown) => Promise<Reply<unknown>> {
  const ports = productionPorts(def.name)
  return async (event) => {
    const { OPENID, APPID } = wxCloud().getWXContext()
    return invoke(def, event, OPENID ? { openid: OPENID, appid: APPID } : null, ports)
  }
}

/**
 * An entry for callers that are systems, not users: the payment callback, the center's HTTP callback,
 * the timer. They authenticate by what they carry (a signature, the platform's own invocation).
 */
export function createSystemMain<R>(name: string, handler: (ports: Ports, event: unknown) => Promise<R>): (event: unknown) => Promise<R> {
  const ports = productionPorts(name)
  return async (event) => handler(ports, event)
}
