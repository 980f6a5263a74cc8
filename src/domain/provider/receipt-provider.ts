import type { ErrorCode } from '../errors'
import { REJECT_REASONS, type RejectReasonCode } from '../order/order.view'

/**
 * The wholesale receipt services Huizhi can send an order to, and what their answers mean in our words
 * (docs/decisions/015-receipt-providers.md). `huizhi` is our own contract (docs/api/detection-center.openapi.yaml).
 */
export const PROVIDER_NAMES = ['huizhi', 'zjzapi', 'clipimg'] as const
export type ProviderName = (typeof PROVIDER_NAMES)[number]

export const isProviderName = (value: unknown): value is ProviderName => typeof value === 'string' && (PROVIDER_NAMES as readonly string[]).includes(value)

/** What a provider says about one application, in our words. */
export type ProviderVerdict =
  | { state: 'pending' }
  | { state: 'approved'; receiptNumber: string; imageNumber?: string; resultUrl?: string }
  | { state: 'rejected'; reasonText: string }
  | { state: 'cancelled' }

/** zjzapi's notice `status` (https://www.zjzapi.com/doc/receipt.html: 2=审核中,3=办理完成,-1=审核失败,-2=取消完成). */
export const ZJZAPI_STATUS = { reviewing: '2', done: '3', failed: '-1', cancelled: '-2' } as const

/** A zjzapi form notice read into a verdict; undefined for a status the documentation does not list. */
export function zjzapiVerdict(fields: Readonly<Record<string, string | undefined>>): ProviderVerdict | undefined {
  switch (fields.status) {
    case ZJZAPI_STATUS.reviewing:
      return { state: 'pending' }
    case ZJZAPI_STATUS.done:
      // The notice carries no 回执号 field: the provider's order number stands for it, the 回执号 is printed on image_receipt.
      return fields.order_no ? { state: 'approved', receiptNumber: fields.order_no, ...(fields.image_receipt ? { resultUrl: fields.image_receipt } : {}) } : undefined
    case ZJZAPI_STATUS.failed:
      return { state: 'rejected', reasonText: (fields.reason ?? fields.msg ?? '').trim() }
    case ZJZAPI_STATUS.cancelled:
      return { state: 'cancelled' }
    default:
      return undefined
  }
}

/** A 可立图 application as /query answers it (https://www.clipimg.com/wp/docs/receipt_api/). */
export interface ClipImgApplication {
  application_no: string
  status: string
  result_url?: string | null
  image_code?: string | null
  error_message?: string | null
  fail_reason?: string | null
}

/** 可立图's statuses: 待处理、处理中、已完成、失败 (pending, processing, completed, failed). */
export function clipImgVerdict(app: ClipImgApplication): ProviderVerdict | undefined {
  switch (app.status) {
    case 'pending':
    case 'processing':
      return { state: 'pending' }
    case 'completed':
      return app.image_code ? { state: 'approved', receiptNumber: app.image_code, imageNumber: app.image_code, ...(app.result_url ? { resultUrl: app.result_url } : {}) } : undefined
    case 'failed':
      return { state: 'rejected', reasonText: (app.fail_reason ?? app.error_message ?? '').trim() }
    default:
      return undefined
  }
}

/** Words a provider's rejection text uses for each of our coded reasons (the first match wins). */
const REASON_WORDS: ReadonlyArray<readonly [RejectReasonCode, RegExp]> = [
  ['BACKGROUND_SHADOW', /背景|阴影|底色/],
  ['HEAD_PROPORTION', /头部|比例|头像大小|头顶|下巴/],
  ['ACCESSORIES', /饰品|眼镜|耳环|帽/],
  ['EXPRESSION', /表情|张嘴|露齿|闭眼/],
  ['BLURRED', /模糊|不清晰|分辨率/],
  ['LIGHTING', /光线|曝光|过暗|过亮|反光/],
  ['EARS_COVERED', /耳朵|眉毛|遮挡|头发/],
]

/**
 * A provider's rejection text as our coded reason: the code whose words it uses, else OTHER; the text itself is
 * always kept verbatim, so nothing the provider said is lost (an empty text reads 未说明原因).
 */
