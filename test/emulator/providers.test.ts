import type { CreateOrderResult, OrderView } from '@/domain/order/order.view'
import type { NormalizeResult } from '@/domain/photo/photo.schema'
import type { OrderDoc } from '../../cloudfunctions/_shared/order/order.store'
import { deliverSubmission } from '../../cloudfunctions/_shared/order/submission'
import { orderCallbackUrl } from '../../cloudfunctions/_shared/provider/callback-token'
import { createClipImgCenter } from '../../cloudfunctions/_shared/provider/clipimg'
import { createZjzapiCenter } from '../../cloudfunctions/_shared/provider/zjzapi'
import { ClipImgSim, SIM_TYPE_MAP, ZjzapiSim } from '../../emulator/provider-sims'
import type { TicketDoc } from '../../emulator/center-sim'
import { callFn, post, start, uploadTarget, type Emulator } from '../support/emulator'
import { APPLICANT } from '../support/orders'
import { fixture } from '../support/photos'
import { tempDir } from '../support/store'

/** Drives an order through the emulator as the browser does, up to `reviewing` at the configured provider. */
function driver(em: () => Emulator) {
  const checkedPhoto = async (user: string, n: number): Promise<string> => {
    const up = await fetch(`${em().url}/api/files?cloudPath=${await uploadTarget(em(), user)}`, { method: 'PUT', body: new Uint8Array(fixture(n)), headers: { 'x-huizhi-user': user } })
    const { data } = (await up.json()) as { data: { fileID: string } }
    const reply = await callFn(em(), 'photo', { action: 'normalize', data: { fileID: data.fileID, specId: 'ssc-shenzhen' } }, user)
    return (reply.body.data as NormalizeResult).photoId
  }
  const paidOrder = async (user: string): Promise<string> => {
    const photoId = await checkedPhoto(user, 1)
    const created = await callFn(em(), 'order', { action: 'create', data: { documentType: 'social-security-card', cityCode: '440300', photoId, applicant: APPLICANT } }, user)
    const { orderId } = created.body.data as CreateOrderResult
    await post(em(), '/__cashier/pay', JSON.stringify({ orderId }))
    return orderId
  }
  const order = async (orderId: string) => (await em().db.collection<OrderDoc>('orders').get(orderId)) as OrderDoc
  const ticket = async (orderId: string) => (await em().db.collection<TicketDoc>('center_tickets').find({ orderId, status: 'pending' }))[0]
  const decide = async (orderId: string, body: object) => {
    const t = await ticket(orderId)
    const res = await fetch(`${em().url}/center/decide`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-huizhi-user': 'ops' }, body: JSON.stringify({ ticketId: t._id, ...body }) })
    expect(res.status).toBe(200)
  }
  const view = async (orderId: string, user: string) => (await callFn(em(), 'order', { action: 'get', data: { orderId } }, user)).body.data as OrderView
  /** POSTs to the review callback route as the provider would, to `url` (our notice_url or a forged one). */
  const callback = (url: string, body: string, contentType: string) => fetch(url, { method: 'POST', headers: { 'content-type': contentType }, body })
  const unchanged = async (orderId: string, before: OrderDoc) => {
    const after = await order(orderId)
    expect({ status: after.status, version: after.version, history: after.history.length }).toEqual({ status: before.status, version: before.version, history: before.history.length })
  }
  return { checkedPhoto, paidOrder, order, ticket, decide, view, callback, unchanged }
}

describe('zjzapi: notices authenticated by sign and our per-order token', () => {
  let em: Emulator
  let cleanup: () => void
  const d = driver(() => em)
  const sim = () => em.center as ZjzapiSim
  const form = 'application/x-www-form-urlencoded'

  beforeAll(async () => {
    const t = tempDir()
    cleanup = t.cleanup
    em = await start(t.dir, { sweepIntervalMs: 0, provider: 'zjzapi' })
  })
  afterAll(async () => {
    await em.close()
    cleanup()
  })

  it('submits through receipt/make and receipt/submit, the order_no becoming the ticket and our notice_url carrying the order token', async () => {
    const orderId = await d.paidOrder('lisi')
    const order = await d.order(orderId)
    expect(order.status).toBe('reviewing')
    const t = await d.ticket(orderId)
    expect(t.provider).toMatchObject({ name: 'zjzapi', status: '2' })
    expect(order.submissions[0].ticketId).toBe(t.provider?.no)
    expect(t.provider?.callbackUrl).toBe(orderCallbackUrl(`${em.url}/api/callbacks/review`, em.ports.config.provider.tokenKey, orderId))
  })

  it('refuses a notice with the right sign but a wrong or missing order token, and changes nothing', async () => {
    const orderId = await d.paidOrder('lisi')
    const other = await d.paidOrder('lisi')
    const before = await d.order(orderId)
    const no = before.submissions[0].ticketId as string
    const done = sim().notice(no, '3', { image_receipt: `${em.url}/providers/receipt/${no}.png` })
    const missing = await d.callback(`${em.url}/api/callbacks/review`, done, form)
    expect(missing.status).toBe(401)
    expect(await missing.json()).toMatchObject({ ok: false, error: { code: 'CALLBACK_TOKEN_INVALID' } })
    // The token of another order (say, the forger's own) does not open this one.
    const wrongUrl = orderCallbackUrl(`${em.url}/api/callbacks/review`, em.ports.config.provider.tokenKey, other).replace(other, orderId)
    expect((await d.callback(wrongUrl, done, form)).status).toBe(401)
    const guessed = `${em.url}/api/callbacks/review?order=${orderId}&token=${'0'.repeat(40)}`
    expect((await d.callback(guessed, done, form)).status).toBe(401)
    // The right token with a wrong sign is refused too.
    const right = orderCallbackUrl(`${em.url}/api/callbacks/review`, em.ports.config.provider.tokenKey, orderId)
    const badSign = await d.callback(right, done.replace(/sign=[0-9a-f]+/, `sign=${'f'.repeat(32)}`), form)
    expect(badSign.status).toBe(401)
    await d.unchanged(orderId, before)
    expect(await em.db.collection('callbacks').count({ orderId })).toBe(0)
  })

  it('rejects with the provider reason coded and kept verbatim; replayed, late and out-of-order notices change nothing; a free resubmission then completes with the receipt stored on our side', async () => {
    const orderId = await d.paidOrder('lisi')
    const right = orderCallbackUrl(`${em.url}/api/callbacks/review`, em.ports.config.provider.tokenKey, orderId)
    const first = (await d.order(orderId)).submissions[0].ticketId as string
    expect(await (await d.callback(right, sim().notice(first, '2'), form)).text()).toBe('success')
    expect((await d.order(orderId)).status).toBe('reviewing')

    await d.decide(orderId, { result: 'rejected', reasonCode: 'BACKGROUND_SHADOW', reasonText: '左侧有阴影' })
    const rejected = await d.order(orderId)
    expect(rejected.status).toBe('rejected')
    expect(rejected.rejection).toMatchObject({ code: 'BACKGROUND_SHADOW', text: '背景有阴影，左侧有阴影' })
    // A replay of the same notice, and a late 审核中 for it: acknowledged, nothing moves.
    const replay = sim().notice(first, '-1', { reason: '背景有阴影，左侧有阴影' })
    expect((await d.callback(right, replay, form)).status).toBe(200)
    expect((await d.callback(right, sim().notice(first, '2'), form)).status).toBe(200)
    await d.unchanged(orderId, rejected)

    const again = await callFn(em, 'order', { action: 'resubmit', data: { orderId, photoId: await d.checkedPhoto('lisi', 3) } }, 'lisi')
    expect(again.status).toBe(200)
    const resubmitted = await d.order(orderId)
    expect(resubmitted.status).toBe('reviewing')
    expect(resubmitted.submissions).toHaveLength(2)
    expect(resubmitted.history.filter((h) => h.to === 'paid')).toHaveLength(1)
    // Out of order: a 办理完成 for the first, rejected application arrives now. It is about an old order_no: ignored.
    expect((await d.callback(right, sim().notice(first, '3', { image_receipt: `${em.url}/providers/receipt/${first}.png` }), form)).status).toBe(200)
    await d.unchanged(orderId, resubmitted)
    expect((await em.db.collection<{ _id: string; effect: string }>('callbacks').find({ orderId })).map((c) => c.effect).sort()).toEqual(['applied', 'ignored_stale'])

    await d.decide(orderId, { result: 'approved' })
    const approved = await d.order(orderId)
    expect(approved.status).toBe('approved')
    expect(approved.receipt?.receiptNumber).toBe(approved.submissions[1].ticketId)
    expect(approved.receiptFileID).toMatch(/^cloud:\/\/local\.huizhi\/receipts\//)
    expect(approved.providerCost).toMatchObject({ provider: 'zjzapi', fen: 700 })
    const detail = await callFn(em, 'ops', { action: 'detail', data: { orderId } }, 'ops')
    expect((detail.body.data as { margin?: unknown }).margin).toEqual({ provider: 'zjzapi', costFen: 700, marginFen: 1290 })
    const image = await callFn(em, 'order', { action: 'receiptImage', data: { orderId } }, 'lisi')
    const png = await fetch((image.body.data as { url: string }).url)
    expect(png.headers.get('content-type')).toBe('image/png')
    // A late 审核失败 after completion never moves the order back.
    expect((await d.callback(right, sim().notice(approved.submissions[1].ticketId as string, '-1', { reason: '照片模糊' }), form)).status).toBe(200)
    await d.unchanged(orderId, approved)
  })

  it('flags an application the provider cancelled (取消完成) for a refund, through the machine', async () => {
    const orderId = await d.paidOrder('lisi')
    const right = orderCallbackUrl(`${em.url}/api/callbacks/review`, em.ports.config.provider.tokenKey, orderId)
    const no = (await d.order(orderId)).submissions[0].ticketId as string
    expect((await d.callback(right, sim().notice(no, '-2'), form)).status).toBe(200)
    const cancelled = await d.order(orderId)
    expect(cancelled).toMatchObject({ status: 'rejected', providerCancelled: true, hasOpenPaymentIssue: true })
    const refunded = await callFn(em, 'ops', { action: 'refund', data: { orderId, reason: '服务商取消办理', amountFen: 1990 } }, 'ops')
    expect(refunded.body).toMatchObject({ ok: true })
    expect((await d.order(orderId)).status).toBe('refunded')
  })

  it('answers 503 to a notice that overtakes the record of our own submission, so zjzapi sends it again, and applies it then', async () => {
    const orderId = await d.paidOrder('lisi')
    const right = orderCallbackUrl(`${em.url}/api/callbacks/review`, em.ports.config.provider.tokenKey, orderId)
    const recorded = await d.order(orderId)
    const no = recorded.submissions[0].ticketId as string
    await em.db.collection<OrderDoc>('orders').update({ _id: orderId }, { set: { pendingSubmit: true, submissions: recorded.submissions.map((s) => ({ ...s, ticketId: undefined })) } })
    const early = await d.callback(right, sim().notice(no, '-1', { reason: '照片模糊' }), form)
    expect(early.status).toBe(503)
    expect((await d.order(orderId)).status).toBe('reviewing')
    await em.db.collection<OrderDoc>('orders').update({ _id: orderId }, { set: { pendingSubmit: false, submissions: recorded.submissions } })
    expect((await d.callback(right, sim().notice(no, '-1', { reason: '照片模糊' }), form)).status).toBe(200)
    expect((await d.order(orderId)).rejection).toMatchObject({ code: 'BLURRED', text: '照片模糊' })
  })

  it('sends a submission once when two senders deliver it at once (zjzapi takes no idempotency key)', async () => {
    const orderId = await d.paidOrder('lisi')
    const sent = await d.order(orderId)
    // As after a crash between the move to reviewing and the provider's answer: the submission is pending again.
    await em.db.collection<OrderDoc>('orders').update({ _id: orderId }, { set: { pendingSubmit: true } })
    await em.db.collection('submit_leases').remove({ _id: sent.currentSubmissionId as string })
    const pending = await d.order(orderId)
    const results = await Promise.all([deliverSubmission(em.ports, pending), deliverSubmission(em.ports, pending), deliverSubmission(em.ports, pending)])
    expect(results.filter(Boolean)).toHaveLength(1)
    expect(await em.db.collection('center_tickets').count({ orderId })).toBe(2)
  })

  it('maps zjzapi refusals to coded errors', async () => {
    const bad = createZjzapiCenter({ baseUrl: `${em.url}/zjzapi`, apiKey: 'wrong', types: SIM_TYPE_MAP, noticeUrl: () => `${em.url}/api/callbacks/review` })
    const photo = await em.ports.files.upload('test/p.jpg', fixture(1))
    const [{ url }] = await em.ports.files.tempUrls([photo.fileID], 60)
    const s = { submissionId: 'sb_x', orderId: 'od_000000000000000000000000', documentType: 'social-security-card', cityCode: '440300', photoUrl: url, photoSpec: { width: 1, height: 1, dpi: 300, bytes: 1 }, applicant: APPLICANT }
    await expect(bad.submit(s)).rejects.toMatchObject({ code: 'PROVIDER_REQUEST_REFUSED' })
    await expect(bad.submit({ ...s, documentType: 'exit-entry' })).rejects.toMatchObject({ code: 'RECEIPT_TYPE_UNAVAILABLE' })
  })
})

describe('可立图: a callback is a hint, confirmed by /query', () => {
  let em: Emulator
  let cleanup: () => void
  let now = new Date('2026-12-01T02:00:00.000Z')
  const d = driver(() => em)
  const sim = () => em.center as ClipImgSim
  const json = 'application/json'

  beforeAll(async () => {
    const t = tempDir()
    cleanup = t.cleanup
    em = await start(t.dir, { sweepIntervalMs: 0, provider: 'clipimg', now: () => now })
  })
  afterAll(async () => {
    await em.close()
    cleanup()
  })

  it('ignores a callback that /query disagrees with, in favour of the query', async () => {
    const orderId = await d.paidOrder('lisi')
    const before = await d.order(orderId)
    const no = before.submissions[0].ticketId as string
    expect(no).toMatch(/^CL\d+/)
    const right = orderCallbackUrl(`${em.url}/api/callbacks/review`, em.ports.config.provider.tokenKey, orderId)
    // Claims completed; the query says processing: nothing moves.
    const forged = JSON.stringify({ application_no: no, status: 'completed', image_code: '123456789012345678', result_url: 'https://evil.example/r.png' })
    const res = await d.callback(right, forged, json)
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ code: 0, effect: 'pending' })
    await d.unchanged(orderId, before)
    // The provider fails it; the same "completed" callback now rejects the order, with the query's reason.
    await sim().setApplication(no, { status: 'failed', reason: '头部比例不符合要求' })
    expect((await d.callback(right, forged, json)).status).toBe(200)
    const rejected = await d.order(orderId)
    expect(rejected.status).toBe('rejected')
    expect(rejected.rejection).toMatchObject({ code: 'HEAD_PROPORTION', text: '头部比例不符合要求' })
    // Without our token, nothing is even queried.
    expect((await d.callback(`${em.url}/api/callbacks/review`, forged, json)).status).toBe(401)
  })

  it('completes from the desk: 图像号 and the receipt image stored on our side', async () => {
    const orderId = await d.paidOrder('lisi')
    await d.decide(orderId, { result: 'approved' })
    const approved = await d.order(orderId)
    expect(approved.status).toBe('approved')
    expect(approved.receipt?.imageNumber).toMatch(/^\d{18}$/)
    expect(approved.receiptFileID).toMatch(/^cloud:\/\/local\.huizhi\/receipts\//)
    expect((await d.view(orderId, 'lisi')).receipt?.imageNumber).toBe(approved.receipt?.imageNumber)
  })

  it('recovers a lost callback by the sweeper query once the result is overdue, backing off while it is pending', async () => {
    const pending = await d.paidOrder('lisi')
    const lost = await d.paidOrder('lisi')
    const no = (await d.order(lost)).submissions[0].ticketId as string
    await sim().setApplication(no, { status: 'completed', imageCode: '440300202612010001' })
    await em.sweep()
    expect((await d.order(lost)).status).toBe('reviewing')
    now = new Date(now.getTime() + 31 * 60_000)
    const report = (await em.sweep()) as { recovered: number }
    expect(report.recovered).toBe(1)
    expect((await d.order(lost)).receipt?.imageNumber).toBe('440300202612010001')
    const still = await d.order(pending)
    expect(still.status).toBe('reviewing')
    expect(still.providerQueries).toBe(1)
    expect(Date.parse(still.providerQueryAt as string)).toBe(now.getTime() + 5 * 60_000)
  })

  it('maps 可立图 error codes to coded errors', async () => {
    const center = (apiKey: string) => createClipImgCenter({ baseUrl: `${em.url}/clipimg/app/receipt_api.php`, apiKey, types: { ...SIM_TYPE_MAP, 'exit-entry': 99 }, callbackUrl: () => `${em.url}/api/callbacks/review` })
    const s = { submissionId: 'sb_x', orderId: 'od_000000000000000000000000', documentType: 'social-security-card', cityCode: '440300', photoUrl: 'http://127.0.0.1/p.jpg', photoSpec: { width: 1, height: 1, dpi: 300, bytes: 1 }, applicant: APPLICANT }
    const good = center(em.ports.config.provider.apiKey)
    await expect(center('wrong').submit(s)).rejects.toMatchObject({ code: 'PROVIDER_AUTH_FAILED', message: '回执服务商未认可我们的接口密钥，请联系客服' })
    await expect(good.submit({ ...s, applicant: { ...APPLICANT, phone: '12345' } })).rejects.toMatchObject({ code: 'PROVIDER_PHONE_INVALID' })
    await expect(good.submit({ ...s, applicant: { ...APPLICANT, idNumber: '123' } })).rejects.toMatchObject({ code: 'ID_NUMBER_INVALID' })
    await expect(good.submit({ ...s, documentType: 'exit-entry' })).rejects.toMatchObject({ code: 'RECEIPT_TYPE_UNAVAILABLE' })
    await expect(good.query!(['CL_none'])).rejects.toMatchObject({ code: 'PROVIDER_APPLICATION_NOT_FOUND' })
    const types = await good.types()
    expect(types[0]).toEqual({ id: 11, name: '社保卡回执', requiredFields: ['customer_name', 'customer_phone', 'customer_id_card'], processingMinutes: 30 })
  })

  it('takes coverage from the provider type list, cached and refreshed: an order for a type it dropped is refused before payment', async () => {
    await em.sweep()
    const cached = await em.db.collection<{ _id: string; types: Array<{ id: number }>; fetchedAt: string }>('provider_types').get('clipimg')
    expect(cached?.types.map((t) => t.id)).toEqual([11, 12, 13, 14])
    sim().dropped.add(11)
    await em.sweep()
    expect((await em.db.collection<{ _id: string; types: Array<{ id: number }> }>('provider_types').get('clipimg'))?.types).toHaveLength(4)
    now = new Date(now.getTime() + 7 * 3600_000)
    await em.sweep()
    expect((await em.db.collection<{ _id: string; types: Array<{ id: number }> }>('provider_types').get('clipimg'))?.types.map((t) => t.id)).toEqual([12, 13, 14])
    const trades = await em.db.collection('cashier').count({})
    const photoId = await d.checkedPhoto('lisi', 1)
    const refused = await callFn(em, 'order', { action: 'create', data: { documentType: 'social-security-card', cityCode: '440300', photoId, applicant: APPLICANT } }, 'lisi')
    expect(refused.body).toMatchObject({ ok: false, error: { code: 'RECEIPT_TYPE_UNAVAILABLE' } })
    expect(await em.db.collection('cashier').count({})).toBe(trades)
    sim().dropped.clear()
  })

  it('keeps a refusal retrying cannot cure (1008 for a type dropped after payment) for an operator instead of retrying it every minute', async () => {
    now = new Date(now.getTime() + 7 * 3600_000)
    await em.sweep()
    const photoId = await d.checkedPhoto('lisi', 1)
    const created = await callFn(em, 'order', { action: 'create', data: { documentType: 'social-security-card', cityCode: '440300', photoId, applicant: APPLICANT } }, 'lisi')
    const { orderId } = created.body.data as CreateOrderResult
    sim().dropped.add(11)
    await post(em, '/__cashier/pay', JSON.stringify({ orderId }))
    const refused = await d.order(orderId)
    expect(refused).toMatchObject({ status: 'reviewing', pendingSubmit: false, submitError: { code: 'RECEIPT_TYPE_UNAVAILABLE', message: '该地区的这类回执暂时不能办理，请选择其他证件或城市' } })
    await em.sweep()
    expect(await em.db.collection('center_tickets').count({ orderId })).toBe(0)
    expect((await d.order(orderId)).version).toBe(refused.version)
    const detail = await callFn(em, 'ops', { action: 'detail', data: { orderId } }, 'ops')
    expect((detail.body.data as { submitError?: { code: string } }).submitError?.code).toBe('RECEIPT_TYPE_UNAVAILABLE')
    sim().dropped.clear()
  })
})
