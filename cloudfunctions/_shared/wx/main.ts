import type { Reply } from '../../../src/domain/errors'
import { invoke, type FunctionDef } from '../handler'
import { createLogger } from '../log'
import type { Ports } from '../ports'
import { wxCloud } from './cloud'
import { createWxDb } from './wx-db'
import { createWxFiles } from './wx-files'
import { operatorsFromEnv } from '../operators'


function productionPorts(name: string): Ports {
  const sdk = wxCloud()
  return {
    db: createWxDb(sdk.database()),
    files: createWxFiles(sdk),
    clock: { now: () => new Date() },
    log: createLogger(name),
    operatorOpenids: operatorsFromEnv(process.env.HUIZHI_OPERATORS),
  }
}

/**
 * Turns a function definition into a CloudBase entry.
 * Identity comes from getWXContext(), never from the event.
 * https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-server-api/utils/getWXContext.html
 */
export function createMain(def: FunctionDef): (event: unknown) => Promise<Reply<unknown>> {
  let ports: Ports | undefined
  return async (event) => {
    ports ??= productionPorts(def.name)
    const { OPENID, APPID } = wxCloud().getWXContext()
    return invoke(def, event, OPENID ? { openid: OPENID, appid: APPID } : null, ports)
  }
}
