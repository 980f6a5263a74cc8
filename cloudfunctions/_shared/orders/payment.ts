import * as v from 'valibot'
import { parseInput } from '../../../src/domain/validation'
import { AppError } from '../../../src/domain/errors'
import { OrderId } from '../../../src/domain/order/order.schema'
import type { Ports } from '../ports'
import { orders } from './order.store'
import { submitPaidOrder } from './submission'
import { moveOrder } from './transitions'

/**
 * The payment result as cloudPay delivers it to the callback function (WeChat retries it for up to
 * two days until it is acknowledged). https://developers.weixin.qq.com/miniprogram/dev/wxcloud/guide/wechatpay/wechatpay.html
 */
export const PayNotification = v.object({
  returnCode: v.string(),
  resultCode: v.optional(v.string()),
  outTradeNo: OrderId,
  totalFee: v.pipe(v.number(), v.integer(), v.minValue(0)),
  transactionId: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
})
export type PayNotification = v.InferOutput<typeof PayNotification>

/** cloudPay's acknowledgement: errcode 0 stops the retries. */
export interface PayAck {
  errcode: number
  errmsg: string
}

const ACK: PayAck = { errcode: 0, errmsg: 'OK' }

/**
 * Applies a payment once. Idempotent on the transaction: a replay of a payment already applied is
 * acknowledged with no effect; a wrong amount or a payment for a cancelled order is flagged for an
 * operator (refund) and never marks the order paid.
 */
export async function handlePayNotification(ports: Ports, event: unknown): Promise<PayAck> {
  let note: PayNotification
  try {
    note = parseInput(PayNotification, event)
  } catch (error) {
    ports.log.warn('pay callback malformed', { error: (error as AppError).message })
    return { errcode: 1, errmsg: 'malformed notification' }
  }
  if (note.returnCode !== 'SUCCESS' || note.resultCode !== 'SUCCESS') {
    ports.log.info('pay callback reports no payment', { orderId: note.outTradeNo, returnCode: note.returnCode, resultCode: note.resultCode })
    return ACK
  }
  const order = await orders(ports).get(note.outTradeNo)
  if (!order) {
    ports.log.warn('pay callback for an unknown order', { orderId: note.outTradeNo })
    return ACK
  }
  if (order.payment?.transactionId === note.transactionId) return ACK
  const at = ports.clock.now().toISOString()
  const flag = async (kind: 'amount_mismatch' | 'paid_after_cancel') => {
    const already = order.paymentIssues?.some((i) => i.transactionId === note.transactionId && i.kind === kind)
    if (!already) await orders(ports).update({ _id: order._id }, { set: { hasOpenPaymentIssue: true }, push: { paymentIssues: { kind, transactionId: note.transactionId, totalFee: note.totalFee, at } } })
    ports.log.warn('payment flagged for an operator', { orderId: order._id, kind, totalFee: note.totalFee, expected: order.amountFen })
    return ACK
  }
  if (note.totalFee !== order.amountFen) return flag('amount_mismatch')
  if (order.status === 'cancelled') return flag('paid_after_cancel')
  if (order.status !== 'created') {
    if (order.payment && order.payment.transactionId !== note.transactionId) return flag('amount_mismatch')
    return ACK
  }
  const paid = await moveOrder(ports, order, 'pay_confirmed', 'system', { set: { payment: { transactionId: note.transactionId, totalFee: note.totalFee, paidAt: at } } })
  if (paid) await submitPaidOrder(ports, paid)
  return ACK
}
