import type { TemplateKey } from '../../../src/domain/notify/templates'
import { newId } from '../crypto'
import { DuplicateKeyError, NotifyError, type Ports } from '../ports'
import { chunks, eachLimit, type Budget } from '../sweep/budget'
import { returnConsent, takeConsent } from './consent'
import { copyToInbox } from './inbox'

/**
 * The outbox: every transition that owes the user a message writes one entry, keyed by
 * `<caseId>#<history index>`, so an entry exists at most once however often it is written.
 * Which move owes which message, and its words, is the domain's (`src/domain/<kind>/<kind>.notices.ts`, through
 * each case kind's `noticeOf`): the outbox only stores and delivers. The sweeper delivers entries with retries;
 * the 消息 page reads the `inbox` copy.
 */
export interface OutboxDoc {
  _id: string
  openid: string
  /** The receipt order this message is about (orders only). */
  orderId?: string
  /** The case it is about: an order id, or a cancellation application id. */
  caseId: string
  template: TemplateKey
  page: string
  data: Record<string, { value: string }>
  status: 'pending' | 'sending' | 'sent' | 'failed' | 'skipped' | 'unknown'
  statusText?: string
  attempts: number
  nextAttemptAt: string
  lockedUntil?: string
  /** The claim token of the sweep that holds the entry while `sending`. */
  claim?: string
  /**
   * Written just before WeChat is asked to send. A claim that lapses with this set died mid-send: the
   * message may or may not have gone, and it is never sent again automatically (decision 008).
   */
  attemptedAt?: string | null
  lastError?: { errcode: number; message: string; at: string }
  createdAt: string
  sentAt?: string
}

/** What each delivery status means, for whoever reads the outbox in the CloudBase console. */
export const OUTBOX_STATUS_TEXT: Readonly<Record<OutboxDoc['status'], string>> = {
  pending: '待发送',
  sending: '发送中',
  sent: '已发送',
  failed: '发送失败',
  skipped: '未发送（用户未订阅或模板未配置），已存入消息页',
  unknown: '发送结果未知（发送时服务中断），为免重复不自动重发，已存入消息页',
}

/** Transient failures are retried with back-off up to this many attempts. */
export const MAX_ATTEMPTS = 6
/** A claimed entry is released after this long if its sender died. */
const LOCK_SECONDS = 60

const outbox = (ports: Pick<Ports, 'db'>) => ports.db.collection<OutboxDoc>('outbox')

/** One notification a case owes: its outbox key, recipient, template, rendered fields and the page it opens. */
export interface CaseNotice {
  key: string
  openid: string
  caseId: string
  orderId?: string
  template: TemplateKey
  page: string
  data: Record<string, { value: string }>
  at: string
}

/**
 * Writes one notification a case owes, keyed `<caseId>#<history index>` (or another stable suffix), once:
 * the same key written twice is one entry, so a replayed or retried transition never notifies twice.
 */
export async function enqueueCaseNotice(ports: Pick<Ports, 'db'>, entry: CaseNotice): Promise<void> {
  try {
    await outbox(ports).add({
      _id: entry.key,
      openid: entry.openid,
      caseId: entry.caseId,
      ...(entry.orderId ? { orderId: entry.orderId } : {}),
      template: entry.template,
      page: entry.page,
      data: entry.data,
      status: 'pending',
      statusText: OUTBOX_STATUS_TEXT.pending,
      attempts: 0,
      nextAttemptAt: entry.at,
      createdAt: entry.at,
    })
  } catch (error) {
    if (!(error instanceof DuplicateKeyError)) throw error
  }
}

/**
 * Writes those of `notices` the outbox does not hold yet: one `_id in [...]` query per 100 keys, then only the
 * missing adds, `concurrency` at a time. The sweeper's crash recovery re-derives every notice a recent case
 * owes, and nearly all of them exist: this costs a query per page instead of a failed add per notice.
 * Returns how many were written.
 */
export async function enqueueMissing(ports: Pick<Ports, 'db'>, notices: readonly CaseNotice[], concurrency = 10): Promise<number> {
  let written = 0
  for (const part of chunks(notices, 100)) {
    const held = new Set((await outbox(ports).find({ _id: { $in: part.map((n) => n.key) } }, { limit: part.length })).map((e) => e._id))
    const missing = part.filter((n) => !held.has(n.key))
    let failure: unknown
    await eachLimit(missing, concurrency, (n) => enqueueCaseNotice(ports, n), (_, error) => (failure ??= error))
    if (failure) throw failure
    written += missing.length
  }
  return written
}

