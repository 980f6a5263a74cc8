import type cloud from 'wx-server-sdk'
import type { PaymentParams } from '../../../src/domain/order/order.view'
import { NotifyError, type Notifier, type Pay } from '../ports'

/** Errors that retrying cannot fix: no quota (43101), bad openid (40003), bad field (47003), page not released (41030). */
const PERMANENT = new Set([43101, 40003, 47003, 41030])

/**
 * cloudPay: https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-server-api/open/pay/CloudPay.unifiedOrder.html
 * The payment result reaches the payCallback function.
 */
export function createWxPay(sdk: typeof cloud, subMchId: string, envId: string): Pay {
  return {
    async unifiedOrder({ outTradeNo, totalFee, body }) {
      const pay = (sdk as unknown as { cloudPay: { unifiedOrder(input: object): Promise<{ returnCode: string; payment?: Omit<Extract<PaymentParams, { kind: 'wechat' }>, 'kind'> }> } }).cloudPay
      const res = await pay.unifiedOrder({ body, outTradeNo, spbillCreateIp: '127.0.0.1', subMchId, totalFee, envId, functionName: 'payCallback' })
      if (res.returnCode !== 'SUCCESS' || !res.payment) throw new Error(`unifiedOrder failed: ${res.returnCode}`)
      return { kind: 'wechat', ...res.payment }
    },
  }
}

/** https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html */
export function createWxNotifier(sdk: typeof cloud): Notifier {
  return {
    async send({ openid, templateId, page, data }) {
      try {
        await sdk.openapi.subscribeMessage.send({ touser: openid, templateId, page, data, miniprogramState: 'formal' } as never)
      } catch (error) {
        const errcode = Number((error as { errCode?: number }).errCode ?? -1)
        throw new NotifyError(errcode, PERMANENT.has(errcode), error instanceof Error ? error.message : String(error))
      }
    },
  }
}
