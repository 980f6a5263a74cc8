import { defineMachine, type HistoryEntry } from '../case/machine'

/**
 * The cancellation application lifecycle (issue: draft → submitted → reviewing → approved | rejected →
 * edit and resubmit). Built with the same machine as receipt orders.
 */
export const APPLICATION_STATES = ['draft', 'submitted', 'reviewing', 'approved', 'rejected'] as const
export type ApplicationState = (typeof APPLICATION_STATES)[number]

export const APPLICATION_EVENTS = ['submit', 'forward', 'approve', 'reject', 'resubmit'] as const
export type ApplicationEvent = (typeof APPLICATION_EVENTS)[number]

export const CANCELLATION_MACHINE = defineMachine<ApplicationState, ApplicationEvent>({
  states: APPLICATION_STATES,
  events: APPLICATION_EVENTS,
  transitions: {
    /** The user submits a complete draft (every required proof attached). */
    submit: { from: ['draft'], to: 'submitted', actors: ['user'] },
    /** The system hands the application to the handling office's review queue. */
    forward: { from: ['submitted'], to: 'reviewing', actors: ['system'] },
    /** The handling office approves; the operator records the result and, when known, the refund. */
    approve: { from: ['reviewing'], to: 'approved', actors: ['operator'] },
    /** The handling office rejects, always with a reason the user can act on. */
    reject: { from: ['reviewing'], to: 'rejected', actors: ['operator'], needsReason: true },
    /** After a rejection the user edits the application, adds proof and submits again. */
    resubmit: { from: ['rejected'], to: 'submitted', actors: ['user'] },
  },
  reasonStates: ['rejected'],
  errors: { invalid: 'APPLICATION_INVALID_TRANSITION', reasonRequired: 'APPLICATION_REASON_REQUIRED' },
})

export type ApplicationHistoryEntry = HistoryEntry<ApplicationState>

/**
 * What an operator may record for an application in `state`: the office's result (approve or reject), and only while
 * the office has it (`reviewing`). A `submitted` application is forwarded first by the system (the sweeper).
 */
export const operatorActions = (state: ApplicationState): ApplicationEvent[] => CANCELLATION_MACHINE.availableEvents(state, 'operator')

/** The user can still change what they wrote and the proofs they attached. */
export const EDITABLE_STATES: readonly ApplicationState[] = ['draft', 'rejected']

export const APPLICATION_STATUS_LABELS: Readonly<Record<ApplicationState, string>> = {
  draft: '草稿，未提交',
  submitted: '已提交',
  reviewing: '经办机构审核中',
  approved: '已注销',
  rejected: '审核未通过',
}

/** Status words for the `phrase` field of subscribe messages (at most 5 Chinese characters). */
export const APPLICATION_STATUS_WORDS = {
  draft: '草稿',
  submitted: '已提交',
  reviewing: '审核中',
  approved: '已注销',
  rejected: '审核未通过',
} as const satisfies Record<ApplicationState, string>
