import type { Phase } from '../case/phase'
import type { ApplicationState } from './cancellation.machine'

/** A draft waits for the user to submit it; submitted and reviewing are with the handling office; 已注销 is done. */
export const APPLICATION_PHASES: Readonly<Record<ApplicationState, Phase>> = {
  draft: 'waiting',
  submitted: 'in_review',
  reviewing: 'in_review',
  approved: 'done',
  rejected: 'failed',
}

export const applicationPhase = (state: ApplicationState): Phase => APPLICATION_PHASES[state]
