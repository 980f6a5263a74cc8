import { CARD_FUNCTION_LABELS, frozenFunctions } from '../../../src/domain/card-loss/card-functions'
import { LOSS_MACHINE, LOSS_STATUS_LABELS, REISSUE_STARTED, reportInForce, type LossHistoryEntry, type LossState } from '../../../src/domain/card-loss/card-loss.machine'
import { LOSS_FACTS, feeLabel, formalOffline, lossPolicyFor, reissueOffline, unverifiedFacts } from '../../../src/domain/card-loss/card-loss.policy'
import { isSourced } from '../../../src/domain/sources/source'
import type { LossSummary, LossView } from '../../../src/domain/card-loss/card-loss.view'
import { AppError } from '../../../src/domain/errors'
import type { Ctx } from '../handler'
import type { Ports } from '../ports'

/** A card-loss case as stored in `loss_cases`: the holder's ID number sealed, masked beside it. */
export interface LossDoc {
  _id: string
  openid: string
  status: LossState
  statusText?: string
  version: number
  cityCode: string
  cityName: string
  policyId: string
  holder: { name: string; idNumberSealed: string; idNumberMasked: string; idLast4: string; idBlind: string }
  /** The family profile (常用办理人) this case was made for; null once that profile is deleted. */
  profileId?: string | null
  cardNumberMasked?: string
  /** When a temporary report lapses (set while `reported_temporary`). */
  temporaryExpiresAt?: string
  /** True while a case keeps the card reported (the duplicate check queries it). */
  active: boolean
  reissue?: { orderId: string; receiptNumber: string; delivery: { method: 'pickup' } | { method: 'mail'; addressSealed: string; addressMasked: string }; feeFen: number | null; requestedAt: string }
  decisions: Array<{ decisionId: string; decision: 'approve' | 'reject' | 'issue'; at: string }>
  rejection?: { reason: string; at: string }
  history: LossHistoryEntry[]
  createdAt: string
  updatedAt: string
}

export const lossCases = (ports: Pick<Ports, 'db'>) => ports.db.collection<LossDoc>('loss_cases')

/** States in which the card stays reported: a second report of the same card is refused meanwhile. */
export const ACTIVE_STATES: readonly LossState[] = ['reported_temporary', 'reported_formal', 'reissue_requested', 'reissue_approved', 'rejected']

export async function ownCase(ctx: Ctx, caseId: string): Promise<LossDoc> {
  const doc = await lossCases(ctx).get(caseId)
  if (!doc || doc.openid !== ctx.caller.openid) throw new AppError('LOSS_CASE_NOT_FOUND')
  return doc
}

export function toSummary(doc: LossDoc): LossSummary {
  return { caseId: doc._id, status: doc.status, statusLabel: LOSS_STATUS_LABELS[doc.status], cityName: doc.cityName, holderName: doc.holder.name, createdAt: doc.createdAt, updatedAt: doc.updatedAt }
}

export function toView(doc: LossDoc): LossView {
  const { policy } = lossPolicyFor(doc.cityCode)
  const report = reportInForce(doc.status)
  const { frozen, working } = frozenFunctions(report)
  const describe = (fn: (typeof frozen)[number]) => ({ fn, ...CARD_FUNCTION_LABELS[fn] })
  const userEvents = LOSS_MACHINE.availableEvents(doc.status, 'user')
  return {
    ...toSummary(doc),
    cityCode: doc.cityCode,
    idNumberMasked: doc.holder.idNumberMasked,
    cardNumberMasked: doc.cardNumberMasked,
    report,
    frozen: frozen.map(describe),
    working: working.map(describe),
    temporaryExpiresAt: doc.status === 'reported_temporary' ? doc.temporaryExpiresAt : undefined,
    policy: {
      temporaryDays: policy.temporaryDays,
      formalOnline: !formalOffline(policy),
      reissueOnline: !reissueOffline(policy),
      reissueOfflineNote: policy.reissueOfflineNote,
      reissueFeeFen: isSourced(policy.evidence.reissueFeeFen) ? policy.reissueFeeFen : null,
      feeLabel: feeLabel(policy),
      delivery: [...policy.delivery],
      mailFeeFen: policy.mailFeeFen,
      makeDays: policy.makeDays,
      unverified: unverifiedFacts(policy),
      sources: [...new Map(LOSS_FACTS.map((f) => policy.evidence[f]).filter(isSourced).map((s) => [s.url, { title: s.title, url: s.url }])).values()],
    },
    reissue: doc.reissue
      ? { ...doc.reissue, delivery: doc.reissue.delivery.method === 'mail' ? { method: 'mail', addressMasked: doc.reissue.delivery.addressMasked } : { method: 'pickup' } }
      : undefined,
    rejection: doc.status === 'rejected' ? doc.rejection : undefined,
    timeline: doc.history.map((h) => ({ to: h.to, label: LOSS_STATUS_LABELS[h.to], actor: h.actor, reason: h.reason, at: h.at })),
    canUpgrade: userEvents.includes('upgrade') && !formalOffline(policy),
    canLift: userEvents.includes('lift'),
    liftRefusal: REISSUE_STARTED.includes(doc.status) ? '已申请补卡，不能再解除挂失' : undefined,
    canReissue: userEvents.includes('request_reissue') && !reissueOffline(policy),
  }
}
