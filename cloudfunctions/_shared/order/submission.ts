import { newId } from '../crypto'
import { decryptField } from '../crypto'
import { DuplicateKeyError, type Ports } from '../ports'
import { orders, type OrderDoc } from './order.store'
import { moveCase } from '../case/move'
import { ORDER_KIND } from './order.kind'
import { AppError } from '../../../src/domain/errors'
import { PERMANENT_PROVIDER_ERRORS, firstQueryAt } from '../../../src/domain/provider/receipt-provider'
import { processingMinutes, providerTypeOf } from '../provider/coverage'

/** The photo URL the center downloads stays valid for a day (the center may queue it). */
const CENTER_PHOTO_URL_SECONDS = 24 * 3600

interface PhotoRef {
  fileID: string
  width: number
  height: number
  dpi: number
  bytes: number
}

/**
 * Sends the order's current submission to the detection center and records its ticket. The
 * submission id was fixed when the order moved to `reviewing`, so a retry after a crash or a
 * timeout asks the center for the same thing again (the center is idempotent on it).
 */
export async function deliverSubmission(ports: Ports, order: OrderDoc): Promise<boolean> {
  if (order.status !== 'reviewing' || !order.pendingSubmit || !order.currentSubmissionId) return false
  const photo = await ports.db.collection<PhotoRef & { _id: string }>('photos').get(order.photoId)
  if (!photo) {
    ports.log.error('order photo missing', { orderId: order._id, photoId: order.photoId })
    return false
  }
  if (ports.center.provider && ports.center.provider !== 'huizhi' && !(await takeSubmitLease(ports, order.currentSubmissionId))) return false
  const [{ url }] = await ports.files.tempUrls([photo.fileID], CENTER_PHOTO_URL_SECONDS)
  try {
    const type = await providerTypeOf(ports, order.documentType, order.cityCode)
    const { ticketId } = await ports.center.submit({
      submissionId: order.currentSubmissionId,
      orderId: order._id,
      documentType: order.documentType,
      cityCode: order.cityCode,
      photoUrl: url,
      photoSpec: { width: photo.width, height: photo.height, dpi: photo.dpi, bytes: photo.bytes },
      applicant: {
        name: order.applicant.name,
        idNumber: decryptField(ports.config.dataKey, order.applicant.idNumberSealed),
        phone: decryptField(ports.config.dataKey, order.applicant.phoneSealed),
      },
      ...(type?.requiredFields.length ? { requiredFields: type.requiredFields } : {}),
    })
    const submissions = order.submissions.map((s) => (s.submissionId === order.currentSubmissionId ? { ...s, ticketId } : s))
    // A provider with a query is asked for the result once it is overdue, in case its callback never comes.
    const queryAt = ports.center.query ? { providerQueryAt: firstQueryAt(ports.clock.now(), processingMinutes(type)), providerQueries: 0 } : {}
    await orders(ports).update({ _id: order._id, currentSubmissionId: order.currentSubmissionId }, { set: { pendingSubmit: false, submissions, ...queryAt, ...(order.submitError ? { submitError: null } : {}) } })
    return true
  } catch (error) {
    if (error instanceof AppError && PERMANENT_PROVIDER_ERRORS.includes(error.code)) {
      // Retrying cannot cure it (a bad key, a dropped type, a refused field): kept for an operator, not retried each minute.
      const submitError = { code: error.code, message: error.message, at: ports.clock.now().toISOString() }
      await orders(ports).update({ _id: order._id, currentSubmissionId: order.currentSubmissionId, pendingSubmit: true }, { set: { pendingSubmit: false, submitError } })
      ports.log.error('provider refused the submission; an operator must act', { orderId: order._id, code: error.code, message: error.message })
      return false
    }
    ports.log.warn('center submission failed; the sweeper retries', { orderId: order._id, error: error instanceof Error ? error.message : String(error) })
    return false
  }
}

/** A submission being sent to a provider without an idempotency key, so that only one sender calls it at a time. */
interface SubmitLeaseDoc {
  _id: string
  until: string
}

/** How long a sender holds a submission: longer than the adapter's calls (two of 8 s each), short enough to retry soon after a crash. */
export const SUBMIT_LEASE_MS = 2 * 60_000

/**
 * zjzapi and 可立图 take no idempotency key: two senders of one submission at once (the pay callback's and the
 * sweeper's) would open two applications there, each charged if it completes. One conditional insert keyed by the
 * submission id decides who sends; a lease left by a crashed sender is taken over once it has expired.
 */
async function takeSubmitLease(ports: Ports, submissionId: string): Promise<boolean> {
  const leases = ports.db.collection<SubmitLeaseDoc>('submit_leases')
  const now = ports.clock.now()
  const lease = { _id: submissionId, until: new Date(now.getTime() + SUBMIT_LEASE_MS).toISOString() }
  try {
    await leases.add(lease)
    return true
  } catch (error) {
    if (!(error instanceof DuplicateKeyError)) throw error
    return (await leases.update({ _id: submissionId, until: { $lte: now.toISOString() } }, { set: { until: lease.until } })) === 1
  }
}

/** paid → reviewing (system), fixing the submission id; null when another writer moved the order first. */
export async function moveToReviewing(ports: Ports, order: OrderDoc): Promise<OrderDoc | null> {
  const submissionId = newId('sb')
  const at = ports.clock.now().toISOString()
  return moveCase(ports, ORDER_KIND, order, 'submitted', 'system', {
    set: { currentSubmissionId: submissionId, pendingSubmit: true },
    push: { submissions: { submissionId, photoId: order.photoId, at } },
  })
}

/** paid → reviewing (system), then deliver. Returns the order as it stands afterwards. */
export async function submitPaidOrder(ports: Ports, order: OrderDoc): Promise<OrderDoc> {
  const moved = await moveToReviewing(ports, order)
  if (!moved) return (await orders(ports).get(order._id)) ?? order
  await deliverSubmission(ports, moved)
  return (await orders(ports).get(order._id)) ?? moved
}
