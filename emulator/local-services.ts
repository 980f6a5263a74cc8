import { createHmac } from 'node:crypto'
import { newId } from '../cloudfunctions/_shared/crypto'
import { DuplicateKeyError, type Config, type Db, type Notifier, type Pay, type Where } from '../cloudfunctions/_shared/ports'
import { createCloudPayPort, type CloudPayApi, type RefundAnswer, type RefundInput, type UnifiedOrderInput } from '../cloudfunctions/_shared/payment/cloud-pay'
import { AppError } from '../src/domain/errors'
import { retentionFromEnv } from '../src/domain/privacy/retention'
import type { ProviderName } from '../src/domain/provider/receipt-provider'

/** Local stand-ins for what only WeChat has: the cashier, subscribe-message delivery, and the secrets. */

/** Keys for local mode, derived from the data directory's own secret so they survive restarts. */
export function localConfig(secret: string, provider: ProviderName = 'huizhi'): Config & { centerSubmitSecret: string } {
  const derive = (label: string) => createHmac('sha256', secret).update(label).digest()
  return {
    provider: { name: provider, apiKey: derive(`${provider}-api-key`).toString('hex').slice(0, 32), tokenKey: derive('provider-callback-token').toString('hex') },
    dataKey: derive('data-key'),
    centerCallbackSecret: derive('center-callback').toString('hex'),
    centerSubmitSecret: derive('center-submit').toString('hex'),
    templateIds: { review_result: 'local-review-result', receipt_expiring: 'local-receipt-expiring', order_cancelled: 'local-order-cancelled', application_result: 'local-application-result', loss_result: 'local-loss-result' },
    retention: retentionFromEnv(process.env),
  }
}

/** What the simulated cashier needs to show and settle a payment: one trade per out_trade_no, as in WeChat Pay. */
export interface CashierDoc {
  _id: string
  /** The payer (cloudPay's JSAPI trades take it from the calling user's context); absent on new trades. */
  openid?: string
  totalFee: number
  body: string
  createdAt: string
  /** Set once, when the user pays: every notification of this payment carries it. */
  transactionId: string | null
  /** What the user paid, when it differs from `totalFee` (a simulated wrong amount). */
  paidFee?: number
  paidAt?: string
  /** Last instant the trade can be paid (unifiedOrder's `timeExpire`), as an ISO instant. */
  expiresAt?: string
  /** Set by closeOrder: the trade can no longer be paid. */
  closedAt?: string | null
}

/** A refund the simulated WeChat Pay accepted; its result is delivered to `functionName` like WeChat's. */
export interface CashierRefundDoc {
  _id: string
  outTradeNo: string
  transactionId: string
  refundId: string
  totalFee: number
  refundFee: number
  functionName: string
  at: string
  notified: boolean
}

const cloudPayOk = (api: string) => ({ returnCode: 'SUCCESS', resultCode: 'SUCCESS', errCode: 0, errMsg: `cloudPay.${api}:ok` })
/** A business failure as the SDK hands it over: WeChat's err_code is overwritten with 0, only err_code_des is left. */
const cloudPayFail = (api: string, errCodeDes: string) => ({ returnCode: 'SUCCESS', resultCode: 'FAIL', errCodeDes, errCode: 0, errMsg: `cloudPay.${api}:ok` })

