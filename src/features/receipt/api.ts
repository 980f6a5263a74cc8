import type { TemplateKey } from '@/domain/notify/templates'
import type { CreateOrderResult, OrderSummary, OrderView, PaymentParams } from '@/domain/order/order.view'
import { createFunctionClient } from '@/platform/function-client'
import { COPY } from './copy'
import type { ApplicantDraft } from './draft'
import type { OrderBasics } from './routes'

/**
 * The order function's actions as the receipt pages use them. Only reads retry. Errors keep the server's Chinese
 * message; a missing function (not deployed, or not in the emulator yet) gets a sentence people can act on.
 */
const call = createFunctionClient('order', COPY.common.serviceMissing)

export function getOrder(orderId: string): Promise<OrderView> {
  return call<OrderView>('get', { orderId }, 2)
}

/** With its request id a create is safe to send again: a retry finds the order the first one made. */
export function createOrder(basics: OrderBasics, applicant: ApplicantDraft, subscribed: TemplateKey[], requestId: string): Promise<CreateOrderResult> {
  // A 常用办理人 is named by its id: the function fills the applicant from the sealed profile.
  const who = applicant.profileId ? { profileId: applicant.profileId } : { applicant: { name: applicant.name, idNumber: applicant.idNumber, phone: applicant.phone } }
  return call<CreateOrderResult>('create', { ...basics, ...who, subscribed, requestId }, 2)
}

/**
 * Payment parameters for an order that is still unpaid (去支付 on the detail page), with the templates the user
 * accepted on that tap; a new prepay each time, expiring at the order's unpaid deadline (`order.pay`).
 */
export function payOrder(orderId: string, subscribed: TemplateKey[]): Promise<{ payment: PaymentParams }> {
  return call<{ payment: PaymentParams }>('pay', { orderId, subscribed })
}

/** The caller's unpaid orders for this photo (back from the cashier, the order already made for it). */
export function unpaidOrdersFor(photoId: string): Promise<OrderSummary[]> {
  return call<OrderSummary[]>('list', { tab: 'unpaid', photoId }, 2)
}

export function cancelOrder(orderId: string): Promise<OrderView> {
  return call<OrderView>('cancel', { orderId })
}

export function resubmitOrder(orderId: string, photoId: string, subscribed: TemplateKey[]): Promise<OrderView> {
  return call<OrderView>('resubmit', { orderId, photoId, subscribed })
}

export function receiptImage(orderId: string): Promise<{ url: string }> {
  return call<{ url: string }>('receiptImage', { orderId }, 2)
}
