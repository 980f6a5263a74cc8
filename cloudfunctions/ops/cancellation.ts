import * as v from 'valibot'
import { DecideApplicationInput, GetApplicationInput, OpsApplicationsInput } from '../../src/domain/cancellation/cancellation.schema'
import type { OpsApplicationDetail, OpsApplicationRow } from '../../src/domain/cancellation/cancellation.view'
import { AppError } from '../../src/domain/errors'
import { applications, missingMaterials, proofUrls, toSummary, toView, type ApplicationDoc } from '../_shared/cancellation/application.store'
import { decideApplication } from '../_shared/cancellation/review-decision'
import { action, type Ctx } from '../_shared/handler'
import { maskName } from '../../src/domain/identity/name'
import type { OutboxDoc } from '../_shared/notify/outbox'

/** Operators read proofs through URLs that live 5 minutes. */
const PROOF_URL_SECONDS = 300

function row(doc: ApplicationDoc): OpsApplicationRow {
  return {
    ...toSummary(doc),
    insuredName: maskName(doc.insured.name),
    idNumberMasked: doc.insured.idNumberMasked,
    phoneMasked: doc.contact.phoneMasked,
    round: doc.round,
    materialsCount: doc.materials.length,
    missing: missingMaterials(doc).length,
  }
}

async function queue(ctx: Ctx, status: v.InferOutput<typeof OpsApplicationsInput>['status']): Promise<OpsApplicationRow[]> {
  const where = status === 'open' ? { status: { $in: ['submitted', 'reviewing'] } } : { status }
  const rows = await applications(ctx).find(where, { orderBy: [['updatedAt', 'asc']], limit: 100 })
  return rows.map(row)
}

async function detail(ctx: Ctx, applicationId: string): Promise<OpsApplicationDetail> {
  const doc = await applications(ctx).get(applicationId)
  if (!doc) throw new AppError('APPLICATION_NOT_FOUND')
  const urls = await proofUrls(ctx, doc, PROOF_URL_SECONDS)
  const notes = await ctx.db.collection<OutboxDoc>('outbox').find({ caseId: doc._id }, { orderBy: [['createdAt', 'asc']], limit: 100 })
  const view = toView(doc, urls)
  return {
    ...view,
    insured: { name: maskName(doc.insured.name), idNumberMasked: doc.insured.idNumberMasked },
    heir: view.heir ? { ...view.heir, name: maskName(view.heir.name) } : undefined,
    bank: { ...view.bank, holderName: maskName(view.bank.holderName) },
    decisions: doc.decisions,
    notifications: notes.map((n) => ({ id: n._id, status: n.status, statusText: n.statusText ?? n.status, at: n.sentAt ?? n.createdAt })),
  }
}

/** The operator's cancellation actions, merged into the ops function. */
export const cancellationOpsActions = {
  cancellations: action({ input: OpsApplicationsInput, role: 'operator', run: (i, ctx) => queue(ctx, i.status) }),
  cancellationDetail: action({ input: GetApplicationInput, role: 'operator', run: (i, ctx) => detail(ctx, i.applicationId) }),
  decideCancellation: action({ input: DecideApplicationInput, role: 'operator', run: (i, ctx) => decideApplication(ctx, i, ctx.caller.openid) }),
}

/** Applications waiting for review, for the board. */
export async function openApplications(ctx: Ctx): Promise<number> {
  return applications(ctx).count({ status: { $in: ['submitted', 'reviewing'] } })
}
