import { AppError } from '../errors'
import { instantMs } from '../time'

/**
 * The photo-receipt order lifecycle (DESIGN.md §3): submit → review → approved | rejected (with a reason)
 * → free resubmission. States are strings, never numbers. Handlers apply a transition as one conditional
 * write (`where _id = X and status = from`) and append the history entry this module builds.
 */
export const ORDER_STATES = ['created', 'paid', 'reviewing', 'approved', 'rejected', 'cancelled', 'refunded'] as const
export type OrderState = (typeof ORDER_STATES)[number]

/** Who may fire an event: the signed-in user, our own timers and callbacks, the detection center, an operator. */
export const ACTORS = ['user', 'system', 'reviewer', 'operator'] as const
export type Actor = (typeof ACTORS)[number]

export const ORDER_EVENTS = ['pay_confirmed', 'submitted', 'resubmitted', 'review_passed', 'review_failed', 'cancel', 'refund'] as const
export type OrderEvent = (typeof ORDER_EVENTS)[number]

interface Rule {
  from: readonly OrderState[]
  to: OrderState
  actors: readonly Actor[]
  /** The history entry must carry a reason the user can read. */
  needsReason?: boolean
}

/** The transition table, as data. Anything not listed here is refused. */
export const ORDER_TRANSITIONS: Readonly<Record<OrderEvent, Rule>> = {
  /** The payment callback confirms an unpaid order (DESIGN.md §4: pay callback, idempotent, amount checked). */
  pay_confirmed: { from: ['created'], to: 'paid', actors: ['system'] },
  /** A paid order is sent to the detection center by the system (DESIGN.md §3). */
  submitted: { from: ['paid'], to: 'reviewing', actors: ['system'] },
  /** After a failed review the user may resubmit, free of charge (SPECS.md, Receipts). */
  resubmitted: { from: ['rejected'], to: 'reviewing', actors: ['user'] },
  /** The detection center issues the receipt (SPECS.md: a review takes about 10–30 minutes). */
  review_passed: { from: ['reviewing'], to: 'approved', actors: ['reviewer'] },
  /** The detection center rejects the photo, always with a reason (DESIGN.md §3). */
  review_failed: { from: ['reviewing'], to: 'rejected', actors: ['reviewer'], needsReason: true },
  /** An unpaid order is cancelled by its user, or by the system after UNPAID_TIMEOUT_MINUTES (DESIGN.md §3). */
  cancel: { from: ['created'], to: 'cancelled', actors: ['user', 'system'] },
  /** An operator refunds a paid order that was never reviewed, or a rejected one the user gives up on. */
  refund: { from: ['paid', 'rejected'], to: 'refunded', actors: ['operator'] },
}

/** An unpaid order is cancelled automatically 30 minutes after it was created (DESIGN.md §3). */
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

/** Status words for the `phrase` field of subscribe messages: at most 5 Chinese characters each (DESIGN.md §5). */
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

/** One line of an order's history (DESIGN.md §3: from, to, actor, reason, at). `at` is an ISO-8601 UTC instant. */
export interface OrderHistoryEntry {
  from: OrderState
  to: OrderState
  actor: Actor
  at: string
  reason?: string
}

/** True when `actor` may fire `event` on an order in `state`. */
export function canFire(state: OrderState, event: OrderEvent, actor: Actor): boolean {
  const rule = ORDER_TRANSITIONS[event]
  return rule.actors.includes(actor) && rule.from.includes(state)
}

/** The events an actor may fire from a state, e.g. to decide which buttons a page shows. */
export function availableEvents(state: OrderState, actor: Actor): OrderEvent[] {
  return ORDER_EVENTS.filter((event) => canFire(state, event, actor))
}

/**
 * The next state, or a coded error. An actor who may never fire the event gets FORBIDDEN (whatever the state,
 * so nothing leaks); an allowed actor on the wrong state gets ORDER_INVALID_TRANSITION; a rejection without a
 * reason gets ORDER_REASON_REQUIRED.
 */
export function transition(state: OrderState, event: OrderEvent, actor: Actor, reason?: string): OrderState {
  const rule = ORDER_TRANSITIONS[event]
  if (!rule.actors.includes(actor)) throw new AppError('FORBIDDEN')
  if (!rule.from.includes(state)) throw new AppError('ORDER_INVALID_TRANSITION')
  if (rule.needsReason && !reason?.trim()) throw new AppError('ORDER_REASON_REQUIRED')
  return rule.to
}

/** Builds the history entry a transition appends. A move to `rejected` must say why (DESIGN.md §3). */
export function historyEntry(from: OrderState, to: OrderState, actor: Actor, at: string | Date, reason?: string): OrderHistoryEntry {
  const text = reason?.trim()
  if (to === 'rejected' && !text) throw new AppError('ORDER_REASON_REQUIRED')
  const entry: OrderHistoryEntry = { from, to, actor, at: new Date(instantMs(at)).toISOString() }
  return text ? { ...entry, reason: text } : entry
}

/** The instant an unpaid order stops being payable: its creation plus UNPAID_TIMEOUT_MINUTES. */
export function unpaidDeadline(createdAt: string): string {
  return new Date(instantMs(createdAt) + UNPAID_TIMEOUT_MINUTES * 60_000).toISOString()
}

/** An order still unpaid UNPAID_TIMEOUT_MINUTES after creation is due for the system's auto-cancel (DESIGN.md §3). */
export function isStale(order: { status: OrderState; createdAt: string }, now: string | Date): boolean {
  return order.status === 'created' && instantMs(now) >= instantMs(unpaidDeadline(order.createdAt))
}