const backoffSeconds = (attempts: number) => Math.min(3600, 30 * 2 ** attempts)

/**
 * Claims whose sender died (lock lapsed): one that never reached WeChat goes back to pending; one that died
 * after the attempt mark may have been delivered, so it is set aside as `unknown` for an operator instead of
 * being sent again. Subscribe messages carry no idempotency key, so this is the choice between a possible
 * duplicate and a possibly missing push; the 消息 page copy is written before either (decision 008).
 */
async function releaseLapsedClaims(ports: Ports, nowIso: string, budget?: Budget): Promise<void> {
  for (;;) {
    const lapsed = await outbox(ports).find({ status: 'sending', lockedUntil: { $lt: nowIso } }, { orderBy: [['lockedUntil', 'asc']], limit: 100 })
    for (const entry of lapsed) {
      const still = { _id: entry._id, status: 'sending', lockedUntil: entry.lockedUntil ?? null }
      if (!entry.attemptedAt) {
        await outbox(ports).update(still, { set: { status: 'pending', statusText: OUTBOX_STATUS_TEXT.pending } })
        continue
      }
      const lastError = { errcode: -2, message: '发送时服务中断，无法确认是否送达', at: nowIso }
      if ((await outbox(ports).update(still, { set: { status: 'unknown', statusText: OUTBOX_STATUS_TEXT.unknown, lastError } })) === 1) {
        ports.log.warn('notification outcome unknown: not resent', { id: entry._id })
      }
    }
    if (lapsed.length < 100 || budget?.spent()) return
  }
}

export interface DeliveryStats {
  sent: number
  failed: number
  skipped: number
  retried: number
}

export interface DeliveryOptions {
  /** Entries claimed per round trip (one conditional multi-document update). */
  batch?: number
  /** Sends and per-entry writes in flight at once. */
  concurrency?: number
  /** Stop between batches once spent; without one, deliver until nothing is due. */
  budget?: Budget
}

/**
 * Delivers due outbox entries, a batch at a time until none is due or the budget is spent. Each batch is
 * claimed with one conditional update (`status: pending → sending` under a fresh claim token, so two sweepers
 * never send the same entry), copied to the inbox, and sent as a service notification when the user consented
 * and the template is configured; a transient error schedules a retry with back-off. Returns what happened
 * and whether every due entry was handled.
 */
export async function deliverOutbox(ports: Ports, options: DeliveryOptions = {}): Promise<DeliveryStats & { done: boolean }> {
  const batch = options.batch ?? 100
  const concurrency = options.concurrency ?? 10
  const stats: DeliveryStats = { sent: 0, failed: 0, skipped: 0, retried: 0 }
  await releaseLapsedClaims(ports, ports.clock.now().toISOString(), options.budget)
  for (;;) {
    if (options.budget?.spent()) return { ...stats, done: false }
    const nowIso = ports.clock.now().toISOString()
    const due = await outbox(ports).find({ status: 'pending', nextAttemptAt: { $lte: nowIso } }, { orderBy: [['nextAttemptAt', 'asc'], ['createdAt', 'asc'], ['_id', 'asc']], limit: batch })
    if (due.length === 0) return { ...stats, done: true }
    const mine = await claim(ports, due)
    await deliverClaimed(ports, mine, concurrency, stats)
    if (due.length < batch) return { ...stats, done: true }
  }
}

/** Claims the entries still pending, in one write; returns those this call won. */
async function claim(ports: Ports, due: readonly OutboxDoc[]): Promise<OutboxDoc[]> {
  const token = newId('cl')
  const lockedUntil = new Date(ports.clock.now().getTime() + LOCK_SECONDS * 1000).toISOString()
  const ids = due.map((e) => e._id)
  const won = await outbox(ports).update({ _id: { $in: ids }, status: 'pending' }, { set: { status: 'sending', statusText: OUTBOX_STATUS_TEXT.sending, lockedUntil, attemptedAt: null, claim: token } })
  if (won === due.length) return [...due]
  if (won === 0) return []
  const ours = new Set((await outbox(ports).find({ _id: { $in: ids }, claim: token }, { limit: ids.length })).map((e) => e._id))
  return due.filter((e) => ours.has(e._id))
}

