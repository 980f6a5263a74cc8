import * as v from 'valibot'
import { AppError } from '../../../src/domain/errors'
import { isOrderId } from '../../../src/domain/order/order.schema'
import { RefundRefused } from './cloud-pay'
import type { Ports } from '../ports'
import { orders, type OrderDoc } from '../order/order.store'
import { moveCase } from '../case/move'
import { ORDER_KIND } from '../order/order.kind'

/**
 * A refund result as cloudPay delivers it to the function named in `refund` (`functionName`), with WeChat
 * Pay's `req_info` fields under `reqInfo`. Status: SUCCESS, CHANGE (refund failed: to be handled by hand),
 * REFUNDCLOSE. https://pay.weixin.qq.com/wiki/doc/api/wxa/wxa_api.php?chapter=9_16&index=10
 */
export const RefundNotification = v.object({
  returnCode: v.string(),
  reqInfo: v.object({
    outTradeNo: v.string(),
    outRefundNo: v.pipe(v.string(), v.maxLength(64)),
    refundId: v.optional(v.string()),
    refundFee: v.optional(v.number()),
    refundStatus: v.pipe(v.string(), v.maxLength(16)),
    successTime: v.optional(v.string()),
  }),
})
export type RefundNotification = v.InferOutput<typeof RefundNotification>

/** What an order records of its refund: asked for (PROCESSING), then WeChat's result, or FAILED to ask. */
export interface OrderRefund {
  outRefundNo: string
  refundFee: number
  requestedAt: string
  status: 'REQUESTED' | 'PROCESSING' | 'SUCCESS' | 'CHANGE' | 'REFUNDCLOSE' | 'FAILED'
  refundId?: string
  error?: string
  settledAt?: string
}

/** What operators read for each refund status. */
export const REFUND_STATUS_TEXT: Readonly<Record<OrderRefund['status'], string>> = {
  REQUESTED: '待向微信支付申请',
  PROCESSING: '微信支付处理中',
  SUCCESS: '已退回',
  CHANGE: '退款异常，需在商户平台处理',
  REFUNDCLOSE: '退款已关闭',
  FAILED: '微信支付未受理，可重试',
}

/**
 * The refund number of an order, derived from it so that every attempt (a retry, a replay, two operators at
 * once) asks WeChat Pay for the same refund: "一笔退款失败后重新提交，请不要更换退款单号".
 * https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/open/pay/CloudPay.refund.html
 */
export const refundNoFor = (orderId: string) => `${orderId}-refund`
/** The refund number of a flagged payment (the n-th issue of the order; issues are only appended). */
export const issueRefundNoFor = (orderId: string, index: number) => `${orderId}-issue${index}`

/** Asks WeChat Pay for the refund and records the answer on the order; a refusal is recorded and rethrown as coded. */
async function askRefund(ports: Ports, order: OrderDoc, refund: OrderRefund, reason: string): Promise<void> {
  try {
    const { refundId } = await ports.pay.refund({ outTradeNo: order._id, outRefundNo: refund.outRefundNo, totalFee: refund.refundFee, refundFee: refund.refundFee, reason })
    await orders(ports).update({ _id: order._id, 'refund.outRefundNo': refund.outRefundNo, 'refund.status': { $in: ['REQUESTED', 'FAILED'] } }, { set: { 'refund.status': 'PROCESSING', 'refund.refundId': refundId, 'refund.error': null, hasOpenPaymentIssue: false } })
  } catch (error) {
    const message = error instanceof RefundRefused ? error.description : error instanceof Error ? error.message : String(error)
    await orders(ports).update({ _id: order._id, 'refund.outRefundNo': refund.outRefundNo, 'refund.status': { $in: ['REQUESTED', 'FAILED'] } }, { set: { 'refund.status': 'FAILED', 'refund.error': message.slice(0, 200), hasOpenPaymentIssue: true } })
    ports.log.warn('refund not accepted by WeChat Pay', { orderId: order._id, outRefundNo: refund.outRefundNo, error: message })
    throw new AppError('REFUND_FAILED', `${REFUND_FAILED_PREFIX}${message.slice(0, 60)}`)
  }
}

const REFUND_FAILED_PREFIX = '微信支付未受理退款：'

/**
 * An operator's refund of a paid order that was never reviewed, or of a rejected one (the `refund` event of
 * the order machine). The order moves to `refunded` first, in one conditional write, so it cannot be
 * submitted or refunded twice; then WeChat Pay is asked for the whole payment under the order's refund
 * number. Asking again (a retry after a failure, a replay, a concurrent call) asks for the same refund.
 * Amount-checked: the payment on record must be the order's amount, and `expectedFen`, when the operator
 * gives it, must be that amount.
 */
