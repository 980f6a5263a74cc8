import type { PaymentParams } from '@/domain/order/order.view'
import { PayError, type PayOutcome } from './pay.types'

export { PayError, type PayFailure, type PayOutcome } from './pay.types'

const API_BASE = process.env.TARO_APP_API_BASE ?? ''

/**
 * H5 build (local mode): the emulator's simulated cashier. The browser leaves for the cashier page, which shows
 * 确认支付, fires the same payment callback WeChat Pay would, and sends the browser back to the result page.
 * WeChat Pay parameters cannot be used in a browser.
 */
export async function pay(params: PaymentParams): Promise<PayOutcome> {
  if (params.kind !== 'local-cashier') throw new PayError('unsupported', params.kind)
  const url = params.cashierUrl.startsWith('/') ? `${API_BASE}${params.cashierUrl}` : params.cashierUrl
  window.location.assign(url)
  return 'redirected'
}
