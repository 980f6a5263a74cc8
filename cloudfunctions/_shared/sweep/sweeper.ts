import { isStale, UNPAID_TIMEOUT_MINUTES } from '../../../src/domain/order/order.machine'
import { applications } from '../cancellation/application.store'
import { CANCELLATION_KIND } from '../cancellation/cancellation.kind'
import { CARD_LOSS_KIND } from '../card-loss/card-loss.kind'
import { lossCases } from '../card-loss/card-loss.store'
import { CASE_KINDS } from '../case/kinds'
import { moveCase, noticesOwed, reminderOf, type AnyCaseKind } from '../case/move'
import type { Doc, Ports, ReviewCenter, Where } from '../ports'
import { emptyRetentionReport, retentionTasks, type RetentionReport } from '../privacy/retention'
import { Budget, eachLimit } from './budget'
import { scan } from './scan'
import type { SweepCtx, SweepTask } from './task'
import { deliverOutbox, enqueueMissing, type CaseNotice, type DeliveryStats } from '../notify/outbox'
import { orders, type OrderDoc } from '../order/order.store'
import { deliverSubmission, moveToReviewing } from '../order/submission'
import { cancelUnpaidOrder as closeAndCancel } from '../payment/payment'
import { purgeExpiredNonces } from '../review/review-callback.handler'
import { applyTicketVerdict } from '../review/provider-callback.handler'
import { refreshProviderTypes } from '../provider/coverage'
import { CLIPIMG_BATCH_MAX, nextQueryAt } from '../../../src/domain/provider/receipt-provider'

export interface SweepReport {
  cancelled: number
  submitted: number
  /** Orders whose overdue result the provider's query answered (a callback that never came). */
  recovered: number
  /** Cancellation applications handed to review that a crash had left behind. */
  forwarded: number
  /** Temporary card-loss reports that lapsed. */
  lossExpired: number
  /** Expiry reminders written (receipts and temporary loss reports). */
  reminded: number
  /** Notices a crash had dropped between a move and its outbox write, written again. */
  reconciled: number
  /** What the retention rules deleted this run. */
  retention: RetentionReport
  notices: DeliveryStats
  /** Tasks that still had due work when the budget ran out: the next tick continues them where they stopped. */
  deferred: string[]
  /** Tasks that failed this run (logged); the next tick retries them. */
  failed: string[]
  /** How long the run took, by the Clock port. */
  ms: number
}

export interface SweepOptions {
  /**
   * How long a run may work. The timer fires every minute and the function times out at 60 s
   * (cloudfunctions/sweeper/config.json), so 45 s leaves room for the last page and for the next tick.
   */
  budgetMs?: number
  /** Documents per page. */
  batch?: number
  /** Database, storage and WeChat calls in flight at once. */
  concurrency?: number
}

export const SWEEP_BUDGET_MS = 45_000
/** The center adapter's own timeout (center-http.ts): a submission starts only if the run can wait this long. */
const CENTER_CALL_MS = 8_000
/** After this many center failures in a row the run stops calling it: the rest waits for the next tick. */
const CENTER_FAILURES_TO_PAUSE = 5
/** Crash recovery looks only at cases settled this long: a move still writing its notice is left to finish. */
const RECONCILE_SETTLE_MS = 60_000
const HOUR_MS = 3600_000

/** The system's auto-cancel of an order left unpaid for 30 minutes: the WeChat Pay trade is closed first (payment/payment.ts). */
export async function cancelUnpaidOrder(ports: Ports, order: OrderDoc): Promise<boolean> {
  return (await closeAndCancel(ports, order, 'system')) !== null
}

