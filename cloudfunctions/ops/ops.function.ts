import * as v from 'valibot'
import { AppError } from '../../src/domain/errors'
import { ORDER_STATES, ORDER_STATUS_LABELS, type OrderState } from '../../src/domain/order/order.machine'
import { formatYuan } from '../../src/domain/order/prices'
import { DEFAULT_REVIEW_SLA_MINUTES, OrderRef, RefundInput, ResendInput, RevealInput, SearchInput, SetOperatorInput, type AuditEntry, type Board, type BoardCounts, type OpsOrderDetail, type OpsOrderRow, type StuckItem } from '../../src/domain/ops/ops.view'
import { appendAudit, listAudit } from '../_shared/audit'
import { lossOpsActions, openLossCases } from './card-loss'
import { cancellationOpsActions, openApplications } from './cancellation'
import { blindIndex, newId } from '../_shared/crypto'
import { maskIdNumber } from '../../src/domain/identity/id-number'
import { action, defineFunction, type Ctx } from '../_shared/handler'
import { orders, toSummary, toView, type OrderDoc } from '../_shared/order/order.store'
import { maskName } from '../../src/domain/identity/name'
import { OUTBOX_STATUS_TEXT, deliverOutbox, type OutboxDoc } from '../_shared/notify/outbox'
import type { CallbackDoc } from '../_shared/review/review-callback.handler'
import { REFUND_STATUS_TEXT, refundOrder, refundPaymentIssues } from '../_shared/payment/refund'
import { deliverSubmission } from '../_shared/order/submission'
import { photos } from '../_shared/photo/photo.store'

/** Operator functions: every action checks the role on the server (FORBIDDEN otherwise, logged). */
const Empty = v.optional(v.object({}), {})
const PHOTO_URL_SECONDS = 300

/** Midnight today in China Standard Time, as a UTC instant: the board's "today". */
function startOfShanghaiDay(now: Date): Date {
  const shifted = new Date(now.getTime() + 8 * 3600_000)
  shifted.setUTCHours(0, 0, 0, 0)
  return new Date(shifted.getTime() - 8 * 3600_000)
}

async function counts(ctx: Ctx, since: Date): Promise<BoardCounts> {
  const byStatus: Partial<Record<OrderState, number>> = {}
  let total = 0
  for (const status of ORDER_STATES) {
    const n = await orders(ctx).count({ status, createdAt: { $gte: since.toISOString() } })
    if (n) byStatus[status] = n
    total += n
  }
  return { byStatus, total }
}

async function board(ctx: Ctx): Promise<Board> {
  const now = ctx.clock.now()
  const weekAgo = new Date(now.getTime() - 7 * 24 * 3600_000)
  // A sample of up to 300 results of the last 7 days is enough for a median, and keeps the board fast at 100k orders.
  const reviewed = await orders(ctx).find({ status: { $in: ['approved', 'rejected', 'refunded'] }, createdAt: { $gte: weekAgo.toISOString() } }, { limit: 300 })
  const minutes = reviewed
    .map((o) => {
      const paid = o.history.find((h) => h.to === 'paid')
      const result = o.history.find((h) => h.to === 'approved' || h.to === 'rejected')
      return paid && result ? (Date.parse(result.at) - Date.parse(paid.at)) / 60_000 : undefined
    })
    .filter((m): m is number => m !== undefined)
    .sort((a, b) => a - b)
  const median = minutes.length ? (minutes.length % 2 ? minutes[(minutes.length - 1) / 2] : (minutes[minutes.length / 2 - 1] + minutes[minutes.length / 2]) / 2) : null
  return {
    today: await counts(ctx, startOfShanghaiDay(now)),
    last7Days: await counts(ctx, weekAgo),
    medianReviewMinutes: median === null ? null : Math.round(median * 10) / 10,
    cancellations: await openApplications(ctx),
    lossCases: await openLossCases(ctx),
    at: now.toISOString(),
  }
}

const slaMinutes = () => Number(process.env.HUIZHI_REVIEW_SLA_MINUTES ?? DEFAULT_REVIEW_SLA_MINUTES)

