import { ORDER_MACHINE, ORDER_STATUS_LABELS, type OrderEvent, type OrderState } from '../../../src/domain/order/order.machine'
import { orderNoticeFor, receiptExpiryNotice } from '../../../src/domain/order/order.notices'
import { remindUntil, shouldRemind } from '../../../src/domain/order/receipt-validity'
import type { CaseKind } from '../case/move'
import { orders, type OrderDoc } from './order.store'

/**
 * Receipt orders as a case kind: stored in `orders`, moved by ORDER_MACHINE, notified by the domain's order notice
 * rules (a review result, a cancellation worded by who cancelled) and reminded a week before a sourced receipt
 * expires (receipt-validity's window).
 */
export const ORDER_KIND: CaseKind<OrderState, OrderEvent, OrderDoc> = {
  tasks: 'orders',
  collection: orders,
  machine: ORDER_MACHINE,
  labels: ORDER_STATUS_LABELS,
  invalidTransition: ORDER_MACHINE.errors.invalid,
  messageFor: (order, entry) =>
    orderNoticeFor({ orderId: order._id, documentType: order.documentType, cityName: order.cityName, receiptNumber: order.receipt?.receiptNumber, rejection: order.rejection }, entry),
  page: (order) => `features/receipt/pages/detail/index?orderId=${order._id}`,
  orderId: (order) => order._id,
  reminder: {
    where: { status: 'approved' },
    field: 'receipt.expiresAt',
    until: remindUntil,
    messageFor: (order, now) => (order.receipt && shouldRemind(order.receipt.expiresAt, now) ? receiptExpiryNotice(order) : undefined),
  },
}