/** A center that stops taking calls after a run of failures, so a center that is down costs one timeout per call in flight, not one per order. */
function pausingCenter(center: ReviewCenter): ReviewCenter & { paused(): boolean } {
  let failures = 0
  return {
    provider: center.provider,
    ...(center.query ? { query: (ids: readonly string[]) => center.query!(ids) } : {}),
    ...(center.costFen ? { costFen: () => center.costFen!() } : {}),
    ...(center.typeFor ? { typeFor: (documentType: string, cityCode: string) => center.typeFor!(documentType, cityCode) } : {}),
    ...(center.types ? { types: () => center.types!() } : {}),
    paused: () => failures >= CENTER_FAILURES_TO_PAUSE,
    async submit(submission) {
      if (failures >= CENTER_FAILURES_TO_PAUSE) throw new Error('center paused for this run after repeated failures')
      try {
        const ticket = await center.submit(submission)
        failures = 0
        return ticket
      } catch (error) {
        failures++
        throw error
      }
    },
  }
}

/**
 * Asks the provider's batch query (≤ 100 per call) about orders whose result is overdue and applies what it says,
 * exactly as a confirmed callback would; those still pending are asked again later, backing off.
 */
export async function queryOverdue(ports: Ports, due: readonly OrderDoc[], now: Date): Promise<number> {
  const ticketOf = (o: OrderDoc) => o.submissions.find((s) => s.submissionId === o.currentSubmissionId)?.ticketId
  const withTicket = due.filter((o) => ticketOf(o))
  const statuses = withTicket.length && ports.center.query ? await ports.center.query(withTicket.map((o) => ticketOf(o) as string)) : []
  const byTicket = new Map(statuses.map((s) => [s.ticketId, s.verdict]))
  let recovered = 0
  for (const order of due) {
    const ticket = ticketOf(order)
    const verdict = ticket ? byTicket.get(ticket) : undefined
    if (ticket && verdict && verdict.state !== 'pending') {
      if ((await applyTicketVerdict(ports, order._id, ticket, verdict)) === 'applied') recovered++
      continue
    }
    const n = order.providerQueries ?? 0
    await orders(ports).update({ _id: order._id, status: 'reviewing', version: order.version }, { set: { providerQueryAt: nextQueryAt(now, n), providerQueries: n + 1 } })
  }
  return recovered
}

/** Per-item work over a page, `concurrency` at a time; an item's failure is logged and retried on a later pass. */
const each = <T extends Doc>(ctx: SweepCtx, task: string, page: readonly T[], fn: (doc: T) => Promise<void>) => eachLimit(page, ctx.concurrency, fn, (doc, error) => ctx.itemFailed(task, doc._id, error))

