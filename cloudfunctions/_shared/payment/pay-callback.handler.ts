import * as v from 'valibot'
import { OrderId } from '../../../src/domain/order/order.schema'
import { orders } from '../order/order.store'
import type { Ports } from '../ports'
import { confirmPayment } from './payment'
import { applyRefundNotification, RefundNotification } from './refund'

/**
 * The payment result as cloudPay delivers it to the callback function (WeChat retries it for up to
 * two days until it is acknowledged with errcode 0). A FAIL result carries no transactionId or amount.
 * https://developers.weixin.qq.com/miniprogram/dev/wxcloud/guide/wechatpay/wechatpay.html
 */
export const PayNotification = v.object({
  returnCode: v.string(),
  resultCode: v.optional(v.string()),
  outTradeNo: v.optional(v.string()),
  totalFee: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  transactionId: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(64))),
})
export type PayNotification = v.InferOutput<typeof PayNotification>

/** cloudPay's acknowledgement: errcode 0 stops the retries; anything else is retried for up to two days. */
export interface PayAck {
  errcode: number
  errmsg: string
}

const ACK: PayAck = { errcode: 0, errmsg: 'OK' }

/**
 * The pay callback's handler (its entry admits only WeChat Pay's source). A refund result goes to the
 * refund handler. A payment result is only a prompt: what is applied is WeChat Pay's own record of the
 * trade (`queryOrder`), so a notification that WeChat does not confirm changes nothing.
 * Answers errcode 0 to everything that retrying cannot change — a failed payment, a malformed or unknown
 * trade — so WeChat stops retrying; errcode 1 only while WeChat has not confirmed the payment yet.
 */
export async function handlePayNotification(ports: Ports, event: unknown): Promise<PayAck> {
  const refund = v.safeParse(RefundNotification, event)
  if (refund.success) return applyRefundNotification(ports, refund.output)
  const parsed = v.safeParse(PayNotification, event)
  if (!parsed.success) {
    ports.log.warn('pay callback malformed', { issues: parsed.issues.length })
    return ACK
  }
  const note = parsed.output
  if (note.returnCode !== 'SUCCESS' || note.resultCode !== 'SUCCESS') {
    ports.log.info('pay callback reports no payment', { orderId: note.outTradeNo?.slice(0, 40), returnCode: note.returnCode.slice(0, 16), resultCode: note.resultCode?.slice(0, 16) })
    return ACK
  }
  const orderId = v.safeParse(OrderId, note.outTradeNo)
  const order = orderId.success ? await orders(ports).get(orderId.output) : null
  if (!order) {
    ports.log.warn('pay callback for an unknown order', { orderId: note.outTradeNo?.slice(0, 40) })
    return ACK
  }
  const outcome = await confirmPayment(ports, order, note)
  return outcome === 'unconfirmed' ? { errcode: 1, errmsg: 'payment not confirmed by queryOrder' } : ACK
}
