import { bankName } from '../../../src/domain/cancellation/banks'
import { APPLICATION_STATUS_LABELS, EDITABLE_STATES, type ApplicationHistoryEntry, type ApplicationState } from '../../../src/domain/cancellation/cancellation.machine'
import { HEIR_RELATION_LABELS } from '../../../src/domain/cancellation/cancellation.schema'
import type { ApplicationSummary, ApplicationView, MaterialView } from '../../../src/domain/cancellation/cancellation.view'
import { optionalMaterials, requiredMaterials, type AccountState } from '../../../src/domain/cancellation/eligibility'
import { policyFor } from '../../../src/domain/cancellation/policy'
import { MATERIALS, REASONS, type CancelReason, type MaterialKind, type MaterialMime } from '../../../src/domain/cancellation/reasons'
import { AppError } from '../../../src/domain/errors'
import { formatYuan } from '../../../src/domain/order/prices'
import type { Ctx } from '../handler'
import type { Ports } from '../ports'

export interface MaterialDoc {
  materialId: string
  kind: MaterialKind
  fileID: string
  name: string
  mime: MaterialMime
  bytes: number
  uploadedAt: string
}

/**
 * A social-security account cancellation application, as stored in `cancellations`. The insured person's
 * and the heir's ID numbers, the phone and the card number are sealed (AES-256-GCM) with masked forms beside.
 */
export interface ApplicationDoc {
  _id: string
  openid: string
  status: ApplicationState
  statusText?: string
  version: number
  cityCode: string
  cityName: string
  policyId: string
  reason: CancelReason
  reasonTitle: string
  accountState: AccountState
  realNameVerified: boolean
  /** The family profile (常用办理人) this application was made for (the insured person); null once that profile is deleted. */
  profileId?: string | null
  insured: { name: string; idNumberSealed: string; idNumberMasked: string; idLast4: string }
  heir?: { name: string; relation: keyof typeof HEIR_RELATION_LABELS; idNumberSealed: string; idNumberMasked: string }
  contact: { phoneSealed: string; phoneMasked: string; phoneLast4: string }
  bank: { bankCode: string; bankName: string; cardSealed: string; cardMasked: string; holderName: string }
  materials: MaterialDoc[]
  /** Submissions so far: a review result names the round it reviewed, so a late one cannot land on a newer round. */
  round: number
  /** Review results applied or ignored, by their idempotency key. */
  decisions: Array<{ decisionId: string; round: number; decision: 'approve' | 'reject'; effect: 'applied' | 'duplicate' | 'stale'; at: string }>
  rejection?: { reason: string; at: string }
  refund?: { amountFen?: number; date?: string; method: string; recordedAt: string }
  history: ApplicationHistoryEntry[]
  createdAt: string
  updatedAt: string
  submittedAt?: string
}

export const applications = (ports: Pick<Ports, 'db'>) => ports.db.collection<ApplicationDoc>('cancellations')

/** The caller's own application, or APPLICATION_NOT_FOUND: another user's is indistinguishable from none. */
export async function ownApplication(ctx: Ctx, applicationId: string): Promise<ApplicationDoc> {
  const doc = await applications(ctx).get(applicationId)
  if (!doc || doc.openid !== ctx.caller.openid) throw new AppError('APPLICATION_NOT_FOUND')
  return doc
}

/** Short-lived URLs of an application's proofs, by fileID (the Files adapter batches CloudBase's 50-file limit). */
export async function proofUrls(ports: Pick<Ports, 'files'>, doc: ApplicationDoc, seconds: number): Promise<Map<string, string>> {
  if (!doc.materials.length) return new Map()
  return new Map((await ports.files.tempUrls(doc.materials.map((m) => m.fileID), seconds)).map((f) => [f.fileID, f.url]))
}

export function missingMaterials(doc: Pick<ApplicationDoc, 'cityCode' | 'reason' | 'materials'>): MaterialKind[] {
  const have = new Set(doc.materials.map((m) => m.kind))
  return requiredMaterials(policyFor(doc.cityCode).policy, doc.reason).filter((k) => !have.has(k))
}

export function toSummary(doc: ApplicationDoc): ApplicationSummary {
  return {
    applicationId: doc._id,
    status: doc.status,
    statusLabel: APPLICATION_STATUS_LABELS[doc.status],
    reason: doc.reason,
    reasonTitle: REASONS[doc.reason].title,
    cityName: doc.cityName,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  }
}

/** The masked view pages show; `urls` maps a material's fileID to a short-lived URL. */
export function toView(doc: ApplicationDoc, urls: ReadonlyMap<string, string> = new Map()): ApplicationView {
  const { policy } = policyFor(doc.cityCode)
  const count = (kind: MaterialKind) => doc.materials.filter((m) => m.kind === kind).length
  const describe = (kind: MaterialKind) => ({ kind, title: MATERIALS[kind].title, hint: MATERIALS[kind].hint, attached: count(kind) })
  const missing = missingMaterials(doc)
  const materials: MaterialView[] = doc.materials.map((m) => ({
    materialId: m.materialId,
    kind: m.kind,
    kindTitle: MATERIALS[m.kind].title,
    name: m.name,
    mime: m.mime,
    bytes: m.bytes,
    uploadedAt: m.uploadedAt,
    url: urls.get(m.fileID),
  }))
  const canEdit = EDITABLE_STATES.includes(doc.status)
  return {
    ...toSummary(doc),
    cityCode: doc.cityCode,
    accountState: doc.accountState,
    realNameVerified: doc.realNameVerified,
    round: doc.round,
    insured: { name: doc.insured.name, idNumberMasked: doc.insured.idNumberMasked },
    heir: doc.heir ? { name: doc.heir.name, idNumberMasked: doc.heir.idNumberMasked, relation: doc.heir.relation, relationLabel: HEIR_RELATION_LABELS[doc.heir.relation] } : undefined,
    phoneMasked: doc.contact.phoneMasked,
    bank: { bankCode: doc.bank.bankCode, bankName: bankName(doc.bank.bankCode) ?? doc.bank.bankName, cardMasked: doc.bank.cardMasked, holderName: doc.bank.holderName },
    materials,
    required: requiredMaterials(policy, doc.reason).map(describe),
    optional: optionalMaterials(policy, doc.reason).map(describe),
    missing,
    timeline: doc.history.map((h) => ({ to: h.to, label: APPLICATION_STATUS_LABELS[h.to], actor: h.actor, reason: h.reason, at: h.at })),
    rejection: doc.status === 'rejected' ? doc.rejection : undefined,
    refund: doc.refund ? { ...doc.refund, amountLabel: doc.refund.amountFen === undefined ? undefined : formatYuan(doc.refund.amountFen) } : undefined,
    reviewDays: policy.reviewDays,
    canEdit,
    canSubmit: canEdit && missing.length === 0,
  }
}
