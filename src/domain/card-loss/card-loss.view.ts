import type { LossFact } from './card-loss.policy'
import type { CardFunction, ReportKind } from './card-functions'
import type { LossState } from './card-loss.machine'

export interface LossSummary {
  caseId: string
  status: LossState
  statusLabel: string
  cityName: string
  holderName: string
  createdAt: string
  updatedAt: string
}

/** What the tracking page shows: masked, with the frozen functions and what the user may do next. */
export interface LossView extends LossSummary {
  cityCode: string
  idNumberMasked: string
  cardNumberMasked?: string
  report: ReportKind | null
  frozen: Array<{ fn: CardFunction; title: string; detail: string }>
  working: Array<{ fn: CardFunction; title: string; detail: string }>
  /** When a temporary report lapses. */
  temporaryExpiresAt?: string
  policy: {
    temporaryDays: number
    formalOnline: boolean
    reissueOnline: boolean
    reissueOfflineNote?: string
    reissueFeeFen: number | null
    feeLabel: string
    delivery: Array<'pickup' | 'mail'>
    mailFeeFen: number
    makeDays: number
    /** Values no source states: the page shows them as reference only (参考信息，请以当地社保部门为准). */
    unverified: LossFact[]
    /** The pages the sourced values come from. */
    sources: Array<{ title: string; url: string }>
  }
  reissue?: { orderId: string; receiptNumber: string; delivery: { method: 'pickup' } | { method: 'mail'; addressMasked: string }; feeFen: number | null; requestedAt: string }
  rejection?: { reason: string; at: string }
  timeline: Array<{ to: LossState; label: string; actor: string; reason?: string; at: string }>
  canUpgrade: boolean
  canLift: boolean
  /** Why lifting is not offered, when it is not. */
  liftRefusal?: string
  canReissue: boolean
}

/** A receipt the user may use for the reissue. */
export interface UsableReceipt {
  orderId: string
  receiptNumber: string
  cityName: string
  expiresAt: string
  /** Days left where the validity period has a source; null where it is only a reference (参考有效期). */
  daysLeft: number | null
}

export interface ReceiptChoice {
  usable: UsableReceipt[]
  /** The user's other 社保卡 receipts and why each cannot be used. */
  unusable: Array<{ orderId: string; receiptNumber?: string; why: string }>
}
