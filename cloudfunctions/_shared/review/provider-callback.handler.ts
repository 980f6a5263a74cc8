import { AppError } from '../../../src/domain/errors'
import { constantTimeEqual } from '../../../src/domain/callback/signature'
import type { CallbackEffect } from '../../../src/domain/callback/review-result.schema'
import { isOrderId } from '../../../src/domain/order/order.schema'
import { expiresAt } from '../../../src/domain/order/receipt-validity'
import { reasonLabel, rejectReasonFor, zjzapiVerdict, type ProviderVerdict } from '../../../src/domain/provider/receipt-provider'
import { hmacHex, newId } from '../crypto'
import { DuplicateKeyError, type Ports } from '../ports'
import { moveCase } from '../case/move'
import { ORDER_KIND } from '../order/order.kind'
import { orders, type OrderDoc } from '../order/order.store'
import { isOrderCallbackToken, zjzapiSign } from '../provider/callback-token'
import type { CallbackDoc, HttpEvent, HttpReply } from './review-callback.handler'

const json = (statusCode: number, body: unknown): HttpReply => ({ statusCode, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(body) })
const refuse = (error: AppError): HttpReply => json(error.status, { ok: false, error: error.toBody() })
/** zjzapi's notice is acknowledged with a plain `success`, as such notify URLs usually are. */
const text = (body: string): HttpReply => ({ statusCode: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body })

/** A receipt image larger than this is not a receipt: refused rather than stored. */
const MAX_RECEIPT_IMAGE_BYTES = 10 * 1024 * 1024

/** The query string CloudBase HTTP access hands over (`queryStringParameters`), or the one in `path`. */
function queryOf(event: HttpEvent): Record<string, string | undefined> {
  if (event.queryStringParameters) return event.queryStringParameters
  const q = event.path?.split('?')[1]
  return q ? Object.fromEntries(new URLSearchParams(q)) : {}
}

/**
 * The order a callback URL names, if its token is ours for that order. Anyone can reach HTTP access and a
 * provider's own proof may be static (zjzapi's `sign`), so without the token nothing is read or written.
 */
function tokenOrder(ports: Ports, event: HttpEvent): string | undefined {
  const q = queryOf(event)
  const orderId = q.order
  return isOrderId(orderId) && isOrderCallbackToken(ports.config.provider.tokenKey, orderId, q.token) ? orderId : undefined
}

/**
 * A callback from the configured provider (zjzapi or 可立图). A callback is a hint, never proof:
 * - every one must come to the URL we gave for its order, with that order's token (an HMAC of the order id);
 * - zjzapi's must also carry its `sign` (md5 of the API key), and must name the order's current order_no;
 * - 可立图's says only "look again": the order moves on what /query answers for its current application.
 * Forged, replayed, late and out-of-order callbacks leave the order as it was.
 */
export async function handleProviderCallback(ports: Ports, event: HttpEvent, body: string): Promise<HttpReply> {
  if (event.httpMethod !== 'POST') return refuse(new AppError('METHOD_NOT_ALLOWED'))
  const provider = ports.config.provider.name
  if (provider === 'zjzapi') {
    const fields = Object.fromEntries(new URLSearchParams(body))
    if (!ports.config.provider.apiKey || !constantTimeEqual(zjzapiSign(ports.config.provider.apiKey), fields.sign ?? '')) {
      ports.log.warn('provider callback refused: bad sign', { provider })
      return refuse(new AppError('CALLBACK_SIGNATURE_INVALID'))
    }
    const orderId = tokenOrder(ports, event)
    if (!orderId) {
      ports.log.warn('provider callback refused: bad order token', { provider, orderNo: String(fields.order_no ?? '').slice(0, 32) })
      return refuse(new AppError('CALLBACK_TOKEN_INVALID'))
    }
    const verdict = zjzapiVerdict(fields)
    if (!verdict || !fields.order_no) return refuse(new AppError('VALIDATION_FAILED', '回调状态无法识别'))
    const outcome = await applyTicketVerdict(ports, orderId, String(fields.order_no), verdict)
    // A notice that overtook the record of our own submission is answered 503, so the provider sends it again; a 4xx would end its retries.
    if (outcome === 'retry') return json(503, { ok: false, error: new AppError('PROVIDER_UNAVAILABLE', '提交结果尚未记录，请稍后重试').toBody() })
    return outcome === 'unknown_order' ? refuse(new AppError('ORDER_NOT_FOUND')) : text('success')
  }
  const orderId = tokenOrder(ports, event)
  if (!orderId) {
    ports.log.warn('provider callback refused: bad order token', { provider })
    return refuse(new AppError('CALLBACK_TOKEN_INVALID'))
  }
  const outcome = await confirmByQuery(ports, orderId)
  return outcome === 'unknown_order' ? refuse(new AppError('ORDER_NOT_FOUND')) : json(200, { code: 0, message: 'success', effect: outcome })
}

/** The ticket (provider order number) of the order's current submission, once the provider's answer is recorded. */
const currentTicket = (order: OrderDoc) => order.submissions.find((s) => s.submissionId === order.currentSubmissionId)?.ticketId

/**
 * 可立图: asks /query what the order's current application is now and applies that, whatever the callback
 * claimed. The sweeper calls the same for orders whose result is overdue (a lost callback).
 */
export async function confirmByQuery(ports: Ports, orderId: string): Promise<CallbackEffect | 'pending' | 'unknown_order' | 'retry'> {
  const order = await orders(ports).get(orderId)
  if (!order) return 'unknown_order'
  const ticket = currentTicket(order)
  if (order.status !== 'reviewing' || !ticket) return 'duplicate'
  if (!ports.center.query) throw new Error(`provider ${ports.config.provider.name} has no query`)
  const [status] = await ports.center.query([ticket])
  if (!status?.verdict || status.ticketId !== ticket) return 'pending'
  return applyTicketVerdict(ports, orderId, ticket, status.verdict)
}

