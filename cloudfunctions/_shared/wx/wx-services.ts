import type cloud from 'wx-server-sdk'
import { randomBytes } from 'node:crypto'
import { createCloudPayPort, type CloudPayApi } from '../payment/cloud-pay'
import { NotifyError, type Notifier, type Pay } from '../ports'

/** Errors that retrying cannot fix: no quota (43101), bad openid (40003), bad field (47003), page not released (41030). */
const PERMANENT = new Set([43101, 40003, 47003, 41030])

/**
 * cloudPay: https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/open/pay/CloudPay.unifiedOrder.html
 * Payment and refund results reach the payCallback function (`functionName`).
 */
export function createWxPay(sdk: typeof cloud, subMchId: string, envId: string): Pay {
  const api = (sdk as unknown as { cloudPay: CloudPayApi }).cloudPay
  return createCloudPayPort(api, {
    subMchId,
    envId,
    nonce: () => randomBytes(16).toString('hex'),
    paymentParams: (answer) => {
      if (!answer.payment) throw new Error('unifiedOrder answered without payment parameters')
      return { kind: 'wechat', ...answer.payment }
    },
  })
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