/** Beijing `yyyyMMddHHmmss` back to an ISO instant. */
function fromBeijingStamp(stamp: string): string | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(stamp)
  return m ? new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}+08:00`).toISOString() : undefined
}

/**
 * The simulated WeChat Pay behind the cashier page. It answers unifiedOrder, queryOrder, closeOrder and
 * refund with the shapes wx-server-sdk's cloudPay gives (camelCase, `errCode` 0, `resultCode` for the
 * outcome), keeps one trade per out_trade_no and one refund per out_refund_no, refuses to take payment
 * for a closed or expired trade, and refuses a refund above what was paid.
 */
export class LocalCashier implements CloudPayApi {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  private get trades() {
    return this.db.collection<CashierDoc>('cashier')
  }

  private get refunds() {
    return this.db.collection<CashierRefundDoc>('cashier_refunds')
  }

  /** The trade, for the cashier page. */
  trade(outTradeNo: string): Promise<CashierDoc | null> {
    return this.trades.get(outTradeNo)
  }

  async unifiedOrder(input: UnifiedOrderInput) {
    const existing = await this.trades.get(input.outTradeNo)
    if (existing?.closedAt) return cloudPayFail('unifiedOrder', '订单已关闭')
    if (existing?.transactionId) return cloudPayFail('unifiedOrder', '该订单已支付')
    const expiresAt = fromBeijingStamp(input.timeExpire)
    try {
      if (!existing) await this.trades.add({ _id: input.outTradeNo, totalFee: input.totalFee, body: input.body, createdAt: this.now().toISOString(), transactionId: null, expiresAt, closedAt: null })
    } catch (error) {
      // The same trade asked for twice at once: one cashier entry, as WeChat keeps one prepay per out_trade_no.
      if (!(error instanceof DuplicateKeyError)) throw error
    }
    return { ...cloudPayOk('unifiedOrder'), payment: undefined }
  }

  /**
   * The user pays at the cashier page (tests may pay a different amount). Paying again re-sends the same
   * transaction, as WeChat's retries do. Returns the notification cloudPay delivers to payCallback.
   */
  async pay(outTradeNo: string, opts: { paidFee?: number } = {}): Promise<{ returnCode: string; resultCode: string; outTradeNo: string; totalFee: number; transactionId: string }> {
    const trade = await this.trades.get(outTradeNo)
    if (!trade) throw new AppError('ORDER_NOT_FOUND')
    if (!trade.transactionId) {
      if (trade.closedAt) throw new AppError('ORDER_INVALID_TRANSITION', '订单已关闭，不能再支付')
      if (trade.expiresAt && this.now().getTime() > Date.parse(trade.expiresAt)) throw new AppError('ORDER_INVALID_TRANSITION', '订单已超过支付时间，不能再支付')
      // (Cashier entries from before this field have none: their first payment sets it.)
      const unpaid: Where = trade.transactionId === undefined ? { _id: trade._id } : { _id: trade._id, transactionId: null }
      await this.trades.update(unpaid, { set: { transactionId: newId('wx'), paidAt: this.now().toISOString(), ...(opts.paidFee === undefined ? {} : { paidFee: opts.paidFee }) } })
    }
    const paid = (await this.trades.get(outTradeNo)) as CashierDoc
    if (!paid.transactionId) throw new AppError('ORDER_INVALID_TRANSITION', '订单已关闭，不能再支付')
    return { returnCode: 'SUCCESS', resultCode: 'SUCCESS', outTradeNo, totalFee: paid.paidFee ?? paid.totalFee, transactionId: paid.transactionId }
  }

  async queryOrder(input: { outTradeNo: string }) {
    const trade = await this.trades.get(input.outTradeNo)
    if (!trade) return cloudPayFail('queryOrder', '此交易订单号不存在')
    const refunded = trade.transactionId ? await this.refunds.count({ outTradeNo: trade._id }) : 0
    const tradeState = trade.transactionId ? (refunded ? 'REFUND' : 'SUCCESS') : trade.closedAt ? 'CLOSED' : 'NOTPAY'
    return { ...cloudPayOk('queryOrder'), tradeState, outTradeNo: trade._id, ...(trade.transactionId ? { transactionId: trade.transactionId, totalFee: trade.paidFee ?? trade.totalFee } : {}) }
  }

  async closeOrder(input: { outTradeNo: string }) {
    const trade = await this.trades.get(input.outTradeNo)
    if (!trade) return cloudPayFail('closeOrder', '订单不存在')
    if (trade.transactionId) return cloudPayFail('closeOrder', '订单已支付，不能发起关单')
    const closed = await this.trades.update({ _id: trade._id, transactionId: null }, { set: { closedAt: trade.closedAt ?? this.now().toISOString() } })
    return closed ? cloudPayOk('closeOrder') : cloudPayFail('closeOrder', '订单已支付，不能发起关单')
  }

  async refund(input: RefundInput): Promise<RefundAnswer> {
    const trade = await this.trades.get(input.outTradeNo)
    if (!trade?.transactionId) return cloudPayFail('refund', '订单未支付')
    const paid = trade.paidFee ?? trade.totalFee
    const same = await this.refunds.get(input.outRefundNo)
    if (same) {
      if (same.refundFee !== input.refundFee || same.outTradeNo !== input.outTradeNo) return cloudPayFail('refund', '订单金额或退款金额与之前请求不一致，请核实后再试')
      return { ...cloudPayOk('refund'), refundId: same.refundId, outRefundNo: same._id, refundFee: same.refundFee }
    }
    if (input.totalFee !== paid) return cloudPayFail('refund', '订单金额与实际支付金额不一致')
    if (input.refundFee <= 0 || input.refundFee > paid) return cloudPayFail('refund', '退款金额大于可退金额')
    const doc: CashierRefundDoc = { _id: input.outRefundNo, outTradeNo: trade._id, transactionId: trade.transactionId, refundId: newId('rfd'), totalFee: input.totalFee, refundFee: input.refundFee, functionName: input.functionName, at: this.now().toISOString(), notified: false }
    try {
      await this.refunds.add(doc)
    } catch (error) {
      // The same refund number at once: one refund, the others answered as a replay of it.
      if (!(error instanceof DuplicateKeyError)) throw error
      return this.refund(input)
    }
    const total = (await this.refunds.find({ outTradeNo: trade._id }, { limit: 100 })).reduce((sum, r) => sum + r.refundFee, 0)
    if (total > paid) {
      await this.refunds.remove({ _id: doc._id })
      return cloudPayFail('refund', '退款金额大于可退金额')
    }
    return { ...cloudPayOk('refund'), refundId: doc.refundId, outRefundNo: doc._id, refundFee: doc.refundFee }
  }

  /** Every refund ever accepted for a trade (tests count them). */
  refundsOf(outTradeNo: string): Promise<CashierRefundDoc[]> {
    return this.refunds.find({ outTradeNo }, { limit: 100 })
  }

  /**
   * Delivers refund results not yet acknowledged, as cloudPay calls `functionName` (with the decrypted
   * `req_info` fields under `reqInfo`); `deliver` answers `{ errcode }` and 0 stops the retries.
   */
  async deliverRefundNotices(deliver: (note: unknown) => Promise<unknown>): Promise<number> {
    let delivered = 0
    for (const r of await this.refunds.find({ notified: false }, { limit: 100 })) {
      const note = {
        returnCode: 'SUCCESS',
        reqInfo: { transactionId: r.transactionId, outTradeNo: r.outTradeNo, refundId: r.refundId, outRefundNo: r._id, totalFee: r.totalFee, refundFee: r.refundFee, settlementRefundFee: r.refundFee, refundStatus: 'SUCCESS', successTime: r.at, refundRecvAccout: '支付用户零钱', refundRequestSource: 'API' },
      }
      const ack = (await deliver(note)) as { errcode?: number } | null
      if (ack?.errcode === 0) {
        await this.refunds.update({ _id: r._id }, { set: { notified: true } })
        delivered++
      }
    }
    return delivered
  }
}

/** The Pay port over the simulated cashier: the same code as production, pointing the user at the cashier page. */
export function createLocalPay(cashier: LocalCashier, baseUrl: () => string): Pay {
  let n = 0
  return createCloudPayPort(cashier, {
    subMchId: 'local',
    envId: 'local',
    nonce: () => `local${++n}`,
    paymentParams: (_answer, outTradeNo) => ({ kind: 'local-cashier', cashierUrl: `${baseUrl()}/__cashier?orderId=${outTradeNo}` }),
  })
}

/** A service notification WeChat would have shown; kept so tests can count every send. */
export interface SentNotification {
  _id: string
  openid: string
  templateId: string
  page: string
  data: Record<string, { value: string }>
  at: string
}

/** subscribeMessage.send, locally: records each send (the 消息 page shows the inbox copy). */
export function createLocalNotifier(db: Db, now: () => Date): Notifier {
  return {
    async send({ openid, templateId, page, data }) {
      await db.collection<SentNotification>('wechat_sent').add({ _id: newId('msg'), openid, templateId, page, data, at: now().toISOString() })
    },
  }
}
