import type { LossSummary, LossView, ReceiptChoice } from '@/domain/card-loss/card-loss.view'
import { createFunctionClient } from '@/platform/function-client'
import { COPY } from './copy'

/**
 * The cardLoss function's actions as the card-loss pages use them. Only reads retry. Errors keep the server's
 * Chinese message; a missing function (not deployed, or not in the emulator yet) gets a sentence people can act on.
 */
const call = createFunctionClient('cardLoss', COPY.common.serviceMissing)

export interface Holder {
  name: string
  idNumber: string
}

export type Delivery = { method: 'pickup' } | { method: 'mail'; address: { name: string; phone: string; cityCode: string; detail: string } }

export const listLosses = (): Promise<LossSummary[]> => call<LossSummary[]>('list', {}, 2)
export const getLoss = (caseId: string): Promise<LossView> => call<LossView>('get', { caseId }, 2)
export const receiptChoice = (caseId: string): Promise<ReceiptChoice> => call<ReceiptChoice>('receipts', { caseId }, 2)

/** The identity check before a formal report (simulated locally; WeChat 实名核身 in production). */
export const verifyHolder = (holder: Holder): Promise<{ verificationToken: string; expiresAt: string }> => call('verify', { holder })

/** The holder as typed, or one of the user's 常用办理人 by its id (filled on the server; a temporary report only). */
export function reportLoss(input: { cityCode: string; holder?: Holder; profileId?: string; cardNumber: string; kind: 'temporary' | 'formal'; verificationToken?: string }): Promise<LossView> {
  return call<LossView>('report', input)
}

export const upgradeLoss = (caseId: string, verificationToken: string): Promise<LossView> => call<LossView>('upgrade', { caseId, verificationToken })
export const liftLoss = (caseId: string): Promise<LossView> => call<LossView>('lift', { caseId })
export const requestReissue = (caseId: string, orderId: string, delivery: Delivery): Promise<LossView> => call<LossView>('reissue', { caseId, orderId, delivery })
