import { handlePayNotification } from '../_shared/orders/payment'
import { createSystemMain } from '../_shared/wx/main'

/** cloudPay calls this with each payment result: https://developers.weixin.qq.com/miniprogram/dev/wxcloud/guide/wechatpay/wechatpay.html */
export const main = createSystemMain('payCallback', handlePayNotification)