export function rejectReasonFor(text: string): { code: RejectReasonCode; text: string } {
  const clean = text.trim().slice(0, 200)
  if (!clean) return { code: 'OTHER', text: '服务商未说明原因' }
  const hit = REASON_WORDS.find(([, words]) => words.test(clean))
  return { code: hit?.[0] ?? 'OTHER', text: clean }
}

/** The label a coded reason reads as, for the history line. */
export const reasonLabel = (code: RejectReasonCode, text?: string) => `${REJECT_REASONS[code]}${text && text !== REJECT_REASONS[code] ? `：${text}` : ''}`

/**
 * 可立图's coded errors (https://www.clipimg.com/wp/?p=3267, 错误码说明) as ours. Codes our own request got wrong
 * (1002–1004, 1009, 1011, 1012) are PROVIDER_REQUEST_INVALID; 2001/2002 are worth retrying.
 */
export const CLIPIMG_ERRORS: Readonly<Record<number, ErrorCode>> = {
  1001: 'PROVIDER_AUTH_FAILED',
  1002: 'PROVIDER_REQUEST_INVALID',
  1003: 'PROVIDER_REQUEST_INVALID',
  1004: 'PROVIDER_REQUEST_INVALID',
  1005: 'PROVIDER_FIELDS_MISSING',
  1006: 'PROVIDER_PHONE_INVALID',
  1007: 'ID_NUMBER_INVALID',
  1008: 'RECEIPT_TYPE_UNAVAILABLE',
  1009: 'PROVIDER_REQUEST_INVALID',
  1010: 'PROVIDER_APPLICATION_NOT_FOUND',
  1011: 'PROVIDER_REQUEST_INVALID',
  1012: 'PROVIDER_REQUEST_INVALID',
  2001: 'PROVIDER_UNAVAILABLE',
  2002: 'PROVIDER_UNAVAILABLE',
}

/** Our coded error for a 可立图 error code; an undocumented code is treated as the service being unavailable. */
export const clipImgErrorCode = (code: number): ErrorCode => CLIPIMG_ERRORS[code] ?? 'PROVIDER_UNAVAILABLE'

/** Errors that retrying the same request cannot cure: the sweeper stops resubmitting and flags the order. */
export const PERMANENT_PROVIDER_ERRORS: readonly ErrorCode[] = ['PROVIDER_AUTH_FAILED', 'PROVIDER_REQUEST_INVALID', 'PROVIDER_FIELDS_MISSING', 'PROVIDER_PHONE_INVALID', 'ID_NUMBER_INVALID', 'RECEIPT_TYPE_UNAVAILABLE', 'PROVIDER_PHOTO_TOO_LARGE', 'PROVIDER_REQUEST_REFUSED']

/** zjzapi's `make` takes the photo as base64 of at most 5 MB (https://www.zjzapi.com/doc/receipt.html). */
export const ZJZAPI_MAX_IMAGE_BYTES = 5 * 1024 * 1024
/** zjzapi's pic_id is valid 50 minutes: a submission after that must `make` again. */
export const ZJZAPI_PIC_ID_MINUTES = 50
/** zjzapi charges 7 元 per completed order (https://www.zjzapi.com/doc/receipt.html, 接口费用). */
export const ZJZAPI_COST_FEN = 700
/** 可立图 processes within its type's `processing_time`; without one, a result is overdue after this many minutes. */
export const DEFAULT_PROCESSING_MINUTES = 30
/** 可立图's /batch_query takes at most 100 application numbers (error 1012). */
export const CLIPIMG_BATCH_MAX = 100

/** The first query for a result is due when the type's processing time has passed since submission. */
export function firstQueryAt(submittedAt: Date, processingMinutes = DEFAULT_PROCESSING_MINUTES): string {
  return new Date(submittedAt.getTime() + processingMinutes * 60_000).toISOString()
}

/** After a query finds a result still pending, the next waits 5, 10, 20 … minutes, at most 6 hours. */
export function nextQueryAt(now: Date, queriesSoFar: number): string {
  const minutes = Math.min(5 * 2 ** Math.max(0, queriesSoFar), 360)
  return new Date(now.getTime() + minutes * 60_000).toISOString()
}
