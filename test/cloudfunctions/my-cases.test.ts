import { invoke } from '../../cloudfunctions/_shared/handler'
import type { InboxDoc } from '../../cloudfunctions/_shared/notify/inbox'
import type { Caller } from '../../cloudfunctions/_shared/ports'
import { cardLossFunction } from '../../cloudfunctions/cardLoss/cardLoss.function'
import { orderFunction } from '../../cloudfunctions/order/order.function'
import { userFunction } from '../../cloudfunctions/user/user.function'
import type { MyCase } from '@/domain/case/my-cases'
import type { Reply } from '@/domain/errors'
import { idNumberCheckChar } from '@/domain/identity/id-number'
import type { InboxMessage, OrderSummary } from '@/domain/order/order.view'
import { saveDraft } from '../support/cancellations'
import { checkedPhoto, createOrder } from '../support/orders'
import { ALICE, BOB, makePorts, tempDir, type TestPorts } from '../support/store'

/**
 * 我的办理 and the 消息 badge against the embedded store: one list of the caller's receipts, loss reports and
 * cancellation applications; unread messages counted after the last one seen. Identity comes from the WeChat context only.
 */
describe('我的办理 (user.cases) and the unread count (user.unread, user.readMessages)', () => {
  let ports: TestPorts
  let cleanup: () => void

  beforeEach(() => {
    const t = tempDir()
    cleanup = t.cleanup
    ports = makePorts(t.dir)
  })
  afterEach(async () => {
    await ports.db.close()
    cleanup()
  })

  const user = async <T>(caller: Caller, action: string, data?: unknown): Promise<T> => {
    const reply = (await invoke(userFunction, { action, data }, caller, ports)) as Reply<T>
    if (!reply.ok) throw new Error(`${reply.error.code} ${reply.error.message}`)
    return reply.data
  }
  /** A valid ID number per holder (sequence code 100, 101 …): one card is reported once, whoever reports it. */
  let holders = 0
  const idNumber = () => {
    const first17 = `44010619850101${String(100 + holders++).padStart(3, '0')}`
    return `${first17}${idNumberCheckChar(first17)}`
  }
  const temporaryReport = async (caller: Caller, name: string) => {
    const reply = (await invoke(cardLossFunction, { action: 'report', data: { cityCode: '440300', holder: { name, idNumber: idNumber() }, kind: 'temporary' } }, caller, ports)) as Reply<{ caseId: string }>
    if (!reply.ok) throw new Error(`${reply.error.code} ${reply.error.message}`)
    return reply.data.caseId
  }

  it("lists the caller's receipt, loss report and cancellation application with their status, newest first, and none of another user's", async () => {
    const photoId = await checkedPhoto(ports, ALICE)
    const { orderId } = await createOrder(ports, ALICE, photoId)
    ports.setNow('2026-11-24T05:00:00.000Z')
    const caseId = await temporaryReport(ALICE, '陈小梅')
    ports.setNow('2026-11-24T06:00:00.000Z')
    const draft = await saveDraft(ports, ALICE)
    await temporaryReport(BOB, '王大伟')

    const mine = await user<MyCase[]>(ALICE, 'cases')
    expect(mine.map((c) => [c.kind, c.id, c.statusLabel, c.phase])).toEqual([
      ['cancellation', draft.applicationId, draft.statusLabel, 'waiting'],
      ['card-loss', caseId, '临时挂失中', 'waiting'],
      ['receipt', orderId, '待支付', 'waiting'],
    ])
    expect(mine[1].title).toBe('陈小梅的社保卡 · 深圳市')
    expect(mine[2].title).toBe('社保卡 · 广东省 · 深圳市')

    const bobs = await user<MyCase[]>(BOB, 'cases')
    expect(bobs.map((c) => c.kind)).toEqual(['card-loss'])
    expect(bobs[0].title).toBe('王大伟的社保卡 · 深圳市')
    expect(JSON.stringify(bobs)).not.toContain(orderId)
  })

  it('takes the caller from the platform, never from the payload, and refuses a call without one', async () => {
    await temporaryReport(ALICE, '陈小梅')
    expect(await user<MyCase[]>(BOB, 'cases', { openid: ALICE.openid })).toEqual([])
    expect(await invoke(userFunction, { action: 'cases' }, null, ports)).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录后再操作' } })
  })

  it("finds the caller's unpaid order for a photo (back from the cashier), and not another user's", async () => {
    const photoId = await checkedPhoto(ports, ALICE)
    const { orderId } = await createOrder(ports, ALICE, photoId)
    const list = async (caller: Caller) => ((await invoke(orderFunction, { action: 'list', data: { tab: 'unpaid', photoId } }, caller, ports)) as Reply<OrderSummary[]>)
    const alice = await list(ALICE)
    expect(alice.ok && alice.data.map((o) => o.orderId)).toEqual([orderId])
    const bob = await list(BOB)
    expect(bob.ok && bob.data).toEqual([])
  })

  it('counts messages after the last one seen; a message arriving later is unread again; each user has their own', async () => {
    const inbox = ports.db.collection<InboxDoc>('inbox')
    const message = (id: string, openid: string, at: string): InboxDoc => ({ _id: id, openid, caseId: 'od_x', template: 'review_result', data: {}, page: 'pages/orders/index', at })
    expect(await user<{ count: number }>(ALICE, 'unread')).toEqual({ count: 0 })
    await inbox.add(message('m1', ALICE.openid, '2026-11-24T04:00:00.000Z'))
    await inbox.add(message('m2', ALICE.openid, '2026-11-24T04:01:00.000Z'))
    await inbox.add(message('m3', BOB.openid, '2026-11-24T04:02:00.000Z'))
    expect(await user<{ count: number }>(ALICE, 'unread')).toEqual({ count: 2 })

    await user(ALICE, 'readMessages')
    expect(await user<{ count: number }>(ALICE, 'unread')).toEqual({ count: 0 })
    expect(await user<{ count: number }>(BOB, 'unread')).toEqual({ count: 1 })

    await inbox.add(message('m4', ALICE.openid, '2026-11-24T04:05:00.000Z'))
    expect(await user<{ count: number }>(ALICE, 'unread')).toEqual({ count: 1 })
  })

  it("gives 消息 an approved order's whole receipt and image numbers (WeChat's field cuts them), only on the approval and only for the order's owner", async () => {
    const photoId = await checkedPhoto(ports, ALICE)
    const { orderId } = await createOrder(ports, ALICE, photoId)
    const receiptNumber = '44030012345678901234567'
    await ports.db.collection<{ _id: string }>('orders').update({ _id: orderId }, { set: { status: 'approved', receipt: { receiptNumber, imageNumber: 'IMG-0042', approvedAt: '2026-11-24T04:00:00.000Z', expiresAt: '2027-05-23T04:00:00.000Z' } } })
    const inbox = ports.db.collection<InboxDoc>('inbox')
    const review = (id: string, openid: string, word: string): InboxDoc => ({ _id: id, openid, orderId, caseId: orderId, template: 'review_result', data: { phrase3: { value: word } }, page: 'pages/orders/index', at: `2026-11-24T04:0${id.length}:00.000Z` })
    await inbox.add(review('a1', ALICE.openid, '审核未通过'))
    await inbox.add(review('a22', ALICE.openid, '审核通过'))
    await inbox.add(review('b333', BOB.openid, '审核通过'))

    const alice = await user<InboxMessage[]>(ALICE, 'messages')
    expect(alice.map((m) => [m.id, m.receipt])).toEqual([
      ['a22', { receiptNumber, imageNumber: 'IMG-0042' }],
      ['a1', undefined],
    ])
    const bob = await user<InboxMessage[]>(BOB, 'messages')
    expect(bob.map((m) => [m.id, m.receipt])).toEqual([['b333', undefined]])
  })
})