function tasks(report: SweepReport, start: Date): SweepTask[] {
  const nowIso = start.toISOString()
  // One breaker for the whole run: once the center has failed repeatedly, neither task nor pass calls it again.
  let breaker: ReturnType<typeof pausingCenter> | undefined
  const center = (ctx: SweepCtx) => (breaker ??= pausingCenter(ctx.ports.center))
  /** Center work: one page at a time, each call only while the run can still wait out its timeout. */
  const centerScan = (name: string, where: Where, work: (ports: Ports, order: OrderDoc) => Promise<boolean>): SweepTask => ({
    name,
    async run(ctx) {
      const paused = center(ctx)
      const ports: Ports = { ...ctx.ports, center: paused }
      let cut = false
      const done = await scan(ctx.ports, { key: name, collection: orders(ctx.ports), where, field: 'updatedAt', mode: 'round-robin', batch: ctx.batch }, ctx.budget, async (page) => {
        await each(ctx, name, page, async (order) => {
          if (paused.paused() || ctx.run.left() < CENTER_CALL_MS) {
            cut = true
            return
          }
          if (await work(ports, order)) report.submitted++
        })
        if (cut) throw new Deferred()
      }).catch((error: unknown) => {
        if (error instanceof Deferred) return false
        throw error
      })
      return done && !cut
    },
  })
  /** Crash recovery: the notices cases of a kind updated since the last run owe, written where missing. */
  const reconcile = (kind: AnyCaseKind): SweepTask => ({
    name: `${kind.tasks}.reconcileNotices`,
    run: (ctx) =>
      scan(
        ctx.ports,
        { key: `${kind.tasks}.reconcileNotices`, collection: kind.collection(ctx.ports), where: { updatedAt: { $lte: new Date(start.getTime() - RECONCILE_SETTLE_MS).toISOString() } }, field: 'updatedAt', mode: 'forward', start: { t: new Date(start.getTime() - 24 * HOUR_MS).toISOString(), id: '' }, batch: ctx.batch },
        ctx.budget,
        async (page) => {
          const written = await enqueueMissing(ctx.ports, page.flatMap((doc) => noticesOwed(kind, doc)), ctx.concurrency)
          if (written) ctx.ports.log.warn('notices restored after a crash', { task: `${kind.tasks}.reconcileNotices`, written })
          report.reconciled += written
        },
      ),
  })
  /**
   * The reminders a kind owes before a deadline (a receipt's expiry, a temporary report's lapse): each case once, when
   * its reminder falls due by the domain's window, in a scan that only moves forward through the deadline field,
   * however many cases fall due together.
   */
  const remind = (kind: AnyCaseKind, reminder: NonNullable<AnyCaseKind['reminder']>): SweepTask => ({
    name: `${kind.tasks}.expiryReminders`,
    run: (ctx) =>
      scan(
        ctx.ports,
        { key: `${kind.tasks}.expiryReminders`, collection: kind.collection(ctx.ports), where: { ...reminder.where, [reminder.field]: { $gt: nowIso, $lte: reminder.until(start) } }, field: reminder.field, mode: 'forward', start: { t: nowIso, id: '' }, batch: ctx.batch },
        ctx.budget,
        async (page) => {
          const due = page.map((doc) => reminderOf(kind, doc, start)).filter((n): n is CaseNotice => Boolean(n))
          report.reminded += await enqueueMissing(ctx.ports, due, ctx.concurrency)
        },
      ),
  })
  return [
    {
      name: 'cancelUnpaid',
      run: (ctx) =>
        scan(ctx.ports, { key: 'orders.cancelUnpaid', collection: orders(ctx.ports), where: { status: 'created', createdAt: { $lte: new Date(start.getTime() - UNPAID_TIMEOUT_MINUTES * 60_000).toISOString() } }, field: 'createdAt', mode: 'round-robin', batch: ctx.batch }, ctx.budget, (page) =>
          each(ctx, 'cancelUnpaid', page, async (order) => {
            if (isStale(order, start) && (await cancelUnpaidOrder(ctx.ports, order))) report.cancelled++
          }),
        ),
    },
    centerScan('orders.submitPaid', { status: 'paid' }, async (ports, order) => {
      const moved = await moveToReviewing(ports, order)
      return Boolean(moved && (await deliverSubmission(ports, moved)))
    }),
    centerScan('orders.resubmit', { status: 'reviewing', pendingSubmit: true }, deliverSubmission),
    { name: 'provider.refreshTypes', run: async (ctx) => (await refreshProviderTypes(ctx.ports), true) },
    {
      name: 'orders.queryProvider',
      async run(ctx) {
        const c = center(ctx)
        if (!c.query) return true
        const due = await orders(ctx.ports).find({ status: 'reviewing', providerQueryAt: { $lte: nowIso } }, { orderBy: [['providerQueryAt', 'asc']], limit: CLIPIMG_BATCH_MAX })
        if (!due.length || c.paused() || ctx.run.left() < CENTER_CALL_MS) return !due.length
        report.recovered += await queryOverdue({ ...ctx.ports, center: c }, due, start)
        return due.length < CLIPIMG_BATCH_MAX
      },
    },
    {
      name: 'loss.expireTemporary',
      run: (ctx) =>
        scan(ctx.ports, { key: 'loss.expireTemporary', collection: lossCases(ctx.ports), where: { status: 'reported_temporary', temporaryExpiresAt: { $lte: nowIso } }, field: 'temporaryExpiresAt', mode: 'round-robin', batch: ctx.batch }, ctx.budget, (page) =>
          each(ctx, 'loss.expireTemporary', page, async (doc) => {
            if (await moveCase(ctx.ports, CARD_LOSS_KIND, doc, 'expire', 'system')) report.lossExpired++
          }),
        ),
    },
    {
      name: 'applications.forward',
      run: (ctx) =>
        scan(ctx.ports, { key: 'applications.forward', collection: applications(ctx.ports), where: { status: 'submitted' }, field: 'updatedAt', mode: 'round-robin', batch: ctx.batch }, ctx.budget, (page) =>
          each(ctx, 'applications.forward', page, async (doc) => {
            if (await moveCase(ctx.ports, CANCELLATION_KIND, doc, 'forward', 'system')) report.forwarded++
          }),
        ),
    },
    ...CASE_KINDS.flatMap((kind) => (kind.reminder ? [remind(kind, kind.reminder)] : [])),
    ...CASE_KINDS.map(reconcile),
    ...retentionTasks(report.retention),
    { name: 'callbacks.purgeNonces', run: async (ctx) => (await purgeExpiredNonces(ctx.ports), true) },
  ]
}

