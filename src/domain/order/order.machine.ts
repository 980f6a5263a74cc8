import { defineMachine, type HistoryEntry, type Rule } from '../case/machine'
import { instantMs } from '../time'

/**
 * The photo-receipt order lifecycle (docs/case-lifecycle.md): submit → review → approved | rejected (with a reason)
 * → free resubmission. States are strings, never numbers. Handlers apply a transition as one conditional
 * write (`where _id = X and status = from`) and append the history entry this module builds.
 */
export const ORDER_STATES = ['created', 'paid', 'reviewing', 'approved', 'rejected', 'cancelled', 'refunded'] as const
export type OrderState = (typeof ORDER_STATES)[number]

export { ACTORS, type Actor } from '../case/machine'

export const ORDER_EVENTS = ['pay_confirmed', 'submitted', 'resubmitted', 'review_passed', 'review_failed', 'cancel', 'refund'] as const
export type OrderEvent = (typeof ORDER_EVENTS)[number]

/** The transition table, as data. Anything not listed here is refused. */
export const ORDER_TRANSITIONS: Readonly<Record<OrderEvent, Rule<OrderState>>> = {
  /** The payment callback confirms an unpaid order (docs/architecture.md, the outside world: pay callback, idempotent, amount checked). */
  pay_confirmed: { from: ['created'], to: 'paid', actors: ['system'] },
  /** A paid order is sent to the detection center by the system (docs/case-lifecycle.md). */
  submitted: { from: ['paid'], to: 'reviewing', actors: ['system'] },
  /** After a failed review the user may resubmit, free of charge (docs/photo-specs.md, Receipts). */
  resubmitted: { from: ['rejected'], to: 'reviewing', actors: ['user'] },
  /** The detection center issues the receipt (docs/photo-specs.md: a review takes about 10–30 minutes). */
  review_passed: { from: ['reviewing'], to: 'approved', actors: ['reviewer'] },
  /** The detection center rejects the photo, always with a reason (docs/case-lifecycle.md). */
  review_failed: { from: ['reviewing'], to: 'rejected', actors: ['reviewer'], needsReason: true },
  /** An unpaid order is cancelled by its user, or by the system after UNPAID_TIMEOUT_MINUTES (docs/case-lifecycle.md). */
  cancel: { from: ['created'], to: 'cancelled', actors: ['user', 'system'] },
  /** An operator refunds a paid order that was never reviewed, or a rejected one the user gives up on. */
  refund: { from: ['paid', 'rejected'], to: 'refunded', actors: ['operator'] },
}

/** An unpaid order is cancelled automatically 30 minutes after it was created (docs/case-lifecycle.md). */
export const UNPAID_TIMEOUT_MINUTES = 30

/** Approved, cancelled and refunded orders never change again. */
export const FINAL_STATES: readonly OrderState[] = ['approved', 'cancelled', 'refunded']

/** What a user reads on the order list and detail page. */
export const ORDER_STATUS_LABELS: Readonly<Record<OrderState, string>> = {
  created: '待支付',
  paid: '已支付，等待提交审核',
  reviewing: '审核中',
  approved: '审核通过，回执已出具',
  rejected: '审核未通过',
  cancelled: '已取消',
  refunded: '已退款',
}

/** Status words for the `phrase` field of subscribe messages: at most 5 Chinese characters each (docs/architecture.md, platform facts). */
export const ORDER_STATUS_WORDS = {
  created: '待支付',
  paid: '已支付',
  reviewing: '审核中',
  approved: '审核通过',
  rejected: '审核未通过',
  cancelled: '已取消',
  refunded: '已退款',
} as const satisfies Record<OrderState, string>

export type OrderStatusWord = (typeof ORDER_STATUS_WORDS)[OrderState]

/** One line of an order's history (docs/case-lifecycle.md: from, to, actor, reason, at). */
export type OrderHistoryEntry = HistoryEntry<OrderState>

/** The order lifecycle as a machine: the same builder serves cancellations and card-loss cases. */
export const ORDER_MACHINE = defineMachine<OrderState, OrderEvent>({
  states: ORDER_STATES,
  events: ORDER_EVENTS,
  transitions: ORDER_TRANSITIONS,
  reasonStates: ['rejected'],
  errors: { invalid: 'ORDER_INVALID_TRANSITION', reasonRequired: 'ORDER_REASON_REQUIRED' },
})

/** True when `actor` may fire `event` on an order in `state`. */
export const canFire = ORDER_MACHINE.canFire
/** The events an actor may fire from a state, e.g. to decide which buttons a page shows. */
export const availableEvents = ORDER_MACHINE.availableEvents
/** The next state, or FORBIDDEN / ORDER_INVALID_TRANSITION / ORDER_REASON_REQUIRED. */
export const transition = ORDER_MACHINE.transition
/** Builds the history entry a transition appends. A move to `rejected` must say why (docs/case-lifecycle.md). */
export const historyEntry = ORDER_MACHINE.historyEntry

/** The instant an unpaid order stops being payable: its creation plus UNPAID_TIMEOUT_MINUTES. */
export function unpaidDeadline(createdAt: string): string {
  return new Date(instantMs(createdAt) + UNPAID_TIMEOUT_MINUTES * 60_000).toISOString()
}

/** An order still unpaid UNPAID_TIMEOUT_MINUTES after creation is due for the system's auto-cancel (docs/case-lifecycle.md). */
export function isStale(order: { status: OrderState; createdAt: string }, now: string | Date): boolean {
  return order.status === 'created' && instantMs(now) >= instantMs(unpaidDeadline(order.createdAt))
}
