import * as v from 'valibot'
import type { OrderState } from '../order/order.machine'
import type { OrderTimelineEntry } from '../order/order.view'
import type { CheckResult } from '../photo/checks'
import { OrderId } from '../order/order.schema'

/**
 * The operator view's contract with the `ops` function. Personal data arrives masked; the photo is
 * shown only after an explicit reveal, which is written to the audit log with its reason.
 */

/** An order is "stuck" in review after this long without a result (config; default 30 minutes). */
export const DEFAULT_REVIEW_SLA_MINUTES = 30

export interface BoardCounts {
  /** Orders created in the window, by their current status. */
  byStatus: Partial<Record<OrderState, number>>
  total: number
}

export interface Board {
  today: BoardCounts
  last7Days: BoardCounts
  /** Median minutes from payment to the first review result, over the last 7 days; null without data. */
  medianReviewMinutes: number | null
  /** Cancellation applications and loss cases come with their issues; zero until then. */
  cancellations: number
  lossCases: number
  at: string
}

/** `notification_unknown`: the sender died mid-send, so the message may have gone; an operator decides whether to send it again. */
export type StuckKind = 'review_overdue' | 'payment_issue' | 'notification_failed' | 'notification_unknown'

export interface StuckItem {
  kind: StuckKind
  orderId: string
  label: string
  since: string
  detail: string
  /** The one-tap fix: re-submit to the center, re-send the message, or refund the order. */
  action: 'resubmit' | 'resend' | 'refund'
  /** For notification_failed and notification_unknown: the outbox entry. */
  outboxId?: string
}

export interface OpsOrderRow {
  orderId: string
  status: OrderState
  statusLabel: string
  documentTitle: string
  cityLabel: string
  applicantName: string
  idNumberMasked: string
  phoneMasked: string
  /** Set when the user ordered for a family profile (常用办理人): how the applicant relates to them (子女, 父母…). */
  applicantRelation?: string
  createdAt: string
}

export interface OpsOrderDetail extends OpsOrderRow {
  amountLabel: string
  timeline: OrderTimelineEntry[]
  /** Every callback received: applied, duplicate, ignored_stale, or refused (bad signature, stale, replayed). */
  callbacks: Array<{ callbackId: string; result: string; effect: string; receivedAt: string }>
  notifications: Array<{ id: string; template: string; status: string; attempts: number; lastError?: string; createdAt: string }>
  paymentIssues: Array<{ kind: string; totalFee: number; at: string }>
  submissions: number
  /** The provider's refusal of the current submission, when retrying cannot cure it (a bad key, a dropped type). */
  submitError?: { code: string; message: string; at: string }
  /** What the receipt provider charged for the order and what is left of the price: the operators' margin. */
  margin?: { provider: string; costFen: number; marginFen: number }
  /** The spec the photo was made for, and its pre-check results, for the review desk. */
  specId: string
  photoChecks: CheckResult[]
}

export interface AuditEntry {
  id: string
  at: string
  operator: string
  action: string
  target: string
  reason?: string
}

export const SearchInput = v.object({
  query: v.pipe(v.string('请输入订单号或尾号'), v.trim(), v.regex(/^(od_[0-9a-f]{24}|[0-9Xx]{4}|\d{17}[\dXx])$/, '请输入完整订单号、完整身份证号，或手机号、身份证号的后 4 位')),
})

export const OrderRef = v.object({ orderId: OrderId })

export const RevealInput = v.object({
  orderId: OrderId,
  reason: v.pipe(v.string('请填写查看原因'), v.trim(), v.minLength(2, '请填写查看原因'), v.maxLength(100, '原因最多 100 字')),
})

export const ResendInput = v.object({ outboxId: v.pipe(v.string(), v.regex(/^od_[0-9a-f]{24}#[0-9a-z]+$/, '消息编号不正确')) })

export const RefundInput = v.object({
  orderId: OrderId,
  reason: v.pipe(v.string('请填写退款原因'), v.trim(), v.minLength(2, '请填写退款原因'), v.maxLength(100, '原因最多 100 字')),
  /** The amount the operator means to refund, in fen: when given, it must be what was paid (REFUND_AMOUNT_MISMATCH). */
  amountFen: v.optional(v.pipe(v.number('退款金额不正确'), v.integer('退款金额不正确'), v.minValue(1, '退款金额不正确'))),
})

/** `ops.setOperator`: grant or withdraw the operator role (operators only; audited). */
export const SetOperatorInput = v.object({
  openid: v.pipe(v.string('缺少用户标识'), v.regex(/^o[A-Za-z0-9_-]{20,40}$/, '用户标识不正确')),
  active: v.boolean('请选择授予或撤销'),
  reason: v.pipe(v.string('请填写原因'), v.trim(), v.minLength(2, '请填写原因'), v.maxLength(100, '原因最多 100 字')),
})
