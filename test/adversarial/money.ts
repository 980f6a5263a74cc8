import { newId } from '../../cloudfunctions/_shared/crypto'
import { invoke } from '../../cloudfunctions/_shared/handler'
import type { OrderDoc } from '../../cloudfunctions/_shared/orders/order.store'
import { handlePayNotification } from '../../cloudfunctions/_shared/orders/payment'
import type { Caller } from '../../cloudfunctions/_shared/ports'
import { orderFunction } from '../../cloudfunctions/order/order.function'
import type { Emulator } from '../../emulator/server'
import { pool, rng, type Figure } from './kit'

const APPLICANT = { name: '王小明', idNumber: '11010519491231002X', phone: '13812345678' }
const success = (orderId: string, totalFee: number, transactionId: string) => ({ returnCode: 'SUCCESS', resultCode: 'SUCCESS', outTradeNo: orderId, totalFee, transactionId })

export async function createOrders(em: Emulator, caller: Caller, photoId: string, n: number): Promise<Array<{ orderId: string; amountFen: number }>> {
  const out: Array<{ orderId: string; amountFen: number }> = []
  for (let i = 0; i < n; i++) {
    const reply = await invoke(orderFunction, { action: 'create', data: { documentType: 'social-security-card', cityCode: '440300', photoId, applicant: APPLICANT } }, caller, em.ports)
    if (!reply.ok) throw new Error(`order.create: ${reply.error.code}`)
    out.push(reply.data as { orderId: string; amountFen: number })
  }
  return out
}

/**
 * Pay-callback replay: every successful payment delivered 3 times (concurrently, in shuffled order), and a
 * wrong-amount payment for ~30% of the orders. Expected: each order paid once, every mismatch flagged.
 */
export async function payReplay(em: Emulator, caller: Caller, photoId: string, cfg: { orders: number; seed?: number }): Promise<Figure> {
  const random = rng(cfg.seed ?? 11)
  const created = await createOrders(em, caller, photoId, cfg.orders)
  const events: Array<{ orderId: string; event: unknown; wrong: boolean }> = []
  for (const o of created) {
    const tx = newId('wx')
    for (let i = 0; i < 3; i++) events.push({ orderId: o.orderId, event: success(o.orderId, o.amountFen, tx), wrong: false })
    if (random() < 0.3) events.push({ orderId: o.orderId, event: success(o.orderId, o.amountFen + 1, newId('wx')), wrong: true })
  }
  events.sort(() => random() - 0.5)
  await pool(events, 16, async (e) => {
    await handlePayNotification(em.ports, e.event)
  })
  let doublePaid = 0
  let unpaid = 0
  let flagged = 0
  const wrongOrders = new Set(events.filter((e) => e.wrong).map((e) => e.orderId))
  for (const o of created) {
    const doc = (await em.db.collection<OrderDoc>('orders').get(o.orderId)) as OrderDoc
    const paid = doc.history.filter((h) => h.to === 'paid').length
    if (paid > 1) doublePaid++
    if (paid === 0) unpaid++
    if (wrongOrders.has(o.orderId) && doc.paymentIssues?.some((i) => i.kind === 'amount_mismatch')) flagged++
  }
  return {
    name: 'pay-callback replay',
    tried: `${events.length} pay notifications for ${cfg.orders} orders (each success 3×, ${wrongOrders.size} wrong amounts), 16 at a time`,
    outcome: `${doublePaid} double payments, ${unpaid} orders left unpaid, ${flagged}/${wrongOrders.size} mismatches flagged`,
    pass: doublePaid === 0 && unpaid === 0 && flagged === wrongOrders.size,
  }
}

/** Fires `n` copies of one call at once; returns how many succeeded. */
export async function burst(n: number, call: () => Promise<boolean>): Promise<number> {
  const results = await Promise.all(Array.from({ length: n }, () => call().catch(() => false)))
  return results.filter(Boolean).length
}
