import type { RejectReasonCode } from '@/domain/order/order.view'
import type { DocumentType } from '@/domain/photo/spec.types'

/** One photo waiting at (or decided by) the local simulated detection center. */
export interface CenterTicket {
  ticketId: string
  orderId: string
  submissionId: string
  documentType: DocumentType
  cityCode: string
  cityName: string
  /** Masked by the center, e.g. 张*. */
  applicantName: string
  /** A short-lived signed URL of the photo under review. */
  photoUrl: string
  submittedAt: string
  status: 'pending' | 'approved' | 'rejected'
}

export type CenterDecision =
  | { ticketId: string; result: 'approved' }
  | { ticketId: string; result: 'rejected'; reasonCode: RejectReasonCode; reasonText?: string }
