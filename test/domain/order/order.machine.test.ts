import { AppError } from '@/domain/errors'
import {
  ACTORS,
  FINAL_STATES,
  ORDER_EVENTS,
  ORDER_STATES,
  ORDER_STATUS_LABELS,
  ORDER_STATUS_WORDS,
  UNPAID_TIMEOUT_MINUTES,
  availableEvents,
  canFire,
  historyEntry,
  isStale,
  transition,
  unpaidDeadline,
  type OrderEvent,
  type OrderState,
} from '@/domain/order/order.machine'

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn()
  } catch (error) {
    return error instanceof AppError ? error.code : 'not an AppError'
  }
  return undefined
}

describe('receipt order lifecycle', () => {
  it('walks the happy path: created → paid → reviewing → approved', () => {
    let state: OrderState = 'created'
    state = transition(state, 'pay_confirmed', 'system')
    expect(state).toBe('paid')
    state = transition(state, 'submitted', 'system')
    expect(state).toBe('reviewing')
    state = transition(state, 'review_passed', 'reviewer')
    expect(state).toBe('approved')
  })

  it('lets a reviewer reject with a reason and the user resubmit for free', () => {
    const rejected = transition('reviewing', 'review_failed', 'reviewer', '背景不是纯白色')
    expect(rejected).toBe('rejected')
    expect(transition(rejected, 'resubmitted', 'user')).toBe('reviewing')
  })

  it('refuses a rejection without a reason', () => {
    expect(codeOf(() => transition('reviewing', 'review_failed', 'reviewer'))).toBe('ORDER_REASON_REQUIRED')
    expect(codeOf(() => transition('reviewing', 'review_failed', 'reviewer', '   '))).toBe('ORDER_REASON_REQUIRED')
  })

  it('refuses approved → reviewing, whoever asks', () => {
    expect(codeOf(() => transition('approved', 'resubmitted', 'user'))).toBe('ORDER_INVALID_TRANSITION')
    expect(codeOf(() => transition('approved', 'submitted', 'system'))).toBe('ORDER_INVALID_TRANSITION')
    expect(canFire('approved', 'resubmitted', 'user')).toBe(false)
  })

  it('forbids a user from firing review_passed, in any state', () => {
    expect(codeOf(() => transition('reviewing', 'review_passed', 'user'))).toBe('FORBIDDEN')
    expect(codeOf(() => transition('created', 'review_passed', 'user'))).toBe('FORBIDDEN')
  })

  it('forbids a user from confirming a payment or refunding', () => {
    expect(codeOf(() => transition('created', 'pay_confirmed', 'user'))).toBe('FORBIDDEN')
    expect(codeOf(() => transition('paid', 'refund', 'user'))).toBe('FORBIDDEN')
  })

  it('lets a replayed callback not move an order backwards', () => {
    expect(codeOf(() => transition('approved', 'review_failed', 'reviewer', '重复回调'))).toBe('ORDER_INVALID_TRANSITION')
    expect(codeOf(() => transition('reviewing', 'pay_confirmed', 'system'))).toBe('ORDER_INVALID_TRANSITION')
  })

  it('cancels only an unpaid order, by its user or by the system on timeout', () => {
    expect(transition('created', 'cancel', 'user')).toBe('cancelled')
    expect(transition('created', 'cancel', 'system')).toBe('cancelled')
    expect(codeOf(() => transition('paid', 'cancel', 'user'))).toBe('ORDER_INVALID_TRANSITION')
    expect(codeOf(() => transition('created', 'cancel', 'reviewer'))).toBe('FORBIDDEN')
  })

  it('lets an operator refund a paid or rejected order, and nothing else', () => {
    expect(transition('paid', 'refund', 'operator')).toBe('refunded')
    expect(transition('rejected', 'refund', 'operator')).toBe('refunded')
    for (const state of ['created', 'reviewing', 'approved', 'cancelled', 'refunded'] as const) {
      expect(codeOf(() => transition(state, 'refund', 'operator'))).toBe('ORDER_INVALID_TRANSITION')
    }
  })

  it('has no way out of cancelled and refunded, and approved ends the case', () => {
    for (const state of FINAL_STATES) {
      for (const actor of ACTORS) expect(availableEvents(state, actor)).toEqual([])
    }
  })

  it('lists what each actor can do, e.g. for buttons', () => {
    expect(availableEvents('created', 'user')).toEqual(['cancel'])
    expect(availableEvents('rejected', 'user')).toEqual(['resubmitted'])
    expect(availableEvents('rejected', 'operator')).toEqual(['refund'])
    expect(ORDER_EVENTS).toEqual(['pay_confirmed', 'submitted', 'resubmitted', 'review_passed', 'review_failed', 'cancel', 'refund'])
  })

  it('accepts exactly the transitions of the table, checked over every state, event and actor', () => {
    const allowed = new Set([
      'created pay_confirmed system',
      'paid submitted system',
      'rejected resubmitted user',
      'reviewing review_passed reviewer',
      'reviewing review_failed reviewer',
      'created cancel user',
      'created cancel system',
      'paid refund operator',
      'rejected refund operator',
    ])
    const actual = new Set<string>()
    for (const state of ORDER_STATES)
      for (const event of ORDER_EVENTS as readonly OrderEvent[])
        for (const actor of ACTORS) if (canFire(state, event, actor)) actual.add(`${state} ${event} ${actor}`)
    expect([...actual].sort()).toEqual([...allowed].sort())
  })
})

