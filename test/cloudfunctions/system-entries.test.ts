import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { invoke } from '../../cloudfunctions/_shared/handler'
import type { Pay } from '../../cloudfunctions/_shared/ports'
import { RefundRefused, beijingStamp } from '../../cloudfunctions/_shared/payment/cloud-pay'
import { handlePayNotification } from '../../cloudfunctions/_shared/payment/pay-callback.handler'
import { refundNoFor } from '../../cloudfunctions/_shared/payment/refund'
import { purgeExpiredNonces } from '../../cloudfunctions/_shared/review/review-callback.handler'
import { SOURCES, invokeSystem, type Invocation } from '../../cloudfunctions/_shared/system'
import { opsFunction } from '../../cloudfunctions/ops/ops.function'
import { orderFunction } from '../../cloudfunctions/order/order.function'
import { payCallbackEntry } from '../../cloudfunctions/payCallback/payCallback.function'
import { reviewCallbackEntry } from '../../cloudfunctions/reviewCallback/reviewCallback.function'
import { sweeperEntry } from '../../cloudfunctions/sweeper/sweeper.function'
import type { OpsOrderDetail, StuckItem } from '@/domain/ops/ops.view'
import { ALICE, makePorts, tempDir, type TestPorts } from '../support/store'
import { checkedPhoto, createOrder, deliver, order, payAtCashier, paySuccess, result, signedEvent } from '../support/orders'

const OPERATOR = { openid: 'oOPS0000000000000000000000op', appid: 'wxtest' }
const CLIENT: Invocation = { source: SOURCES.client, openid: ALICE.openid }

/** Every collection file of the store, byte for byte: equal snapshots mean nothing was written. */
function storeBytes(dir: string): Record<string, string> {
  const db = path.join(dir, 'db')
  return Object.fromEntries(readdirSync(db).sort().map((f) => [f, readFileSync(path.join(db, f), 'utf8')]))
}

/** Records the calls a Pay port receives, passing them on. */
function recording(pay: Pay) {
  const calls: Array<{ api: string; input: unknown }> = []
  const wrapped: Pay = {
    unifiedOrder: (i) => (calls.push({ api: 'unifiedOrder', input: i }), pay.unifiedOrder(i)),
    queryOrder: (i) => (calls.push({ api: 'queryOrder', input: i }), pay.queryOrder(i)),
    closeOrder: (i) => (calls.push({ api: 'closeOrder', input: i }), pay.closeOrder(i)),
    refund: (i) => (calls.push({ api: 'refund', input: i }), pay.refund(i)),
  }
  return { calls, pay: wrapped }
}

