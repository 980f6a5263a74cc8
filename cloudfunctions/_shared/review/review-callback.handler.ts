import { AppError } from '../../../src/domain/errors'
import { verifySignature } from '../../../src/domain/callback/signature'
import { ReviewResult, type CallbackEffect } from '../../../src/domain/callback/review-result.schema'
import { expiresAt } from '../../../src/domain/order/receipt-validity'
import { REJECT_REASONS } from '../../../src/domain/order/order.view'
import { isOrderId } from '../../../src/domain/order/order.schema'
import { parseInput } from '../../../src/domain/validation'
import { hmacHex, newId } from '../crypto'
import { DuplicateKeyError, type Ports } from '../ports'
import { orders } from '../order/order.store'
import { moveCase } from '../case/move'
import { ORDER_KIND } from '../order/order.kind'
import { handleProviderCallback } from './provider-callback.handler'

/** An HTTP request as CloudBase's HTTP access hands it to a function, and as the emulator builds it. */
export interface HttpEvent {
  httpMethod: string
  headers: Record<string, string | undefined>
  body: string
  isBase64Encoded?: boolean
  /** The request path, and the query string as CloudBase HTTP access parses it (provider callbacks carry our order token there). */
  path?: string
  queryStringParameters?: Record<string, string | undefined>
}

export interface HttpReply {
  statusCode: number
  headers: Record<string, string>
  body: string
}

/** A received callback, kept for the operators' timeline (duplicates and stale ones marked). */
export interface CallbackDoc {
  _id: string
  orderId: string
  submissionId: string
  result: 'approved' | 'rejected'
  effect: CallbackEffect
  receivedAt: string
}

const json = (statusCode: number, body: unknown): HttpReply => ({ statusCode, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(body) })
const refuse = (error: AppError): HttpReply => json(error.status, { ok: false, error: error.toBody() })

/**
 * The review callback, for whichever provider is configured: another provider's callbacks go to
 * provider-callback.handler.ts. Our own contract: verify the signature, the ±5-minute timestamp and a never-seen nonce; then
 * apply the result once. A duplicate, or a result for an older submission, is acknowledged and
 * ignored (an order never moves backwards); an unknown order is 404.
 */
export async function handleReviewCallback(ports: Ports, event: HttpEvent): Promise<HttpReply> {
  if (event.httpMethod !== 'POST') return refuse(new AppError('METHOD_NOT_ALLOWED'))
  const header = (name: string) => event.headers[name] ?? event.headers[name.toLowerCase()] ?? ''
  const body = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body
  if (ports.config.provider.name !== 'huizhi') return handleProviderCallback(ports, event, body)
  const now = ports.clock.now()
  const check = verifySignature(
    { timestamp: header('X-Huizhi-Timestamp'), nonce: header('X-Huizhi-Nonce'), body, signature: header('X-Huizhi-Signature') },
    ports.config.centerCallbackSecret,
    hmacHex,
    now,
  )
  if (!check.ok) {
    // Unauthenticated: logged, never written (anyone on the internet can reach HTTP access).
    ports.log.warn('review callback refused', { reason: check.reason, orderId: claimedOrderId(body) })
    return refuse(new AppError('CALLBACK_SIGNATURE_INVALID'))
  }
  try {
    await ports.db.collection<NonceDoc>('callback_nonces').add({ _id: header('X-Huizhi-Nonce'), at: now.toISOString(), expireAt: new Date(now.getTime() + NONCE_TTL_MS).toISOString() })
  } catch (error) {
    if (!(error instanceof DuplicateKeyError)) throw error
    ports.log.warn('review callback replayed', { nonce: header('X-Huizhi-Nonce') })
    await recordRefused(ports, body, 'REPLAYED_NONCE')
    return refuse(new AppError('CALLBACK_SIGNATURE_INVALID', '回调重复（nonce 已使用）'))
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    return refuse(new AppError('BAD_JSON'))
  }
  let result: ReviewResult
  try {
    result = parseInput(ReviewResult, parsed)
  } catch (error) {
    return refuse(error as AppError)
  }
  const effect = await applyReviewResult(ports, result)
  if (effect === 'unknown_order') {
    ports.log.warn('review callback for an unknown order', { orderId: result.orderId })
    return refuse(new AppError('ORDER_NOT_FOUND'))
  }
  return json(200, { ack: true, effect })
}

