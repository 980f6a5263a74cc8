import type { LossState } from '@/domain/card-loss/loss.machine'

/** The colour a case's status is shown in: orange while reported, blue in progress, green done, red refused, grey over. */
export const LOSS_TONE: Readonly<Record<LossState, 'warn' | 'info' | 'ok' | 'bad' | 'off'>> = {
  reported_temporary: 'warn',
  reported_formal: 'warn',
  lifted: 'off',
  expired: 'off',
  reissue_requested: 'info',
  reissue_approved: 'info',
  rejected: 'bad',
  card_issued: 'ok',
}
