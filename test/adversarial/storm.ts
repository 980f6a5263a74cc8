import { sign } from '@/domain/callback/signature'
import { hmacHex, newId, newNonce } from '../../cloudfunctions/_shared/crypto'
import type { OrderDoc } from '../../cloudfunctions/_shared/order/order.store'
import type { Emulator } from '../../emulator/server'
import { pool, rng, shuffle, type Figure } from './kit'
import { reviewingOrder } from './reviewing-order'

/**
 * Callback storm: `callbacks` review callbacks over `orders` orders, over signed HTTP to the emulator.
 * Each order has one genuine result for its current submission, delivered 1–5 times; 20% of orders also get
 * a result for their earlier submission, sent out of order; 5% of deliveries carry a forged signature and 5%
 * a stale timestamp; 16 in flight at a time.
 */
export async function callbackStorm(em: Emulator, cfg: { orders: number; callbacks: number; concurrency?: number; seed?: number }): Promise<Figure> {
  const random = rng(cfg.seed ?? 7)
  const at = em.ports.clock.now().toISOString()
  const docs = Array.from({ length: cfg.orders }, (_, i) => reviewingOrder(i, at, { idBase: 0xa00000, openidPrefix: 'oSTORM' }))
  for (const d of docs) await em.db.collection<OrderDoc>('orders').add(d)
  const expected = new Map<string, 'approved' | 'rejected'>()
  type Delivery = { body: string; kind: 'genuine' | 'old' | 'forged' | 'stale' }
  const deliveries: Delivery[] = []
  const body = (d: OrderDoc, submissionId: string, result: 'approved' | 'rejected', callbackId: string) =>
    JSON.stringify({
      callbackId,
      orderId: d._id,
      submissionId,
      result,
      ...(result === 'approved' ? { receiptNumber: `HZ${d._id.slice(-12)}`, imageNumber: d._id.slice(-18) } : { reasonCode: 'BACKGROUND_SHADOW', reasonText: '背景有阴影' }),
      reviewedAt: at,
    })
  for (const d of docs) {
    const result = random() < 0.5 ? 'approved' : 'rejected'
    expected.set(d._id, result)
    const genuine = body(d, d.currentSubmissionId as string, result, newId('cb'))
    const times = 1 + Math.floor(random() * 5)
    for (let t = 0; t < times; t++) deliveries.push({ body: genuine, kind: 'genuine' })
    if (random() < 0.2) deliveries.push({ body: body(d, `sb_old${docs.indexOf(d)}`, result === 'approved' ? 'rejected' : 'approved', newId('cb')), kind: 'old' })
  }
  // Up to the requested count with more redeliveries of genuine results (the center retries).
  const genuine = deliveries.filter((x) => x.kind === 'genuine')
  while (deliveries.length < cfg.callbacks) deliveries.push({ ...genuine[Math.floor(random() * genuine.length)] })
  for (let i = 0; i < deliveries.length; i++) {
    const r = random()
    if (deliveries[i].kind === 'genuine' && r < 0.05) deliveries[i] = { ...deliveries[i], kind: 'forged' }
    else if (deliveries[i].kind === 'genuine' && r < 0.1) deliveries[i] = { ...deliveries[i], kind: 'stale' }
  }
  // Every order keeps at least one good delivery of its genuine result.
  for (const d of docs) {
    const g = deliveries.find((x) => x.kind === 'genuine' && x.body.includes(d._id) && x.body.includes(d.currentSubmissionId as string))
    if (!g) deliveries.push({ body: deliveries.find((x) => x.body.includes(d._id) && x.body.includes(`"${d.currentSubmissionId}"`))!.body, kind: 'genuine' })
  }
  shuffle(deliveries, random)
  const secret = em.ports.config.centerCallbackSecret
  let refusedBad = 0
  let badTotal = 0
  let unexpected = 0
  await pool(deliveries, cfg.concurrency ?? 16, async (d) => {
    const now = Math.floor(em.ports.clock.now().getTime() / 1000)
    const timestamp = String(d.kind === 'stale' ? now - 3600 : now)
    const nonce = newNonce()
    const signature = sign({ timestamp, nonce, body: d.body }, d.kind === 'forged' ? 'not-the-secret' : secret, hmacHex)
    const res = await fetch(`${em.url}/api/callbacks/review`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-huizhi-timestamp': timestamp, 'x-huizhi-nonce': nonce, 'x-huizhi-signature': signature }, body: d.body })
    if (d.kind === 'forged' || d.kind === 'stale') {
      badTotal++
      if (res.status === 401) refusedBad++
    } else if (res.status !== 200) unexpected++
  })
  let wrong = 0
  let lost = 0
  let notifications = 0
  let transitions = 0
  for (const d of docs) {
    const now = (await em.db.collection<OrderDoc>('orders').get(d._id)) as OrderDoc
    const results = now.history.filter((h) => h.to === 'approved' || h.to === 'rejected')
    transitions += results.length
    if (now.status !== expected.get(d._id)) wrong++
    if (results.length !== 1) lost++
    notifications += await em.db.collection('outbox').count({ orderId: d._id })
  }
  return {
    name: 'callback storm',
    tried: `${deliveries.length} callbacks over ${cfg.orders} orders (each result delivered 1–5+ times, ${deliveries.filter((x) => x.kind === 'old').length} out-of-order results for an older submission, ${deliveries.filter((x) => x.kind === 'forged').length} forged signatures, ${deliveries.filter((x) => x.kind === 'stale').length} stale timestamps), ${cfg.concurrency ?? 16} at a time`,
    outcome: `${wrong} orders in a wrong final state, ${lost} lost or doubled transitions, ${notifications} notifications for ${transitions} transitions, ${refusedBad}/${badTotal} forged and stale refused, ${unexpected} genuine deliveries not acknowledged`,
    pass: wrong === 0 && lost === 0 && notifications === transitions && refusedBad === badTotal && unexpected === 0,
  }
}
