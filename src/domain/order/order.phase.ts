import type { Phase } from '../case/phase'
import type { OrderState } from './order.machine'

/** An unpaid order waits for the user; a paid one is with the detection center until it is approved or rejected. */
export const ORDER_PHASES: Readonly<Record<OrderState, Phase>> = {
  created: 'waiting',
  paid: 'in_review',
  reviewing: 'in_review',
  approved: 'done',
  rejected: 'failed',
  cancelled: 'closed',
  refunded: 'closed',
}

export const orderPhase = (state: OrderState): Phase => ORDER_PHASES[state]