async function deliverClaimed(ports: Ports, claimed: readonly OutboxDoc[], concurrency: number, stats: DeliveryStats): Promise<void> {
  const fail = (entry: OutboxDoc, error: unknown) => ports.log.error('notification delivery failed; the claim lapses and it is tried again', { id: entry._id, error: error instanceof Error ? error.message : String(error) })
  // The 消息 copy first, then one consent each. Entries for one user and template take their consents in due
  // order (the older message gets the accept first); different users and templates go `concurrency` at a time.
  const consented: Array<{ entry: OutboxDoc; templateId: string }> = []
  const skipped = new Map<string, string[]>()
  const queues = new Map<string, OutboxDoc[]>()
  for (const entry of claimed) queues.set(`${entry.openid}|${entry.template}`, [...(queues.get(`${entry.openid}|${entry.template}`) ?? []), entry])
  const prepare = async (entry: OutboxDoc) => {
    await copyToInbox(ports, entry)
    const templateId = ports.config.templateIds[entry.template]
    if (templateId && (await takeConsent(ports, entry.openid, entry.template))) consented.push({ entry, templateId })
    else {
      const why = templateId ? '用户未订阅或次数已用完' : '模板未配置'
      skipped.set(why, [...(skipped.get(why) ?? []), entry._id])
    }
  }
  await eachLimit(
    [...queues.values()],
    concurrency,
    async (queue) => {
      for (const entry of queue) await prepare(entry).catch((error: unknown) => fail(entry, error))
    },
    () => undefined,
  )
  const nowIso = ports.clock.now().toISOString()
  for (const [message, ids] of skipped) {
    await outbox(ports).update({ _id: { $in: ids } }, { set: { status: 'skipped', statusText: OUTBOX_STATUS_TEXT.skipped, sentAt: nowIso, lastError: { errcode: 43101, message, at: nowIso } } })
    stats.skipped += ids.length
  }
  // Sends go `concurrency` at a time; each group is marked just before WeChat is asked. From the mark until the
  // next write a crash leaves the outcome unknown, and such an entry is never sent twice (decision 008).
  for (const group of chunks(consented, concurrency)) {
    await outbox(ports).update({ _id: { $in: group.map((g) => g.entry._id) } }, { set: { attemptedAt: ports.clock.now().toISOString() } })
    const sent: string[] = []
    await eachLimit(
      group,
      concurrency,
      async ({ entry, templateId }) => {
        try {
          await ports.notifier.send({ openid: entry.openid, templateId, page: entry.page, data: entry.data })
        } catch (error) {
          await recordFailure(ports, entry, error, stats)
          return
        }
        sent.push(entry._id)
      },
      (item, error) => fail(item.entry, error),
    )
    if (sent.length) {
      await outbox(ports).update({ _id: { $in: sent } }, { set: { status: 'sent', statusText: OUTBOX_STATUS_TEXT.sent, sentAt: ports.clock.now().toISOString() }, inc: { attempts: 1 } })
      stats.sent += sent.length
    }
  }
}

async function recordFailure(ports: Ports, entry: OutboxDoc, error: unknown, stats: DeliveryStats): Promise<void> {
  const now = ports.clock.now()
  const nowIso = now.toISOString()
  const permanent = error instanceof NotifyError ? error.permanent : false
  const errcode = error instanceof NotifyError ? error.errcode : -1
  // WeChat spends the user's consent only on a delivered message; 43101 says there was none left.
  if (errcode !== 43101) await returnConsent(ports, entry.openid, entry.template)
  const attempts = entry.attempts + 1
  const giveUp = permanent || attempts >= MAX_ATTEMPTS
  await outbox(ports).update(
    { _id: entry._id },
    {
      set: {
        attemptedAt: null,
        status: giveUp ? 'failed' : 'pending',
        statusText: OUTBOX_STATUS_TEXT[giveUp ? 'failed' : 'pending'],
        attempts,
        nextAttemptAt: new Date(now.getTime() + backoffSeconds(attempts) * 1000).toISOString(),
        lastError: { errcode, message: error instanceof Error ? error.message : String(error), at: nowIso },
      },
    },
  )
  if (giveUp) stats.failed++
  else stats.retried++
  ports.log.warn('notification not sent', { id: entry._id, errcode, permanent, attempts })
}
