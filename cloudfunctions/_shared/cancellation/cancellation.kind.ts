import { APPLICATION_STATUS_LABELS, CANCELLATION_MACHINE, type ApplicationEvent, type ApplicationState } from '../../../src/domain/cancellation/cancellation.machine'
import { applicationNoticeFor } from '../../../src/domain/cancellation/cancellation.notices'
import type { CaseKind } from '../case/move'
import { applications, type ApplicationDoc } from './application.store'

/**
 * Cancellation applications as a case kind: stored in `cancellations`, moved by CANCELLATION_MACHINE, notified of
 * the office's result by the domain's rule (approval with where the balance goes, rejection with its reason).
 */
export const CANCELLATION_KIND: CaseKind<ApplicationState, ApplicationEvent, ApplicationDoc> = {
  tasks: 'applications',
  collection: applications,
  machine: CANCELLATION_MACHINE,
  labels: APPLICATION_STATUS_LABELS,
  invalidTransition: CANCELLATION_MACHINE.errors.invalid,
  messageFor: (doc, entry) => applicationNoticeFor({ applicationId: doc._id, cityName: doc.cityName, cardMasked: doc.bank.cardMasked, refundFen: doc.refund?.amountFen }, entry),
  page: (doc) => `features/cancellation/pages/detail/index?applicationId=${doc._id}`,
}
