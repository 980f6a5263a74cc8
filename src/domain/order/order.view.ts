import type { DocumentType } from '../photo/spec.types'
import type { CheckResult } from '../photo/checks'
import type { OrderState } from './order.machine'

/**
 * What the order function answers to pages. Personal data arrives masked; full values never leave
 * the server. Instants are UTC ISO strings (show them with formatInstant).
 */

/** Coded reasons a reviewer picks from when a photo fails review (plus free text). */
export const REJECT_REASONS = {
  BACKGROUND_SHADOW: '背景有阴影',
  HEAD_PROPORTION: '头部比例不符',
  ACCESSORIES: '佩戴饰品',
  EXPRESSION: '表情不自然',
  BLURRED: '照片模糊',
  LIGHTING: '光线不均匀',
  EARS_COVERED: '耳朵或眉毛被遮挡',
  OTHER: '其他原因',
} as const

export type RejectReasonCode = keyof typeof REJECT_REASONS

export interface OrderSummary {
  orderId: string
  status: OrderState
  statusLabel: string
  documentTitle: string
  cityLabel: string
  amountLabel: string
  createdAt: string
  /** Set when approved. */
  receiptNumber?: string
  /** Whose case it is, masked (张*): the order card says so when the user orders for someone else. */
  applicantMasked?: string
  /** Set when the order was made for a family profile (常用办理人): 子女, 父母… */
  applicantRelation?: string
}

export interface OrderTimelineEntry {
  to: OrderState
  label: string
  actor: 'user' | 'system' | 'reviewer' | 'operator'
  reason?: string
  at: string
}

export interface OrderView extends OrderSummary {
  documentType: DocumentType
  cityCode: string
  amountFen: number
  applicant: { name: string; idNumberMasked: string; phoneMasked: string }
  /** The photo under review, through a short-lived URL. */
  photoUrl?: string
  photoChecks?: CheckResult[]
  timeline: OrderTimelineEntry[]
  /** Unpaid orders are cancelled at this instant. */
  payDeadline?: string
  rejection?: { code: RejectReasonCode; label: string; text?: string }
  receipt?: {
    receiptNumber: string
    imageNumber?: string
    approvedAt: string
    expiresAt: string
    daysLeft: number
    /** Set once the receipt was used (a card reissue): receipts are single-use. */
    usedAt?: string
    usedFor?: string
  }
  /** How many times the photo went to review (1 + free resubmissions). */
  submissions: number
  canPay: boolean
  canCancel: boolean
  canResubmit: boolean
}

/**
 * How the client pays. In WeChat: the parameters for wx.requestPayment from cloudPay.unifiedOrder.
 * Locally: the simulated cashier's address.
 */
export type PaymentParams =
  | { kind: 'wechat'; timeStamp: string; nonceStr: string; package: string; signType: 'MD5' | 'HMAC-SHA256' | 'RSA'; paySign: string }
  | { kind: 'local-cashier'; cashierUrl: string }

export interface CreateOrderResult {
  orderId: string
  amountFen: number
  payment: PaymentParams
}

/** One service notification as the 消息 page shows it. */
export interface InboxMessage {
  id: string
  title: string
  fields: Array<{ label: string; value: string }>
  /** The page the notification opens, e.g. the order detail. */
  page: string
  at: string
  /**
   * The approved order's whole 回执号 (and 图像号), which WeChat's 20-character field cuts off: the inbox shows them in full.
   */
  receipt?: { receiptNumber: string; imageNumber?: string }
}
