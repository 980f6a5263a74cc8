import { LOSS_MACHINE, LOSS_STATUS_LABELS, type LossEvent, type LossState } from '../../../src/domain/card-loss/card-loss.machine'
import { lossNoticeFor, temporaryExpiryNotice, temporaryRemindUntil, type LossNoticeFacts } from '../../../src/domain/card-loss/card-loss.notices'
import type { CaseKind } from '../case/move'
import { ACTIVE_STATES, lossCases, type LossDoc } from './card-loss.store'

/** What card-loss notices are about: the domain's facts of a case. */
const noticeFacts = (doc: LossDoc): LossNoticeFacts => ({
  caseId: doc._id,
  cityName: doc.cityName,
  temporaryExpiresAt: doc.temporaryExpiresAt,
  rejectionReason: doc.rejection?.reason,
  delivery: doc.reissue?.delivery.method,
})

/**
 * Card-loss cases as a case kind: stored in `loss_cases`, moved by LOSS_MACHINE, notified by the domain's card-loss
 * rules, reminded within the last day of a temporary report. Every move also records whether the card stays reported
 * (`active`, which the duplicate-report check queries).
 */
export const CARD_LOSS_KIND: CaseKind<LossState, LossEvent, LossDoc> = {
  tasks: 'loss',
  collection: lossCases,
  machine: LOSS_MACHINE,
  labels: LOSS_STATUS_LABELS,
  invalidTransition: LOSS_MACHINE.errors.invalid,
  messageFor: (doc, entry) => lossNoticeFor(noticeFacts(doc), entry),
  page: (doc) => `features/card-loss/pages/detail/index?caseId=${doc._id}`,
  setOnMove: (to) => ({ active: ACTIVE_STATES.includes(to) }),
  reminder: {
    where: { status: 'reported_temporary' },
    field: 'temporaryExpiresAt',
    until: temporaryRemindUntil,
    messageFor: (doc) => (doc.status === 'reported_temporary' && doc.temporaryExpiresAt ? temporaryExpiryNotice({ ...noticeFacts(doc), temporaryExpiresAt: doc.temporaryExpiresAt }) : undefined),
  },
}
