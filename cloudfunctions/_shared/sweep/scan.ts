import { DuplicateKeyError, type Collection, type Doc, type FieldOps, type Ports, type Where } from '../ports'
import type { Budget } from './budget'

/**
 * Resumable scans for the sweeper. A scan walks the documents matching a query in (field, _id) order and
 * keeps its place in `sweeper_state`, so each run continues where the last one stopped instead of reading the
 * same head of the list again: a document the sweep must skip (a photo still in use, an order the center
 * refused) never holds back the ones behind it.
 */
export interface Cursor {
  /** The ordering field's value (an ISO instant) of the last document handled. */
  t: string
  /** Its `_id`, to break ties between documents with the same instant. */
  id: string
}

export interface CursorDoc {
  _id: string
  t: string | null
  id: string | null
  /** When the cursor last moved. */
  at: string
  /** Completed passes (round-robin scans start again at the head after the tail). */
  passes: number
}

export const SWEEPER_STATE = 'sweeper_state'
const state = (ports: Pick<Ports, 'db'>) => ports.db.collection<CursorDoc>(SWEEPER_STATE)

export async function readCursor(ports: Pick<Ports, 'db'>, key: string): Promise<{ cursor: Cursor | null; passes: number }> {
  const doc = await state(ports).get(key)
  return { cursor: doc?.t && doc.id ? { t: doc.t, id: doc.id } : null, passes: doc?.passes ?? 0 }
}

export async function writeCursor(ports: Pick<Ports, 'db' | 'clock'>, key: string, cursor: Cursor | null, passes: number): Promise<void> {
  const fields = { t: cursor?.t ?? null, id: cursor?.id ?? null, at: ports.clock.now().toISOString(), passes }
  if ((await state(ports).update({ _id: key }, { set: fields })) === 1) return
  if (await state(ports).get(key)) return // unchanged (same instant, same place)
  try {
    await state(ports).add({ _id: key, ...fields })
  } catch (error) {
    if (!(error instanceof DuplicateKeyError)) throw error
    await state(ports).update({ _id: key }, { set: fields })
  }
}

/** The value at a dotted path (`receipt.expiresAt`). */
export function valueAt(doc: object, path: string): unknown {
  let v: unknown = doc
  for (const part of path.split('.')) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined
  return v
}

/** The query's own condition on `field`, with its lower bound raised to the cursor (`$gte`, or `$gt` when strict). */
function from(cond: Where[string] | undefined, t: string, strict: boolean): FieldOps {
  const ops: FieldOps = cond !== null && typeof cond === 'object' ? { ...cond } : cond === undefined ? {} : { $eq: cond }
  const lower = ops.$gt ?? ops.$gte
  if (lower === undefined || String(lower) < t || (String(lower) === t && strict)) {
    delete ops.$gt
    delete ops.$gte
    if (strict) ops.$gt = t
    else ops.$gte = t
  }
  return ops
}

/**
 * One page after the cursor in (field, _id) order, with one query in the usual case: `field >= t`, dropping the
 * documents at `t` already handled. Only when a whole page shares the cursor's instant does it walk that
 * instant by `_id` (a second query), so a crowd of equal timestamps cannot stall the scan either.
 * `end` says the query has nothing beyond this page.
 */
export async function pageAfter<T extends Doc>(col: Collection<T>, where: Where, field: string, after: Cursor | null, limit: number): Promise<{ rows: T[]; end: boolean }> {
  const order = { orderBy: [[field, 'asc'], ['_id', 'asc']] as const, limit }
  if (!after) {
    const rows = await col.find(where, order)
    return { rows, end: rows.length < limit }
  }
  const rows = await col.find({ ...where, [field]: from(where[field], after.t, false) }, order)
  const at = (d: T) => String(valueAt(d, field))
  if (rows.length === limit && rows.every((d) => at(d) === after.t)) {
    const tie = await col.find({ ...where, [field]: after.t, _id: { $gt: after.id } }, { orderBy: [['_id', 'asc']], limit })
    if (tie.length) return { rows: tie, end: false }
    const beyond = await col.find({ ...where, [field]: from(where[field], after.t, true) }, order)
    return { rows: beyond, end: beyond.length < limit }
  }
  return { rows: rows.filter((d) => at(d) > after.t || d._id > after.id), end: rows.length < limit }
}

export interface ScanSpec<T extends Doc> {
  /** The cursor's key in `sweeper_state`. */
  key: string
  collection: Collection<T>
  where: Where
  /** The ordering field (indexed with the query's equality fields, see collections.ts). */
  field: string
  /**
   * `round-robin`: after the tail, start again at the head on the next run (work that may be skipped and
   * retried: photos in use, submissions the center refused). `forward`: a window that only moves forward
   * (reminders owed once); the cursor never goes back.
   */
  mode: 'round-robin' | 'forward'
  /** Where a forward scan starts when it has no cursor yet. */
  start?: Cursor
  batch: number
}

/**
 * Walks the scan from its stored cursor, a page at a time, until the end or the budget; `handle` does one
 * page. The cursor is saved after every page, so a run cut short (timeout, crash) redoes at most one page.
 * A page whose handler throws is not passed: the error stops the scan and the next run tries it again.
 * Returns whether the scan reached its end.
 */
export async function scan<T extends Doc>(ports: Pick<Ports, 'db' | 'clock'>, spec: ScanSpec<T>, budget: Budget, handle: (rows: T[]) => Promise<void>): Promise<boolean> {
  const stored = await readCursor(ports, spec.key)
  let cursor = stored.cursor ?? spec.start ?? null
  let passes = stored.passes
  while (!budget.spent()) {
    const { rows, end } = await pageAfter(spec.collection, spec.where, spec.field, cursor, spec.batch)
    if (rows.length) {
      await handle(rows)
      const last = rows[rows.length - 1]
      cursor = { t: String(valueAt(last, spec.field)), id: last._id }
    }
    if (end) {
      if (spec.mode === 'round-robin') {
        cursor = null
        passes++
      }
      await writeCursor(ports, spec.key, cursor, passes)
      return true
    }
    await writeCursor(ports, spec.key, cursor, passes)
  }
  return false
}