/**
 * Applies what the provider says about ticket `ticketId` of an order, at most once: only to the order's current
 * submission (a result for an earlier one is recorded as ignored_stale), only from `reviewing` (an order never
 * moves backwards), each (ticket, verdict) once. 'retry' when the ticket is not yet recorded on the order.
 */
export async function applyTicketVerdict(ports: Ports, orderId: string, ticketId: string, verdict: ProviderVerdict): Promise<CallbackEffect | 'pending' | 'unknown_order' | 'retry'> {
  const order = await orders(ports).get(orderId)
  if (!order) return 'unknown_order'
  const submission = order.submissions.find((s) => s.ticketId === ticketId)
  if (!submission) return order.pendingSubmit && order.status === 'reviewing' ? 'retry' : record(ports, order, ticketId, verdict, undefined, 'ignored_stale')
  if (verdict.state === 'pending') return 'pending'
  const callbackId = `pv_${hmacHex('provider-callback', `${ports.config.provider.name}:${ticketId}:${verdict.state}`).slice(0, 24)}`
  if (await ports.db.collection('callbacks').get(callbackId)) return 'duplicate'
  if (order.currentSubmissionId !== submission.submissionId) return record(ports, order, ticketId, verdict, callbackId, 'ignored_stale')
  if (order.status !== 'reviewing') return record(ports, order, ticketId, verdict, callbackId, 'duplicate')
  const moved = await moveOnVerdict(ports, order, submission.submissionId, verdict)
  return record(ports, order, ticketId, verdict, callbackId, moved ? 'applied' : 'duplicate')
}

/** The move a settled verdict makes on a reviewing order: approved with the receipt, or rejected with a coded reason. */
async function moveOnVerdict(ports: Ports, order: OrderDoc, submissionId: string, verdict: Exclude<ProviderVerdict, { state: 'pending' }>): Promise<OrderDoc | null> {
  const at = ports.clock.now().toISOString()
  if (verdict.state === 'approved') {
    const receiptFileID = verdict.resultUrl ? await storeReceiptImage(ports, order, submissionId, verdict.resultUrl) : undefined
    const moved = await moveCase(ports, ORDER_KIND, order, 'review_passed', 'reviewer', {
      set: {
        pendingSubmit: false,
        receipt: { receiptNumber: verdict.receiptNumber, ...(verdict.imageNumber ? { imageNumber: verdict.imageNumber } : {}), approvedAt: at, expiresAt: expiresAt(at, order.documentType, order.cityCode) },
        ...(receiptFileID ? { receiptFileID } : {}),
        providerCost: { provider: ports.config.provider.name, fen: ports.center.costFen?.() ?? 0, at },
      },
    })
    // Another delivery of the same result won the move: its copy of the image is the order's, this one goes.
    if (!moved && receiptFileID) await ports.files.remove([receiptFileID])
    return moved
  }
  // 取消完成 has no move of its own: the order is rejected with the provider's word, and flagged for an operator's refund.
  const reason = verdict.state === 'cancelled' ? { code: 'OTHER' as const, text: '回执服务商已取消办理，将为您退款' } : rejectReasonFor(verdict.reasonText)
  return moveCase(ports, ORDER_KIND, order, 'review_failed', 'reviewer', {
    reason: reasonLabel(reason.code, reason.text),
    set: { pendingSubmit: false, rejection: { code: reason.code, text: reason.text, at }, ...(verdict.state === 'cancelled' ? { providerCancelled: true, hasOpenPaymentIssue: true } : {}) },
  })
}

async function record(ports: Ports, order: OrderDoc, ticketId: string, verdict: ProviderVerdict, callbackId: string | undefined, effect: CallbackEffect): Promise<CallbackEffect> {
  const id = callbackId ?? `pv_${hmacHex('provider-callback', `${ports.config.provider.name}:${ticketId}:${verdict.state}`).slice(0, 24)}`
  try {
    await ports.db.collection<CallbackDoc>('callbacks').add({
      _id: id,
      orderId: order._id,
      submissionId: order.submissions.find((s) => s.ticketId === ticketId)?.submissionId ?? ticketId.slice(0, 64),
      result: verdict.state === 'approved' ? 'approved' : 'rejected',
      effect,
      receivedAt: ports.clock.now().toISOString(),
    })
  } catch (error) {
    if (!(error instanceof DuplicateKeyError)) throw error
  }
  return effect
}

/**
 * Fetches the provider's receipt image and keeps it in our private storage, so the user's receipt does not depend
 * on the provider's link staying up. Anything but an http(s) image is refused (and the callback retried).
 */
async function storeReceiptImage(ports: Ports, order: OrderDoc, submissionId: string, url: string): Promise<string> {
  if (!/^https?:\/\//.test(url)) throw new AppError('VALIDATION_FAILED', '回执图片地址不正确')
  const res = await fetch(url, { signal: AbortSignal.timeout(8000) })
  const type = res.headers.get('content-type') ?? ''
  if (!res.ok || !/^image\/(png|jpeg)/.test(type)) throw new AppError('FILE_NOT_FOUND', '回执图片暂时无法下载')
  const bytes = Buffer.from(await res.arrayBuffer())
  if (bytes.length > MAX_RECEIPT_IMAGE_BYTES) throw new AppError('PAYLOAD_TOO_LARGE')
  // One name per attempt: concurrent deliveries of one result each store their own copy, and the losers remove theirs.
  const { fileID } = await ports.files.upload(`receipts/${order._id}/${submissionId}-${newId('rc', 6)}.${type.includes('png') ? 'png' : 'jpg'}`, bytes)
  return fileID
}