/** A payment an operator must settle: a refund WeChat Pay did not complete, or an open issue (wrong amount, paid after cancel). */
function paymentIssueItem(o: OrderDoc): StuckItem | undefined {
  if (o.status === 'refunded' && o.refund && o.refund.status !== 'PROCESSING' && o.refund.status !== 'SUCCESS') {
    const error = o.refund.error ? `（${o.refund.error}）` : ''
    return { kind: 'payment_issue', orderId: o._id, label: '退款未完成', since: o.refund.requestedAt, detail: `退款 ${formatYuan(o.refund.refundFee)}：${REFUND_STATUS_TEXT[o.refund.status]}${error}`.slice(0, 80), action: 'refund' }
  }
  const issue = (o.paymentIssues ?? []).find((i) => !i.resolvedAt)
  if (!issue || o.status === 'refunded') return undefined
  return { kind: 'payment_issue', orderId: o._id, label: issue.kind === 'amount_mismatch' ? '支付金额不符' : '取消后到账', since: issue.at, detail: `到账 ${formatYuan(issue.totalFee)}，订单金额 ${formatYuan(o.amountFen)}`, action: 'refund' }
}

/** A notification that failed, or whose outcome a crash left unknown: both wait for an operator's re-send. */
function notificationItem(m: OutboxDoc): StuckItem {
  const failed = m.status === 'failed'
  return {
    kind: failed ? 'notification_failed' : 'notification_unknown',
    orderId: m.orderId ?? m.caseId,
    label: failed ? '通知发送失败' : '通知可能已送达',
    since: m.createdAt,
    detail: failed ? `错误码 ${m.lastError?.errcode ?? '-'}：${m.lastError?.message ?? ''}`.slice(0, 80) : '发送时服务中断，无法确认用户是否收到；消息页已保存。确认未收到再重新发送',
    action: 'resend',
    outboxId: m._id,
  }
}

async function stuck(ctx: Ctx): Promise<StuckItem[]> {
  const now = ctx.clock.now()
  const overdueBefore = new Date(now.getTime() - slaMinutes() * 60_000).toISOString()
  const items: StuckItem[] = []
  for (const o of await orders(ctx).find({ status: 'reviewing', updatedAt: { $lt: overdueBefore } }, { orderBy: [['updatedAt', 'asc']], limit: 100 })) {
    items.push({ kind: 'review_overdue', orderId: o._id, label: '审核超时', since: o.updatedAt, detail: `已审核 ${Math.round((now.getTime() - Date.parse(o.updatedAt)) / 60_000)} 分钟，超过 ${slaMinutes()} 分钟时限`, action: 'resubmit' })
  }
  for (const o of await orders(ctx).find({ hasOpenPaymentIssue: true }, { limit: 100 })) {
    const item = paymentIssueItem(o)
    if (item) items.push(item)
  }
  for (const status of ['failed', 'unknown'] as const) {
    for (const m of await ctx.db.collection<OutboxDoc>('outbox').find({ status }, { orderBy: [['createdAt', 'asc']], limit: 100 })) items.push(notificationItem(m))
  }
  return items
}

function row(o: OrderDoc): OpsOrderRow {
  const s = toSummary(o)
  return {
    orderId: o._id,
    status: o.status,
    statusLabel: ORDER_STATUS_LABELS[o.status],
    documentTitle: s.documentTitle,
    cityLabel: s.cityLabel,
    applicantName: maskName(o.applicant.name),
    idNumberMasked: o.applicant.idNumberMasked,
    phoneMasked: o.applicant.phoneMasked,
    ...(o.applicant.relation ? { applicantRelation: o.applicant.relation } : {}),
    createdAt: o.createdAt,
  }
}

