import { blindIndex } from './crypto'
import type { Ctx } from './handler'

/**
 * The id of the document a request id names, e.g. `od_…` for an order: an HMAC of the caller and the request
 * id under the data key, so a retried create lands on the same id (and the add on a duplicate key).
 */
export function requestedId(ctx: Pick<Ctx, 'config' | 'caller'>, prefix: string, requestId: string): string {
  return `${prefix}_${blindIndex(ctx.config.dataKey, `${prefix}-request`, `${ctx.caller.openid}:${requestId}`).slice(0, 24)}`
}
