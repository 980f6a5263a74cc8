import { createSystemMain } from '../_shared/wx/main'
import { payCallbackEntry } from './payCallback.function'

/** cloudPay calls this with each payment and refund result: https://developers.weixin.qq.com/miniprogram/dev/wxcloud/guide/wechatpay/wechatpay.html */
export const main = createSystemMain(payCallbackEntry)
