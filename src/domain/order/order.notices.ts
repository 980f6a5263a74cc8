import { renderMessage, type MessageData, type TemplateKey } from '../notify/templates'
import type { DocumentType } from '../photo/spec.types'
import { DOCUMENT_TYPES } from '../photo/specs'
import { ORDER_STATUS_WORDS, type OrderHistoryEntry, type OrderState } from './order.machine'
import { hasSourcedValidity } from './receipt-validity'
import { REJECT_REASONS, type RejectReasonCode } from './order.view'

/**
 * Which order move owes the user a message, and its words. Pure: the outbox only delivers what this decides.
 * A review result (approved or rejected) and a cancellation owe one; the cancellation says who cancelled, since a
 * user who cancelled their own order must not read that it timed out.
 */
export interface OrderNoticeFacts {
  orderId: string
  documentType: DocumentType
  cityName: string
  receiptNumber?: string
  rejection?: { code: RejectReasonCode; text?: string }
}

export interface OrderNotice {
  template: TemplateKey
  data: MessageData<TemplateKey>
}

/** 「社保卡回执 · 深圳市」: what the message is about, as the 办理业务 field shows it. */
export const orderTitle = (order: Pick<OrderNoticeFacts, 'documentType' | 'cityName'>): string =>
  `${DOCUMENT_TYPES.find((d) => d.type === order.documentType)?.title ?? ''}回执 · ${order.cityName}`

/** The cancellation reason, by who cancelled: the sweeper after the unpaid window, or the user. */
export const CANCEL_REASONS = {
  system: '超过 30 分钟未支付，订单已自动取消',
  user: '您已取消订单，未产生费用',
} as const

/** A thing field holds 20 characters (WeChat's template rules); a receipt number must never be cut short. */
const THING_MAX = 20

/** The approval's remark: the whole receipt number, with as much of the advice as fits. */
export function approvalRemark(receiptNumber = ''): string {
  for (const text of [`回执号 ${receiptNumber}，请在有效期内使用`, `回执号 ${receiptNumber}`, `回执号${receiptNumber}`]) {
    if ([...text].length <= THING_MAX) return text
  }
  return '回执已出具，请在订单中查看回执号'
}

/** The message the history entry `entry` of an order owes, or undefined when it owes none. */
export function orderNoticeFor(order: OrderNoticeFacts, entry: Pick<OrderHistoryEntry, 'to' | 'actor' | 'at'>): OrderNotice | undefined {
  const title = orderTitle(order)
  if (entry.to === 'approved' || entry.to === 'rejected') {
    const remark =
      entry.to === 'approved'
        ? approvalRemark(order.receiptNumber)
        : `${order.rejection ? REJECT_REASONS[order.rejection.code] : ''}${order.rejection?.text ? `：${order.rejection.text}` : ''}，可免费重新提交`
    return {
      template: 'review_result',
      data: renderMessage('review_result', { character_string1: order.orderId, thing2: title, phrase3: ORDER_STATUS_WORDS[entry.to], time4: entry.at, thing5: remark }),
    }
  }
  if (entry.to === 'cancelled') {
    const reason = entry.actor === 'user' ? CANCEL_REASONS.user : CANCEL_REASONS.system
    return {
      template: 'order_cancelled',
      data: renderMessage('order_cancelled', { character_string1: order.orderId, thing2: title, phrase3: ORDER_STATUS_WORDS.cancelled, time4: entry.at, thing5: reason }),
    }
  }
  return undefined
}

/** What the receipt-expiry reminder is about: the order's facts and its issued receipt. */
export interface ReceiptExpiryFacts extends Pick<OrderNoticeFacts, 'documentType' | 'cityName'> {
  status: OrderState
  cityCode: string
  receipt?: { receiptNumber: string; expiresAt: string }
}

/**
 * The reminder an approved receipt owes before it expires (REMIND_DAYS_BEFORE_EXPIRY days ahead), or undefined: only
 * where its validity period has a source (hasSourcedValidity) is the expiry a fact to push; an unsourced period is
 * only 参考 and owes no push.
 */
export function receiptExpiryNotice(order: ReceiptExpiryFacts): OrderNotice | undefined {
  if (order.status !== 'approved' || !order.receipt || !hasSourcedValidity(order.documentType, order.cityCode)) return undefined
  return {
    template: 'receipt_expiring',
    data: renderMessage('receipt_expiring', {
      character_string1: order.receipt.receiptNumber,
      thing2: orderTitle(order),
      time3: order.receipt.expiresAt,
      thing4: '回执即将到期，请尽快办理，过期需重新办理',
    }),
  }
}
