import Taro from '@tarojs/taro'
import type { TemplateIds, TemplateKey } from '@/domain/notify/templates'

/**
 * Template IDs differ per mini-program and come from config (`.env.*`), never from code (docs/architecture.md, platform facts).
 * Taro inlines each `process.env.TARO_APP_*` at build time, so every variable is spelled out.
 */
const TEMPLATE_IDS: TemplateIds = {
  review_result: process.env.TARO_APP_TEMPLATE_REVIEW_RESULT ?? '',
  receipt_expiring: process.env.TARO_APP_TEMPLATE_RECEIPT_EXPIRING ?? '',
  order_cancelled: process.env.TARO_APP_TEMPLATE_ORDER_CANCELLED ?? '',
  application_result: process.env.TARO_APP_TEMPLATE_APPLICATION_RESULT ?? '',
  loss_result: process.env.TARO_APP_TEMPLATE_LOSS_RESULT ?? '',
}

/**
 * Shows WeChat's subscribe dialog for the given templates (at most 3 per call) and resolves with the ones the user
 * accepted. WeChat only shows the dialog when this runs inside a tap handler, before any await: call it first,
 * then await the promise. Never rejects: a refusal, a ban or a missing template ID means "not subscribed".
 * https://developers.weixin.qq.com/miniprogram/dev/api/open-api/subscribe-message/wx.requestSubscribeMessage.html
 */
export function askSubscribe(keys: readonly TemplateKey[]): Promise<TemplateKey[]> {
  const wanted = keys.filter((key) => TEMPLATE_IDS[key]).slice(0, 3)
  if (wanted.length === 0) return Promise.resolve([])
  return new Promise((resolve) => {
    /** Taro's typing also demands Alipay's `entityIds`; WeChat takes `tmplIds` alone. */
    const option = {
      tmplIds: wanted.map((key) => TEMPLATE_IDS[key]),
      success: (res: Taro.requestSubscribeMessage.SuccessCallbackResult) => resolve(wanted.filter((key) => res[TEMPLATE_IDS[key]] === 'accept')),
      fail: () => resolve([]),
    } as unknown as Taro.requestSubscribeMessage.Option
    void Taro.requestSubscribeMessage(option).catch(() => undefined)
  })
}
