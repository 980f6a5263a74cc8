import { newId } from '../../cloudfunctions/_shared/crypto'
import { invoke } from '../../cloudfunctions/_shared/handler'
import type { OrderDoc } from '../../cloudfunctions/_shared/order/order.store'
import { SOURCES, invokeSystem } from '../../cloudfunctions/_shared/system'
import { SYSTEM_FUNCTIONS } from '../../emulator/functions'
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

/** The user pays at the simulated WeChat Pay (`paidFee` for a wrong amount); returns the notification WeChat Pay sends. */
export const payAtCashier = (em: Emulator, orderId: string, paidFee?: number) => em.cashier.pay(orderId, { paidFee })

/** Delivers a notification to payCallback as WeChat Pay does: with its own source. */
export const notifyPayCallback = (em: Emulator, event: unknown) => invokeSystem(SYSTEM_FUNCTIONS.payCallback, event, { source: SOURCES.payCallback }, em.ports)

/**
 * Pay-callback replay: every payment's notification delivered 3 times (concurrently, in shuffled order);
 * ~30% of the orders paid with a wrong amount at WeChat Pay; and, for as many unpaid orders, success
 * notifications WeChat Pay has no record of (queryOrder says NOTPAY). Expected: each order paid once,
 * every wrong amount flagged and none applied, no unconfirmed notification applied.
 */
export async function payReplay(em: Emulator, caller: Caller, photoId: string, cfg: { orders: number; seed?: number }): Promise<Figure> {
  const random = rng(cfg.seed ?? 11)
  const created = await createOrders(em, caller, photoId, cfg.orders)
  const unpaid = await createOrders(em, caller, photoId, Math.ceil(cfg.orders / 4))
  const events: Array<{ orderId: string; event: unknown }> = []
  const wrongOrders = new Set<string>()
  for (const o of created) {
    const wrong = random() < 0.3
    if (wrong) wrongOrders.add(o.orderId)
    const note = await payAtCashier(em, o.orderId, wrong ? o.amountFen + 1 : undefined)
    for (let i = 0; i < 3; i++) events.push({ orderId: o.orderId, event: note })
  }
  for (const o of unpaid) events.push({ orderId: o.orderId, event: success(o.orderId, o.amountFen, newId('wx')) })
  events.sort(() => random() - 0.5)
  await pool(events, 16, async (e) => {
    await notifyPayCallback(em, e.event)
  })
  let doublePaid = 0
  let unpaidLeft = 0
  let flagged = 0
  let wrongApplied = 0
  let unconfirmedApplied = 0
  const paidCount = async (orderId: string) => ((await em.db.collection<OrderDoc>('orders').get(orderId)) as OrderDoc).history.filter((h) => h.to === 'paid').length
  for (const o of created) {
    const doc = (await em.db.collection<OrderDoc>('orders').get(o.orderId)) as OrderDoc
    const paid = doc.history.filter((h) => h.to === 'paid').length
    if (wrongOrders.has(o.orderId)) {
      if (paid) wrongApplied++
      if (doc.paymentIssues?.some((i) => i.kind === 'amount_mismatch')) flagged++
      continue
    }
    if (paid > 1) doublePaid++
    if (paid === 0) unpaidLeft++
  }
  for (const o of unpaid) if (await paidCount(o.orderId)) unconfirmedApplied++
  return {
    name: 'pay-callback replay',
    tried: `${events.length} pay notifications for ${created.length + unpaid.length} orders, 16 at a time: each payment's 3× (${wrongOrders.size} paid with a wrong amount), and ${unpaid.length} successes WeChat Pay has no record of`,
    outcome: `${doublePaid} double payments, ${unpaidLeft} paid orders left unpaid, ${flagged}/${wrongOrders.size} wrong amounts flagged (${wrongApplied} applied), ${unconfirmedApplied}/${unpaid.length} unconfirmed applied`,
    pass: doublePaid === 0 && unpaidLeft === 0 && flagged === wrongOrders.size && wrongApplied === 0 && unconfirmedApplied === 0,
  }
}

/** Fires `n` copies of one call at once; returns how many succeeded. */
export async function burst(n: number, call: () => Promise<boolean>): Promise<number> {
  const results = await Promise.all(Array.from({ length: n }, () => call().catch(() => false)))
  return results.filter(Boolean).length
}
