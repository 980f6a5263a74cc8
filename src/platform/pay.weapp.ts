import Taro from '@tarojs/taro'
import type { PaymentParams } from '@/domain/order/order.view'
import { PayError, type PayOutcome } from './pay.types'

export { PayError, type PayFailure, type PayOutcome } from './pay.types'

/**
 * weapp build: WeChat Pay with the parameters `cloudPay.unifiedOrder` returned to the order function.
 * Success here only means the user paid; the order moves on when the payment callback reaches the server.
 * https://developers.weixin.qq.com/miniprogram/dev/api/payment/wx.requestPayment.html
 */
export async function pay(params: PaymentParams): Promise<PayOutcome> {
  if (params.kind !== 'wechat') throw new PayError('unsupported', params.kind)
  try {
    await Taro.requestPayment({ timeStamp: params.timeStamp, nonceStr: params.nonceStr, package: params.package, signType: params.signType, paySign: params.paySign })
    return 'paid'
  } catch (error) {
    const errMsg = String((error as { errMsg?: string } | undefined)?.errMsg ?? '')
    throw new PayError(/cancel/i.test(errMsg) ? 'cancelled' : 'failed', errMsg)
  }
}
