import { instantMs } from '../../../src/domain/time'
import type { PaymentParams } from '../../../src/domain/order/order.view'
import type { Pay, TradeRecord } from '../ports'

/**
 * cloudPay as wx-server-sdk exposes it (`cloud.cloudPay.<api>(input)`). The SDK converts the input from
 * camelCase to WeChat Pay's snake_case and the answer back to camelCase, then overwrites `errCode` with 0
 * and `errMsg` with `cloudPay.<api>:ok` (node_modules/wx-server-sdk/index.js, getCloudPayAPIs): WeChat Pay's
 * own `err_code` (ORDERPAID, ORDERNOTEXIST…) never reaches the caller, only `resultCode` and `errCodeDes`.
 * The production adapter passes sdk.cloudPay; the emulator's cashier implements the same shapes.
 * Docs: https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/open/pay/CloudPay.unifiedOrder.html
 * (and CloudPay.queryOrder / CloudPay.closeOrder / CloudPay.refund beside it).
 */
export interface CloudPayApi {
  unifiedOrder(input: UnifiedOrderInput): Promise<UnifiedOrderAnswer>
  queryOrder(input: { subMchId: string; outTradeNo: string; nonceStr: string }): Promise<QueryOrderAnswer>
  closeOrder(input: { subMchId: string; outTradeNo: string; nonceStr: string }): Promise<PayAnswer>
  refund(input: RefundInput): Promise<RefundAnswer>
}

/** What every cloudPay answer carries: `returnCode` is the link, `resultCode` the business result. */
export interface PayAnswer {
  returnCode: string
  returnMsg?: string
  resultCode?: string
  errCodeDes?: string
  errCode?: number
  errMsg?: string
}

export interface UnifiedOrderInput {
  body: string
  outTradeNo: string
  spbillCreateIp: string
  subMchId: string
  totalFee: number
  envId: string
  /** The function cloudPay calls with the payment result. */
  functionName: string
  /** Last instant the trade can be paid, `yyyyMMddHHmmss` in Beijing time (WeChat Pay v2 `time_expire`). */
  timeExpire: string
  tradeType?: 'JSAPI'
}

export interface UnifiedOrderAnswer extends PayAnswer {
  /** The parameters for wx.requestPayment. */
  payment?: Omit<Extract<PaymentParams, { kind: 'wechat' }>, 'kind'>
}

/** WeChat Pay v2 `trade_state`: SUCCESS, REFUND, NOTPAY, CLOSED, REVOKED, USERPAYING, PAYERROR. */
export interface QueryOrderAnswer extends PayAnswer {
  tradeState?: string
  totalFee?: number
  transactionId?: string
  outTradeNo?: string
}

export interface RefundInput {
  subMchId: string
  nonceStr: string
  outTradeNo: string
  /** Ours, derived from the order: a refund asked for again with the same number is the same refund. */
  outRefundNo: string
  totalFee: number
  refundFee: number
  refundDesc?: string
  envId: string
  /** The function cloudPay calls with the refund result. */
  functionName: string
}

export interface RefundAnswer extends PayAnswer {
  refundId?: string
  refundFee?: number
  outRefundNo?: string
}

/** The function that receives payment and refund results (`functionName`); its entry admits only WeChat Pay. */
export const PAY_CALLBACK_FUNCTION = 'payCallback'

/** A refund WeChat Pay did not accept: its description, for the operator. */
export class RefundRefused extends Error {
  constructor(readonly description: string) {
    super(`refund refused: ${description}`)
    this.name = 'RefundRefused'
  }
}

/** `yyyyMMddHHmmss` in Beijing time (UTC+8, no daylight saving), as WeChat Pay v2 reads `time_expire`. */
export function beijingStamp(instant: string | Date): string {
  const d = new Date(instantMs(instant) + 8 * 3600_000)
  const p = (n: number, w = 2) => String(n).padStart(w, '0')
  return `${p(d.getUTCFullYear(), 4)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`
}

const ok = (a: PayAnswer) => a.returnCode === 'SUCCESS' && a.resultCode === 'SUCCESS'

/**
 * The Pay port over a cloudPay-shaped API, shared by production (sdk.cloudPay) and the emulator's cashier,
 * so the same code reads both answers.
 */
export function createCloudPayPort(
  api: CloudPayApi,
  opts: { subMchId: string; envId: string; nonce: () => string; paymentParams: (answer: UnifiedOrderAnswer, outTradeNo: string) => PaymentParams },
): Pay {
  const { subMchId, envId, nonce } = opts
  const queryOrder = async (outTradeNo: string): Promise<TradeRecord> => {
    const a = await api.queryOrder({ subMchId, outTradeNo, nonceStr: nonce() })
    if (a.returnCode !== 'SUCCESS') throw new Error(`queryOrder failed: ${a.returnMsg ?? a.returnCode}`)
    // A business failure (no such trade, or WeChat's system error: the SDK hides which) is not a payment.
    if (a.resultCode !== 'SUCCESS' || !a.tradeState) return { state: 'UNKNOWN', description: a.errCodeDes }
    return { state: a.tradeState, totalFee: a.totalFee, transactionId: a.transactionId }
  }
  return {
    async unifiedOrder({ outTradeNo, totalFee, body, expiresAt }) {
      const a = await api.unifiedOrder({ body, outTradeNo, spbillCreateIp: '127.0.0.1', subMchId, totalFee, envId, functionName: PAY_CALLBACK_FUNCTION, timeExpire: beijingStamp(expiresAt), tradeType: 'JSAPI' })
      if (a.returnCode !== 'SUCCESS' || a.resultCode === 'FAIL') throw new Error(`unifiedOrder failed: ${a.errCodeDes ?? a.returnMsg ?? a.returnCode}`)
      return opts.paymentParams(a, outTradeNo)
    },
    queryOrder,
    async closeOrder(outTradeNo) {
      const a = await api.closeOrder({ subMchId, outTradeNo, nonceStr: nonce() })
      if (a.returnCode !== 'SUCCESS') throw new Error(`closeOrder failed: ${a.returnMsg ?? a.returnCode}`)
      if (ok(a)) return 'closed'
      // Refused (ORDERPAID, ORDERCLOSED, SYSTEMERROR…: the SDK hides which), so ask what the trade is now.
      const trade = await queryOrder(outTradeNo)
      if (trade.state === 'SUCCESS' || trade.state === 'REFUND') return 'paid'
      if (trade.state === 'CLOSED' || trade.state === 'REVOKED' || trade.state === 'UNKNOWN') return 'closed'
      throw new Error(`closeOrder refused while the trade is ${trade.state}`)
    },
    async refund({ outTradeNo, outRefundNo, totalFee, refundFee, reason }) {
      const a = await api.refund({ subMchId, nonceStr: nonce(), outTradeNo, outRefundNo, totalFee, refundFee, refundDesc: reason.slice(0, 80), envId, functionName: PAY_CALLBACK_FUNCTION })
      if (a.returnCode !== 'SUCCESS') throw new Error(`refund failed: ${a.returnMsg ?? a.returnCode}`)
      if (a.resultCode !== 'SUCCESS') throw new RefundRefused(a.errCodeDes ?? 'FAIL')
      return { refundId: a.refundId ?? '' }
    },
  }
}
