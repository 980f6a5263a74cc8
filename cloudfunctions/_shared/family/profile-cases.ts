import type { ProfileCase } from '../../../src/domain/family/family.schema'
import { APPLICATION_STATUS_LABELS } from '../../../src/domain/cancellation/cancellation.machine'
import { LOSS_STATUS_LABELS } from '../../../src/domain/card-loss/card-loss.machine'
import { applications } from '../cancellation/application.store'
import { lossCases } from '../card-loss/card-loss.store'
import type { Ctx } from '../handler'
import { orders, toSummary } from '../order/order.store'
import { ownProfile } from './family.store'

/** How many cases of each kind are listed under a profile (the newest first). */
const LIMIT = 50

/** `user.profileCases`: the caller's receipts, cancellations and card-loss reports made for one of their own profiles. */
export async function casesOfProfile(ctx: Ctx, profileId: string): Promise<ProfileCase[]> {
  const profile = await ownProfile(ctx, profileId)
  const where = { openid: ctx.caller.openid, profileId: profile._id }
  const newest = { orderBy: [['createdAt', 'desc']] as const, limit: LIMIT }
  const receipts = (await orders(ctx).find(where, newest)).map((o): ProfileCase => {
    const s = toSummary(o)
    return { kind: 'order', id: o._id, title: `${s.documentTitle}照片回执 · ${s.cityLabel}`, statusLabel: s.statusLabel, createdAt: o.createdAt }
  })
  const cancellations = (await applications(ctx).find(where, newest)).map((a): ProfileCase => ({ kind: 'cancellation', id: a._id, title: `社保账号注销 · ${a.cityName}`, statusLabel: APPLICATION_STATUS_LABELS[a.status], createdAt: a.createdAt }))
  const losses = (await lossCases(ctx).find(where, newest)).map((c): ProfileCase => ({ kind: 'card_loss', id: c._id, title: `社保卡挂失 · ${c.cityName}`, statusLabel: LOSS_STATUS_LABELS[c.status], createdAt: c.createdAt }))
  return [...receipts, ...cancellations, ...losses].sort((a, b) => b.createdAt.localeCompare(a.createdAt))
}
