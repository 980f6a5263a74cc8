import { AppError } from '../../../src/domain/errors'
import { ZJZAPI_COST_FEN, ZJZAPI_MAX_IMAGE_BYTES } from '../../../src/domain/provider/receipt-provider'
import { cityByCode } from '../../../src/domain/region'
import type { ReviewCenter, Submission } from '../ports'
import { configuredType, providerTypeFor, type ProviderTypeMap } from './type-map'

export interface ZjzapiOptions {
  /** e.g. https://api.zjzapi.com (the adapter appends /receipt/make and /receipt/submit). */
  baseUrl: string
  apiKey: string
  types: ProviderTypeMap
  /** The notice_url for an order: our callback route with the order's token. */
  noticeUrl(orderId: string): string
  timeoutMs?: number
}

interface ZjzapiAnswer<T> {
  code?: unknown
  msg?: unknown
  data?: T
}

/**
 * zjzapi (and services on the same contract) behind the ReviewCenter port, as https://www.zjzapi.com/doc/receipt.html
 * documents it: `receipt/make` (key, item_id, image as base64 ≤ 5 MB, form-urlencoded) → pic_id, valid 50 minutes;
 * then `receipt/submit` (key, pic_id, notice_url, param JSON with text_name, text_idcard, text_mobile, text_city)
 * → order_no, our ticket. It has no query: results come only as notices to notice_url.
 */
export function createZjzapiCenter(o: ZjzapiOptions): ReviewCenter {
  const base = o.baseUrl.replace(/\/$/, '')
  const post = async <T>(path: string, form: Record<string, string>): Promise<T> => {
    let res: Response
    try {
      res = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(form).toString(),
        signal: AbortSignal.timeout(o.timeoutMs ?? 8000),
      })
    } catch (error) {
      throw new AppError('PROVIDER_UNAVAILABLE', `回执服务暂时不可用：${error instanceof Error ? error.message.slice(0, 60) : ''}`)
    }
    if (!res.ok) throw new AppError('PROVIDER_UNAVAILABLE', `回执服务暂时不可用（HTTP ${res.status}）`)
    const json = (await res.json().catch(() => ({}))) as ZjzapiAnswer<T>
    if (json.code !== 0 || !json.data) throw new AppError('PROVIDER_REQUEST_REFUSED', `回执服务商未受理：${String(json.msg ?? '未说明原因').slice(0, 80)}`)
    return json.data
  }
  return {
    provider: 'zjzapi',
    costFen: () => ZJZAPI_COST_FEN,
    typeFor: (documentType, cityCode) => configuredType(o.types, documentType, cityCode),
    async submit(s: Submission) {
      const itemId = providerTypeFor(o.types, s.documentType, s.cityCode)
      const photo = await fetch(s.photoUrl, { signal: AbortSignal.timeout(o.timeoutMs ?? 8000) })
      if (!photo.ok) throw new AppError('FILE_NOT_FOUND')
      const bytes = Buffer.from(await photo.arrayBuffer())
      if (bytes.length > ZJZAPI_MAX_IMAGE_BYTES) throw new AppError('PROVIDER_PHOTO_TOO_LARGE')
      const made = await post<{ pic_id?: unknown }>('/receipt/make', { key: o.apiKey, item_id: String(itemId), image: bytes.toString('base64') })
      const picId = String(made.pic_id ?? '')
      if (!picId) throw new AppError('PROVIDER_REQUEST_REFUSED', '回执服务商未返回 pic_id')
      // Only the fields the spec asks for (the documentation's example for a 驾驶证 item).
      const param = { text_name: s.applicant.name, text_idcard: s.applicant.idNumber, text_mobile: s.applicant.phone, text_city: cityByCode(s.cityCode)?.name.replace(/市$/, '') ?? '' }
      const submitted = await post<{ order_no?: unknown }>('/receipt/submit', { key: o.apiKey, pic_id: picId, notice_url: o.noticeUrl(s.orderId), param: JSON.stringify(param) })
      const orderNo = String(submitted.order_no ?? '')
      if (!orderNo) throw new AppError('PROVIDER_REQUEST_REFUSED', '回执服务商未返回订单号')
      return { ticketId: orderNo }
    },
  }
}
