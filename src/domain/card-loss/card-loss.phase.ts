import type { Phase } from '../case/phase'
import type { LossState } from './card-loss.machine'

/**
 * A reported card waits for the user's next step (upgrade, reissue or lift); a reissue is with the office until the
 * card is made; a lifted or lapsed report is over.
 */
export const LOSS_PHASES: Readonly<Record<LossState, Phase>> = {
  reported_temporary: 'waiting',
  reported_formal: 'waiting',
  lifted: 'closed',
  expired: 'closed',
  reissue_requested: 'in_review',
  reissue_approved: 'in_review',
  rejected: 'failed',
  card_issued: 'done',
}

export const lossPhase = (state: LossState): Phase => LOSS_PHASES[state]
