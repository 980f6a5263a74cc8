import { AppError } from '@/domain/errors'
import type { AuditEntry, Board, OpsOrderDetail, OpsOrderRow, StuckItem } from '@/domain/ops/ops.view'
import { callFunction } from '@/platform/cloud'
import { COPY } from './copy'

/**
 * The ops function's actions as the operator console uses them (contract: src/domain/ops/ops.view.ts).
 * Only reads retry; every action is written to the audit log by the server. Errors keep the server's Chinese
 * message; a missing function (not deployed, or not in the emulator yet) gets a sentence people can act on.
 */
async function call<T>(action: string, data: unknown, retries = 0): Promise<T> {
  try {
    return await callFunction<T>('ops', action, data, { retries })
  } catch (error) {
    if (error instanceof AppError && error.code === 'UNKNOWN_FUNCTION') throw new AppError('UNKNOWN_FUNCTION', COPY.common.serviceMissing)
    throw error
  }
}

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
