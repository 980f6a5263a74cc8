import { ORDER_STATUS_WORDS, type OrderState } from '../../../src/domain/order/order.machine'
import { REJECT_REASONS } from '../../../src/domain/order/order.view'
import { TEMPLATES, renderMessage, type TemplateKey } from '../../../src/domain/notify/templates'
import { DOCUMENT_TYPES } from '../../../src/domain/photo/specs'
import type { InboxMessage } from '../../../src/domain/order/order.view'
import { DuplicateKeyError, NotifyError, type Ports } from '../ports'
import type { OrderDoc } from './order.store'

/**
 * The outbox: every transition that owes the user a message writes one entry, keyed by
 * `<orderId>#<history index>`, so an entry exists at most once however often it is written.
 * The sweeper delivers entries with retries; the 消息 page reads the `inbox` copy.
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
  /**
   * Written just before WeChat is asked to send. A claim that lapses with this set died mid-send: the
   * message may or may not have gone, and it is never sent again automatically (decision 008).
   */
  attemptedAt?: string | null
  lastError?: { errcode: number; message: string; at: string }
  createdAt: string
  sentAt?: string
}

export interface InboxDoc {
  _id: string
  openid: string
  orderId?: string
  caseId: string
  template: TemplateKey
  data: Record<string, { value: string }>
  page: string
  at: string
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
const inbox = (ports: Pick<Ports, 'db'>) => ports.db.collection<InboxDoc>('inbox')

const documentTitle = (order: OrderDoc) => `${DOCUMENT_TYPES.find((d) => d.type === order.documentType)?.title ?? ''}回执 · ${order.cityName}`

/** The message a move into `to` owes, if any: review results and cancellations. */
export function noticeFor(order: OrderDoc, to: OrderState, at: string): { template: TemplateKey; data: Record<string, { value: string }> } | undefined {
  if (to === 'approved' || to === 'rejected') {
    const remark =
      to === 'approved'
        ? `回执号 ${order.receipt?.receiptNumber ?? ''}，请在有效期内使用`
        : `${order.rejection ? REJECT_REASONS[order.rejection.code] : ''}${order.rejection?.text ? `：${order.rejection.text}` : ''}，可免费重新提交`
    return {
      template: 'review_result',
      data: renderMessage('review_result', { character_string1: order._id, thing2: documentTitle(order), phrase3: ORDER_STATUS_WORDS[to], time4: at, thing5: remark }),
    }
  }
  if (to === 'cancelled') {
    return {
      template: 'order_cancelled',
      data: renderMessage('order_cancelled', { character_string1: order._id, thing2: documentTitle(order), phrase3: ORDER_STATUS_WORDS.cancelled, time4: at, thing5: '超过 30 分钟未支付，订单已自动取消' }),
    }
  }
  return undefined
}

/** Writes the outbox entry for history entry `seq` of an order, once. */
export async function enqueueNotice(ports: Ports, order: OrderDoc, seq: number): Promise<void> {
  const entry = order.history[seq]
  if (!entry) return
  const notice = noticeFor(order, entry.to, entry.at)
  if (!notice) return
  await enqueueCaseNotice(ports, { key: `${order._id}#${seq}`, openid: order.openid, caseId: order._id, orderId: order._id, ...notice, page: orderPage(order), at: entry.at })
}

const orderPage = (order: OrderDoc) => `features/receipt/pages/detail/index?orderId=${order._id}`

/**
 * The reminder an approved receipt owes a week before it expires (receipts are single-use and lapse:
 * 60 days, 90 in Guangdong, 180 in Shenzhen). Keyed `<orderId>#expiring`, so it is written once.
 */
export async function enqueueExpiryReminder(ports: Ports, order: OrderDoc): Promise<void> {
  if (order.status !== 'approved' || !order.receipt) return
  await enqueueCaseNotice(ports, {
    key: `${order._id}#expiring`,
    openid: order.openid,
    caseId: order._id,
    orderId: order._id,
    template: 'receipt_expiring',
    page: orderPage(order),
    data: renderMessage('receipt_expiring', {
      character_string1: order.receipt.receiptNumber,
      thing2: documentTitle(order),
      time3: order.receipt.expiresAt,
      thing4: '回执即将到期，请尽快办理，过期需重新办理',
    }),
    at: ports.clock.now().toISOString(),
  })
}

/**
 * Writes one notification a case owes, keyed `<caseId>#<history index>` (or another stable suffix), once:
 * the same key written twice is one entry, so a replayed or retried transition never notifies twice.
 */
export async function enqueueCaseNotice(
  ports: Ports,
  entry: { key: string; openid: string; caseId: string; orderId?: string; template: TemplateKey; page: string; data: Record<string, { value: string }>; at: string },
): Promise<void> {
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

/** One use of the user's consent for a template (WeChat: one send per accept), taken atomically. */
async function takeConsent(ports: Ports, openid: string, template: TemplateKey): Promise<boolean> {
  const changed = await ports.db.collection('subscriptions').update({ _id: openid, [`credits.${template}`]: { $gte: 1 } }, { inc: { [`credits.${template}`]: -1 } })
  return changed === 1
}

/** Records the templates a user accepted in the subscribe dialog: one credit each. */
export async function grantConsent(ports: Ports, openid: string, templates: readonly TemplateKey[]): Promise<void> {
  if (templates.length === 0) return
  const subs = ports.db.collection<{ _id: string; credits: Record<string, number> }>('subscriptions')
  if (!(await subs.get(openid))) {
    try {
      await subs.add({ _id: openid, credits: {} })
    } catch (error) {
      if (!(error instanceof DuplicateKeyError)) throw error
    }
  }
  await subs.update({ _id: openid }, { inc: Object.fromEntries(templates.map((t) => [`credits.${t}`, 1])) })
}

const backoffSeconds = (attempts: number) => Math.min(3600, 30 * 2 ** attempts)

/**
 * Claims whose sender died (lock lapsed): one that never reached WeChat goes back to pending; one that died
 * after the attempt mark may have been delivered, so it is set aside as `unknown` for an operator instead of
 * being sent again. Subscribe messages carry no idempotency key, so this is the choice between a possible
 * duplicate and a possibly missing push; the 消息 page copy is written before either (decision 008).
 */
async function releaseLapsedClaims(ports: Ports, nowIso: string): Promise<void> {
  for (const entry of await outbox(ports).find({ status: 'sending', lockedUntil: { $lt: nowIso } }, { limit: 100 })) {
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
}

/**
 * Delivers due outbox entries: claims each with a conditional write (so two sweepers never send the
 * same entry), copies it to the inbox, sends it as a service notification when the user consented and
 * the template is configured, and schedules a retry on a transient error.
 */
export async function deliverOutbox(ports: Ports, limit = 50): Promise<{ sent: number; failed: number; skipped: number; retried: number }> {
  const now = ports.clock.now()
  const nowIso = now.toISOString()
  const stats = { sent: 0, failed: 0, skipped: 0, retried: 0 }
  await releaseLapsedClaims(ports, nowIso)
  const due = await outbox(ports).find({ status: 'pending', nextAttemptAt: { $lte: nowIso } }, { orderBy: [['nextAttemptAt', 'asc']], limit })
  for (const entry of due) {
    const lockedUntil = new Date(now.getTime() + LOCK_SECONDS * 1000).toISOString()
    const claimed = await outbox(ports).update({ _id: entry._id, status: 'pending' }, { set: { status: 'sending', statusText: OUTBOX_STATUS_TEXT.sending, lockedUntil, attemptedAt: null } })
    if (claimed !== 1) continue
    try {
      await inbox(ports).add({ _id: entry._id, openid: entry.openid, ...(entry.orderId ? { orderId: entry.orderId } : {}), caseId: entry.caseId ?? entry.orderId, template: entry.template, data: entry.data, page: entry.page, at: entry.createdAt })
    } catch (error) {
      if (!(error instanceof DuplicateKeyError)) throw error
    }
    const templateId = ports.config.templateIds[entry.template]
    if (!templateId || !(await takeConsent(ports, entry.openid, entry.template))) {
      await outbox(ports).update({ _id: entry._id }, { set: { status: 'skipped', statusText: OUTBOX_STATUS_TEXT.skipped, sentAt: nowIso, lastError: { errcode: 43101, message: templateId ? '用户未订阅或次数已用完' : '模板未配置', at: nowIso } } })
      stats.skipped++
      continue
    }
    try {
      // From this mark until the next write a crash leaves the outcome unknown: it is never sent twice (decision 008).
      await outbox(ports).update({ _id: entry._id }, { set: { attemptedAt: nowIso } })
      await ports.notifier.send({ openid: entry.openid, templateId, page: entry.page, data: entry.data })
      await outbox(ports).update({ _id: entry._id }, { set: { status: 'sent', statusText: OUTBOX_STATUS_TEXT.sent, sentAt: nowIso }, inc: { attempts: 1 } })
      stats.sent++
    } catch (error) {
      const permanent = error instanceof NotifyError ? error.permanent : false
      const errcode = error instanceof NotifyError ? error.errcode : -1
      // WeChat spends the user's consent only on a delivered message; 43101 says there was none left.
      if (errcode !== 43101) await ports.db.collection('subscriptions').update({ _id: entry.openid }, { inc: { [`credits.${entry.template}`]: 1 } })
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
  }
  return stats
}

/** The 消息 page: the caller's notifications, newest first, rendered with their field labels. */
export async function listInbox(ports: Ports, openid: string): Promise<InboxMessage[]> {
  const rows = await inbox(ports).find({ openid }, { orderBy: [['at', 'desc']], limit: 100 })
  return rows.map((row) => {
    const def = TEMPLATES[row.template]
    const fields: Record<string, { label: string }> = def.fields
    return {
      id: row._id,
      title: def.title,
      fields: Object.entries(row.data).map(([key, { value }]) => ({ label: fields[key]?.label ?? key, value })),
      page: `/${row.page}`,
      at: row.at,
    }
  })
}
