import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { OrderDoc } from '../../cloudfunctions/_shared/order/order.store'
import { orderCallbackUrl, zjzapiSign } from '../../cloudfunctions/_shared/provider/callback-token'
import type { TicketDoc } from '../../emulator/center-sim'
import { startEmulator, type Emulator } from '../../emulator/server'
import { pool, rng, shuffle, type Figure } from './kit'
import { reviewingOrder } from './reviewing-order'

type Kind = 'genuine' | 'old' | 'late' | 'forged-sign' | 'forged-token' | 'no-token'
interface Delivery {
  orderId: string
  url: string
  body: string
  kind: Kind
}

/** Counts what the storm left: wrong final states, lost or doubled transitions, notifications per transition. */
async function tally(em: Emulator, docs: readonly OrderDoc[], expected: ReadonlyMap<string, 'approved' | 'rejected'>) {
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
  return { wrong, lost, notifications, transitions }
}

/** Sends the deliveries 16 at a time; forged ones must be refused with 401, genuine ones acknowledged with 200. */
async function deliver(deliveries: readonly Delivery[], contentType: string, concurrency: number) {
  let refusedBad = 0
  let badTotal = 0
  let unexpected = 0
  await pool(deliveries, concurrency, async (d) => {
    const res = await fetch(d.url, { method: 'POST', headers: { 'content-type': contentType }, body: d.body })
    await res.arrayBuffer()
    if (d.kind.startsWith('forged') || d.kind === 'no-token') {
      badTotal++
      if (res.status === 401) refusedBad++
    } else if (res.status !== 200) unexpected++
  })
  return { refusedBad, badTotal, unexpected }
}

