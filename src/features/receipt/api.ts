import { AppError } from '@/domain/errors'
import type { TemplateKey } from '@/domain/notify/templates'
import type { CreateOrderResult, OrderView, PaymentParams } from '@/domain/order/order.view'
import { callFunction } from '@/platform/cloud'
import { COPY } from './copy'
import type { ApplicantInput } from './draft'
import type { OrderBasics } from './routes'

/**
 * The order function's actions as the receipt pages use them. Only reads retry. Errors keep the server's Chinese
 * message; a missing function (not deployed, or not in the emulator yet) gets a sentence people can act on.
 */
async function call<T>(action: string, data: unknown, retries = 0): Promise<T> {
  try {
    return await callFunction<T>('order', action, data, { retries })
  } catch (error) {
    if (error instanceof AppError && error.code === 'UNKNOWN_FUNCTION') throw new AppError('UNKNOWN_FUNCTION', COPY.common.serviceMissing)
    throw error
  }
}

export function getOrder(orderId: string): Promise<OrderView> {
  return call<OrderView>('get', { orderId }, 2)
}

/** With its request id a create is safe to send again: a retry finds the order the first one made. */
export function createOrder(basics: OrderBasics, applicant: ApplicantInput, subscribed: TemplateKey[], requestId: string): Promise<CreateOrderResult> {
  return call<CreateOrderResult>('create', { ...basics, applicant, subscribed, requestId }, 2)
}

/**
 * Payment parameters for an order that is still unpaid (去支付 on the detail page), with the templates the user
 * accepted on that tap. NOTE: `order.pay` is not in the agreed contract yet (see the hand-over notes).
 */
export function payOrder(orderId: string, subscribed: TemplateKey[]): Promise<{ payment: PaymentParams }> {
  return call<{ payment: PaymentParams }>('pay', { orderId, subscribed })
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
