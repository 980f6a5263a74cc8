import { isStale, UNPAID_TIMEOUT_MINUTES } from '../../../src/domain/order/order.machine'
import { REMIND_DAYS_BEFORE_EXPIRY } from '../../../src/domain/order/receipt-validity'
import { forwardSubmitted, reconcileApplicationNotices } from '../cancellations/application.store'
import { expireTemporaryReports, reconcileLossNotices, remindTemporaryExpiry } from '../card-loss/loss.store'
import type { Ports } from '../ports'
import { applyRetention, type RetentionReport } from '../privacy/retention'
import { deliverOutbox, enqueueExpiryReminder } from './outbox'
import { orders } from './order.store'
import { deliverSubmission, submitPaidOrder } from './submission'
import { moveOrder, reconcileNotices } from './transitions'

export interface SweepReport {
  cancelled: number
  submitted: number
  /** Cancellation applications handed to review that a crash had left behind. */
  forwarded: number
  /** Temporary card-loss reports that lapsed. */
  lossExpired: number
  /** What the retention rules deleted this run. */
  retention?: RetentionReport
  notices: Awaited<ReturnType<typeof deliverOutbox>>
}

/**
 * The periodic sweep (a timer trigger in CloudBase, an interval locally): cancels orders left unpaid
 * for 30 minutes, (re)submits paid orders the center has not acknowledged, reminds a week before a
 * receipt expires, restores notices a crash may have dropped, and delivers the outbox.
 */
export async function sweep(ports: Ports): Promise<SweepReport> {
  const now = ports.clock.now()
  const report: SweepReport = { cancelled: 0, submitted: 0, forwarded: 0, lossExpired: 0, notices: { sent: 0, failed: 0, skipped: 0, retried: 0 } }
  const cutoff = new Date(now.getTime() - UNPAID_TIMEOUT_MINUTES * 60_000).toISOString()
  for (const order of await orders(ports).find({ status: 'created', createdAt: { $lte: cutoff } }, { limit: 200 })) {
    if (isStale(order, now) && (await moveOrder(ports, order, 'cancel', 'system'))) report.cancelled++
  }
  for (const order of await orders(ports).find({ status: 'paid' }, { limit: 200 })) {
    await submitPaidOrder(ports, order)
    report.submitted++
  }
  for (const order of await orders(ports).find({ status: 'reviewing', pendingSubmit: true }, { limit: 200 })) {
    if (await deliverSubmission(ports, order)) report.submitted++
  }
  const remindBefore = new Date(now.getTime() + REMIND_DAYS_BEFORE_EXPIRY * 24 * 3600_000).toISOString()
  for (const order of await orders(ports).find({ status: 'approved', 'receipt.expiresAt': { $lte: remindBefore, $gt: now.toISOString() } }, { limit: 200 })) {
    await enqueueExpiryReminder(ports, order)
  }
  await reconcileNotices(ports, new Date(now.getTime() - 24 * 3600_000).toISOString())
  report.forwarded = await forwardSubmitted(ports)
  report.lossExpired = await expireTemporaryReports(ports)
  await remindTemporaryExpiry(ports)
  await reconcileLossNotices(ports, new Date(now.getTime() - 24 * 3600_000).toISOString())
  await reconcileApplicationNotices(ports, new Date(now.getTime() - 24 * 3600_000).toISOString())
  report.notices = await deliverOutbox(ports)
  report.retention = await applyRetention(ports)
  return report
}
