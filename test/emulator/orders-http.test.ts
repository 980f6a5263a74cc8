import type { CreateOrderResult, InboxMessage, OrderView } from '@/domain/order/order.view'
import type { NormalizeResult } from '@/domain/photo/photo.schema'
import { uploadTarget } from '../support/emulator'
import { callFn, post, start, type Emulator } from '../support/emulator'
import { APPLICANT } from '../support/orders'
import { fixture } from '../support/photos'
import { tempDir } from '../support/store'

/** The whole receipt loop over HTTP, as the browser and the simulated outside parties drive it. */
describe('local emulator: an order from cashier to receipt', () => {
  let em: Emulator
  let cleanup: () => void

  beforeAll(async () => {
    const t = tempDir()
    cleanup = t.cleanup
    em = await start(t.dir, { sweepIntervalMs: 0 })
  })
  afterAll(async () => {
    await em.close()
    cleanup()
  })

  async function checkedPhoto(user: string, n: number): Promise<string> {
    const up = await fetch(`${em.url}/api/files?cloudPath=${await uploadTarget(em, user)}`, { method: 'PUT', body: new Uint8Array(fixture(n)), headers: { 'x-huizhi-user': user } })
    const { data } = (await up.json()) as { data: { fileID: string } }
    const reply = await callFn(em, 'photo', { action: 'normalize', data: { fileID: data.fileID, specId: 'ssc-shenzhen' } }, user)
    return (reply.body.data as NormalizeResult).photoId
  }

  const decide = (user: string, body: object) =>
    fetch(`${em.url}/center/decide`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-huizhi-user': user }, body: JSON.stringify(body) })
  const queue = async () => ((await (await fetch(`${em.url}/center/queue`, { headers: { 'x-huizhi-user': 'ops' } })).json()) as { data: Array<{ _id: string; orderId: string; status: string }> }).data
  const view = async (orderId: string) => (await callFn(em, 'order', { action: 'get', data: { orderId } }, 'lisi')).body.data as OrderView

  it('pays at the cashier, is reviewed at the center, is called back over signed HTTP, and notifies once', async () => {
    const photoId = await checkedPhoto('lisi', 1)
    const created = await callFn(em, 'order', { action: 'create', data: { documentType: 'social-security-card', cityCode: '440300', photoId, applicant: APPLICANT, subscribed: ['review_result'] } }, 'lisi')
    const { orderId, payment } = created.body.data as CreateOrderResult
    expect(payment.kind).toBe('local-cashier')

    const cashier = await fetch((payment as { cashierUrl: string }).cashierUrl)
    expect(await cashier.text()).toContain('¥19.90')
    const paid = await post(em, '/__cashier/pay', JSON.stringify({ orderId }))
    expect(paid.body).toEqual({ ok: true, data: { returnUrl: `/#/features/receipt/pages/result/index?orderId=${orderId}` } })
    expect((await view(orderId)).status).toBe('reviewing')

    const ticket = (await queue()).find((t) => t.orderId === orderId)!
    expect(ticket.status).toBe('pending')
    expect((await decide('lisi', { ticketId: ticket._id, result: 'approved' })).status).toBe(403)
    const decided = await decide('ops', { ticketId: ticket._id, result: 'rejected', reasonCode: 'BACKGROUND_SHADOW' })
    expect(decided.status).toBe(200)
    expect((await view(orderId)).rejection).toEqual({ code: 'BACKGROUND_SHADOW', label: '背景有阴影' })
    expect((await decide('ops', { ticketId: ticket._id, result: 'approved' })).status).toBe(409)

    const again = await callFn(em, 'order', { action: 'resubmit', data: { orderId, photoId: await checkedPhoto('lisi', 3) } }, 'lisi')
    expect(again.status).toBe(200)
    const second = (await queue()).find((t) => t.orderId === orderId && t.status === 'pending')!
    await decide('ops', { ticketId: second._id, result: 'approved' })
    const done = await view(orderId)
    expect(done.status).toBe('approved')
    expect(done.receipt?.receiptNumber).toMatch(/^HZ\d{14}$/)
    expect(done.receipt?.daysLeft).toBe(180)

    await em.sweep()
    await em.sweep()
    const inbox = (await callFn(em, 'user', { action: 'messages' }, 'lisi')).body.data as InboxMessage[]
    expect(inbox.map((m) => m.fields.find((f) => f.label === '审核结果')?.value)).toEqual(['审核通过', '审核未通过'])
    expect(inbox[0].page).toBe(`/features/receipt/pages/detail/index?orderId=${orderId}`)
    expect(await em.db.collection('wechat_sent').count({})).toBe(1)

    const slip = await callFn(em, 'order', { action: 'receiptImage', data: { orderId } }, 'lisi')
    const png = await fetch((slip.body.data as { url: string }).url)
    expect(png.headers.get('content-type')).toBe('image/png')
  })

  it('refuses a review callback that is not signed by the center', async () => {
    const res = await fetch(`${em.url}/api/callbacks/review`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
    expect(res.status).toBe(401)
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'CALLBACK_SIGNATURE_INVALID' } })
  })

  it('gives one submission one ticket at the simulated center, even when it is delivered five times at once', async () => {
    const submission = { submissionId: 'sb_0000000000000000000000aa', orderId: 'od_0000000000000000000000aa', documentType: 'social-security-card', cityCode: '440300', photoUrl: 'http://127.0.0.1/x.jpg', applicant: APPLICANT }
    const tickets = await Promise.all(Array.from({ length: 5 }, () => em.center.submit(submission as never)))
    expect(new Set(tickets.map((t) => t.ticketId)).size).toBe(1)
    expect(await em.db.collection('center_tickets').count({ submissionId: submission.submissionId })).toBe(1)
  })

  it('refuses an unsigned submission at the simulated center', async () => {
    const res = await fetch(`${em.url}/center/v1/submissions`, { method: 'POST', body: '{}' })
    expect(res.status).toBe(401)
  })
})
