import { applicationPhase } from '@/domain/cancellation/cancellation.phase'
import { APPLICATION_STATES, CANCELLATION_MACHINE } from '@/domain/cancellation/cancellation.machine'
import { LOSS_MACHINE, LOSS_STATES } from '@/domain/card-loss/card-loss.machine'
import { lossPhase } from '@/domain/card-loss/card-loss.phase'
import type { Phase } from '@/domain/case/phase'
import { ORDER_MACHINE, ORDER_STATES } from '@/domain/order/order.machine'
import { orderPhase } from '@/domain/order/order.phase'

const table = <S extends string>(states: readonly S[], phase: (s: S) => Phase) => Object.fromEntries(states.map((s) => [s, phase(s)]))

describe('the phase each case state is shown in', () => {
  it('puts an unpaid order with the user, a paid one in review, and cancelled or refunded ones as closed', () => {
    expect(table(ORDER_STATES, orderPhase)).toEqual({
      created: 'waiting',
      paid: 'in_review',
      reviewing: 'in_review',
      approved: 'done',
      rejected: 'failed',
      cancelled: 'closed',
      refunded: 'closed',
    })
  })

  it('puts a draft application with the user and a submitted one in review until the office decides', () => {
    expect(table(APPLICATION_STATES, applicationPhase)).toEqual({ draft: 'waiting', submitted: 'in_review', reviewing: 'in_review', approved: 'done', rejected: 'failed' })
  })

  it('puts a reported card with the user, a reissue in review, and a lifted or lapsed report as closed', () => {
    expect(table(LOSS_STATES, lossPhase)).toEqual({
      reported_temporary: 'waiting',
      reported_formal: 'waiting',
      lifted: 'closed',
      expired: 'closed',
      reissue_requested: 'in_review',
      reissue_approved: 'in_review',
      rejected: 'failed',
      card_issued: 'done',
    })
  })

  it('shows as closed or done only states no one can move on from, except a rejection the user may answer', () => {
    const machines = [
      { states: ORDER_STATES, phase: orderPhase, machine: ORDER_MACHINE },
      { states: APPLICATION_STATES, phase: applicationPhase, machine: CANCELLATION_MACHINE },
      { states: LOSS_STATES, phase: lossPhase, machine: LOSS_MACHINE },
    ] as const
    for (const { states, phase, machine } of machines) {
      const next = (s: string) => (['user', 'system', 'reviewer', 'operator'] as const).flatMap((actor) => (machine.availableEvents as (s: string, a: string) => string[])(s, actor))
      for (const s of states as readonly string[]) {
        const p = (phase as (s: string) => Phase)(s)
        if (p === 'closed' || p === 'done') expect({ s, next: next(s) }).toEqual({ s, next: [] })
        if (p === 'failed' || p === 'waiting') expect({ s, hasNext: next(s).length > 0 }).toEqual({ s, hasNext: true })
      }
    }
  })
})

describe('what an operator may do on a card-loss case, as the machine says', () => {
  it('approves or rejects a requested reissue, records an approved one as made, and nothing else', () => {
    expect(Object.fromEntries(LOSS_STATES.map((s) => [s, LOSS_MACHINE.availableEvents(s, 'operator')]))).toEqual({
      reported_temporary: [],
      reported_formal: [],
      lifted: [],
      expired: [],
      reissue_requested: ['approve_reissue', 'reject_reissue'],
      reissue_approved: ['issue_card'],
      rejected: [],
      card_issued: [],
    })
  })
})