describe('system entries trust only the platform (getWXContext().SOURCE)', () => {
  let ports: TestPorts
  let dir: string
  let cleanup: () => void
  let photo: string

  beforeAll(async () => {
    const t = tempDir()
    dir = t.dir
    cleanup = t.cleanup
    ports = makePorts(t.dir, [OPERATOR.openid])
    photo = await checkedPhoto(ports, ALICE)
  })
  afterAll(() => cleanup())

  it('refuses a forged pay call from a mini-program client with FORBIDDEN, and writes nothing', async () => {
    const { orderId, amountFen } = await createOrder(ports, ALICE, photo)
    const before = storeBytes(dir)
    const forged = paySuccess(orderId, amountFen, 'anything')
    expect(await invokeSystem(payCallbackEntry, forged, CLIENT, ports)).toEqual({ ok: false, error: expect.objectContaining({ code: 'FORBIDDEN' }) })
    // The same call forwarded by another function (wx_client,scf), or with no source at all, is refused too.
    expect(await invokeSystem(payCallbackEntry, forged, { source: `${SOURCES.client},scf` }, ports)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await invokeSystem(payCallbackEntry, forged, { source: '' }, ports)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(storeBytes(dir)).toEqual(before)
    expect((await order(ports, orderId)).status).toBe('created')
  })

  it('refuses a client call to the sweeper, and sweeps nothing', async () => {
    const { orderId } = await createOrder(ports, ALICE, photo)
    const createdAt = Date.parse((await order(ports, orderId)).createdAt)
    ports.setNow(new Date(createdAt + 31 * 60_000).toISOString())
    const before = storeBytes(dir)
    expect(await invokeSystem(sweeperEntry, { Type: 'Timer' }, CLIENT, ports)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await invokeSystem(sweeperEntry, {}, { source: SOURCES.payCallback }, ports)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(storeBytes(dir)).toEqual(before)
    expect(await invokeSystem(sweeperEntry, { Type: 'Timer' }, { source: SOURCES.timer }, ports)).toMatchObject({ cancelled: expect.any(Number) })
    expect((await order(ports, orderId)).status).toBe('cancelled')
    ports.setNow('2026-11-24T04:00:00.000Z')
  })

  it('refuses a review callback sent through a WeChat client, even correctly signed', async () => {
    const { orderId } = await createOrder(ports, ALICE, photo)
    const event = signedEvent(ports, await result(ports, orderId, 'approved'))
    const before = storeBytes(dir)
    expect(await invokeSystem(reviewCallbackEntry, event, CLIENT, ports)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await invokeSystem(reviewCallbackEntry, event, { source: 'wx_devtools' }, ports)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(storeBytes(dir)).toEqual(before)
  })

  it('writes nothing for an unsigned review callback naming a real order (logged only)', async () => {
    const { orderId } = await createOrder(ports, ALICE, photo)
    const before = storeBytes(dir)
    for (let i = 0; i < 5; i++) expect((await deliver(ports, await result(ports, orderId, 'approved'), { secret: 'forged' })).statusCode).toBe(401)
    expect((await deliver(ports, await result(ports, orderId, 'approved'), { ageSeconds: 600 })).statusCode).toBe(401)
    expect(storeBytes(dir)).toEqual(before)
  })

  it('gives each nonce an expiry and deletes expired ones in the sweep', async () => {
    const { orderId } = await createOrder(ports, ALICE, photo)
    await deliver(ports, await result(ports, orderId, 'approved'), { nonce: 'nonce-expiry-test' })
    const nonce = (await ports.db.collection<{ _id: string; expireAt: string }>('callback_nonces').get('nonce-expiry-test'))!
    expect(Date.parse(nonce.expireAt) - ports.clock.now().getTime()).toBe(10 * 60_000)
    ports.setNow(new Date(Date.parse(nonce.expireAt) + 1000).toISOString())
    expect(await purgeExpiredNonces(ports)).toBeGreaterThanOrEqual(1)
    expect(await ports.db.collection('callback_nonces').get('nonce-expiry-test')).toBeNull()
    ports.setNow('2026-11-24T04:00:00.000Z')
  })
})

describe('money moves with the order (cloudPay)', () => {
  let ports: TestPorts
  let cleanup: () => void
  let photo: string
  const ops = (action: string, data: unknown) => invoke(opsFunction, { action, data }, OPERATOR, ports)

  beforeAll(async () => {
    const t = tempDir()
    cleanup = t.cleanup
    ports = makePorts(t.dir, [OPERATOR.openid])
    photo = await checkedPhoto(ports, ALICE)
  })
  afterAll(() => cleanup())

  it('asks for a prepay that expires with the 30-minute unpaid window (timeExpire, Beijing time)', async () => {
    const rec = recording(ports.pay)
    const { orderId } = await createOrder({ ...ports, pay: rec.pay }, ALICE, photo)
    const doc = await order(ports, orderId)
    const deadline = new Date(Date.parse(doc.createdAt) + 30 * 60_000).toISOString()
    expect(rec.calls).toEqual([{ api: 'unifiedOrder', input: expect.objectContaining({ outTradeNo: orderId, expiresAt: deadline }) }])
    expect(beijingStamp('2026-11-24T04:30:00.000Z')).toBe('20261124123000')
    expect((await ports.cashier.trade(orderId))?.expiresAt).toBe(deadline)
    ports.setNow(new Date(Date.parse(deadline) + 1000).toISOString())
    await expect(ports.cashier.pay(orderId)).rejects.toMatchObject({ code: 'ORDER_INVALID_TRANSITION' })
    ports.setNow('2026-11-24T04:00:00.000Z')
  })

  it('does not apply a notification that queryOrder does not confirm (NOTPAY)', async () => {
    const { orderId, amountFen } = await createOrder(ports, ALICE, photo)
    expect(await handlePayNotification(ports, paySuccess(orderId, amountFen, 'wx_not_on_record'))).toMatchObject({ errcode: 1 })
    const doc = await order(ports, orderId)
    expect(doc).toMatchObject({ status: 'created', version: 0 })
    expect(doc.payment).toBeUndefined()
    expect(doc.paymentIssues).toBeUndefined()
  })

  it('applies WeChat Pay’s record, not the notification’s claim, and never marks a different amount paid', async () => {
    const { orderId } = await createOrder(ports, ALICE, photo)
    const note = await ports.cashier.pay(orderId, { paidFee: 1 })
    // The notification claims the full amount; WeChat's record (queryOrder) says 1 fen was paid.
    const claim = { ...note, totalFee: 1990 }
    for (let i = 0; i < 3; i++) expect(await invokeSystem(payCallbackEntry, claim, { source: SOURCES.payCallback }, ports)).toEqual({ errcode: 0, errmsg: 'OK' })
    const doc = await order(ports, orderId)
    expect(doc.status).toBe('created')
    expect(doc.payment).toBeUndefined()
    expect(doc.paymentIssues).toEqual([expect.objectContaining({ kind: 'amount_mismatch', totalFee: 1, transactionId: note.transactionId })])
  })

  it('acknowledges a FAIL notification without a transactionId (errcode 0, so WeChat stops retrying) and writes nothing', async () => {
    const { orderId } = await createOrder(ports, ALICE, photo)
    const before = await order(ports, orderId)
    expect(await invokeSystem(payCallbackEntry, { returnCode: 'SUCCESS', resultCode: 'FAIL', outTradeNo: orderId, errCodeDes: '余额不足' }, { source: SOURCES.payCallback }, ports)).toEqual({ errcode: 0, errmsg: 'OK' })
    expect(await invokeSystem(payCallbackEntry, { returnCode: 'FAIL', returnMsg: '签名失败' }, { source: SOURCES.payCallback }, ports)).toEqual({ errcode: 0, errmsg: 'OK' })
    expect(await order(ports, orderId)).toEqual(before)
  })

  it('closes the WeChat Pay trade when the sweeper cancels an unpaid order, so it can no longer be paid', async () => {
    const rec = recording(ports.pay)
    const swept = { ...ports, pay: rec.pay }
    const { orderId } = await createOrder(ports, ALICE, photo)
    ports.setNow(new Date(Date.parse((await order(ports, orderId)).createdAt) + 30 * 60_000).toISOString())
    expect(await invokeSystem(sweeperEntry, {}, { source: SOURCES.timer }, swept)).toMatchObject({ cancelled: expect.any(Number) })
    expect(rec.calls.filter((c) => c.input === orderId).map((c) => c.api)).toEqual(['closeOrder'])
    expect((await order(ports, orderId)).status).toBe('cancelled')
    expect(await ports.pay.queryOrder(orderId)).toMatchObject({ state: 'CLOSED' })
    await expect(ports.cashier.pay(orderId)).rejects.toMatchObject({ code: 'ORDER_INVALID_TRANSITION' })
    ports.setNow('2026-11-24T04:00:00.000Z')
  })

  it('applies a payment instead of cancelling when WeChat Pay refuses to close a trade the user has paid', async () => {
    const { orderId } = await createOrder(ports, ALICE, photo)
    await ports.cashier.pay(orderId) // paid, but the notification has not arrived yet
    ports.setNow(new Date(Date.parse((await order(ports, orderId)).createdAt) + 31 * 60_000).toISOString())
    await invokeSystem(sweeperEntry, {}, { source: SOURCES.timer }, ports)
    expect((await order(ports, orderId)).status).toBe('reviewing')
    ports.setNow('2026-11-24T04:00:00.000Z')
  })

  it('closes the trade when the user cancels', async () => {
    const { orderId } = await createOrder(ports, ALICE, photo)
    expect(await invoke(orderFunction, { action: 'cancel', data: { orderId } }, ALICE, ports)).toMatchObject({ ok: true, data: { status: 'cancelled' } })
    expect(await ports.pay.queryOrder(orderId)).toMatchObject({ state: 'CLOSED' })
  })

  it('refunds through cloudPay.refund once under replay and concurrency, with a refund number derived from the order', async () => {
    const { orderId, amountFen } = await createOrder(ports, ALICE, photo)
    await payAtCashier(ports, orderId)
    await deliver(ports, await result(ports, orderId, 'rejected'))
    const replies = await Promise.all(Array.from({ length: 10 }, () => ops('refund', { orderId, reason: '用户放弃重新提交' })))
    expect(replies.filter((r) => !r.ok)).toEqual([])
    expect(await ops('refund', { orderId, reason: '重复点击退款' })).toMatchObject({ ok: true })
    const refunds = await ports.cashier.refundsOf(orderId)
    expect(refunds).toEqual([expect.objectContaining({ _id: refundNoFor(orderId), refundFee: amountFen, totalFee: amountFen, functionName: 'payCallback' })])
    const doc = await order(ports, orderId)
    expect(doc.history.filter((h) => h.to === 'refunded')).toHaveLength(1)
    expect(doc.refund).toMatchObject({ outRefundNo: refundNoFor(orderId), refundFee: amountFen, status: 'PROCESSING' })
    // WeChat Pay's refund result reaches payCallback with its own source, once, and is recorded once.
    const deliverNote = (note: unknown) => invokeSystem(payCallbackEntry, note, { source: SOURCES.payCallback }, ports)
    expect(await ports.cashier.deliverRefundNotices(deliverNote)).toBe(1)
    expect(await ports.cashier.deliverRefundNotices(deliverNote)).toBe(0)
    expect((await order(ports, orderId)).refund).toMatchObject({ status: 'SUCCESS' })
    const detail = (await ops('detail', { orderId })) as { ok: true; data: OpsOrderDetail }
    expect(detail.data.status).toBe('refunded')
  })

  it('keeps a refund WeChat Pay did not accept in the stuck list, and retries it under the same refund number', async () => {
    const { orderId, amountFen } = await createOrder(ports, ALICE, photo)
    await payAtCashier(ports, orderId)
    await deliver(ports, await result(ports, orderId, 'rejected'))
    const refusing: Pay = { ...ports.pay, refund: async () => Promise.reject(new RefundRefused('基本账户余额不足')) }
    expect(await invoke(opsFunction, { action: 'refund', data: { orderId, reason: '用户放弃' } }, OPERATOR, { ...ports, pay: refusing })).toMatchObject({ ok: false, error: { code: 'REFUND_FAILED' } })
    expect((await order(ports, orderId)).refund).toMatchObject({ status: 'FAILED', error: '基本账户余额不足' })
    const stuck = (await ops('stuck', {})) as { ok: true; data: StuckItem[] }
    expect(stuck.data.find((i) => i.orderId === orderId)).toMatchObject({ kind: 'payment_issue', label: '退款未完成', action: 'refund' })
    expect(await ops('refund', { orderId, reason: '重试退款' })).toMatchObject({ ok: true })
    expect((await order(ports, orderId)).refund).toMatchObject({ status: 'PROCESSING', outRefundNo: refundNoFor(orderId), refundFee: amountFen })
    expect(((await ops('stuck', {})) as { ok: true; data: StuckItem[] }).data.find((i) => i.orderId === orderId)).toBeUndefined()
    expect(await ports.cashier.refundsOf(orderId)).toHaveLength(1)
  })

  it('refuses a refund whose amount is not what was paid, and changes nothing', async () => {
    const { orderId, amountFen } = await createOrder(ports, ALICE, photo)
    await payAtCashier(ports, orderId)
    await deliver(ports, await result(ports, orderId, 'rejected'))
    const before = await order(ports, orderId)
    expect(await ops('refund', { orderId, reason: '金额输错', amountFen: amountFen + 100 })).toMatchObject({ ok: false, error: { code: 'REFUND_AMOUNT_MISMATCH' } })
    expect(await order(ports, orderId)).toEqual(before)
    expect(await ports.cashier.refundsOf(orderId)).toEqual([])
    // WeChat Pay itself refuses more than was paid.
    await expect(ports.pay.refund({ outTradeNo: orderId, outRefundNo: `${orderId}-x`, totalFee: amountFen, refundFee: amountFen + 1, reason: 'test' })).rejects.toMatchObject({ name: 'RefundRefused' })
  })

  it('refunds a flagged wrong-amount payment as WeChat Pay recorded it', async () => {
    const { orderId } = await createOrder(ports, ALICE, photo)
    await payAtCashier(ports, orderId, { paidFee: 1 })
    expect(await ops('refund', { orderId, reason: '金额不符，原路退回' })).toMatchObject({ ok: true })
    expect(await ports.cashier.refundsOf(orderId)).toEqual([expect.objectContaining({ refundFee: 1, totalFee: 1 })])
    expect((await order(ports, orderId)).paymentIssues).toEqual([expect.objectContaining({ resolvedAt: expect.any(String) })])
  })
})
