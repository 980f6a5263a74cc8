import { AppError } from '../../../src/domain/errors'
import { CLIPIMG_BATCH_MAX, clipImgErrorCode, clipImgVerdict, type ClipImgApplication } from '../../../src/domain/provider/receipt-provider'
import type { ProviderStatus, ProviderType, ReviewCenter, Submission } from '../ports'
import { configuredType, providerTypeFor, type ProviderTypeMap } from './type-map'

export interface ClipImgOptions {
  /** https://www.clipimg.com/app/receipt_api.php (the adapter appends /submit, /query, /batch_query, /types). */
  baseUrl: string
  apiKey: string
  types: ProviderTypeMap
  /** The callback_url for an order: our callback route with the order's token. */
  callbackUrl(orderId: string): string
  /** 可立图's test mode (`simulate`): nothing is charged and nothing reaches a detection center. */
  simulate?: boolean
  /** What one completed application costs us, in fen (500 points per success; the price of a point is the account's). */
  costFen?: number
  timeoutMs?: number
}

interface ClipImgAnswer<T> {
  code?: unknown
  message?: unknown
  data?: T
}

/** One receipt type as /types lists it. */
export interface ClipImgType {
  id: number
  name: string
  required_fields: string[]
  parameter_guide?: unknown
  processing_time?: unknown
}

/** "30分钟", "2小时", 45 → minutes; undefined when it states no time we can read. */
export function processingMinutesOf(value: unknown): number | undefined {
  if (typeof value === 'number' && value > 0) return value
  const m = /^(\d+(?:\.\d+)?)\s*(分钟|小时|天)?/.exec(String(value ?? ''))
  if (!m) return undefined
  return Math.round(Number(m[1]) * ({ 分钟: 1, 小时: 60, 天: 1440 }[m[2] ?? '分钟'] ?? 1))
}

const toType = (t: ClipImgType): ProviderType => ({ id: Number(t.id), name: String(t.name ?? ''), requiredFields: Array.isArray(t.required_fields) ? t.required_fields.map(String) : [], processingMinutes: processingMinutesOf(t.processing_time) })

/** Our applicant fields under the names 可立图's custom_fields example uses (customer_name, customer_phone, customer_id_card). */
const FIELDS = { customer_name: 'name', customer_phone: 'phone', customer_id_card: 'idNumber' } as const

/**
 * 可立图 ClipImg behind the ReviewCenter port, as https://www.clipimg.com/wp/docs/receipt_api/ documents it: JSON
 * POSTs with `apikey`; /submit (receipt_type_id, id_photo_url, custom_fields, callback_url) → application_no, our
 * ticket; /query and /batch_query (≤ 100) answer the application's status, and `completed` carries result_url
 * and image_code. Its coded errors (1001–2002) become ours (src/domain/provider/receipt-provider.ts).
 */
export function createClipImgCenter(o: ClipImgOptions): ReviewCenter & { types(): Promise<ProviderType[]> } {
  const base = o.baseUrl.replace(/\/$/, '')
  const post = async <T>(path: string, body: Record<string, unknown>): Promise<T> => {
    let res: Response
    try {
      res = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ apikey: o.apiKey, ...body, ...(o.simulate ? { simulate: 1 } : {}) }),
        signal: AbortSignal.timeout(o.timeoutMs ?? 8000),
      })
    } catch (error) {
      throw new AppError('PROVIDER_UNAVAILABLE', `回执服务暂时不可用：${error instanceof Error ? error.message.slice(0, 60) : ''}`)
    }
    const json = (await res.json().catch(() => ({ code: 2002 }))) as ClipImgAnswer<T>
    const code = typeof json.code === 'number' ? json.code : Number(json.code ?? 2002)
    if (code !== 0) throw new AppError(clipImgErrorCode(code))
    if (json.data === undefined) throw new AppError('PROVIDER_UNAVAILABLE')
    return json.data
  }
  const toStatus = (app: ClipImgApplication): ProviderStatus => ({ ticketId: app.application_no, verdict: clipImgVerdict(app) })
  return {
    provider: 'clipimg',
    costFen: () => o.costFen ?? 0,
    typeFor: (documentType, cityCode) => configuredType(o.types, documentType, cityCode),
    async submit(s: Submission) {
      const typeId = providerTypeFor(o.types, s.documentType, s.cityCode)
      // Only what the type's required_fields ask for, when its type list is known (PIPL: no more than needed).
      const wanted = Object.entries(FIELDS).filter(([field]) => !s.requiredFields || s.requiredFields.includes(field))
      const customFields = Object.fromEntries(wanted.map(([field, ours]) => [field, s.applicant[ours]]))
      const data = await post<{ application_no?: unknown }>('/submit', { receipt_type_id: typeId, id_photo_url: s.photoUrl, custom_fields: customFields, callback_url: o.callbackUrl(s.orderId) })
      const applicationNo = String(data.application_no ?? '')
      if (!applicationNo) throw new AppError('PROVIDER_UNAVAILABLE')
      return { ticketId: applicationNo }
    },
    async query(ticketIds) {
      const out: ProviderStatus[] = []
      if (ticketIds.length === 1) {
        out.push(toStatus(await post<ClipImgApplication>('/query', { application_no: ticketIds[0] })))
        return out
      }
      for (let i = 0; i < ticketIds.length; i += CLIPIMG_BATCH_MAX) {
        const page = await post<ClipImgApplication[]>('/batch_query', { application_nos: ticketIds.slice(i, i + CLIPIMG_BATCH_MAX) })
        out.push(...page.map(toStatus))
      }
      return out
    },
    types: async () => (await post<ClipImgType[]>('/types', {})).map(toType),
  }
}
