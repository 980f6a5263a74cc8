import { AppError } from '../../../src/domain/errors'
import type { OrderHistoryEntry, OrderState } from '../../../src/domain/order/order.machine'
import { ORDER_STATUS_LABELS, availableEvents, unpaidDeadline } from '../../../src/domain/order/order.machine'
import { formatYuan } from '../../../src/domain/order/prices'
import { maskName } from '../../../src/domain/identity/name'
import { daysLeft } from '../../../src/domain/order/receipt-validity'
import { REJECT_REASONS, type OrderSummary, type OrderView, type RejectReasonCode } from '../../../src/domain/order/order.view'
import type { DocumentType } from '../../../src/domain/photo/spec.types'
import { DOCUMENT_TYPES } from '../../../src/domain/photo/specs'
import { cityByCode, cityLabel } from '../../../src/domain/region'
import type { Ctx } from '../handler'
import type { Ports } from '../ports'
import type { OrderRefund } from '../payment/refund'

/**
 * A receipt order as stored in the `orders` collection. Field names read well in the CloudBase console;
 * the ID number and phone are sealed (AES-256-GCM) with their masked forms beside them.
 */
export interface OrderDoc {
  _id: string
  openid: string
  status: OrderState
  /** Incremented by every transition: the condition that makes each write win at most once. */
  version: number
  documentType: DocumentType
  cityCode: string
  cityName: string
  specId: string
  photoId: string
  photoFileID: string
  applicant: {
    name: string
    idNumberSealed: string
    idNumberMasked: string
    phoneSealed: string
    phoneMasked: string
    /** Last four characters, for operators' search (the rest stays sealed). */
    idLast4: string
    /** Blind index of the full ID number (keyed hash): operators find an order by the whole number without it being stored. */
    idBlind?: string
    phoneLast4: string
    /** How the applicant relates to the user, when the order was made for one of their family profiles (子女, 父母…). */
    relation?: string
  }
  /** The family profile (常用办理人) this case was made for; null once that profile is deleted. */
  profileId?: string | null
  /** Human-readable status for the CloudBase console, beside the machine field. */
  statusText?: string
  amountFen: number
  history: OrderHistoryEntry[]
  submissions: Array<{ submissionId: string; photoId: string; ticketId?: string; at: string }>
  currentSubmissionId?: string
  /** True from the move to `reviewing` until the center acknowledges the submission. */
  pendingSubmit?: boolean
  payment?: { transactionId: string; totalFee: number; paidAt: string }
  /** Payments that could not be applied (wrong amount, paid after cancellation): flagged for an operator. */
  /** True while a flagged payment waits for an operator (the stuck list queries it). */
  hasOpenPaymentIssue?: boolean
  paymentIssues?: Array<{ kind: 'amount_mismatch' | 'paid_after_cancel'; transactionId: string; totalFee: number; at: string; resolvedAt?: string; outRefundNo?: string }>
  /** The operator's refund of this order through WeChat Pay (cloudPay.refund), and its result. */
  refund?: OrderRefund
  rejection?: { code: RejectReasonCode; text?: string; at: string }
  receipt?: { receiptNumber: string; imageNumber?: string; approvedAt: string; expiresAt: string }
  /** The case that used this receipt (receipts are single-use), claimed by one conditional write. */
  receiptUse?: { caseId: string; kind: 'card_reissue'; at: string } | null
  /** The receipt image (private): the provider's own, fetched when it completes, or our slip rendered on first download. */
  receiptFileID?: string
  /** What the receipt provider charged for this order (zjzapi and 可立图 charge only on success): the operators' margin. */
  providerCost?: { provider: string; fen: number; at: string }
  /** When the sweeper next asks the provider's query for this order's result (overdue by processing_time, then backing off). */
  providerQueryAt?: string
  /** Queries that found the result still pending (the back-off's exponent). */
  providerQueries?: number
  /** A refusal of the submission that retrying cannot cure (PERMANENT_PROVIDER_ERRORS): shown to operators, who resubmit once it is fixed. */
  submitError?: { code: string; message: string; at: string } | null
  /** The provider cancelled the application (zjzapi 取消完成): the order is rejected and flagged for a refund. */
  providerCancelled?: boolean
  createdAt: string
  updatedAt: string
}

export const orders = (ports: Pick<Ports, 'db'>) => ports.db.collection<OrderDoc>('orders')

/** The caller's own order, or ORDER_NOT_FOUND: another user's order is indistinguishable from none. */
export async function ownOrder(ctx: Ctx, orderId: string): Promise<OrderDoc> {
  const order = await orders(ctx).get(orderId)
  if (!order || order.openid !== ctx.caller.openid) throw new AppError('ORDER_NOT_FOUND')
  return order
}

const documentTitle = (type: DocumentType) => DOCUMENT_TYPES.find((d) => d.type === type)?.title ?? type

export function toSummary(order: OrderDoc): OrderSummary {
  const city = cityByCode(order.cityCode)
  return {
    orderId: order._id,
    status: order.status,
    statusLabel: ORDER_STATUS_LABELS[order.status],
    documentTitle: documentTitle(order.documentType),
    cityLabel: city ? cityLabel(city) : order.cityName,
    amountLabel: formatYuan(order.amountFen),
    createdAt: order.createdAt,
    receiptNumber: order.receipt?.receiptNumber,
    applicantMasked: order.applicant ? maskName(order.applicant.name) : undefined,
    applicantRelation: order.applicant?.relation,
  }
}

export function toView(order: OrderDoc, now: Date, photoUrl?: string): OrderView {
  return {
    ...toSummary(order),
    documentType: order.documentType,
    cityCode: order.cityCode,
    amountFen: order.amountFen,
    applicant: { name: maskName(order.applicant.name), idNumberMasked: order.applicant.idNumberMasked, phoneMasked: order.applicant.phoneMasked },
    photoUrl,
    timeline: order.history.map((h) => ({ to: h.to, label: ORDER_STATUS_LABELS[h.to], actor: h.actor, reason: h.reason, at: h.at })),
    payDeadline: order.status === 'created' ? unpaidDeadline(order.createdAt) : undefined,
    rejection: order.status === 'rejected' && order.rejection ? { code: order.rejection.code, label: REJECT_REASONS[order.rejection.code], text: order.rejection.text } : undefined,
    receipt: order.receipt
      ? { ...order.receipt, daysLeft: daysLeft(order.receipt.expiresAt, now), ...(order.receiptUse ? { usedAt: order.receiptUse.at, usedFor: '社保卡补办' } : {}) }
      : undefined,
    submissions: order.submissions.length,
    canPay: order.status === 'created',
    canCancel: availableEvents(order.status, 'user').includes('cancel'),
    canResubmit: availableEvents(order.status, 'user').includes('resubmitted'),
  }
}
