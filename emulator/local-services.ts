import { createHmac } from 'node:crypto'
import { newId } from '../cloudfunctions/_shared/crypto'
import { DuplicateKeyError, type Config, type Db, type Notifier, type Pay } from '../cloudfunctions/_shared/ports'
import { retentionFromEnv } from '../src/domain/privacy/retention'

/** Local stand-ins for what only WeChat has: the cashier, subscribe-message delivery, and the secrets. */

/** Keys for local mode, derived from the data directory's own secret so they survive restarts. */
export function localConfig(secret: string): Config & { centerSubmitSecret: string } {
  const derive = (label: string) => createHmac('sha256', secret).update(label).digest()
  return {
    dataKey: derive('data-key'),
    centerCallbackSecret: derive('center-callback').toString('hex'),
    centerSubmitSecret: derive('center-submit').toString('hex'),
    templateIds: { review_result: 'local-review-result', receipt_expiring: 'local-receipt-expiring', order_cancelled: 'local-order-cancelled', application_result: 'local-application-result', loss_result: 'local-loss-result' },
    retention: retentionFromEnv(process.env),
  }
}

/** What the simulated cashier needs to show and settle a payment. */
export interface CashierDoc {
  _id: string
  openid: string
  totalFee: number
  body: string
  createdAt: string
  /** Set once, when the user pays: every notification of this payment carries it. */
  transactionId: string | null
}

/** unifiedOrder, locally: remembers the payment and points the user at the simulated cashier page. */
export function createLocalPay(db: Db, baseUrl: () => string, now: () => Date): Pay {
  return {
    async unifiedOrder({ outTradeNo, totalFee, body, openid }) {
      const cashier = db.collection<CashierDoc>('cashier')
      try {
        if (!(await cashier.get(outTradeNo))) await cashier.add({ _id: outTradeNo, openid, totalFee, body, createdAt: now().toISOString(), transactionId: null })
      } catch (error) {
        // The same trade asked for twice at once: one cashier entry, as WeChat keeps one prepay per out_trade_no.
        if (!(error instanceof DuplicateKeyError)) throw error
      }
      return { kind: 'local-cashier', cashierUrl: `${baseUrl()}/__cashier?orderId=${outTradeNo}` }
    },
  }
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
