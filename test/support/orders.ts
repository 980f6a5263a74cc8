import { sign } from '@/domain/callback/signature'
import type { ReviewResult } from '@/domain/callback/review-result.schema'
import type { CreateOrderResult } from '@/domain/order/order.view'
import type { NormalizeResult } from '@/domain/photo/photo.schema'
import { hmacHex, newId, newNonce } from '../../cloudfunctions/_shared/crypto'
import { invoke } from '../../cloudfunctions/_shared/handler'
import type { Caller } from '../../cloudfunctions/_shared/ports'
import { handleReviewCallback, type HttpEvent } from '../../cloudfunctions/_shared/review/review-callback.handler'
import type { OrderDoc } from '../../cloudfunctions/_shared/order/order.store'
import { orderFunction } from '../../cloudfunctions/order/order.function'
import { payCallbackEntry } from '../../cloudfunctions/payCallback/payCallback.function'
import { SOURCES, invokeSystem } from '../../cloudfunctions/_shared/system'
import { photoFunction, rawFolderOf } from '../../cloudfunctions/photo/photo.function'
import { fixture } from './photos'
import type { TestPorts } from './store'

/** Builders for the receipt-order flow, shared by the integration tests. */

/** A valid resident ID number (GB 11643 checksum) and a mobile number. */
export const APPLICANT = { name: '王小明', idNumber: '11010519491231002X', phone: '13812345678' }

let uploads = 0

/** Uploads a fixture as the caller and has it normalised for 社保卡 · 深圳; returns the photoId. */
export async function checkedPhoto(ports: TestPorts, caller: Caller, face = 1, specId = 'ssc-shenzhen'): Promise<string> {
  const { fileID } = await ports.files.upload(`${rawFolderOf({ caller, config: ports.config })}/t${++uploads}.jpg`, fixture(face))
  const reply = await invoke(photoFunction, { action: 'normalize', data: { fileID, specId } }, caller, ports)
  if (!reply.ok) throw new Error(reply.error.message)
  return (reply.data as NormalizeResult).photoId
}

export async function createOrder(ports: TestPorts, caller: Caller, photoId: string, documentType = 'social-security-card'): Promise<CreateOrderResult> {
  const reply = await invoke(
    orderFunction,
    { action: 'create', data: { documentType, cityCode: '440300', photoId, applicant: APPLICANT, subscribed: ['review_result', 'order_cancelled'] } },
    caller,
    ports,
  )
  if (!reply.ok) throw new Error(`${reply.error.code} ${reply.error.message}`)
  return reply.data as CreateOrderResult
}

export const order = (ports: TestPorts, orderId: string) => ports.db.collection<OrderDoc>('orders').get(orderId) as Promise<OrderDoc>

/**
 * The user pays at the simulated WeChat Pay (a wrong amount with `paidFee`), then WeChat Pay notifies
 * payCallback with its own source, as on CloudBase. Returns payCallback's answer.
 */
export async function payAtCashier(ports: TestPorts, orderId: string, opts: { paidFee?: number } = {}) {
  const note = await ports.cashier.pay(orderId, opts)
  return invokeSystem(payCallbackEntry, note, { source: SOURCES.payCallback }, ports)
}

/** A payment result as cloudPay would deliver it for an order, whether or not WeChat Pay has it on record. */
export const paySuccess = (orderId: string, totalFee: number, transactionId = newId('wx')) => ({ returnCode: 'SUCCESS', resultCode: 'SUCCESS', outTradeNo: orderId, totalFee, transactionId })

/** A review result for the order's current submission. */
export async function result(ports: TestPorts, orderId: string, decision: 'approved' | 'rejected', extra: Partial<ReviewResult> = {}): Promise<ReviewResult> {
  const o = await order(ports, orderId)
  return {
    callbackId: newId('cb'),
    orderId,
    submissionId: o.currentSubmissionId ?? 'none',
    result: decision,
    ...(decision === 'approved' ? { receiptNumber: 'HZ44030020261124', imageNumber: '440300202611240001' } : { reasonCode: 'BACKGROUND_SHADOW', reasonText: '左侧背景有阴影' }),
    reviewedAt: ports.clock.now().toISOString(),
    ...extra,
  }
}

/** The HTTP request the center would send, signed with the callback secret (or a forged one). */
export function signedEvent(ports: TestPorts, body: unknown, opts: { secret?: string; ageSeconds?: number; nonce?: string } = {}): HttpEvent {
  const raw = JSON.stringify(body)
  const timestamp = String(Math.floor(ports.clock.now().getTime() / 1000) - (opts.ageSeconds ?? 0))
  const nonce = opts.nonce ?? newNonce()
  const signature = sign({ timestamp, nonce, body: raw }, opts.secret ?? ports.config.centerCallbackSecret, hmacHex)
  return { httpMethod: 'POST', headers: { 'x-huizhi-timestamp': timestamp, 'x-huizhi-nonce': nonce, 'x-huizhi-signature': signature }, body: raw }
}

export const deliver = (ports: TestPorts, body: unknown, opts?: Parameters<typeof signedEvent>[2]) => handleReviewCallback(ports, signedEvent(ports, body, opts))
