import { handlePayNotification } from '../_shared/payment/pay-callback.handler'
import { SOURCES, defineSystemEntry } from '../_shared/system'

/**
 * Who can call this? Only WeChat Pay: `getWXContext().SOURCE === 'wx_paycallback'`, the source of the
 * result notifications cloudPay delivers to the function named in `unifiedOrder`/`refund` (`functionName`).
 * https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/utils/Cloud.getWXContext.html
 * A mini-program client can call it too (any function of an environment is callable), with SOURCE
 * `wx_client`: that call is refused with FORBIDDEN and writes nothing. Even an admitted notification is
 * only a prompt: the payment is confirmed with cloudPay.queryOrder before it is applied. The source alone
 * decides (exact match: a chain such as `wx_client,scf` is not WeChat Pay); OPENID is not required to be
 * absent, since WeChat does not document the callback's context beyond SOURCE.
 */
export const payCallbackEntry = defineSystemEntry({
  name: 'payCallback',
  callers: 'WeChat Pay notifications only (SOURCE wx_paycallback)',
  admits: (inv) => inv.source === SOURCES.payCallback,
  run: handlePayNotification,
})