/** The order id a callback body claims, if it has the right shape; nothing else is taken from an untrusted body. */
function claimedOrderId(body: string): string | undefined {
  try {
    const claimed = (JSON.parse(body) as { orderId?: unknown }).orderId
    return isOrderId(claimed) ? claimed : undefined
  } catch {
    return undefined
  }
}

/**
 * A refused callback that was signed with the center's secret (a replayed nonce), kept for the operators'
 * order timeline. Unsigned requests are only logged, so they cannot make the function write.
 */
async function recordRefused(ports: Ports, body: string, reason: string): Promise<void> {
  const orderId = claimedOrderId(body)
  if (!orderId) return
  await ports.db.collection('callbacks_refused').add({ _id: newId('rf'), orderId, reason, receivedAt: ports.clock.now().toISOString() } as never)
}

/** A used nonce. The timestamp window is ±5 minutes, so after 10 a nonce can no longer be replayed and is deleted. */
export interface NonceDoc {
  _id: string
  at: string
  expireAt: string
}

export const NONCE_TTL_MS = 10 * 60_000

/** Deletes nonces past their expiry (the sweeper calls it, through the `expireAt` index). */
export async function purgeExpiredNonces(ports: Ports): Promise<number> {
  return ports.db.collection<NonceDoc>('callback_nonces').remove({ expireAt: { $lte: ports.clock.now().toISOString() } })
}

async function record(ports: Ports, result: ReviewResult, effect: CallbackEffect): Promise<CallbackEffect> {
  try {
    await ports.db.collection<CallbackDoc>('callbacks').add({
      _id: result.callbackId,
      orderId: result.orderId,
      submissionId: result.submissionId,
      result: result.result,
      effect,
      receivedAt: ports.clock.now().toISOString(),
    })
  } catch (error) {
    if (!(error instanceof DuplicateKeyError)) throw error
  }
  return effect
}

/** Applies a verified result at most once; returns what it did. */
export async function applyReviewResult(ports: Ports, result: ReviewResult): Promise<CallbackEffect | 'unknown_order'> {
  if (await ports.db.collection('callbacks').get(result.callbackId)) return 'duplicate'
  const order = await orders(ports).get(result.orderId)
  if (!order) return 'unknown_order'
  if (order.currentSubmissionId !== result.submissionId) return record(ports, result, 'ignored_stale')
  if (order.status !== 'reviewing') return record(ports, result, 'duplicate')
  const at = ports.clock.now().toISOString()
  const moved =
    result.result === 'approved'
      ? await moveCase(ports, ORDER_KIND, order, 'review_passed', 'reviewer', {
          set: {
            pendingSubmit: false,
            receipt: {
              receiptNumber: result.receiptNumber ?? result.imageNumber ?? '',
              ...(result.imageNumber ? { imageNumber: result.imageNumber } : {}),
              approvedAt: at,
              expiresAt: expiresAt(at, order.documentType, order.cityCode),
            },
          },
        })
      : await moveCase(ports, ORDER_KIND, order, 'review_failed', 'reviewer', {
          reason: `${REJECT_REASONS[result.reasonCode ?? 'OTHER']}${result.reasonText ? `：${result.reasonText}` : ''}`,
          set: { pendingSubmit: false, rejection: { code: result.reasonCode ?? 'OTHER', ...(result.reasonText ? { text: result.reasonText } : {}), at } },
        })
  return record(ports, result, moved ? 'applied' : 'duplicate')
}
