import type { ApplicationDoc } from '../cancellations/application.store'
import { applications } from '../cancellations/application.store'
import { orders } from '../orders/order.store'
import type { PhotoDoc } from '../../photo/photo.function'
import type { Ports } from '../ports'

type PhotoRow = Pick<PhotoDoc, '_id' | 'openid' | 'fileID' | 'createdAt'>

const DAY_MS = 24 * 3600_000

export interface RetentionReport {
  unpaidPhotos: number
  unorderedPhotos: number
  finalOriginals: number
  expiredReceipts: number
  proofs: number
}

async function removeFiles(ports: Ports, fileIDs: Array<string | undefined>): Promise<void> {
  const ids = fileIDs.filter((f): f is string => Boolean(f))
  if (ids.length) await ports.files.remove(ids)
}

/** Deletes an order's photo (file and `photos` document) and marks the order so the sweep does not come back. */
async function purgeOrderPhoto(ports: Ports, order: { _id: string; photoId: string; photoFileID: string; submissions: Array<{ photoId: string }>; receiptFileID?: string }, alsoReceipt: boolean): Promise<void> {
  const photoIds = [...new Set([order.photoId, ...order.submissions.map((s) => s.photoId)])]
  const photos = ports.db.collection<PhotoRow>('photos')
  // A photo may serve several orders (ordered again after a cancellation): keep it while another order uses it.
  const sharedBy = async (id: string) => (await orders(ports).count({ photoId: id, _id: { $ne: order._id } })) + (await orders(ports).count({ 'submissions.photoId': id, _id: { $ne: order._id } }))
  const docs: PhotoRow[] = []
  for (const id of photoIds) {
    const doc = await photos.get(id)
    if (doc && (await sharedBy(id)) === 0) docs.push(doc)
  }
  const ownFile = docs.some((d) => d.fileID === order.photoFileID) || !(await photos.get(order.photoId))
  await removeFiles(ports, [ownFile ? order.photoFileID : undefined, ...docs.map((d) => d.fileID), ...(alsoReceipt ? [order.receiptFileID] : [])])
  for (const d of docs) await photos.remove({ _id: d._id })
  await orders(ports).update({ _id: order._id }, { set: { photoFileID: '', photoPurged: true, ...(alsoReceipt ? { receiptFileID: '', receiptPurged: true } : {}) } })
}

/**
 * The retention sweep (PIPL: keep personal data no longer than needed), run by the sweeper:
 * - photos of orders never paid, and checked photos never used by an order: after `unpaidPhotoDays`;
 * - the photo of an order that ended without a receipt (refunded, cancelled): `originalAfterFinalDays` after it ended;
 * - a receipt's slip and photo: `receiptAfterExpiryDays` after the receipt expired;
 * - the proofs of an approved cancellation: `originalAfterFinalDays` after the approval.
 * Documents stay (with their history) so users and operators can still see what happened.
 */
export async function applyRetention(ports: Ports, limit = 200): Promise<RetentionReport> {
  const now = ports.clock.now().getTime()
  const { unpaidPhotoDays, originalAfterFinalDays, receiptAfterExpiryDays } = ports.config.retention
  const report: RetentionReport = { unpaidPhotos: 0, unorderedPhotos: 0, finalOriginals: 0, expiredReceipts: 0, proofs: 0 }
  const before = (days: number) => new Date(now - days * DAY_MS).toISOString()

  for (const order of await orders(ports).find({ status: { $in: ['created', 'cancelled'] }, createdAt: { $lte: before(unpaidPhotoDays) }, photoPurged: { $ne: true } }, { limit })) {
    if (order.payment) continue
    await purgeOrderPhoto(ports, order, false)
    report.unpaidPhotos++
  }
  for (const order of await orders(ports).find({ status: { $in: ['refunded', 'cancelled'] }, updatedAt: { $lte: before(originalAfterFinalDays) }, photoPurged: { $ne: true } }, { limit })) {
    await purgeOrderPhoto(ports, order, true)
    report.finalOriginals++
  }
  for (const order of await orders(ports).find({ status: 'approved', 'receipt.expiresAt': { $lte: before(receiptAfterExpiryDays) }, receiptPurged: { $ne: true } }, { limit })) {
    await purgeOrderPhoto(ports, order, true)
    report.expiredReceipts++
  }
  const photos = ports.db.collection<PhotoRow>('photos')
  for (const photo of await photos.find({ createdAt: { $lte: before(unpaidPhotoDays) } }, { limit })) {
    const used = (await orders(ports).count({ photoId: photo._id })) + (await orders(ports).count({ 'submissions.photoId': photo._id }))
    if (used) continue
    await removeFiles(ports, [photo.fileID])
    await photos.remove({ _id: photo._id })
    report.unorderedPhotos++
  }
  for (const app of await applications(ports).find({ status: 'approved', updatedAt: { $lte: before(originalAfterFinalDays) }, proofsPurged: { $ne: true } }, { limit })) {
    await removeFiles(ports, app.materials.map((m) => m.fileID))
    await applications(ports).update({ _id: app._id }, { set: { materials: [] as ApplicationDoc['materials'], proofsPurged: true } })
    report.proofs++
  }
  return report
}
