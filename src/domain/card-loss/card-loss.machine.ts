import { defineMachine, type HistoryEntry } from '../case/machine'
import type { ReportKind } from './card-functions'

/**
 * The card-loss lifecycle: a temporary report may be upgraded to a formal one, lifted, or lapse; a formal
 * report may be lifted until a reissue is applied for; a reissue is approved or rejected (and may be applied
 * for again), and ends with the new card issued. Built with the same machine as orders and cancellations.
 */
export const LOSS_STATES = ['reported_temporary', 'reported_formal', 'lifted', 'expired', 'reissue_requested', 'reissue_approved', 'rejected', 'card_issued'] as const
export type LossState = (typeof LOSS_STATES)[number]

export const LOSS_EVENTS = ['upgrade', 'lift', 'expire', 'request_reissue', 'approve_reissue', 'reject_reissue', 'issue_card'] as const
export type LossEvent = (typeof LOSS_EVENTS)[number]

export const LOSS_MACHINE = defineMachine<LossState, LossEvent>({
  states: LOSS_STATES,
  events: LOSS_EVENTS,
  transitions: {
    /** Temporary → formal, after identity re-verification. */
    upgrade: { from: ['reported_temporary'], to: 'reported_formal', actors: ['user'] },
    /** The card turned up: lifting is allowed only before a reissue has been applied for. */
    lift: { from: ['reported_temporary', 'reported_formal'], to: 'lifted', actors: ['user'] },
    /** A temporary report lapses after the region's number of days (the sweeper fires it). */
    expire: { from: ['reported_temporary'], to: 'expired', actors: ['system'] },
    /** Reissue needs a formal report and a valid photo receipt; after a rejection the user may apply again. */
    request_reissue: { from: ['reported_formal', 'rejected'], to: 'reissue_requested', actors: ['user'] },
    approve_reissue: { from: ['reissue_requested'], to: 'reissue_approved', actors: ['operator'] },
    reject_reissue: { from: ['reissue_requested'], to: 'rejected', actors: ['operator'], needsReason: true },
    issue_card: { from: ['reissue_approved'], to: 'card_issued', actors: ['operator'] },
  },
  reasonStates: ['rejected'],
  errors: { invalid: 'LOSS_INVALID_TRANSITION', reasonRequired: 'LOSS_REASON_REQUIRED' },
})

export type LossHistoryEntry = HistoryEntry<LossState>

/** Once a reissue has been applied for, the report cannot be lifted (the old card is being replaced). */
export const REISSUE_STARTED: readonly LossState[] = ['reissue_requested', 'reissue_approved', 'rejected', 'card_issued']

export const LOSS_STATUS_LABELS: Readonly<Record<LossState, string>> = {
  reported_temporary: '临时挂失中',
  reported_formal: '已正式挂失',
  lifted: '已解除挂失',
  expired: '临时挂失已失效',
  reissue_requested: '补卡审核中',
  reissue_approved: '补卡已通过，制卡中',
  rejected: '补卡未通过',
  card_issued: '已制卡',
}

/** Status words for subscribe messages (at most 5 Chinese characters). */
export const LOSS_STATUS_WORDS = {
  reported_temporary: '临时挂失',
  reported_formal: '正式挂失',
  lifted: '已解挂',
  expired: '挂失失效',
  reissue_requested: '补卡审核中',
  reissue_approved: '补卡通过',
  rejected: '补卡未通过',
  card_issued: '已制卡',
} as const satisfies Record<LossState, string>

/** Which report is in force in a state, for the frozen-functions panel. */
export function reportInForce(state: LossState): ReportKind | null {
  if (state === 'reported_temporary') return 'temporary'
  if (state === 'lifted' || state === 'expired' || state === 'card_issued') return null
  return 'formal'
}