async function withEmulator<T>(provider: 'zjzapi' | 'clipimg', run: (em: Emulator) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `huizhi-storm-${provider}-`))
  const em = await startEmulator({ dataDir: dir, port: 0, host: '127.0.0.1', sweepIntervalMs: 0, writeBurst: 10_000, provider })
  try {
    return await run(em)
  } finally {
    await em.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * zjzapi notice storm: each order's genuine notice (3 办理完成 or −1 审核失败 for its current order_no) delivered
 * 1–5+ times to its own notice_url; 20% also get the opposite notice for their earlier order_no, and a late
 * 审核中; 5% of deliveries carry a wrong sign with the right token, 5% the right sign with another order's token,
 * 3% no token at all. Every forged one must be refused; each order moves once, to its genuine result.
 */
export async function zjzapiStorm(cfg: { orders: number; callbacks: number; concurrency?: number; seed?: number }): Promise<Figure> {
  return withEmulator('zjzapi', async (em) => {
    const random = rng(cfg.seed ?? 11)
    const at = em.ports.clock.now().toISOString()
    const base = `${em.url}/api/callbacks/review`
    const tokenKey = em.ports.config.provider.tokenKey
    const sign = zjzapiSign(em.ports.config.provider.apiKey)
    const docs = Array.from({ length: cfg.orders }, (_, i) => reviewingOrder(i, at, { idBase: 0xb00000, openidPrefix: 'oPROV', tickets: { old: `2026120100${String(i).padStart(10, '0')}`, cur: `2026120200${String(i).padStart(10, '0')}` } }))
    for (const d of docs) await em.db.collection<OrderDoc>('orders').add(d)
    const expected = new Map<string, 'approved' | 'rejected'>()
    const deliveries: Delivery[] = []
    const notice = (no: string, status: string) => new URLSearchParams({ status, order_no: no, sign, ...(status === '-1' ? { reason: '背景有阴影' } : {}) }).toString()
    for (const d of docs) {
      const approved = random() < 0.5
      expected.set(d._id, approved ? 'approved' : 'rejected')
      const url = orderCallbackUrl(base, tokenKey, d._id)
      const [old, cur] = d.submissions.map((s) => s.ticketId as string)
      const times = 1 + Math.floor(random() * 5)
      for (let t = 0; t < times; t++) deliveries.push({ orderId: d._id, url, body: notice(cur, approved ? '3' : '-1'), kind: 'genuine' })
      if (random() < 0.2) {
        deliveries.push({ orderId: d._id, url, body: notice(old, approved ? '-1' : '3'), kind: 'old' })
        deliveries.push({ orderId: d._id, url, body: notice(cur, '2'), kind: 'late' })
      }
    }
    const genuine = deliveries.filter((x) => x.kind === 'genuine')
    while (deliveries.length < cfg.callbacks) deliveries.push({ ...genuine[Math.floor(random() * genuine.length)] })
    for (let i = 0; i < deliveries.length; i++) {
      const r = random()
      const d = deliveries[i]
      if (d.kind !== 'genuine') continue
      if (r < 0.05) deliveries[i] = { ...d, body: d.body.replace(sign, 'e'.repeat(32)), kind: 'forged-sign' }
      else if (r < 0.1) deliveries[i] = { ...d, url: orderCallbackUrl(base, tokenKey, docs[Math.floor(random() * docs.length)]._id).replace(/order=od_[0-9a-f]+/, `order=${d.orderId}`), kind: 'forged-token' }
      else if (r < 0.13) deliveries[i] = { ...d, url: `${base}?order=${d.orderId}`, kind: 'no-token' }
    }
    // A forged token that happens to be the order's own is genuine after all.
    for (const d of deliveries) if (d.kind === 'forged-token' && d.url === orderCallbackUrl(base, tokenKey, d.orderId)) d.kind = 'genuine'
    for (const d of docs) {
      if (!deliveries.some((x) => x.kind === 'genuine' && x.orderId === d._id)) deliveries.push({ orderId: d._id, url: orderCallbackUrl(base, tokenKey, d._id), body: notice(d.submissions[1].ticketId as string, expected.get(d._id) === 'approved' ? '3' : '-1'), kind: 'genuine' })
    }
    shuffle(deliveries, random)
    const sent = await deliver(deliveries, 'application/x-www-form-urlencoded', cfg.concurrency ?? 16)
    const t = await tally(em, docs, expected)
    const count = (k: Kind) => deliveries.filter((x) => x.kind === k).length
    return {
      name: 'zjzapi notice storm',
      tried: `${deliveries.length} notices over ${cfg.orders} orders (each result 1–5+ times, ${count('old')} for an earlier order_no, ${count('late')} late 审核中, ${count('forged-sign')} wrong sign, ${count('forged-token')} another order's token, ${count('no-token')} no token), ${cfg.concurrency ?? 16} at a time`,
      outcome: `${t.wrong} orders in a wrong final state, ${t.lost} lost or doubled transitions, ${t.notifications} notifications for ${t.transitions} transitions, ${sent.refusedBad}/${sent.badTotal} forged refused, ${sent.unexpected} genuine deliveries not acknowledged`,
      pass: t.wrong === 0 && t.lost === 0 && t.notifications === t.transitions && sent.refusedBad === sent.badTotal && sent.unexpected === 0,
    }
  })
}

/**
 * 可立图 callback storm: what /query answers decides each order (completed or failed); the callbacks claim a
 * random status and application number, 1–5+ per order, 16 at a time; 5% carry another order's token and 3% none.
 * Forged ones must be refused before any query; each order moves once, to what the query says.
 */
export async function clipImgStorm(cfg: { orders: number; callbacks: number; concurrency?: number; seed?: number }): Promise<Figure> {
  return withEmulator('clipimg', async (em) => {
    const random = rng(cfg.seed ?? 13)
    const at = em.ports.clock.now().toISOString()
    const base = `${em.url}/api/callbacks/review`
    const tokenKey = em.ports.config.provider.tokenKey
    const docs = Array.from({ length: cfg.orders }, (_, i) => reviewingOrder(i, at, { idBase: 0xb00000, openidPrefix: 'oPROV', tickets: { old: `CLOLD${String(i).padStart(8, '0')}`, cur: `CLCUR${String(i).padStart(8, '0')}` } }))
    const expected = new Map<string, 'approved' | 'rejected'>()
    const tickets = em.db.collection<TicketDoc>('center_tickets')
    for (const [i, d] of docs.entries()) {
      await em.db.collection<OrderDoc>('orders').add(d)
      const approved = random() < 0.5
      expected.set(d._id, approved ? 'approved' : 'rejected')
      const no = d.submissions[1].ticketId as string
      await tickets.add({
        _id: `tk_${(0xc00000 + i).toString(16).padStart(24, '0')}`,
        submissionId: no,
        orderId: d._id,
        documentType: d.documentType,
        cityCode: '',
        cityName: '',
        applicantName: '王*明',
        idNumberMasked: d.applicant.idNumberMasked,
        photoUrl: '',
        status: approved ? 'approved' : 'rejected',
        submittedAt: at,
        provider: { name: 'clipimg', no, callbackUrl: orderCallbackUrl(base, tokenKey, d._id), typeId: 11, status: approved ? 'completed' : 'failed', ...(approved ? { imageCode: `44030020261201${String(i).padStart(4, '0')}`, resultUrl: `${em.url}/providers/receipt/${no}.png` } : { reason: '背景有阴影' }) },
      })
    }
    const claims = ['completed', 'failed', 'processing']
    const deliveries: Delivery[] = []
    for (const d of docs) {
      const url = orderCallbackUrl(base, tokenKey, d._id)
      const times = 1 + Math.floor(random() * 5)
      for (let t = 0; t < times; t++) {
        const no = random() < 0.2 ? (d.submissions[0].ticketId as string) : (d.submissions[1].ticketId as string)
        deliveries.push({ orderId: d._id, url, body: JSON.stringify({ application_no: no, status: claims[Math.floor(random() * 3)], image_code: '000000000000000000' }), kind: 'genuine' })
      }
    }
    const genuine = deliveries.filter((x) => x.kind === 'genuine')
    while (deliveries.length < cfg.callbacks) deliveries.push({ ...genuine[Math.floor(random() * genuine.length)] })
    for (let i = 0; i < deliveries.length; i++) {
      const r = random()
      const d = deliveries[i]
      if (r < 0.05) deliveries[i] = { ...d, url: orderCallbackUrl(base, tokenKey, docs[Math.floor(random() * docs.length)]._id).replace(/order=od_[0-9a-f]+/, `order=${d.orderId}`), kind: 'forged-token' }
      else if (r < 0.08) deliveries[i] = { ...d, url: `${base}?order=${d.orderId}`, kind: 'no-token' }
    }
    for (const d of deliveries) if (d.kind === 'forged-token' && d.url === orderCallbackUrl(base, tokenKey, d.orderId)) d.kind = 'genuine'
    for (const d of docs) {
      if (!deliveries.some((x) => x.kind === 'genuine' && x.orderId === d._id)) deliveries.push({ orderId: d._id, url: orderCallbackUrl(base, tokenKey, d._id), body: JSON.stringify({ application_no: d.submissions[1].ticketId }), kind: 'genuine' })
    }
    shuffle(deliveries, random)
    const sent = await deliver(deliveries, 'application/json', cfg.concurrency ?? 16)
    const t = await tally(em, docs, expected)
    const count = (k: Kind) => deliveries.filter((x) => x.kind === k).length
    return {
      name: '可立图 callback storm',
      tried: `${deliveries.length} callbacks over ${cfg.orders} orders (each 1–5+ times claiming a random status, 20% naming the earlier application, ${count('forged-token')} another order's token, ${count('no-token')} no token), ${cfg.concurrency ?? 16} at a time`,
      outcome: `${t.wrong} orders not in the state /query gives, ${t.lost} lost or doubled transitions, ${t.notifications} notifications for ${t.transitions} transitions, ${sent.refusedBad}/${sent.badTotal} forged refused, ${sent.unexpected} genuine deliveries not acknowledged`,
      pass: t.wrong === 0 && t.lost === 0 && t.notifications === t.transitions && sent.refusedBad === sent.badTotal && sent.unexpected === 0,
    }
  })
}
