import * as v from 'valibot'
import { DecideReissueInput, LossCaseRef } from '../../src/domain/card-loss/card-loss.schema'
import type { LossSummary, LossView } from '../../src/domain/card-loss/card-loss.view'
import { AppError } from '../../src/domain/errors'
import { lossCases, toSummary, toView, type LossDoc } from '../_shared/card-loss/card-loss.store'
import { decideReissue } from '../_shared/card-loss/review-decision'
import { action, type Ctx } from '../_shared/handler'
import { maskName } from '../../src/domain/identity/name'
import type { OutboxDoc } from '../_shared/notify/outbox'

export interface OpsLossRow extends LossSummary {
  idNumberMasked: string
  receiptNumber?: string
}

const QueueInput = v.optional(v.object({ status: v.optional(v.picklist(['open', 'reissue_requested', 'reissue_approved', 'card_issued', 'rejected'], '状态不正确'), 'open') }), { status: 'open' })

const row = (doc: LossDoc): OpsLossRow => ({ ...toSummary(doc), holderName: maskName(doc.holder.name), idNumberMasked: doc.holder.idNumberMasked, receiptNumber: doc.reissue?.receiptNumber })

async function queue(ctx: Ctx, status: v.InferOutput<typeof QueueInput>['status']): Promise<OpsLossRow[]> {
  const where = status === 'open' ? { status: { $in: ['reissue_requested', 'reissue_approved'] } } : { status }
  return (await lossCases(ctx).find(where, { orderBy: [['updatedAt', 'asc']], limit: 100 })).map(row)
}

async function detail(ctx: Ctx, caseId: string): Promise<LossView & { notifications: Array<{ id: string; statusText: string; at: string }>; decisions: LossDoc['decisions'] }> {
  const doc = await lossCases(ctx).get(caseId)
  if (!doc) throw new AppError('LOSS_CASE_NOT_FOUND')
  const notes = await ctx.db.collection<OutboxDoc>('outbox').find({ caseId }, { orderBy: [['createdAt', 'asc']], limit: 100 })
  return { ...toView(doc), holderName: maskName(doc.holder.name), decisions: doc.decisions, notifications: notes.map((n) => ({ id: n._id, statusText: n.statusText ?? n.status, at: n.sentAt ?? n.createdAt })) }
}

/** The operator's card-loss actions, merged into the ops function. */
export const lossOpsActions = {
  lossCases: action({ input: QueueInput, role: 'operator', run: (i, ctx) => queue(ctx, i.status) }),
  lossDetail: action({ input: LossCaseRef, role: 'operator', run: (i, ctx) => detail(ctx, i.caseId) }),
  decideReissue: action({ input: DecideReissueInput, role: 'operator', run: (i, ctx) => decideReissue(ctx, i, ctx.caller.openid) }),
}

/** Reissue requests waiting for an operator, for the board. */
export const openLossCases = (ctx: Ctx) => lossCases(ctx).count({ status: { $in: ['reissue_requested', 'reissue_approved'] } })
