import type { Actor, HistoryEntry, Machine } from '../../../src/domain/case/machine'
import { AppError, type ErrorCode } from '../../../src/domain/errors'
import type { MessageData, TemplateKey } from '../../../src/domain/notify/templates'
import { enqueueCaseNotice, type CaseNotice } from '../notify/outbox'
import type { Collection, Patch, Ports, Where } from '../ports'

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

/** A message a case owes, as the domain's notice rule words it; the kind adds where it is stored and what it opens. */
export interface OwedMessage {
  template: TemplateKey
  data: MessageData<TemplateKey>
}

/**
 * One case kind, described once: where its cases live, the machine that moves them, the console labels, the
 * messages its moves owe (the domain's `<kind>.notices.ts` rules applied to a stored case) and the reminder it owes
 * before a deadline. The generic move, the outbox writes and the sweeper's crash recovery and reminders work from
 * this description alone, so each is written once for all kinds.
 */
export interface CaseKind<S extends string, E extends string, D extends CaseDoc<S>> {
  /** Prefix of the kind's sweep tasks and of their cursors in `sweeper_state` (kept as deployed: orders, applications, loss). */
  tasks: string
  collection(ports: Pick<Ports, 'db'>): Collection<D>
  machine: Machine<S, E>
  /** The status text written beside `status` for the CloudBase console. */
  labels: Readonly<Record<S, string>>
  /** What a lost race answers: the case changed under the caller (the machine's own invalid-transition code). */
  invalidTransition: ErrorCode
  /** The message history entry `entry` of `doc` owes, by the domain's rule, or undefined. */
  messageFor(doc: D, entry: HistoryEntry<S>): OwedMessage | undefined
  /** The page a message about `doc` opens. */
  page(doc: D): string
  /** The receipt order a message is about, for orders (the 消息 copy keeps it). */
  orderId?(doc: D): string
  /** Fields every move to `to` sets beside the status (card-loss: whether the card stays reported). */
  setOnMove?(to: S): Record<string, unknown>
  /** The reminder the kind owes before a deadline, once per case (keyed `<caseId>#expiring`). */
  reminder?: CaseReminder<D>
}

/** A reminder before a deadline: which cases can owe it, by an indexed instant field, and the domain's rule. */
export interface CaseReminder<D> {
  /** The cases that can owe it (the status part of the query). */
  where: Where
  /** The deadline field, an ISO instant the query orders by. */
  field: string
  /** The latest deadline whose reminder is due at `now` (the domain's window). */
  until(now: Date): string
  /** The reminder `doc` owes at `now`, or undefined (the domain's rule). */
  messageFor(doc: D, now: Date): OwedMessage | undefined
}

/**
 * Any case kind, for code that loops over all of them (the sweeper): the kind's own functions (method syntax) take
 * only its own documents, which is all such code hands them.
 */
export type AnyCaseKind = CaseKind<string, string, CaseDoc<string>>

export interface MoveExtra {
  set?: Record<string, unknown>
  push?: Record<string, unknown>
  reason?: string
}

const notice = <S extends string, D extends CaseDoc<S>>(kind: CaseKind<S, string, D>, doc: D, key: string, message: OwedMessage, at: string): CaseNotice => ({
  key: `${doc._id}#${key}`,
  openid: doc.openid,
  caseId: doc._id,
  ...(kind.orderId ? { orderId: kind.orderId(doc) } : {}),
  ...message,
  page: kind.page(doc),
  at,
})

/** The notification history entry `seq` of a case owes, if any, keyed `<caseId>#<seq>`. */
export function noticeOf<S extends string, D extends CaseDoc<S>>(kind: CaseKind<S, string, D>, doc: D, seq: number): CaseNotice | undefined {
  const entry = doc.history[seq]
  const message = entry && kind.messageFor(doc, entry)
  return entry && message ? notice(kind, doc, String(seq), message, entry.at) : undefined
}

/** Every notification a case's history owes (the sweeper's crash recovery writes those missing). */
export function noticesOwed<S extends string, D extends CaseDoc<S>>(kind: CaseKind<S, string, D>, doc: D): CaseNotice[] {
  return doc.history.map((_, seq) => noticeOf(kind, doc, seq)).filter((n): n is CaseNotice => Boolean(n))
}

/** The reminder a case owes at `now`, keyed `<caseId>#expiring` so it is written once, or undefined. */
export function reminderOf<S extends string, D extends CaseDoc<S>>(kind: CaseKind<S, string, D>, doc: D, now: Date): CaseNotice | undefined {
  const message = kind.reminder?.messageFor(doc, now)
  return message ? notice(kind, doc, 'expiring', message, now.toISOString()) : undefined
}

/** Writes the notification history entry `seq` of a case owes to the outbox, once. */
export async function enqueueOwed<S extends string, D extends CaseDoc<S>>(ports: Pick<Ports, 'db'>, kind: CaseKind<S, string, D>, doc: D, seq: number): Promise<void> {
  const owed = noticeOf(kind, doc, seq)
  if (owed) await enqueueCaseNotice(ports, owed)
}

/**
 * Moves a case along its machine in one conditional write, then writes the notification the move owes to the
 * outbox. The write applies only if the case is still in the state and version that was read; it sets `status`,
 * `statusText`, `updatedAt` (and the kind's `setOnMove` fields), bumps `version` and appends the history entry.
 * Returns the updated case, or null when another writer won (then nothing is written). A crash between the move
 * and the outbox write is repaired by the sweeper, which writes what a case's history owes where it is missing.
 */
export async function moveCase<S extends string, E extends string, D extends CaseDoc<S>>(
  ports: Pick<Ports, 'db' | 'clock'>,
  kind: CaseKind<S, E, D>,
  doc: D,
  event: E,
  actor: Actor,
  extra: MoveExtra = {},
): Promise<D | null> {
  const to = kind.machine.transition(doc.status, event, actor, extra.reason)
  const at = ports.clock.now().toISOString()
  const entry = kind.machine.historyEntry(doc.status, to, actor, at, extra.reason)
  const patch: Patch = {
    set: { ...(extra.set ?? {}), ...(kind.setOnMove?.(to) ?? {}), status: to, statusText: kind.labels[to], updatedAt: at },
    push: { ...(extra.push ?? {}), history: entry },
    inc: { version: 1 },
  }
  const collection = kind.collection(ports)
  const changed = await collection.update({ _id: doc._id, status: doc.status, version: doc.version }, patch)
  if (changed !== 1) return null
  const updated = await collection.get(doc._id)
  if (!updated) throw new AppError('NOT_FOUND')
  await enqueueOwed(ports, kind, updated, doc.history.length)
  return updated
}

/** Like moveCase, but a lost race is the caller's error: the case changed under them (the kind's invalid-transition code). */
export async function mustMoveCase<S extends string, E extends string, D extends CaseDoc<S>>(...args: Parameters<typeof moveCase<S, E, D>>): Promise<D> {
  const moved = await moveCase(...args)
  if (!moved) throw new AppError(args[1].invalidTransition)
  return moved
}
