import sharp from 'sharp'
import { invoke } from '../../cloudfunctions/_shared/handler'
import { handlePayNotification } from '../../cloudfunctions/_shared/payment/pay-callback.handler'
import { sweep } from '../../cloudfunctions/_shared/sweep/sweeper'
import { decryptField } from '../../cloudfunctions/_shared/crypto'
import { orderFunction } from '../../cloudfunctions/order/order.function'
import { userFunction } from '../../cloudfunctions/user/user.function'
import type { OrderView } from '@/domain/order/order.view'
import { ALICE, BOB, makePorts, tempDir, type TestPorts } from '../support/store'
import { APPLICANT, checkedPhoto, createOrder, deliver, order, payAtCashier, result } from '../support/orders'

describe('receipt orders: create, pay, review, notify', () => {
  let ports: TestPorts
  let cleanup: () => void
  let photoA: string

  beforeAll(async () => {
    const t = tempDir()
    cleanup = t.cleanup
    ports = makePorts(t.dir)
    photoA = await checkedPhoto(ports, ALICE)
  })
  afterAll(() => cleanup())

  const sentFor = async (orderId: string) => (await ports.db.collection<{ _id: string; data: { character_string1: { value: string } } }>('wechat_sent').find({}, { limit: 1000 })).filter((m) => m.data.character_string1.value === orderId)

  it('creates an unpaid order at the server price, with the ID number sealed and masked', async () => {
    const created = await createOrder(ports, ALICE, photoA)
    expect(created.amountFen).toBe(1990)
    expect(created.payment).toEqual({ kind: 'local-cashier', cashierUrl: `http://127.0.0.1:1/__cashier?orderId=${created.orderId}` })
    const doc = await order(ports, created.orderId)
    expect(doc).toMatchObject({ status: 'created', cityName: '深圳市', specId: 'ssc-shenzhen', applicant: { idNumberMasked: '110105********002X', phoneMasked: '138****5678' } })
    expect(JSON.stringify(doc)).not.toContain(APPLICANT.idNumber)
    expect(JSON.stringify(doc)).not.toContain(APPLICANT.phone)
    expect(decryptField(ports.config.dataKey, doc.applicant.idNumberSealed)).toBe(APPLICANT.idNumber)
  })

  it('refuses a province alone, a bad ID number, a photo checked for another city and a 居住证, 社保卡 or 驾驶证 receipt outside Guangdong and a 身份证 receipt outside its provinces, writing nothing', async () => {
    const before = await ports.db.dump()
    const attempt = (data: object) => invoke(orderFunction, { action: 'create', data: { documentType: 'social-security-card', cityCode: '440300', photoId: photoA, applicant: APPLICANT, ...data } }, ALICE, ports)
    expect(await attempt({ cityCode: '440000' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: '请选择具体城市（例如深圳市），不能只选省份' } })
    expect(await attempt({ applicant: { ...APPLICANT, idNumber: '110105194912310021' } })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
    expect(await attempt({ cityCode: '440100' })).toMatchObject({ ok: false, error: { message: '照片规格与所选证件和城市不一致，请重新检测照片' } })
    expect(await attempt({ documentType: 'residence-permit', cityCode: '110000' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: '居住证照片回执目前只受理广东省的城市，请选择广东省内办理居住证的城市' },
    })
    // A 社保卡 receipt outside the coverage table (北京): refused on the city field, before the photo is even looked at.
    expect(await attempt({ cityCode: '110000' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: '社保卡照片回执目前只受理广东省的城市；其他城市请保存电子照或打印排版照', details: [{ path: 'cityCode' }] },
    })
    // 身份证 receipts only where their source lists the province; 驾驶证 receipts only in Guangdong.
    expect(await attempt({ documentType: 'id-card', cityCode: '110000' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: '身份证照片回执目前只受理广东、海南、安徽、湖南、贵州、青海的城市；其他城市请保存电子照或打印排版照', details: [{ path: 'cityCode' }] },
    })
    expect(await attempt({ documentType: 'driving-licence', cityCode: '310000' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: '驾驶证照片回执目前只受理广东省的城市；其他城市请保存电子照或打印排版照', details: [{ path: 'cityCode' }] },
    })
    expect(await ports.db.dump()).toEqual(before)
  })

  it('makes one order per request id: a create sent again, or five at once, finds the same order', async () => {
    const create = (requestId: string) =>
      invoke(orderFunction, { action: 'create', data: { documentType: 'social-security-card', cityCode: '440300', photoId: photoA, applicant: APPLICANT, requestId } }, ALICE, ports) as Promise<{ ok: boolean; data: { orderId: string } }>
    const count = () => ports.db.collection('orders').count({ openid: ALICE.openid })
    const before = await count()
    const first = await create('tap-0001-retry')
    const again = await create('tap-0001-retry')
    expect(again.data.orderId).toBe(first.data.orderId)
    const burst = await Promise.all(Array.from({ length: 5 }, () => create('tap-0002-burst')))
    expect(new Set(burst.map((r) => r.data.orderId)).size).toBe(1)
    expect(burst.every((r) => r.ok)).toBe(true)
    expect(await count()).toBe(before + 2)
    expect(await invoke(orderFunction, { action: 'create', data: { documentType: 'social-security-card', cityCode: '440300', photoId: photoA, applicant: APPLICANT, requestId: 'x' } }, ALICE, ports)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: '请求编号不正确' } })
  })

  it('goes paid → reviewing on payment, then rejected with the reason, then approved after a free resubmission', async () => {
    const { orderId } = await createOrder(ports, ALICE, photoA)
    await payAtCashier(ports, orderId)
    const reviewing = await order(ports, orderId)
    expect(reviewing).toMatchObject({ status: 'reviewing', pendingSubmit: false })
    expect(reviewing.submissions).toHaveLength(1)
    expect(reviewing.submissions[0].ticketId).toMatch(/^tk_/)

    const rejected = await deliver(ports, await result(ports, orderId, 'rejected'))
    expect(JSON.parse(rejected.body)).toEqual({ ack: true, effect: 'applied' })
    const view = await invoke(orderFunction, { action: 'get', data: { orderId } }, ALICE, ports)
    expect(view).toMatchObject({ ok: true, data: { status: 'rejected', rejection: { code: 'BACKGROUND_SHADOW', label: '背景有阴影', text: '左侧背景有阴影' }, canResubmit: true } })

    const newPhoto = await checkedPhoto(ports, ALICE, 3)
    const again = await invoke(orderFunction, { action: 'resubmit', data: { orderId, photoId: newPhoto } }, ALICE, ports)
    expect(again).toMatchObject({ ok: true, data: { status: 'reviewing', submissions: 2 } })
    expect((await order(ports, orderId)).payment?.totalFee).toBe(1990)

    await deliver(ports, await result(ports, orderId, 'approved'))
    const approved = (await invoke(orderFunction, { action: 'get', data: { orderId } }, ALICE, ports)) as { data: OrderView }
    expect(approved.data.status).toBe('approved')
    expect(approved.data.receipt).toMatchObject({ receiptNumber: 'HZ44030020261124', imageNumber: '440300202611240001', daysLeft: 180 })
    expect(approved.data.timeline.map((e) => e.to)).toEqual(['created', 'paid', 'reviewing', 'rejected', 'reviewing', 'approved'])

    const slip = (await invoke(orderFunction, { action: 'receiptImage', data: { orderId } }, ALICE, ports)) as { ok: boolean; data: { url: string } }
    expect(slip.ok).toBe(true)
    const png = await ports.files.download(`cloud://local.huizhi/receipts/${orderId}.png`)
    expect(await sharp(png).metadata()).toMatchObject({ format: 'png', width: 750, height: 1120 })
    expect(await invoke(orderFunction, { action: 'receiptImage', data: { orderId } }, BOB, ports)).toMatchObject({ ok: false, error: { code: 'ORDER_NOT_FOUND' } })

    await sweep(ports)
    const sent = await sentFor(orderId)
    expect(sent.map((m) => (m as unknown as { data: { phrase3: { value: string } } }).data.phrase3.value).sort()).toEqual(['审核未通过', '审核通过'])
    const inbox = await invoke(userFunction, { action: 'messages' }, ALICE, ports)
    const mine = (inbox as { data: Array<{ title: string; fields: Array<{ label: string; value: string }> }> }).data.filter((m) => m.fields.some((f) => f.value === orderId))
    expect(mine.map((m) => m.fields.find((f) => f.label === '审核结果')?.value).sort()).toEqual(['审核未通过', '审核通过'])
  })

  it('shows no reason text on a second rejection that has none (CloudBase would merge the first one’s text into it)', async () => {
    const { orderId } = await createOrder(ports, ALICE, photoA)
    await payAtCashier(ports, orderId)
    await deliver(ports, await result(ports, orderId, 'rejected'))
    expect(await invoke(orderFunction, { action: 'resubmit', data: { orderId, photoId: await checkedPhoto(ports, ALICE, 3) } }, ALICE, ports)).toMatchObject({ ok: true })
    await deliver(ports, await result(ports, orderId, 'rejected', { reasonCode: 'BLURRED', reasonText: undefined }))
    const view = (await invoke(orderFunction, { action: 'get', data: { orderId } }, ALICE, ports)) as { data: OrderView }
    expect(view.data.rejection).toEqual({ code: 'BLURRED', label: '照片模糊', text: undefined })
    expect((await order(ports, orderId)).rejection).not.toHaveProperty('text')
  })

  describe('review callbacks are signed, replay-safe and idempotent', () => {
    it('applies each transition once however often and in whatever order callbacks arrive', async () => {
      const { orderId } = await createOrder(ports, ALICE, photoA)
      await payAtCashier(ports, orderId)
      const rejection = await result(ports, orderId, 'rejected')
      for (let i = 0; i < 5; i++) await deliver(ports, rejection)
      const resubmitPhoto = await checkedPhoto(ports, ALICE, 4)
      await invoke(orderFunction, { action: 'resubmit', data: { orderId, photoId: resubmitPhoto } }, ALICE, ports)
      const approval = await result(ports, orderId, 'approved')
      const effects = []
      for (const body of [approval, rejection, approval, rejection, approval]) effects.push(JSON.parse((await deliver(ports, body)).body).effect)
      expect(effects).toEqual(['applied', 'duplicate', 'duplicate', 'duplicate', 'duplicate'])
      const late = await deliver(ports, { ...rejection, callbackId: 'cb_late_for_old_submission' })
      expect(JSON.parse(late.body)).toEqual({ ack: true, effect: 'ignored_stale' })
      const doc = await order(ports, orderId)
      expect(doc.status).toBe('approved')
      expect(doc.history.map((h) => h.to)).toEqual(['created', 'paid', 'reviewing', 'rejected', 'reviewing', 'approved'])
      await sweep(ports)
      await sweep(ports)
      expect(await ports.db.collection('outbox').count({ orderId })).toBe(2)
      const entries = await ports.db.collection<{ _id: string; status: string }>('outbox').find({ orderId })
      expect(entries.every((e) => e.status === 'sent' || e.status === 'skipped')).toBe(true)
      expect((await sentFor(orderId)).length).toBe(entries.filter((e) => e.status === 'sent').length)
      expect(await ports.db.collection('inbox').count({ orderId })).toBe(2)
    })

    it('refuses a forged signature, a stale timestamp and a reused nonce, changing nothing', async () => {
      const { orderId } = await createOrder(ports, ALICE, photoA)
      await payAtCashier(ports, orderId)
      const body = await result(ports, orderId, 'approved')
      expect((await deliver(ports, body, { secret: 'not-the-secret' })).statusCode).toBe(401)
      expect((await deliver(ports, body, { ageSeconds: 301 })).statusCode).toBe(401)
      expect((await deliver(ports, body, { nonce: 'fixed-nonce-0123456789' })).statusCode).toBe(200)
      const replay = await deliver(ports, { ...body, callbackId: 'cb_other' }, { nonce: 'fixed-nonce-0123456789' })
      expect(replay.statusCode).toBe(401)
      expect(JSON.parse(replay.body)).toMatchObject({ ok: false, error: { code: 'CALLBACK_SIGNATURE_INVALID' } })
      expect((await order(ports, orderId)).history.filter((h) => h.to === 'approved')).toHaveLength(1)
    })

    it('answers 404 for an unknown order and 400 for a malformed result', async () => {
      const unknown = await deliver(ports, { callbackId: 'cb_x', orderId: 'od_000000000000000000000000', submissionId: 'sb_x', result: 'approved', receiptNumber: 'HZ0001', reviewedAt: '2026-11-24T04:00:00.000Z' })
      expect(unknown.statusCode).toBe(404)
      const malformed = await deliver(ports, { callbackId: 'cb_y', orderId: 'od_000000000000000000000000', submissionId: 'sb_x', result: 'approved', reviewedAt: '2026-11-24T04:00:00.000Z' })
      expect(malformed.statusCode).toBe(400)
    })
  })

  describe('payment callbacks', () => {
    it('never double-pays a replayed success and flags a wrong amount', async () => {
      const { orderId } = await createOrder(ports, ALICE, photoA)
      const success = await ports.cashier.pay(orderId)
      for (let i = 0; i < 3; i++) expect(await handlePayNotification(ports, success)).toEqual({ errcode: 0, errmsg: 'OK' })
      const doc = await order(ports, orderId)
      expect(doc.history.filter((h) => h.to === 'paid')).toHaveLength(1)
      expect(doc.submissions).toHaveLength(1)

      const other = await createOrder(ports, ALICE, photoA)
      const wrong = await ports.cashier.pay(other.orderId, { paidFee: 1 })
      await handlePayNotification(ports, wrong)
      const flagged = await order(ports, other.orderId)
      expect(flagged.status).toBe('created')
      expect(flagged.paymentIssues).toEqual([expect.objectContaining({ kind: 'amount_mismatch', totalFee: 1, transactionId: wrong.transactionId })])
    })
  })

  /** On a store of its own: BOB's order rejected, resubmitted (accepting `subscribed` on that tap), approved, swept. */
  async function rejectedThenApproved(subscribed: string[]) {
    const t = tempDir()
    const fresh = makePorts(t.dir)
    const photo = await checkedPhoto(fresh, BOB)
    const { orderId } = await createOrder(fresh, BOB, photo)
    await payAtCashier(fresh, orderId)
    await deliver(fresh, await result(fresh, orderId, 'rejected'))
    await invoke(orderFunction, { action: 'resubmit', data: { orderId, photoId: await checkedPhoto(fresh, BOB, 3), subscribed } }, BOB, fresh)
    await deliver(fresh, await result(fresh, orderId, 'approved'))
    await sweep(fresh)
    return { fresh, orderId, t }
  }

  it('sends a service notification only while the user has an accepted subscription left (one send per accept)', async () => {
    const { fresh, orderId, t } = await rejectedThenApproved([])
    const entries = await fresh.db.collection<{ _id: string; status: string; lastError?: { errcode: number } }>('outbox').find({ orderId }, { orderBy: [['createdAt', 'asc'], ['_id', 'asc']] })
    expect(entries.map((e) => e.status)).toEqual(['sent', 'skipped'])
    expect(entries.map((e) => (e as { statusText?: string }).statusText)).toEqual(['已发送', '未发送（用户未订阅或模板未配置），已存入消息页'])
    expect(entries[1].lastError?.errcode).toBe(43101)
    expect(await fresh.db.collection('wechat_sent').count({})).toBe(1)
    expect(await fresh.db.collection('inbox').count({ orderId })).toBe(2)
    t.cleanup()
  })

  it('pushes the result of a resubmission when the user accepted the notification on the 重新提交 tap', async () => {
    const { fresh, orderId, t } = await rejectedThenApproved(['review_result'])
    const entries = await fresh.db.collection<{ _id: string; status: string }>('outbox').find({ orderId }, { orderBy: [['createdAt', 'asc']] })
    expect(entries.map((e) => e.status)).toEqual(['sent', 'sent'])
    expect(await fresh.db.collection('wechat_sent').count({})).toBe(2)
    t.cleanup()
  })

  it('lets exactly one of 20 concurrent resubmits through', async () => {
    const { orderId } = await createOrder(ports, ALICE, photoA)
    await payAtCashier(ports, orderId)
    await deliver(ports, await result(ports, orderId, 'rejected'))
    const fresh = await checkedPhoto(ports, ALICE, 1)
    const replies = await Promise.all(Array.from({ length: 20 }, () => invoke(orderFunction, { action: 'resubmit', data: { orderId, photoId: fresh } }, ALICE, ports)))
    expect(replies.filter((r) => r.ok)).toHaveLength(1)
    expect(replies.filter((r) => !r.ok).every((r) => !r.ok && r.error.code === 'ORDER_INVALID_TRANSITION')).toBe(true)
    const doc = await order(ports, orderId)
    expect(doc.submissions).toHaveLength(2)
    expect(await ports.db.collection('center_tickets').count({ orderId })).toBe(2)
  })

  it('cancels an order left unpaid for 30 minutes, and only then', async () => {
    const { orderId } = await createOrder(ports, ALICE, photoA)
    const createdAt = new Date((await order(ports, orderId)).createdAt).getTime()
    ports.setNow(new Date(createdAt + 29 * 60_000).toISOString())
    await sweep(ports)
    expect((await order(ports, orderId)).status).toBe('created')
    ports.setNow(new Date(createdAt + 30 * 60_000).toISOString())
    await sweep(ports)
    const doc = await order(ports, orderId)
    expect(doc.status).toBe('cancelled')
    expect(doc.history.at(-1)).toMatchObject({ from: 'created', to: 'cancelled', actor: 'system' })
    expect(await ports.db.collection('outbox').count({ orderId })).toBe(1)
    expect(await ports.db.collection('outbox').find({ orderId })).toMatchObject([{ template: 'order_cancelled', data: { thing5: { value: '超过 30 分钟未支付，订单已自动取消' } } }])
    ports.setNow('2026-11-24T04:00:00.000Z')
  })

  it('tells a user who cancelled their own order that they did, not that it timed out', async () => {
    const { orderId } = await createOrder(ports, ALICE, photoA)
    const reply = await invoke(orderFunction, { action: 'cancel', data: { orderId } }, ALICE, ports)
    expect(reply.ok).toBe(true)
    expect((await order(ports, orderId)).history.at(-1)).toMatchObject({ to: 'cancelled', actor: 'user' })
    await sweep(ports)
    const inbox = await invoke(userFunction, { action: 'messages' }, ALICE, ports)
    const mine = (inbox as { data: Array<{ title: string; fields: Array<{ label: string; value: string }> }> }).data.filter((m) => m.fields.some((f) => f.value === orderId))
    expect(mine).toHaveLength(1)
    expect(mine[0].fields).toEqual(expect.arrayContaining([{ label: '取消原因', value: '您已取消订单，未产生费用' }]))
    expect(JSON.stringify(mine[0])).not.toContain('超过 30 分钟未支付')
  })

  it('reminds once, a week before an approved receipt expires, where the validity has a source (深圳 身份证: 180 days)', async () => {
    const { orderId } = await createOrder(ports, ALICE, await checkedPhoto(ports, ALICE, 1, 'id-card'), 'id-card')
    await payAtCashier(ports, orderId)
    await deliver(ports, await result(ports, orderId, 'approved'))
    const expiresAt = (await order(ports, orderId)).receipt!.expiresAt
    const day = 24 * 3600_000
    ports.setNow(new Date(new Date(expiresAt).getTime() - 8 * day).toISOString())
    await sweep(ports)
    expect(await ports.db.collection('outbox').get(`${orderId}#expiring`)).toBeNull()
    ports.setNow(new Date(new Date(expiresAt).getTime() - 6 * day).toISOString())
    await sweep(ports)
    await sweep(ports)
    expect(await ports.db.collection('outbox').count({ _id: `${orderId}#expiring` })).toBe(1)
    expect(await ports.db.collection('inbox').get(`${orderId}#expiring`)).toMatchObject({ template: 'receipt_expiring', data: { time3: { value: expect.stringMatching(/^\d{4}年\d{2}月\d{2}日 \d{2}:\d{2}$/) } } })
    ports.setNow('2026-11-24T04:00:00.000Z')
  })

  it('pushes no expiry reminder where the validity period has no source (深圳 社保卡: 参考有效期 only)', async () => {
    const { orderId } = await createOrder(ports, ALICE, photoA)
    await payAtCashier(ports, orderId)
    await deliver(ports, await result(ports, orderId, 'approved'))
    const expiresAt = (await order(ports, orderId)).receipt!.expiresAt
    ports.setNow(new Date(new Date(expiresAt).getTime() - 6 * 24 * 3600_000).toISOString())
    await sweep(ports)
    expect(await ports.db.collection('outbox').get(`${orderId}#expiring`)).toBeNull()
    ports.setNow('2026-11-24T04:00:00.000Z')
  })

  describe('one user cannot touch another user’s orders', () => {
    it('answers ORDER_NOT_FOUND to user B for every action on user A’s order, and never lists it', async () => {
      const { orderId } = await createOrder(ports, ALICE, photoA)
      for (const [act, data] of [['get', { orderId }], ['cancel', { orderId }], ['resubmit', { orderId, photoId: photoA }]] as const) {
        expect(await invoke(orderFunction, { action: act, data }, BOB, ports)).toMatchObject({ ok: false, error: { code: 'ORDER_NOT_FOUND' } })
      }
      const list = (await invoke(orderFunction, { action: 'list', data: { tab: 'all' } }, BOB, ports)) as { data: unknown[] }
      expect(list.data).toEqual([])
      expect((await order(ports, orderId)).status).toBe('created')
    })

    it('refuses an order built on another user’s photo', async () => {
      const reply = await invoke(orderFunction, { action: 'create', data: { documentType: 'social-security-card', cityCode: '440300', photoId: photoA, applicant: APPLICANT } }, BOB, ports)
      expect(reply).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '照片不存在，请重新拍摄或上传' } })
    })
  })
})