describe('order history', () => {
  it('records from, to, actor and the instant in UTC', () => {
    expect(historyEntry('created', 'paid', 'system', new Date('2026-11-24T04:00:00Z'))).toEqual({ from: 'created', to: 'paid', actor: 'system', at: '2026-11-24T04:00:00.000Z' })
  })

  it('keeps a trimmed reason and insists on one for a rejection', () => {
    expect(historyEntry('reviewing', 'rejected', 'reviewer', '2026-11-24T04:00:00.000Z', ' 耳朵被头发遮挡 ')).toMatchObject({ reason: '耳朵被头发遮挡' })
    expect(codeOf(() => historyEntry('reviewing', 'rejected', 'reviewer', '2026-11-24T04:00:00.000Z'))).toBe('ORDER_REASON_REQUIRED')
  })

  it('refuses an unreadable instant', () => {
    expect(() => historyEntry('created', 'paid', 'system', 'later')).toThrow(RangeError)
  })
})

describe('unpaid timeout', () => {
  const createdAt = '2026-11-24T04:00:00.000Z'

  it('is 30 minutes', () => {
    expect(UNPAID_TIMEOUT_MINUTES).toBe(30)
    expect(unpaidDeadline(createdAt)).toBe('2026-11-24T04:30:00.000Z')
  })

  it('makes an unpaid order stale at exactly 30 minutes, not a second before', () => {
    expect(isStale({ status: 'created', createdAt }, '2026-11-24T04:29:59.999Z')).toBe(false)
    expect(isStale({ status: 'created', createdAt }, new Date('2026-11-24T04:30:00.000Z'))).toBe(true)
  })

  it('never calls a paid order stale', () => {
    expect(isStale({ status: 'paid', createdAt }, '2026-11-25T04:00:00.000Z')).toBe(false)
  })
})

describe('status words and labels', () => {
  it('labels every state in Chinese', () => {
    for (const state of ORDER_STATES) expect(ORDER_STATUS_LABELS[state]).toMatch(/^[\u4e00-\u9fa5，]+$/)
  })

  it('gives every state a status word of at most 5 Chinese characters, for the phrase field', () => {
    for (const state of ORDER_STATES) expect(ORDER_STATUS_WORDS[state]).toMatch(/^[\u4e00-\u9fa5]{1,5}$/)
    expect(Object.values(ORDER_STATUS_WORDS)).toEqual(['待支付', '已支付', '审核中', '审核通过', '审核未通过', '已取消', '已退款'])
  })
})