async function detail(ctx: Ctx, orderId: string): Promise<OpsOrderDetail> {
  const o = await orders(ctx).get(orderId)
  if (!o) throw new AppError('ORDER_NOT_FOUND')
  const view = toView(o, ctx.clock.now())
  const callbacks = await ctx.db.collection<CallbackDoc>('callbacks').find({ orderId }, { orderBy: [['receivedAt', 'asc']], limit: 100 })
  const refused = await ctx.db.collection<{ _id: string; reason: string; receivedAt: string }>('callbacks_refused').find({ orderId }, { orderBy: [['receivedAt', 'asc']], limit: 100 })
  const notes = await ctx.db.collection<OutboxDoc>('outbox').find({ orderId }, { orderBy: [['createdAt', 'asc']], limit: 100 })
  return {
    ...row(o),
    amountLabel: view.amountLabel,
    timeline: view.timeline,
    callbacks: [
      ...callbacks.map((c) => ({ callbackId: c._id, result: c.result, effect: c.effect, receivedAt: c.receivedAt })),
      ...refused.map((r) => ({ callbackId: r._id, result: r.reason, effect: 'refused', receivedAt: r.receivedAt })),
    ].sort((a, b) => a.receivedAt.localeCompare(b.receivedAt)),
    specId: o.specId,
    photoChecks: (await photos(ctx).get(o.photoId))?.checks ?? [],
    notifications: notes.map((n) => ({ id: n._id, template: n.template, status: n.status, attempts: n.attempts, lastError: n.lastError ? `${n.lastError.errcode} ${n.lastError.message}` : undefined, createdAt: n.createdAt })),
    paymentIssues: (o.paymentIssues ?? []).map((i) => ({ kind: i.kind, totalFee: i.totalFee, at: i.at })),
    submissions: o.submissions.length,
    ...(o.submitError ? { submitError: o.submitError } : {}),
    ...(o.providerCost ? { margin: { provider: o.providerCost.provider, costFen: o.providerCost.fen, marginFen: (o.payment?.totalFee ?? o.amountFen) - o.providerCost.fen } } : {}),
  }
}

/** Sends an overdue review to the center again, as a new submission; a second tap finds it no longer overdue. */
async function resubmit(ctx: Ctx, orderId: string): Promise<OpsOrderDetail> {
  const o = await orders(ctx).get(orderId)
  if (!o) throw new AppError('ORDER_NOT_FOUND')
  const overdueBefore = new Date(ctx.clock.now().getTime() - slaMinutes() * 60_000).toISOString()
  if (o.status !== 'reviewing' || o.updatedAt >= overdueBefore) throw new AppError('CONFLICT', '该订单已重新提交或已有结果，请刷新')
  const at = ctx.clock.now().toISOString()
  const submissionId = newId('sb')
  const changed = await orders(ctx).update(
    { _id: o._id, status: 'reviewing', version: o.version },
    { set: { currentSubmissionId: submissionId, pendingSubmit: true, updatedAt: at }, push: { submissions: { submissionId, photoId: o.photoId, at } }, inc: { version: 1 } },
  )
  if (changed !== 1) throw new AppError('CONFLICT', '该订单已重新提交或已有结果，请刷新')
  await appendAudit(ctx, { operator: ctx.caller.openid, action: 'order.resubmit', target: o._id })
  const fresh = await orders(ctx).get(o._id)
  if (fresh) await deliverSubmission(ctx, fresh)
  return detail(ctx, o._id)
}

async function resend(ctx: Ctx, outboxId: string): Promise<{ status: string }> {
  const at = ctx.clock.now().toISOString()
  const changed = await ctx.db.collection<OutboxDoc>('outbox').update({ _id: outboxId, status: { $in: ['failed', 'unknown'] } }, { set: { status: 'pending', statusText: OUTBOX_STATUS_TEXT.pending, attempts: 0, nextAttemptAt: at, attemptedAt: null } })
  if (changed !== 1) throw new AppError('CONFLICT', '该消息已重新发送或已送达，请刷新')
  await appendAudit(ctx, { operator: ctx.caller.openid, action: 'notification.resend', target: outboxId })
  await deliverOutbox(ctx)
  const entry = await ctx.db.collection<OutboxDoc>('outbox').get(outboxId)
  return { status: entry?.status ?? 'pending' }
}

/**
 * Refund through WeChat Pay (cloudPay.refund, result to payCallback): a paid or rejected order moves to
 * `refunded` through the state machine and its payment is refunded in full under a refund number derived
 * from the order; payments flagged on an order (wrong amount, paid after cancellation) are each refunded as
 * WeChat recorded them. Idempotent under replay and concurrency; amount-checked (_shared/payment/refund.ts).
 */
async function refund(ctx: Ctx, orderId: string, reason: string, amountFen?: number): Promise<OpsOrderDetail> {
  const o = await orders(ctx).get(orderId)
  if (!o) throw new AppError('ORDER_NOT_FOUND')
  if (o.status === 'paid' || o.status === 'rejected' || (o.status === 'refunded' && o.refund)) {
    await refundOrder(ctx, o, reason, amountFen)
  } else if ((o.paymentIssues ?? []).some((i) => !i.resolvedAt)) {
    await refundPaymentIssues(ctx, o)
  } else {
    throw new AppError('ORDER_INVALID_TRANSITION', '该订单当前不能退款')
  }
  await appendAudit(ctx, { operator: ctx.caller.openid, action: 'order.refund', target: o._id, reason })
  return detail(ctx, o._id)
}

