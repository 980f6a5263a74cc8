import { randomBytes } from 'node:crypto'
import type { ApplicationDoc } from '../cancellation/application.store'
import { applications } from '../cancellation/application.store'
import { lossCases, type LossDoc } from '../card-loss/card-loss.store'
import { decryptField } from '../crypto'
import type { Ctx } from '../handler'
import { orders, type OrderDoc } from '../order/order.store'
import { familyProfiles } from '../family/family.store'
import { RELATION_LABELS } from '../../../src/domain/family/family.schema'

/** Collections that hold a user's documents, by the field that names the user. */
const BY_OPENID = ['photos', 'inbox', 'outbox', 'family_profiles'] as const

const open = (ctx: Ctx, sealed: string | undefined) => {
  if (!sealed) return undefined
  try {
    return decryptField(ctx.config.dataKey, sealed)
  } catch {
    return undefined
  }
}

/**
 * `user.exportData`: everything Huizhi holds about the caller, as JSON, with their own ID numbers, phone
 * and card numbers opened (it is their data). Files are listed by name, not embedded.
 */
export async function exportData(ctx: Ctx): Promise<Record<string, unknown>> {
  const openid = ctx.caller.openid
  const user = await ctx.db.collection<{ _id: string }>('users').get(openid)
  const mine = await orders(ctx).find({ openid }, { limit: 1000 })
  const apps = await applications(ctx).find({ openid }, { limit: 1000 })
  const cases = await lossCases(ctx).find({ openid }, { limit: 1000 })
  const messages = await ctx.db.collection<{ _id: string; openid: string }>('inbox').find({ openid }, { limit: 1000 })
  const photos = await ctx.db.collection<{ _id: string; openid: string; specId: string; createdAt: string }>('photos').find({ openid }, { limit: 1000 })
  const profiles = await familyProfiles(ctx).find({ openid }, { limit: 1000 })
  return {
    exportedAt: ctx.clock.now().toISOString(),
    profile: user ? { ...user, _id: undefined } : null,
    orders: mine.map((o: OrderDoc) => ({
      orderId: o._id,
      status: o.status,
      documentType: o.documentType,
      cityName: o.cityName,
      amountFen: o.amountFen,
      applicant: o.applicant ? { name: o.applicant.name, idNumber: open(ctx, o.applicant.idNumberSealed), phone: open(ctx, o.applicant.phoneSealed) } : null,
      receipt: o.receipt ?? null,
      history: o.history,
      createdAt: o.createdAt,
    })),
    cancellations: apps.map((a: ApplicationDoc) => ({
      applicationId: a._id,
      status: a.status,
      cityName: a.cityName,
      reason: a.reasonTitle,
      insured: { name: a.insured.name, idNumber: open(ctx, a.insured.idNumberSealed) },
      heir: a.heir ? { name: a.heir.name, idNumber: open(ctx, a.heir.idNumberSealed), relation: a.heir.relation } : null,
      phone: open(ctx, a.contact.phoneSealed),
      bank: { bankName: a.bank.bankName, cardNumber: open(ctx, a.bank.cardSealed), holderName: a.bank.holderName },
      materials: a.materials.map((m) => ({ kind: m.kind, name: m.name, bytes: m.bytes, uploadedAt: m.uploadedAt })),
      refund: a.refund ?? null,
      history: a.history,
      createdAt: a.createdAt,
    })),
    cardLoss: cases.map((c: LossDoc) => ({ caseId: c._id, status: c.status, cityName: c.cityName, holder: { name: c.holder.name, idNumber: open(ctx, c.holder.idNumberSealed) }, reissue: c.reissue ? { receiptNumber: c.reissue.receiptNumber, delivery: c.reissue.delivery.method } : null, history: c.history, createdAt: c.createdAt })),
    photos: photos.map((p) => ({ photoId: p._id, specId: p.specId, createdAt: p.createdAt })),
    familyProfiles: profiles.map((p) => ({
      profileId: p._id,
      name: p.name,
      relation: RELATION_LABELS[p.relation],
      idNumber: open(ctx, p.idNumberSealed),
      phone: open(ctx, p.phoneSealed),
      consent: p.consent,
      createdAt: p.createdAt,
    })),
    messages: messages.map((m) => ({ ...m, openid: undefined })),
  }
}

export interface DeletionReport {
  deleted: Record<string, number>
  files: number
  /** Paid orders kept for the accounts (payment records the law requires), with everything personal removed. */
  anonymisedPayments: number
}

/**
 * `user.deleteAccount` (删除我的数据): removes the caller's profile, family profiles (常用办理人), photos, cases, messages, consents and
 * files. A paid order stays as an anonymised payment record (amount, trade number, transaction, dates):
 * no openid, no name, no ID number, no phone, no photo.
 */
export async function deleteAccount(ctx: Ctx): Promise<DeletionReport> {
  const openid = ctx.caller.openid
  const files: string[] = []
  const deleted: Record<string, number> = {}
  let anonymisedPayments = 0

  for (const o of await orders(ctx).find({ openid }, { limit: 1000 })) {
    files.push(o.photoFileID, o.receiptFileID ?? '')
    if (o.payment) {
      await orders(ctx).update(
        { _id: o._id },
        { set: { openid: `deleted_${randomBytes(8).toString('hex')}`, applicant: null, photoFileID: '', photoId: '', receiptFileID: '', photoPurged: true, receiptPurged: true, accountDeletedAt: ctx.clock.now().toISOString() } },
      )
      anonymisedPayments++
    } else {
      await orders(ctx).remove({ _id: o._id })
      deleted.orders = (deleted.orders ?? 0) + 1
    }
  }
  const photos = await ctx.db.collection<{ _id: string; fileID?: string; sheetFileIDs?: string[] }>('photos').find({ openid }, { limit: 1000 })
  files.push(...photos.flatMap((p) => [p.fileID ?? '', ...(p.sheetFileIDs ?? [])]))
  for (const a of await applications(ctx).find({ openid }, { limit: 1000 })) files.push(...a.materials.map((m) => m.fileID))
  deleted.cancellations = await applications(ctx).remove({ openid })
  deleted.loss_cases = await lossCases(ctx).remove({ openid })
  for (const name of BY_OPENID) deleted[name] = await ctx.db.collection(name).remove({ openid })
  deleted.subscriptions = await ctx.db.collection('subscriptions').remove({ _id: openid })
  deleted.users = await ctx.db.collection('users').remove({ _id: openid })
  const toRemove = [...new Set(files.filter(Boolean))]
  if (toRemove.length) await ctx.files.remove(toRemove)
  ctx.log.info('account deleted', { openid, anonymisedPayments, files: toRemove.length })
  return { deleted, files: toRemove.length, anonymisedPayments }
}
