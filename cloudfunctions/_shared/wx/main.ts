import type { Reply } from '../../../src/domain/errors'
import type { TemplateIds } from '../../../src/domain/notify/templates'
import { retentionFromEnv } from '../../../src/domain/privacy/retention'
import { createCenter, providerSettingsFromEnv } from '../provider/select'
import { keyFromBase64 } from '../crypto'
import { invoke, type FunctionDef } from '../handler'
import { createLogger } from '../log'
import { operatorsFromEnv } from '../operators'
import type { Config, Ports } from '../ports'
import { invokeSystem, type Refusal, type SystemEntry } from '../system'
import { wxCloud } from './cloud'
import { assertRuntime } from './runtime'
import { createWxDb } from './wx-db'
import { createWxFiles } from './wx-files'
import { createWxNotifier, createWxPay } from './wx-services'

/** Settings from the function's environment variables (CloudBase console → 云函数 → 配置). */
function configFromEnv(env: NodeJS.ProcessEnv, provider: Config['provider']): Config {
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
    provider,
  }
}

function productionPorts(name: string): Ports {
  assertRuntime()
  const sdk = wxCloud()
  const env = process.env
  const providerSettings = providerSettingsFromEnv(env)
  return {
    db: createWxDb(sdk.database()),
    files: createWxFiles(sdk),
    clock: { now: () => new Date() },
    log: createLogger(name),
    operatorOpenids: operatorsFromEnv(env.HUIZHI_OPERATORS),
    pay: createWxPay(sdk, env.HUIZHI_SUB_MCH_ID ?? '', env.TCB_ENV ?? env.SCF_NAMESPACE ?? ''),
    notifier: createWxNotifier(sdk),
    center: createCenter(providerSettings),
    // Read once, at cold start: a missing or malformed key stops the function before it serves anything.
    config: configFromEnv(env, providerSettings.provider),
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
 * the timer. A client can call every function of an environment, so each entry says who may call it
 * (`admits`), judged on what the platform reports — `getWXContext().SOURCE` and OPENID — never on the
 * event. Anyone else gets FORBIDDEN, is logged, and nothing runs.
 * https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/utils/Cloud.getWXContext.html
 */
export function createSystemMain<R>(entry: SystemEntry<R>): (event: unknown) => Promise<R | Refusal> {
  const ports = productionPorts(entry.name)
  return async (event) => {
    const { SOURCE, OPENID } = wxCloud().getWXContext()
    return invokeSystem(entry, event, { source: typeof SOURCE === 'string' ? SOURCE : '', openid: OPENID || undefined }, ports)
  }
}