export async function refundOrder(ports: Ports, order: OrderDoc, reason: string, expectedFen?: number): Promise<OrderDoc> {
  if (order.status === 'refunded' && order.refund) {
    if (expectedFen !== undefined && expectedFen !== order.refund.refundFee) throw new AppError('REFUND_AMOUNT_MISMATCH')
    if (order.refund.status === 'REQUESTED' || order.refund.status === 'FAILED') await askRefund(ports, order, order.refund, reason)
    return (await orders(ports).get(order._id)) as OrderDoc
  }
  if (!order.payment) throw new AppError('ORDER_INVALID_TRANSITION', '该订单没有支付记录，不能退款')
  const fee = order.payment.totalFee
  if (fee !== order.amountFen || (expectedFen !== undefined && expectedFen !== fee)) {
    ports.log.warn('refund amount refused', { orderId: order._id, paid: fee, amount: order.amountFen, asked: expectedFen })
    throw new AppError('REFUND_AMOUNT_MISMATCH')
  }
  const refund: OrderRefund = { outRefundNo: refundNoFor(order._id), refundFee: fee, requestedAt: ports.clock.now().toISOString(), status: 'REQUESTED' }
  // Open until WeChat Pay accepts the refund: a crash between the move and the request leaves it in the stuck list.
  const moved = await moveCase(ports, ORDER_KIND, order, 'refund', 'operator', { reason, set: { hasOpenPaymentIssue: true, refund } })
  if (!moved) {
    // Someone else moved it first: a concurrent refund continues as a replay; anything else is a conflict.
    const now = (await orders(ports).get(order._id)) as OrderDoc
    if (now.status === 'refunded' && now.refund) return refundOrder(ports, now, reason, expectedFen)
    throw new AppError('ORDER_INVALID_TRANSITION')
  }
  await askRefund(ports, moved, refund, reason)
  return (await orders(ports).get(order._id)) as OrderDoc
}

/**
 * Refunds the payments flagged on an order (a wrong amount, a payment after cancellation): each one in
 * full, as WeChat Pay recorded it, under its own derived refund number, then marks them resolved.
 */
export async function refundPaymentIssues(ports: Ports, order: OrderDoc): Promise<void> {
  const issues = order.paymentIssues ?? []
  for (const [index, issue] of issues.entries()) {
    if (issue.resolvedAt) continue
    try {
      await ports.pay.refund({ outTradeNo: order._id, outRefundNo: issueRefundNoFor(order._id, index), totalFee: issue.totalFee, refundFee: issue.totalFee, reason: '支付异常退款' })
    } catch (error) {
      const message = error instanceof RefundRefused ? error.description : error instanceof Error ? error.message : String(error)
      ports.log.warn('refund of a flagged payment not accepted', { orderId: order._id, index, error: message })
      throw new AppError('REFUND_FAILED', `${REFUND_FAILED_PREFIX}${message.slice(0, 60)}`)
    }
  }
  const at = ports.clock.now().toISOString()
  const resolved = issues.map((i, index) => (i.resolvedAt ? i : { ...i, resolvedAt: at, outRefundNo: issueRefundNoFor(order._id, index) }))
  const changed = await orders(ports).update({ _id: order._id, version: order.version }, { set: { paymentIssues: resolved, hasOpenPaymentIssue: false, updatedAt: at }, inc: { version: 1 } })
  if (changed !== 1) throw new AppError('CONFLICT')
}

/**
 * A refund result from WeChat Pay (through the pay callback, which admits only WeChat Pay's source):
 * recorded once on the order whose refund number it names; anything else is acknowledged and ignored.
 */
export async function applyRefundNotification(ports: Ports, note: RefundNotification): Promise<{ errcode: number; errmsg: string }> {
  const { outTradeNo, outRefundNo, refundStatus } = note.reqInfo
  if (note.returnCode !== 'SUCCESS' || !isOrderId(outTradeNo)) return { errcode: 0, errmsg: 'OK' }
  const status = ['SUCCESS', 'CHANGE', 'REFUNDCLOSE'].includes(refundStatus) ? (refundStatus as OrderRefund['status']) : undefined
  if (!status) {
    ports.log.warn('refund result with an unknown status', { orderId: outTradeNo, refundStatus })
    return { errcode: 0, errmsg: 'OK' }
  }
  const changed = await orders(ports).update(
    { _id: outTradeNo, 'refund.outRefundNo': outRefundNo, 'refund.status': { $in: ['REQUESTED', 'PROCESSING', 'FAILED'] } },
    { set: { 'refund.status': status, 'refund.settledAt': note.reqInfo.successTime ?? ports.clock.now().toISOString(), hasOpenPaymentIssue: status !== 'SUCCESS' } },
  )
  if (changed) ports.log.info('refund result recorded', { orderId: outTradeNo, status })
  if (status !== 'SUCCESS') ports.log.warn('refund did not succeed: an operator must handle it', { orderId: outTradeNo, outRefundNo, status })
  return { errcode: 0, errmsg: 'OK' }
}
