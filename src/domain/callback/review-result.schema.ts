import * as v from 'valibot'
import { OrderId } from '../order/order.schema'
import { REJECT_REASONS, type RejectReasonCode } from '../order/order.view'

/** The detection center's review result (docs/api/detection-center.openapi.yaml, ReviewResult). */
export const ReviewResult = v.pipe(
  v.object({
    callbackId: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
    orderId: OrderId,
    submissionId: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
    ticketId: v.optional(v.pipe(v.string(), v.maxLength(64))),
    result: v.picklist(['approved', 'rejected']),
    receiptNumber: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z0-9-]{4,32}$/, '回执号格式不正确'))),
    imageNumber: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z0-9-]{4,32}$/, '图像号格式不正确'))),
    reasonCode: v.optional(v.picklist(Object.keys(REJECT_REASONS) as RejectReasonCode[])),
    reasonText: v.optional(v.pipe(v.string(), v.maxLength(200))),
    reviewedAt: v.pipe(v.string(), v.isoTimestamp()),
  }),
  v.check((r) => r.result !== 'approved' || !!(r.receiptNumber || r.imageNumber), '审核通过时必须提供回执号或图像号'),
  v.check((r) => r.result !== 'rejected' || !!r.reasonCode, '审核未通过时必须提供原因'),
)

export type ReviewResult = v.InferOutput<typeof ReviewResult>

/** What Huizhi did with a callback it acknowledged. */
export type CallbackEffect = 'applied' | 'duplicate' | 'ignored_stale'
