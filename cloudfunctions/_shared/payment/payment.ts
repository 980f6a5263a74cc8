import { ORDER_MACHINE, type Actor } from '../../../src/domain/order/order.machine'
import type { Ports } from '../ports'
import { orders, type OrderDoc } from '../order/order.store'
import type { PayNotification } from './pay-callback.handler'
import { submitPaidOrder } from '../order/submission'
import { moveCase } from '../case/move'
import { ORDER_KIND } from '../order/order.kind'

export type PaymentOutcome = 'applied' | 'already' | 'flagged' | 'unconfirmed'

/** WeChat Pay's own record of the order's payment (queryOrder), or null when it has none; a notification only hints. */
async function recordedTrade(ports: Ports, order: OrderDoc, note?: PayNotification): Promise<{ transactionId: string; totalFee: number } | null> {
  const trade = await ports.pay.queryOrder(order._id)
  if ((trade.state !== 'SUCCESS' && trade.state !== 'REFUND') || !trade.transactionId || trade.totalFee === undefined) {
    ports.log.warn('payment not confirmed by WeChat Pay', { orderId: order._id, tradeState: trade.state, notified: Boolean(note) })
    return null
  }
  if (note && (note.transactionId !== trade.transactionId || note.totalFee !== trade.totalFee)) {
    ports.log.warn('pay notification disagrees with queryOrder; WeChat Pay record used', { orderId: order._id, notifiedFee: note.totalFee, recordedFee: trade.totalFee })
  }
  return { transactionId: trade.transactionId, totalFee: trade.totalFee }
}

/**
 * Applies the payment WeChat Pay has on record for the order (cloudPay.queryOrder: trade_state SUCCESS),
 * once. Idempotent on the transaction. A paid amount other than the order's, or a payment for a cancelled
 * order, is flagged for an operator (refund) and never marks the order paid.
 * https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/open/pay/CloudPay.queryOrder.html
 */
export async function confirmPayment(ports: Ports, order: OrderDoc, note?: PayNotification): Promise<PaymentOutcome> {
  const trade = await recordedTrade(ports, order, note)
  if (!trade) return 'unconfirmed'
  const { transactionId, totalFee } = trade
  if (order.payment?.transactionId === transactionId) return 'already'
  const at = ports.clock.now().toISOString()
  const flag = async (kind: 'amount_mismatch' | 'paid_after_cancel'): Promise<PaymentOutcome> => {
    const already = order.paymentIssues?.some((i) => i.transactionId === transactionId && i.kind === kind)
    if (!already) await orders(ports).update({ _id: order._id }, { set: { hasOpenPaymentIssue: true }, push: { paymentIssues: { kind, transactionId, totalFee, at } } })
    ports.log.warn('payment flagged for an operator', { orderId: order._id, kind, totalFee, expected: order.amountFen })
    return 'flagged'
  }
  if (totalFee !== order.amountFen) return flag('amount_mismatch')
  if (order.status === 'cancelled') return flag('paid_after_cancel')
  if (order.status !== 'created') {
    if (order.payment && order.payment.transactionId !== transactionId) return flag('amount_mismatch')
    return 'already'
  }
  const paid = await moveCase(ports, ORDER_KIND, order, 'pay_confirmed', 'system', { set: { payment: { transactionId, totalFee, paidAt: at } } })
  if (paid) await submitPaidOrder(ports, paid)
  return paid ? 'applied' : 'already'
}

/**
 * Cancels an unpaid order, by its user or by the sweeper after 30 minutes: first closes the WeChat Pay
 * trade (cloudPay.closeOrder) so the prepay can no longer be paid, then moves the order. When WeChat
 * refuses to close because the user has paid, the payment is applied instead and nothing is cancelled
 * (unless the amount paid is wrong: then it stays flagged for a refund and the order is cancelled).
 * Returns the cancelled order, or null when it was paid or another writer moved it first.
 * https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/open/pay/CloudPay.closeOrder.html
 */
export async function cancelUnpaidOrder(ports: Ports, order: OrderDoc, actor: Extract<Actor, 'user' | 'system'>): Promise<OrderDoc | null> {
  ORDER_MACHINE.transition(order.status, 'cancel', actor)
  if ((await ports.pay.closeOrder(order._id)) === 'paid') {
    // Paid after all: apply it. A payment of the wrong amount stays flagged for a refund, and the order is cancelled.
    if ((await confirmPayment(ports, order)) !== 'flagged') return null
    const fresh = await orders(ports).get(order._id)
    if (!fresh || fresh.status !== 'created') return null
    return moveCase(ports, ORDER_KIND, fresh, 'cancel', actor)
  }
  return moveCase(ports, ORDER_KIND, order, 'cancel', actor)
}

/** The sweeper's auto-cancel of one stale unpaid order; a failure to reach WeChat Pay leaves it for the next run. */
export async function autoCancelUnpaid(ports: Ports, order: OrderDoc): Promise<boolean> {
  try {
    return (await cancelUnpaidOrder(ports, order, 'system')) !== null
  } catch (error) {
    ports.log.warn('auto-cancel deferred', { orderId: order._id, error: error instanceof Error ? error.message : String(error) })
    return false
  }
}