async function search(ctx: Ctx, query: string): Promise<OpsOrderRow[]> {
  const fullId = query.length === 18
  await appendAudit(ctx, { operator: ctx.caller.openid, action: 'order.search', target: query.startsWith('od_') ? query : fullId ? `身份证 ${maskIdNumber(query)}` : `尾号 ${query}` })
  if (query.startsWith('od_')) {
    const o = await orders(ctx).get(query)
    return o ? [row(o)] : []
  }
  if (fullId) {
    const hits = await orders(ctx).find({ 'applicant.idBlind': blindIndex(ctx.config.dataKey, 'id', query.toUpperCase()) }, { orderBy: [['createdAt', 'desc']], limit: 50 })
    return hits.map(row)
  }
  const last4 = query.toUpperCase()
  const found = new Map<string, OrderDoc>()
  for (const field of ['applicant.phoneLast4', 'applicant.idLast4']) {
    for (const o of await orders(ctx).find({ [field]: last4 }, { orderBy: [['createdAt', 'desc']], limit: 20 })) found.set(o._id, o)
  }
  return [...found.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).map(row)
}

async function reveal(ctx: Ctx, orderId: string, reason: string): Promise<{ photoUrl: string }> {
  const o = await orders(ctx).get(orderId)
  if (!o) throw new AppError('ORDER_NOT_FOUND')
  await appendAudit(ctx, { operator: ctx.caller.openid, action: 'photo.reveal', target: o._id, reason })
  const [{ url }] = await ctx.files.tempUrls([o.photoFileID], PHOTO_URL_SECONDS)
  return { photoUrl: url }
}

/** The `operators` collection, changed only here, by an operator, with a reason in the audit log. */
async function setOperator(ctx: Ctx, input: v.InferOutput<typeof SetOperatorInput>): Promise<{ openid: string; active: boolean }> {
  if (input.openid === ctx.caller.openid && !input.active) throw new AppError('VALIDATION_FAILED', '不能撤销自己的运营权限')
  const ops = ctx.db.collection<{ _id: string; active: boolean; updatedAt: string }>('operators')
  const at = ctx.clock.now().toISOString()
  const changed = await ops.update({ _id: input.openid }, { set: { active: input.active, updatedAt: at } })
  if (changed === 0) await ops.add({ _id: input.openid, active: input.active, updatedAt: at })
  await appendAudit(ctx, { operator: ctx.caller.openid, action: input.active ? 'operator.grant' : 'operator.revoke', target: input.openid.slice(-6).toUpperCase(), reason: input.reason })
  return { openid: input.openid, active: input.active }
}

export const opsFunction = defineFunction({
  name: 'ops',
  actions: {
    ...cancellationOpsActions,
    ...lossOpsActions,
    board: action({ input: Empty, role: 'operator', run: (_i, ctx) => board(ctx) }),
    stuck: action({ input: Empty, role: 'operator', run: (_i, ctx) => stuck(ctx) }),
    search: action({ input: SearchInput, role: 'operator', run: (i, ctx) => search(ctx, i.query) }),
    detail: action({ input: OrderRef, role: 'operator', run: (i, ctx) => detail(ctx, i.orderId) }),
    reveal: action({ input: RevealInput, role: 'operator', run: (i, ctx) => reveal(ctx, i.orderId, i.reason) }),
    resubmit: action({ input: OrderRef, role: 'operator', run: (i, ctx) => resubmit(ctx, i.orderId) }),
    resend: action({ input: ResendInput, role: 'operator', run: (i, ctx) => resend(ctx, i.outboxId) }),
    refund: action({ input: RefundInput, role: 'operator', run: (i, ctx) => refund(ctx, i.orderId, i.reason, i.amountFen) }),
    setOperator: action({ input: SetOperatorInput, role: 'operator', run: (i, ctx) => setOperator(ctx, i) }),
    audit: action({
      input: Empty,
      role: 'operator',
      run: async (_i, ctx): Promise<AuditEntry[]> => (await listAudit(ctx)).map((a) => ({ id: a._id, at: a.at, operator: a.operator.slice(-6).toUpperCase(), action: a.action, target: a.target, reason: a.reason })),
    }),
  },
})
