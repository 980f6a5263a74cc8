import type { OrderDoc } from '../../cloudfunctions/_shared/order/order.store'

/**
 * A reviewing order of another user, written as the pay callback and two submissions leave it: an earlier one and
 * the current one, each with the provider's ticket when `tickets` names them. Ids start at `idBase` so that storms
 * writing to one store never collide; openids are `openidPrefix` padded to 28 characters.
 */
export function reviewingOrder(i: number, at: string, o: { idBase: number; openidPrefix: string; tickets?: { old: string; cur: string } }): OrderDoc {
  const ticket = (which: 'old' | 'cur') => (o.tickets ? { ticketId: o.tickets[which] } : {})
  return {
    _id: `od_${(o.idBase + i).toString(16).padStart(24, '0')}`,
    openid: `${o.openidPrefix}${String(i % 97).padStart(28 - o.openidPrefix.length, '0')}`,
    status: 'reviewing',
    version: 2,
    documentType: 'social-security-card',
    cityCode: '440300',
    cityName: '深圳市',
    specId: 'ssc-shenzhen',
    photoId: 'ph_000000000000000000000000',
    photoFileID: '',
    applicant: { name: '王小明', idNumberSealed: 'v1.a.b.c', idNumberMasked: '110105********002X', phoneSealed: 'v1.a.b.c', phoneMasked: '138****5678', idLast4: '002X', phoneLast4: '5678' },
    amountFen: 1990,
    history: [
      { from: 'created', to: 'created', actor: 'user', at },
      { from: 'created', to: 'paid', actor: 'system', at },
      { from: 'paid', to: 'reviewing', actor: 'system', at },
    ],
    submissions: [
      { submissionId: `sb_old${i}`, photoId: 'ph_000000000000000000000000', ...ticket('old'), at },
      { submissionId: `sb_cur${i}`, photoId: 'ph_000000000000000000000000', ...ticket('cur'), at },
    ],
    currentSubmissionId: `sb_cur${i}`,
    pendingSubmit: false,
    payment: { transactionId: `wx_${i}`, totalFee: 1990, paidAt: at },
    createdAt: at,
    updatedAt: at,
  }
}
