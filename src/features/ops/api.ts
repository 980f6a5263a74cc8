import { AppError } from '@/domain/errors'
import type { ApplicationState } from '@/domain/cancellation/cancellation.machine'
import type { DecideApplicationInput } from '@/domain/cancellation/cancellation.schema'
import type { ApplicationView, OpsApplicationDetail, OpsApplicationRow } from '@/domain/cancellation/cancellation.view'
import type { LossSummary, LossView } from '@/domain/card-loss/card-loss.view'
import type { AuditEntry, Board, OpsOrderDetail, OpsOrderRow, StuckItem } from '@/domain/ops/ops.view'
import { createFunctionClient } from '@/platform/function-client'
import { COPY } from './copy'

/**
 * The ops function's actions as the operator console uses them (contract: src/domain/ops/ops.view.ts).
 * Reads, and decisions that carry an idempotency key, retry; every action is written to the audit log by the server.
 * Errors keep the server's Chinese message; a missing function (not deployed, or not in the emulator yet) gets a
 * sentence people can act on.
 */
const call = createFunctionClient('ops', COPY.common.serviceMissing)

/** Not signed in as an operator: the page offers the dev switcher (local mode) next to the message. */
export function isDenied(error: unknown): boolean {
  return error instanceof AppError && (error.code === 'FORBIDDEN' || error.code === 'UNAUTHENTICATED' || error.code === 'UNKNOWN_USER')
}

export const getBoard = (): Promise<Board> => call<Board>('board', {}, 2)
export const getStuck = (): Promise<StuckItem[]> => call<StuckItem[]>('stuck', {}, 2)
export const searchOrders = (query: string): Promise<OpsOrderRow[]> => call<OpsOrderRow[]>('search', { query }, 2)
export const getDetail = (orderId: string): Promise<OpsOrderDetail> => call<OpsOrderDetail>('detail', { orderId }, 2)
export const getAudit = (): Promise<AuditEntry[]> => call<AuditEntry[]>('audit', {}, 2)

/** Shows the photo under review; the server records who looked and why. */
export const revealPhoto = (orderId: string, reason: string): Promise<{ photoUrl: string }> => call<{ photoUrl: string }>('reveal', { orderId, reason })
/** Sends a review that got stuck to the detection center again. */
export const resubmitReview = (orderId: string): Promise<OpsOrderDetail> => call<OpsOrderDetail>('resubmit', { orderId })
/** Sends a failed notification again. */
export const resendNotification = (outboxId: string): Promise<{ status: string }> => call<{ status: string }>('resend', { outboxId })
/** Marks a paid or rejected order for refund (the `refund` transition, operators only). */
export const refundOrder = (orderId: string, reason: string): Promise<OpsOrderDetail> => call<OpsOrderDetail>('refund', { orderId, reason })

/** Which cancellation applications the queue lists: `open` is every one still to be reviewed (submitted or reviewing). */
export type ApplicationQueue = 'open' | ApplicationState

export const getCancellations = (status: ApplicationQueue): Promise<OpsApplicationRow[]> => call<OpsApplicationRow[]>('cancellations', { status }, 2)
/** One application, masked, with proof URLs that live 5 minutes: reload before opening a proof after a long pause. */
export const getCancellation = (applicationId: string): Promise<OpsApplicationDetail> => call<OpsApplicationDetail>('cancellationDetail', { applicationId }, 2)

export interface DecisionResult {
  /** `duplicate`: this decisionId was applied before (a double tap or a retried request), nothing changed. */
  effect: 'applied' | 'duplicate'
  application: ApplicationView
}

/**
 * Records the handling office's result for the submission round the operator reviewed. Safe to retry: the server
 * applies one `decisionId` once. APPLICATION_STALE_RESULT means the user has resubmitted since the page loaded.
 */
export const decideCancellation = (input: DecideApplicationInput): Promise<DecisionResult> => call<DecisionResult>('decideCancellation', input, 2)

/** Which card-loss cases the 挂失补卡 queue lists: `open` is every reissue still to be handled (requested or approved). */
export const LOSS_QUEUES = ['open', 'reissue_requested', 'reissue_approved', 'rejected', 'card_issued'] as const
export type LossQueue = (typeof LOSS_QUEUES)[number]
export type LossDecision = 'approve' | 'reject' | 'issue'

/** A case in the queue: the holder's name masked. */
export interface OpsLossRow extends LossSummary {
  idNumberMasked: string
  receiptNumber?: string
}

/** One case for the operator: the holder masked, with the notifications it sent and the decisions taken. */
export interface OpsLossDetail extends LossView {
  notifications: Array<{ id: string; statusText: string; at: string }>
  decisions: Array<{ decisionId: string; decision: LossDecision; at: string }>
}

export const getLossCases = (status: LossQueue): Promise<OpsLossRow[]> => call<OpsLossRow[]>('lossCases', { status }, 2)
export const getLossDetail = (caseId: string): Promise<OpsLossDetail> => call<OpsLossDetail>('lossDetail', { caseId }, 2)

/** Approves or rejects a reissue, or records the card as made. Safe to retry: the server applies one `decisionId` once. */
export const decideReissue = (input: { caseId: string; decisionId: string; decision: LossDecision; reason?: string }): Promise<{ effect: 'applied' | 'duplicate'; lossCase: LossView }> =>
  call<{ effect: 'applied' | 'duplicate'; lossCase: LossView }>('decideReissue', input, 2)
