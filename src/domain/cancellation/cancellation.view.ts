import type { ErrorBody } from '../errors'
import type { ApplicationState } from './cancellation.machine'
import type { AccountState } from './eligibility'
import type { CancelReason, MaterialKind, MaterialMime } from './reasons'

/** One attached proof, as pages see it (the URL lives 10 minutes). */
export interface MaterialView {
  materialId: string
  kind: MaterialKind
  kindTitle: string
  name: string
  mime: MaterialMime
  bytes: number
  uploadedAt: string
  url?: string
}

export interface ApplicationSummary {
  applicationId: string
  status: ApplicationState
  statusLabel: string
  reason: CancelReason
  reasonTitle: string
  cityName: string
  createdAt: string
  updatedAt: string
}

/** Everything the detail and review pages show, masked: ID numbers, phone and card are never sent whole. */
export interface ApplicationView extends ApplicationSummary {
  cityCode: string
  accountState: AccountState
  realNameVerified: boolean
  round: number
  insured: { name: string; idNumberMasked: string }
  heir?: { name: string; idNumberMasked: string; relation: string; relationLabel: string }
  phoneMasked: string
  bank: { bankCode: string; bankName: string; cardMasked: string; holderName: string }
  materials: MaterialView[]
  required: Array<{ kind: MaterialKind; title: string; hint: string; attached: number }>
  optional: Array<{ kind: MaterialKind; title: string; hint: string; attached: number }>
  missing: MaterialKind[]
  timeline: Array<{ to: ApplicationState; label: string; actor: string; reason?: string; at: string }>
  rejection?: { reason: string; at: string }
  refund?: { amountFen?: number; amountLabel?: string; date?: string; method: string; recordedAt: string }
  reviewDays: number
  canEdit: boolean
  canSubmit: boolean
}

export type SubmitError = ErrorBody

/** A row of the operator's cancellation queue: masked, like everything operators see. */
export interface OpsApplicationRow extends ApplicationSummary {
  insuredName: string
  idNumberMasked: string
  phoneMasked: string
  round: number
  materialsCount: number
  missing: number
}

/** The operator's detail: the user's view plus review decisions and the notifications sent. */
export interface OpsApplicationDetail extends ApplicationView {
  decisions: Array<{ decisionId: string; round: number; decision: 'approve' | 'reject'; effect: string; at: string }>
  notifications: Array<{ id: string; status: string; statusText: string; at: string }>
}
