import type { ApplicationDoc } from '../cancellation/application.store'
import { applications } from '../cancellation/application.store'
import { orders, type OrderDoc } from '../order/order.store'
import type { PhotoDoc } from '../photo/photo.store'
import type { Ports } from '../ports'
import { Budget, chunks, eachLimit } from '../sweep/budget'
import { scan } from '../sweep/scan'
import type { SweepCtx, SweepTask } from '../sweep/task'

type PhotoRow = Pick<PhotoDoc, '_id' | 'openid' | 'fileID' | 'sheetFileIDs' | 'createdAt'>

const DAY_MS = 24 * 3600_000

export interface RetentionReport {
  unpaidPhotos: number
  unorderedPhotos: number
  finalOriginals: number
  expiredReceipts: number
  proofs: number
}

export const emptyRetentionReport = (): RetentionReport => ({ unpaidPhotos: 0, unorderedPhotos: 0, finalOriginals: 0, expiredReceipts: 0, proofs: 0 })

const photos = (ports: Pick<Ports, 'db'>) => ports.db.collection<PhotoRow>('photos')

/** CloudBase's deleteFile takes at most 50 files per call; the calls of one page go out together. */
async function removeFiles(ctx: SweepCtx, fileIDs: Array<string | undefined>): Promise<void> {
  const ids = [...new Set(fileIDs.filter((f): f is string => Boolean(f)))]
  let failure: unknown
  await eachLimit(chunks(ids, 50), ctx.concurrency, (part) => ctx.ports.files.remove(part), (_, error) => (failure ??= error))
  if (failure) throw failure
}

const photoIdsOf = (order: Pick<OrderDoc, 'photoId' | 'submissions'>) => [order.photoId, ...order.submissions.map((s) => s.photoId)]

/**
 * Which of `photoIds` an order still needs: one whose photo has not been purged, other than those in
 * `except`. Two indexed `$in` queries per 100 photos (`photoId`, `submissions.photoId`), not two counts per photo.
 */
async function photosInUse(ports: Pick<Ports, 'db'>, photoIds: readonly string[], except: ReadonlySet<string>): Promise<Set<string>> {
  const used = new Set<string>()
  for (const part of chunks([...new Set(photoIds)], 100)) {
    const wanted = new Set(part)
    const live = { photoPurged: { $ne: true } } as const
    const [direct, submitted] = await Promise.all([
      orders(ports).find({ photoId: { $in: part }, ...live }, { limit: 1000 }),
      orders(ports).find({ 'submissions.photoId': { $in: part }, ...live }, { limit: 1000 }),
    ])
    for (const o of [...direct, ...submitted]) if (!except.has(o._id)) for (const id of photoIdsOf(o)) if (wanted.has(id)) used.add(id)
  }
  return used
}

/**
 * Deletes a page of orders' photos (files and `photos` documents) and marks the orders so the sweep does not
 * come back. A photo may serve several orders (ordered again after a cancellation): it stays while an order
 * outside this page still needs it.
 */
async function purgeOrderPhotos(ctx: SweepCtx, page: readonly OrderDoc[], alsoReceipt: boolean): Promise<void> {
  if (page.length === 0) return
  const ports = ctx.ports
  const ids = [...new Set(page.flatMap(photoIdsOf))]
  const [inUse, held] = await Promise.all([photosInUse(ports, ids, new Set(page.map((o) => o._id))), Promise.all(chunks(ids, 100).map((part) => photos(ports).find({ _id: { $in: part } }, { limit: part.length })))])
  const docs = held.flat()
  const existing = new Set(docs.map((d) => d._id))
  const deletable = docs.filter((d) => !inUse.has(d._id))
  const ownFile = (o: OrderDoc) => deletable.some((d) => d.fileID === o.photoFileID) || !existing.has(o.photoId)
  await removeFiles(ctx, [
    ...deletable.flatMap((d) => [d.fileID, ...(d.sheetFileIDs ?? [])]),
    ...page.map((o) => (ownFile(o) ? o.photoFileID : undefined)),
    ...(alsoReceipt ? page.map((o) => o.receiptFileID) : []),
  ])
  if (deletable.length) await photos(ports).remove({ _id: { $in: deletable.map((d) => d._id) } })
  await orders(ports).update({ _id: { $in: page.map((o) => o._id) } }, { set: { photoFileID: '', photoPurged: true, ...(alsoReceipt ? { receiptFileID: '', receiptPurged: true } : {}) } })
}

