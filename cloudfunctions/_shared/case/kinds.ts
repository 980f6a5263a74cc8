import { CANCELLATION_KIND } from '../cancellation/cancellation.kind'
import { CARD_LOSS_KIND } from '../card-loss/card-loss.kind'
import { ORDER_KIND } from '../order/order.kind'
import type { AnyCaseKind } from './move'

/** Every case kind, for work done alike on all of them (the sweeper's reminders and crash recovery of notices). */
export const CASE_KINDS: readonly AnyCaseKind[] = [ORDER_KIND, CANCELLATION_KIND, CARD_LOSS_KIND]
