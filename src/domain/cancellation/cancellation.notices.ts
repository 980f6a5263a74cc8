import { renderMessage, type MessageData } from '../notify/templates'
import { formatYuan } from '../order/prices'
import type { HistoryEntry } from '../case/machine'
import { APPLICATION_STATUS_WORDS, type ApplicationState } from './cancellation.machine'

/**
 * Which move of a cancellation application owes the user a message, and its words: the office's result only
 * (approved, with where the balance goes; rejected, with the reason). Pure: the outbox only delivers.
 */
export interface ApplicationNoticeFacts {
  applicationId: string
  cityName: string
  /** The refund card's masked number; its last four digits name the card. */
  cardMasked: string
  refundFen?: number
}

export const applicationTitle = (cityName: string): string => `社保账号注销 · ${cityName}`

/** The 备注 of a result: where the balance goes, or what to fix. */
export function applicationRemark(facts: ApplicationNoticeFacts, entry: Pick<HistoryEntry<ApplicationState>, 'to' | 'reason'>): string {
  const tail = facts.cardMasked.slice(-4)
  if (entry.to === 'approved') return facts.refundFen !== undefined ? `${formatYuan(facts.refundFen)}退至尾号${tail}银行卡` : `余额将退至尾号${tail}的银行卡`
  return `${entry.reason ?? ''}，请补充后重新提交`
}

/** The message history entry `entry` owes, or undefined: only the office's approval or rejection owes one. */
export function applicationNoticeFor(facts: ApplicationNoticeFacts, entry: Pick<HistoryEntry<ApplicationState>, 'to' | 'reason' | 'at'>): { template: 'application_result'; data: MessageData<'application_result'> } | undefined {
  if (entry.to !== 'approved' && entry.to !== 'rejected') return undefined
  return {
    template: 'application_result',
    data: renderMessage('application_result', {
      character_string1: facts.applicationId,
      thing2: applicationTitle(facts.cityName),
      phrase3: APPLICATION_STATUS_WORDS[entry.to],
      time4: entry.at,
      thing5: applicationRemark(facts, entry),
    }),
  }
}
