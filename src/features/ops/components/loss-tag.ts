import type { LossState } from '@/domain/card-loss/loss.machine'

/** The colour of a card-loss case's status wherever the console shows it as a tag. */
export const LOSS_TAG: Readonly<Record<LossState, 'default' | 'primary' | 'success' | 'warning' | 'danger'>> = {
  reported_temporary: 'warning',
  reported_formal: 'warning',
  lifted: 'default',
  expired: 'default',
  reissue_requested: 'primary',
  reissue_approved: 'primary',
  rejected: 'danger',
  card_issued: 'success',
}
