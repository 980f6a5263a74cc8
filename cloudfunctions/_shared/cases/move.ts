import type { Actor, HistoryEntry, Machine } from '../../../src/domain/case/machine'
import { AppError } from '../../../src/domain/errors'
import type { Collection, Patch, Ports } from '../ports'

/** What every case document (order, cancellation application, card-loss case) carries. */
export interface CaseDoc<S extends string> {
  _id: string
  openid: string
  status: S
  statusText?: string
  /** Incremented by every transition: the condition that makes each write win at most once. */
  version: number
  history: HistoryEntry<S>[]
  updatedAt: string
}

export interface MoveExtra {
  set?: Record<string, unknown>
  push?: Record<string, unknown>
  reason?: string
}

/**
 * Moves a case along its machine in one conditional write (DESIGN.md §3): it applies only if the case is
 * still in the state and version that was read, sets `status`, `statusText`, `updatedAt`, bumps `version`
 * and appends the history entry. Returns the updated case, or null when another writer won.
 */
export async function moveCase<S extends string, E extends string, D extends CaseDoc<S>>(
  ports: Pick<Ports, 'clock'>,
  collection: Collection<D>,
  machine: Machine<S, E>,
  labels: Readonly<Record<S, string>>,
  doc: D,
  event: E,
  actor: Actor,
  extra: MoveExtra = {},
): Promise<D | null> {
  const to = machine.transition(doc.status, event, actor, extra.reason)
  const at = ports.clock.now().toISOString()
  const entry = machine.historyEntry(doc.status, to, actor, at, extra.reason)
  const patch: Patch = {
    set: { ...(extra.set ?? {}), status: to, statusText: labels[to], updatedAt: at },
    push: { ...(extra.push ?? {}), history: entry },
    inc: { version: 1 },
  }
  const changed = await collection.update({ _id: doc._id, status: doc.status, version: doc.version }, patch)
  if (changed !== 1) return null
  const updated = await collection.get(doc._id)
  if (!updated) throw new AppError('NOT_FOUND')
  return updated
}