class Deferred extends Error {}

/**
 * The periodic sweep (a timer trigger in CloudBase, an interval locally). Due notifications go first; then
 * auto-cancel of orders unpaid for 30 minutes, (re)submission of paid orders the center has not acknowledged,
 * lapsing temporary loss reports, handing on cancellation applications, expiry reminders, crash recovery of
 * notices, and retention. Every task is a resumable scan by time (see sweep/scan.ts) in pages of indexed,
 * batched queries, and the run stops starting new pages when its budget is spent, leaving the rest to the next
 * tick where it stopped. Each task first gets a share of the budget so none starves the others; what a task
 * leaves unused goes to a second pass, which delivers the notices this run produced first.
 */
export async function sweep(ports: Ports, options: SweepOptions = {}): Promise<SweepReport> {
  const start = ports.clock.now()
  const budgetMs = options.budgetMs ?? SWEEP_BUDGET_MS
  const run = Budget.of(ports.clock, budgetMs)
  const report: SweepReport = { cancelled: 0, submitted: 0, recovered: 0, forwarded: 0, lossExpired: 0, reminded: 0, reconciled: 0, retention: emptyRetentionReport(), notices: { sent: 0, failed: 0, skipped: 0, retried: 0 }, deferred: [], failed: [], ms: 0 }
  const ctx = (budget: Budget): SweepCtx => ({
    ports,
    budget,
    run,
    batch: options.batch ?? 100,
    concurrency: options.concurrency ?? 10,
    itemFailed: (task, id, error) => ports.log.error('sweep item failed; retried on a later pass', { task, id, error: error instanceof Error ? error.message : String(error) }),
  })
  const notices: SweepTask = {
    name: 'notices',
    async run(c) {
      const { done, ...stats } = await deliverOutbox(ports, { budget: c.budget, batch: c.batch, concurrency: c.concurrency })
      for (const k of Object.keys(stats) as Array<keyof DeliveryStats>) report.notices[k] += stats[k]
      return done
    },
  }
  const others = tasks(report, start)
  const pending = new Set<SweepTask>([notices, ...others])
  const attempt = async (task: SweepTask, budget: Budget) => {
    if (run.spent()) return
    try {
      if (await task.run(ctx(budget))) pending.delete(task)
    } catch (error) {
      pending.delete(task)
      report.failed.push(task.name)
      ports.log.error('sweep task failed; the next tick retries it', { task: task.name, error: error instanceof Error ? error.message : String(error) })
    }
  }
  // First pass: notices may take 30% of the budget, every other task an equal share of the rest.
  await attempt(notices, run.slice(budgetMs * 0.3))
  for (const task of others) await attempt(task, run.slice((budgetMs * 0.7) / others.length))
  // Second pass: the notices this run produced, then whatever is still due, in order, with all that is left.
  pending.add(notices)
  for (const task of [notices, ...others]) if (pending.has(task)) await attempt(task, run)
  report.deferred = [...pending].map((t) => t.name)
  report.ms = ports.clock.now().getTime() - start.getTime()
  if (report.deferred.length) ports.log.info('sweep left work for the next tick', { deferred: report.deferred, ms: report.ms })
  return report
}
