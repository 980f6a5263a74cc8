import { renderMessage, type MessageData } from '../notify/templates'
import { shanghaiDate } from '../time'
import type { HistoryEntry } from '../case/machine'
import { LOSS_STATUS_WORDS, type LossState } from './card-loss.machine'

/**
 * Which move of a card-loss case owes the user a message, and its words, and the reminder before a temporary report
 * lapses. Pure: the outbox only delivers.
 */
export interface LossNoticeFacts {
  caseId: string
  cityName: string
  temporaryExpiresAt?: string
  rejectionReason?: string
  delivery?: 'pickup' | 'mail'
}

export const lossTitle = (cityName: string): string => `社保卡挂失补卡 · ${cityName}`

/** `12-07`: the day a temporary report lapses, in Beijing time (an ISO instant's own date is UTC's). */
const lapseDay = (iso?: string): string => (iso ? shanghaiDate(iso).slice(5) : '')

const REMARKS: Partial<Record<LossState, (f: LossNoticeFacts) => string>> = {
  reported_temporary: (f) => (f.temporaryExpiresAt ? `临时挂失有效至${lapseDay(f.temporaryExpiresAt)}，请及时正式挂失` : '有效期以当地为准，请及时正式挂失'),
  reported_formal: () => '卡片全部功能已停用，可申请补卡',
  lifted: () => '已解除挂失，卡片恢复使用',
  expired: () => '临时挂失已到期失效，卡片恢复使用',
  reissue_approved: () => '补卡申请已通过，正在制卡',
  rejected: (f) => `${f.rejectionReason ?? '补卡未通过'}，可重新申请`,
  card_issued: (f) => (f.delivery === 'mail' ? '新卡已制作完成，将邮寄给您' : '新卡已制作完成，请到网点领取'),
}

type LossNotice = { template: 'loss_result'; data: MessageData<'loss_result'> }

/** The message history entry `entry` owes, or undefined (a reissue request itself owes none). */
export function lossNoticeFor(facts: LossNoticeFacts, entry: Pick<HistoryEntry<LossState>, 'to' | 'at'>): LossNotice | undefined {
  const remark = REMARKS[entry.to]
  if (!remark) return undefined
  return {
    template: 'loss_result',
    data: renderMessage('loss_result', { character_string1: facts.caseId, thing2: lossTitle(facts.cityName), phrase3: LOSS_STATUS_WORDS[entry.to], time4: entry.at, thing5: remark(facts) }),
  }
}

/** A temporary report is reminded within its last day. */
export const TEMPORARY_REMIND_HOURS = 24

/** The latest lapse whose reminder is due at `now`: the sweeper's reminder window ends here. */
export const temporaryRemindUntil = (now: Date): string => new Date(now.getTime() + TEMPORARY_REMIND_HOURS * 3600_000).toISOString()

/** The reminder a temporary report owes before it lapses, dated at its lapse. */
export function temporaryExpiryNotice(facts: LossNoticeFacts & { temporaryExpiresAt: string }): LossNotice {
  return {
    template: 'loss_result',
    data: renderMessage('loss_result', {
      character_string1: facts.caseId,
      thing2: lossTitle(facts.cityName),
      phrase3: LOSS_STATUS_WORDS.reported_temporary,
      time4: facts.temporaryExpiresAt,
      thing5: '临时挂失即将到期，未找到卡请正式挂失',
    }),
  }
}