/**
 * The retention sweep (PIPL: keep personal data no longer than needed), as sweeper tasks, each a resumable
 * scan in time order so that documents it must skip (a photo still in use, an order paid after all) never
 * hold back those behind them:
 * - photos of orders never paid, and checked photos never used by an order: after `unpaidPhotoDays`;
 * - the photo of an order that ended without a receipt (refunded, cancelled): `originalAfterFinalDays` after it ended;
 * - a receipt's slip and photo: `receiptAfterExpiryDays` after the receipt expired;
 * - the proofs of an approved cancellation: `originalAfterFinalDays` after the approval.
 * Documents stay (with their history) so users and operators can still see what happened.
 */
export function retentionTasks(report: RetentionReport): SweepTask[] {
  const before = (ctx: SweepCtx, days: number) => new Date(ctx.ports.clock.now().getTime() - days * DAY_MS).toISOString()
  const retention = (ctx: SweepCtx) => ctx.ports.config.retention
  return [
    {
      name: 'retention.unpaidPhotos',
      run: (ctx) =>
        scan(ctx.ports, { key: 'retention.unpaidPhotos', collection: orders(ctx.ports), where: { status: { $in: ['created', 'cancelled'] }, createdAt: { $lte: before(ctx, retention(ctx).unpaidPhotoDays) }, photoPurged: { $ne: true } }, field: 'createdAt', mode: 'round-robin', batch: ctx.batch }, ctx.budget, async (page) => {
          const unpaid = page.filter((o) => !o.payment)
          await purgeOrderPhotos(ctx, unpaid, false)
          report.unpaidPhotos += unpaid.length
        }),
    },
    {
      name: 'retention.finalOriginals',
      run: (ctx) =>
        scan(ctx.ports, { key: 'retention.finalOriginals', collection: orders(ctx.ports), where: { status: { $in: ['refunded', 'cancelled'] }, updatedAt: { $lte: before(ctx, retention(ctx).originalAfterFinalDays) }, photoPurged: { $ne: true } }, field: 'updatedAt', mode: 'round-robin', batch: ctx.batch }, ctx.budget, async (page) => {
          await purgeOrderPhotos(ctx, page, true)
          report.finalOriginals += page.length
        }),
    },
    {
      name: 'retention.expiredReceipts',
      run: (ctx) =>
        scan(ctx.ports, { key: 'retention.expiredReceipts', collection: orders(ctx.ports), where: { status: 'approved', 'receipt.expiresAt': { $lte: before(ctx, retention(ctx).receiptAfterExpiryDays) }, receiptPurged: { $ne: true } }, field: 'receipt.expiresAt', mode: 'round-robin', batch: ctx.batch }, ctx.budget, async (page) => {
          await purgeOrderPhotos(ctx, page, true)
          report.expiredReceipts += page.length
        }),
    },
    {
      name: 'retention.unorderedPhotos',
      run: (ctx) =>
        scan(ctx.ports, { key: 'retention.unorderedPhotos', collection: photos(ctx.ports), where: { createdAt: { $lte: before(ctx, retention(ctx).unpaidPhotoDays) } }, field: 'createdAt', mode: 'round-robin', batch: ctx.batch }, ctx.budget, async (page) => {
          const inUse = await photosInUse(ctx.ports, page.map((p) => p._id), new Set())
          const unused = page.filter((p) => !inUse.has(p._id))
          if (unused.length === 0) return
          await removeFiles(ctx, unused.flatMap((p) => [p.fileID, ...(p.sheetFileIDs ?? [])]))
          await photos(ctx.ports).remove({ _id: { $in: unused.map((p) => p._id) } })
          report.unorderedPhotos += unused.length
        }),
    },
    {
      name: 'retention.proofs',
      run: (ctx) =>
        scan(ctx.ports, { key: 'retention.proofs', collection: applications(ctx.ports), where: { status: 'approved', updatedAt: { $lte: before(ctx, retention(ctx).originalAfterFinalDays) }, proofsPurged: { $ne: true } }, field: 'updatedAt', mode: 'round-robin', batch: ctx.batch }, ctx.budget, async (page) => {
          await removeFiles(ctx, page.flatMap((app) => app.materials.map((m) => m.fileID)))
          await applications(ctx.ports).update({ _id: { $in: page.map((a) => a._id) } }, { set: { materials: [] as ApplicationDoc['materials'], proofsPurged: true } })
          report.proofs += page.length
        }),
    },
  ]
}

/** Every retention task to its end (or the budget); the sweeper runs the same tasks among its others. */
export async function applyRetention(ports: Ports, budgetMs = Number.POSITIVE_INFINITY): Promise<RetentionReport> {
  const report = emptyRetentionReport()
  const run = Budget.of(ports.clock, budgetMs)
  const ctx: SweepCtx = { ports, budget: run, run, batch: 100, concurrency: 10, itemFailed: (task, id, error) => ports.log.error('retention failed', { task, id, error: String(error) }) }
  for (const task of retentionTasks(report)) await task.run(ctx)
  return report
}
