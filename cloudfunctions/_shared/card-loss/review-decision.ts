import * as v from 'valibot'
import type { DecideReissueInput } from '../../../src/domain/card-loss/card-loss.schema'
import type { LossView } from '../../../src/domain/card-loss/card-loss.view'
import { AppError } from '../../../src/domain/errors'
import { appendAudit } from '../audit'
import type { Ports } from '../ports'
import { maskName } from '../../../src/domain/identity/name'
import { moveCase } from '../case/move'
import { CARD_LOSS_KIND } from './card-loss.kind'
import { lossCases, toView, type LossDoc } from './card-loss.store'
import { releaseReceipt } from './receipts'

/** What an operator's reply carries: the case with the holder's name masked, as everywhere operators look. */
const opsView = (doc: LossDoc): LossView => ({ ...toView(doc), holderName: maskName(doc.holder.name) })

const EVENT = { approve: 'approve_reissue', reject: 'reject_reissue', issue: 'issue_card' } as const

/**
 * An operator processes a reissue request: approve, reject (with a reason; the receipt is given back so the
 * user can apply again), or record the card as made. The same decision id twice is applied once, and a
 * decision on a case that has moved on is refused: nothing moves a case backwards.
 */
export async function decideReissue(ports: Ports, input: v.InferOutput<typeof DecideReissueInput>, operator: string): Promise<{ effect: 'applied' | 'duplicate'; lossCase: LossView }> {
  const doc = await lossCases(ports).get(input.caseId)
  if (!doc) throw new AppError('LOSS_CASE_NOT_FOUND')
  if (doc.decisions.some((d) => d.decisionId === input.decisionId)) return { effect: 'duplicate', lossCase: opsView(doc) }
  const at = ports.clock.now().toISOString()
  const decision = { decisionId: input.decisionId, decision: input.decision, at }
  const moved = await moveCase(ports, CARD_LOSS_KIND, doc, EVENT[input.decision], 'operator', {
    reason: input.reason,
    push: { decisions: decision },
    ...(input.decision === 'reject' ? { set: { rejection: { reason: input.reason?.trim() ?? '', at } } } : {}),
  })
  if (!moved) {
    const now = await lossCases(ports).get(doc._id)
    if (now?.decisions.some((d) => d.decisionId === input.decisionId)) return { effect: 'duplicate', lossCase: opsView(now) }
    throw new AppError('LOSS_INVALID_TRANSITION')
  }
  if (input.decision === 'reject' && doc.reissue) await releaseReceipt(ports, doc.reissue.orderId, doc._id)
  await appendAudit(ports, { operator, action: `cardLoss.${input.decision}`, target: doc._id, reason: input.reason })
  return { effect: 'applied', lossCase: opsView(moved) }
}
