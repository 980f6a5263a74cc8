import type { DecideApplicationInput } from '../../../src/domain/cancellation/cancellation.schema'
import type { ApplicationView } from '../../../src/domain/cancellation/cancellation.view'
import { policyFor } from '../../../src/domain/cancellation/policy'
import { AppError } from '../../../src/domain/errors'
import { appendAudit } from '../audit'
import type { Ports } from '../ports'
import { maskName } from '../../../src/domain/identity/name'
import { moveCase } from '../case/move'
import { applications, toView, type ApplicationDoc } from './application.store'
import { CANCELLATION_KIND } from './cancellation.kind'

/** What an operator's reply carries: names masked, as everywhere operators look. */
function opsView(doc: ApplicationDoc): ApplicationView {
  const view = toView(doc)
  return { ...view, insured: { ...view.insured, name: maskName(doc.insured.name) }, heir: view.heir ? { ...view.heir, name: maskName(view.heir.name) } : undefined, bank: { ...view.bank, holderName: maskName(view.bank.holderName) } }
}

export interface DecisionOutcome {
  effect: 'applied' | 'duplicate'
  application: ApplicationView
}

/**
 * Records the handling office's result for one submission round. Replay-safe and order-safe:
 * - the same `decisionId` again changes nothing and answers `duplicate`;
 * - a result for an earlier round (the user has resubmitted since) is refused with APPLICATION_STALE_RESULT;
 * - a result for an application no longer under review is refused with APPLICATION_INVALID_TRANSITION;
 * so a late or repeated result never moves an application backwards. Writes nothing when refused.
 */
export async function decideApplication(ports: Ports, input: DecideApplicationInput, operator: string): Promise<DecisionOutcome> {
  const doc = await applications(ports).get(input.applicationId)
  if (!doc) throw new AppError('APPLICATION_NOT_FOUND')
  if (doc.decisions.some((d) => d.decisionId === input.decisionId)) return { effect: 'duplicate', application: opsView(doc) }
  if (input.round !== doc.round) throw new AppError('APPLICATION_STALE_RESULT')
  const at = ports.clock.now().toISOString()
  const decision = { decisionId: input.decisionId, round: input.round, decision: input.decision, effect: 'applied' as const, at }
  const moved =
    input.decision === 'approve'
      ? await moveCase(ports, CANCELLATION_KIND, doc, 'approve', 'operator', {
          set: { refund: { ...(input.refund?.amountFen !== undefined ? { amountFen: input.refund.amountFen } : {}), ...(input.refund?.date ? { date: input.refund.date } : {}), method: policyFor(doc.cityCode).policy.refundMethod, recordedAt: at } },
          push: { decisions: decision },
        })
      : await moveCase(ports, CANCELLATION_KIND, doc, 'reject', 'operator', { reason: input.reason, set: { rejection: { reason: input.reason?.trim() ?? '', at } }, push: { decisions: decision } })
  if (!moved) {
    // Someone else's write won between our read and our write: answer from what is there now.
    const now = await applications(ports).get(doc._id)
    if (now?.decisions.some((d) => d.decisionId === input.decisionId)) return { effect: 'duplicate', application: opsView(now) }
    throw new AppError('APPLICATION_INVALID_TRANSITION')
  }
  await appendAudit(ports, { operator, action: `cancellation.${input.decision}`, target: doc._id, reason: input.reason })
  return { effect: 'applied', application: opsView(moved) }
}
