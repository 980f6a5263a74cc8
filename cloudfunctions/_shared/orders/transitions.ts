import { AppError } from '../../../src/domain/errors'
import { ORDER_MACHINE, ORDER_STATUS_LABELS, type Actor, type OrderEvent } from '../../../src/domain/order/order.machine'
import { moveCase, type MoveExtra } from '../cases/move'
import type { Ports } from '../ports'
import { enqueueNotice } from './outbox'
import { orders, type OrderDoc } from './order.store'

/**
 * Moves an order along the state machine in one conditional write: it applies only if the order is
 * still in the state and version that was read, appends the history entry, and then writes the
 * notification the move owes to the outbox. Returns the updated order, or null when another writer won.
 */
export async function moveOrder(
  ports: Ports,
  order: OrderDoc,
  event: OrderEvent,
  actor: Actor,
  extra: MoveExtra = {},
): Promise<OrderDoc | null> {
  const updated = await moveCase(ports, orders(ports), ORDER_MACHINE, ORDER_STATUS_LABELS, order, event, actor, extra)
  if (!updated) return null
  await enqueueNotice(ports, updated, order.history.length)
  return updated
}

/** Like moveOrder, but a lost race is the caller's error: the order changed under them. */
export async function mustMove(...args: Parameters<typeof moveOrder>): Promise<OrderDoc> {
  const moved = await moveOrder(...args)
  if (!moved) throw new AppError('ORDER_INVALID_TRANSITION')
  return moved
}
